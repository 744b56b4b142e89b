package dk.tvaers.funding;

import dk.tvaers.platform.database.FilteredQuery;
import dk.tvaers.shared.FigureFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money in figures (issue 15), in øre, for the grants decided in the filter's period and the pool's region (sector:
 * the recipient organisation's): granted (the ledger's GRANTED entries with their reversals), released (tranches
 * released or paid) and paid (the ledger's PAID entries with their reversals).
 */
@Service
public class FundingFigures {

    private final JdbcClient jdbc;

    FundingFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One decided grant as public-sector transparency shows it: recipient, amount, date, pool. */
    public record PublicGrant(long id, String title, String recipient, long amountOre, java.time.Instant decidedAt,
            String pool, String region) {}

    /** Every grant decided, oldest first, one at a time through a cursor (the open dataset). */
    @Transactional(readOnly = true)
    public void streamGrants(java.util.function.Consumer<PublicGrant> each) {
        streamGrants(0, null, each);
    }

    /** One page of the same rows: those with an id above {@code after}, at most {@code limit} (null: all). */
    @Transactional(readOnly = true)
    public void streamGrants(long after, Integer limit, java.util.function.Consumer<PublicGrant> each) {
        jdbc.sql("""
                SELECT g.id, g.title, o.name AS recipient, g.amount_ore, g.decided_at, p.name AS pool, p.region
                FROM grant_award g JOIN funding_pool p ON p.id = g.pool_id
                LEFT JOIN organisation o ON o.id = g.recipient_organisation_id
                WHERE g.id > :after ORDER BY g.id LIMIT CAST(:limit AS bigint)""")
                .param("after", after).param("limit", limit)
                .withFetchSize(500)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> each.accept(new PublicGrant(rs.getLong("id"), rs.getString("title"),
                        rs.getString("recipient"), rs.getLong("amount_ore"), rs.getTimestamp("decided_at").toInstant(),
                        rs.getString("pool"), rs.getString("region"))));
    }

    @Transactional(readOnly = true)
    public dk.tvaers.shared.Freshness grantsFreshness() {
        return jdbc.sql("SELECT count(*) AS n, max(decided_at) AS latest, coalesce(sum(amount_ore), 0) AS total FROM grant_award")
                .query((rs, n) -> new dk.tvaers.shared.Freshness(rs.getLong("n") * 1_000_003L + rs.getLong("total"),
                        rs.getTimestamp("latest") == null ? null : rs.getTimestamp("latest").toInstant())).single();
    }

    public record Money(long grants, long grantedOre, long releasedOre, long paidOre) {}

    @Transactional(readOnly = true)
    public Money money(FigureFilter filter) {
        FilteredQuery query = new FilteredQuery()
                .filter("EXISTS (SELECT 1 FROM funding_pool p WHERE p.id = g.pool_id AND p.region = :region)",
                        "region", filter.region())
                .filter("EXISTS (SELECT 1 FROM organisation o WHERE o.id = g.recipient_organisation_id "
                        + "AND o.sector = :sector)", "sector", filter.sector())
                .filter("g.decided_at >= :from", "from", filter.from())
                .filter("g.decided_at < :until", "until", filter.until());
        return jdbc.sql("""
                SELECT count(*) AS grants,
                       coalesce(sum((SELECT coalesce(sum(e.amount_ore), 0) FROM ledger_entry e
                                     WHERE e.grant_id = g.id AND e.kind = 'GRANTED')), 0) AS granted,
                       coalesce(sum((SELECT coalesce(sum(t.amount_ore), 0) FROM tranche t
                                     WHERE t.grant_id = g.id AND t.status IN ('RELEASED', 'PAID'))), 0) AS released,
                       coalesce(sum((SELECT coalesce(sum(e.amount_ore), 0) FROM ledger_entry e
                                     WHERE e.grant_id = g.id AND e.kind = 'PAID')), 0) AS paid
                FROM grant_award g""" + query.where())
                .params(query.params())
                .query((rs, n) -> new Money(rs.getLong("grants"), rs.getLong("granted"), rs.getLong("released"),
                        rs.getLong("paid"))).single();
    }
}
