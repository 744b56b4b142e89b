package dk.tvaers.catalog;

import dk.tvaers.shared.Money;
import java.time.Instant;
import java.util.List;

/**
 * How the initiative a published case describes was funded, shown on the case's public page: each grant with its
 * pool, the call it answered (when it was granted on an application) and the decision's date. Implemented by the
 * applications module, which knows both the grant (through funding) and the call (ADR 0036); catalog depends on
 * neither. Only decided grants exist, so nothing undecided can show.
 */
public interface CaseFundingSource {

    /** The grants paying for the initiative, oldest decision first; empty when none. */
    List<CaseGrant> grantsOf(long initiativeId);

    /** One grant: {@code callTitle} is null for a grant made without an application (e.g. a pool's direct grant). */
    record CaseGrant(String title, String poolName, String callTitle, Money amount, Instant decidedAt) {}
}
