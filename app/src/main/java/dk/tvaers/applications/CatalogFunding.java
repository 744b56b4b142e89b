package dk.tvaers.applications;

import dk.tvaers.catalog.CaseFundingSource;
import dk.tvaers.funding.Funding;
import dk.tvaers.funding.Grant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives a published catalogue case the grants of its initiative (funding's grants) with the call each answered (the
 * decided application's challenge), so the case's page says how it was funded.
 */
@Component
class CatalogFunding implements CaseFundingSource {

    private final Funding funding;
    private final Applications applications;
    private final JdbcClient jdbc;

    CatalogFunding(Funding funding, Applications applications, JdbcClient jdbc) {
        this.funding = funding;
        this.applications = applications;
        this.jdbc = jdbc;
    }

    @Override
    public List<CaseGrant> grantsOf(long initiativeId) {
        return funding.grantsForInitiative(initiativeId).stream().map(this::caseGrant).toList();
    }

    private CaseGrant caseGrant(Grant grant) {
        String call = jdbc.sql("SELECT application_id FROM application_decision WHERE grant_id = :grant")
                .param("grant", grant.id()).query(Long.class).optional()
                .map(application -> applications.find(application).challengeTitle()).orElse(null);
        return new CaseGrant(grant.title(), grant.poolName(), call, grant.amount(), grant.decidedAt());
    }
}
