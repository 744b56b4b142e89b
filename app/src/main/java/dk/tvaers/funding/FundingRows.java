package dk.tvaers.funding;

import dk.tvaers.platform.database.SqlText;
import dk.tvaers.shared.Money;
import dk.tvaers.shared.Region;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** The funding tables' rows as the module's records: one mapping each, shared by its services. */
final class FundingRows {

    private FundingRows() {}

    static final String GRANT_SELECT = """
            SELECT g.*, p.name AS pool_name, o.name AS recipient_name
            FROM grant_award g JOIN funding_pool p ON p.id = g.pool_id
            LEFT JOIN organisation o ON o.id = g.recipient_organisation_id""";


    static Pool mapPool(ResultSet rs, int row) throws SQLException {
        return new Pool(rs.getLong("id"), rs.getString("name"), Region.valueOf(rs.getString("region")),
                new Money(rs.getLong("amount_ore")), rs.getInt("first_year"), rs.getInt("last_year"));
    }

    static Grant mapGrant(ResultSet rs, int row) throws SQLException {
        return new Grant(rs.getLong("id"), rs.getLong("pool_id"), rs.getString("pool_name"), rs.getString("title"),
                (Long) rs.getObject("recipient_organisation_id"), rs.getString("recipient_name"),
                new Money(rs.getLong("applied_ore")), new Money(rs.getLong("amount_ore")), rs.getString("reason"),
                rs.getTimestamp("decided_at").toInstant(), rs.getString("decided_by_name"),
                rs.getString("contact_email"), (Long) rs.getObject("initiative_id"));
    }

    static Tranche mapTranche(ResultSet rs, int row) throws SQLException {
        return new Tranche(rs.getLong("id"), rs.getLong("grant_id"), rs.getInt("number"),
                new Money(rs.getLong("amount_ore")), rs.getDate("report_due").toLocalDate(),
                TrancheStatus.valueOf(rs.getString("status")), rs.getString("released_by_name"),
                instant(rs.getTimestamp("released_at")), rs.getString("paid_by_name"), instant(rs.getTimestamp("paid_at")));
    }

    static ProgressReport mapReport(ResultSet rs, int row) throws SQLException {
        String decision = rs.getString("decision");
        return new ProgressReport(rs.getLong("id"), rs.getLong("tranche_id"), rs.getString("body"),
                rs.getString("submitted_by_name"), rs.getTimestamp("submitted_at").toInstant(),
                decision == null ? null : ProgressReport.ReportDecision.valueOf(decision), rs.getString("decision_note"),
                rs.getString("decided_by_name"), instant(rs.getTimestamp("decided_at")));
    }

    static LedgerEntry mapEntry(ResultSet rs, int row) throws SQLException {
        return new LedgerEntry(rs.getLong("id"), LedgerEntry.Kind.valueOf(rs.getString("kind")),
                new Money(rs.getLong("amount_ore")), (Long) rs.getObject("grant_id"), (Long) rs.getObject("tranche_id"),
                (Long) rs.getObject("reverses_entry_id"), rs.getBoolean("reversed"), rs.getString("note"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by_name"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
