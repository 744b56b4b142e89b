package dk.tvaers.ideas;

import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** The SQL and row mapping of ideas shared by the module's services, and the follow-link tokens. */
final class IdeaRows {

    static final String SELECT = """
            SELECT i.* FROM idea i""";

    private IdeaRows() {}

    static Idea map(ResultSet rs, int row) throws SQLException {
        Set<Sector> sectors = EnumSet.noneOf(Sector.class);
        Array array = rs.getArray("sectors");
        for (Object sector : (Object[]) array.getArray()) {
            sectors.add(Sector.valueOf((String) sector));
        }
        return new Idea(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("problem"),
                rs.getString("proposal"),
                rs.getString("beneficiaries"),
                InnovationType.valueOf(rs.getString("innovation_type")),
                rs.getString("region") == null ? null : Region.valueOf(rs.getString("region")),
                IdeaStatus.valueOf(rs.getString("status")),
                sectors,
                (Long) rs.getObject("submitter_user_id"),
                rs.getString("submitter_name"),
                rs.getBoolean("show_name"),
                rs.getString("assisted_by_name"),
                (Long) rs.getObject("assigned_to_user_id"),
                rs.getString("assigned_to_name"),
                rs.getString("outcome_note"),
                rs.getString("outcome_by_name"),
                instant(rs.getTimestamp("outcome_at")),
                (Long) rs.getObject("merged_into_id"),
                (Long) rs.getObject("initiative_id"),
                rs.getLong("support_count"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("submitted_at")),
                rs.getString("hidden_reason"));
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
