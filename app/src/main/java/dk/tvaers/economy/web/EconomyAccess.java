package dk.tvaers.economy.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.economy.BusinessCases;
import dk.tvaers.initiatives.Editor;
import dk.tvaers.initiatives.Editors;
import dk.tvaers.initiatives.Initiative;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.TimeFormat;
import java.time.Clock;
import java.time.YearMonth;
import java.util.function.BiPredicate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who the economy pages' visitor is and which initiative they may act on: the one rule of the business case and the
 * actual-cost controllers (rows, not only routes): 403 to those who only see the business case, 404 to everyone
 * else; and this month in Copenhagen, the month the figures are counted up to.
 */
@Component
class EconomyAccess {

    private final BusinessCases businessCases;
    private final Initiatives initiatives;
    private final Editors editors;
    private final Clock clock;

    EconomyAccess(BusinessCases businessCases, Initiatives initiatives, Editors editors, Clock clock) {
        this.businessCases = businessCases;
        this.initiatives = initiatives;
        this.editors = editors;
        this.clock = clock;
    }

    /** The initiative if the person may do it; 403 to those who only see the business case, else 404. */
    Initiative allowed(long id, AccountPrincipal principal, BiPredicate<Initiative, Editor> may) {
        Initiative initiative = initiative(id);
        Editor editor = editor(principal);
        if (!may.test(initiative, editor)) {
            if (businessCases.maySeeAll(initiative, editor)) {
                throw new AccessDeniedException("may not change the business case or its actual costs");
            }
            throw new NotFoundException("business case", id);
        }
        return initiative;
    }

    Initiative initiative(long id) {
        return initiatives.find(id).orElseThrow(() -> new NotFoundException("initiative", id));
    }

    /** The person as the economy services see them; null for a visitor. */
    Editor editor(AccountPrincipal principal) {
        return editors.of(principal);
    }

    YearMonth today() {
        return YearMonth.now(clock.withZone(TimeFormat.COPENHAGEN));
    }
}
