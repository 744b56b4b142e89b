package dk.tvaers.accounts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumSet;
import java.util.Set;
import dk.tvaers.shared.Role;

/** A row of {@code user_account} with its roles (an array column) and organisation name, as a {@link UserAccount}. */
final class UserRows {

    private UserRows() {}

    static UserAccount map(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Array array = rs.getArray("roles");
        for (Object role : (Object[]) array.getArray()) {
            roles.add(Role.valueOf((String) role));
        }
        Timestamp locked = rs.getTimestamp("locked_until");
        Timestamp lastLogin = rs.getTimestamp("last_login_at");
        return new UserAccount(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("email"),
                rs.getString("display_name"),
                (Long) rs.getObject("organisation_id"),
                rs.getString("organisation_name"),
                roles,
                rs.getBoolean("active"),
                rs.getBoolean("must_change_password"),
                rs.getInt("failed_logins"),
                locked == null ? null : locked.toInstant(),
                rs.getString("password_hash") != null,
                rs.getString("oidc_subject") != null,
                lastLogin == null ? null : lastLogin.toInstant(),
                rs.getString("preferred_language"));
    }
}
