package dk.tvaers.funding;

import dk.tvaers.initiatives.InitiativeFundingSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Shows on an initiative's page the grants that pay for it, with their tranches and progress reports. */
@Component
class GrantsOfInitiatives implements InitiativeFundingSource {

    private final Funding funding;
    private final Tranches trancheCycle;

    GrantsOfInitiatives(Funding funding, Tranches trancheCycle) {
        this.funding = funding;
        this.trancheCycle = trancheCycle;
    }

    @Override
    public List<FundedGrant> grantsOf(long initiativeId, LocalDate today) {
        return funding.grantsForInitiative(initiativeId).stream().map(grant -> {
            List<Tranche> tranches = trancheCycle.tranches(grant.id());
            Map<Long, Integer> numbers = tranches.stream()
                    .collect(Collectors.toMap(Tranche::id, Tranche::number));
            Map<Long, Tranche> byId = tranches.stream().collect(Collectors.toMap(Tranche::id, Function.identity()));
            return new FundedGrant(grant.id(), grant.title(), grant.poolName(), grant.amount(),
                    tranches.stream().map(t -> new FundedTranche(t.number(), t.amount(), t.reportDue(),
                            t.status().messageKey(), t.overdueOn(today))).toList(),
                    trancheCycle.reports(grant.id()).stream().filter(r -> byId.containsKey(r.trancheId()))
                            .map(r -> new FundedReport(numbers.get(r.trancheId()), r.body(), r.submittedByName(),
                                    r.submittedAt(), r.decision() == null ? null : r.decision().messageKey()))
                            .toList());
        }).toList();
    }
}
