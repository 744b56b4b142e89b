package dk.tvaers.ideas;

import dk.tvaers.accounts.UserAccount;
import dk.tvaers.accounts.UserDirectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's data in Tværs: everything as one document (their account, ideas, comments, messages, supports), and
 * deleting their account — their ideas stay, without their name; what others wrote stays untouched; their own
 * comments and answers stay (a thread would not make sense without them) under "Slettet bruger".
 */
@Service
public class IdeaPrivacy {

    private final JdbcClient jdbc;
    private final UserDirectory users;

    IdeaPrivacy(JdbcClient jdbc, UserDirectory users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    @Transactional(readOnly = true)
    public Map<String, Object> export(long userId) {
        var data = new LinkedHashMap<String, Object>();
        UserAccount user = users.find(userId).orElseThrow();
        var account = new LinkedHashMap<String, Object>();
        account.put("id", user.id());
        account.put("username", user.username());
        account.put("email", user.email());
        account.put("displayName", user.displayName());
        account.put("organisation", user.organisationName());
        account.put("roles", user.roles());
        account.put("preferredLanguage", user.preferredLanguage());
        account.put("lastLoginAt", user.lastLoginAt());
        data.put("account", account);
        data.put("ideas", rows("""
                SELECT id, title, problem, proposal, beneficiaries, innovation_type, region, status, show_name,
                       submitter_name, created_at, submitted_at, outcome_note, outcome_at
                FROM idea WHERE submitter_user_id = :user ORDER BY id""", userId));
        data.put("followedIdeas", rows("SELECT idea_id, name, email, created_at FROM idea_follower WHERE user_id = :user",
                userId));
        data.put("comments", rows("SELECT idea_id, body, created_at FROM idea_comment WHERE author_id = :user ORDER BY id",
                userId));
        data.put("messages", rows("""
                SELECT idea_id, kind, body, created_at FROM idea_message WHERE author_id = :user ORDER BY id""", userId));
        data.put("supports", rows("SELECT idea_id, created_at FROM idea_support WHERE user_id = :user", userId));
        data.put("scores", rows("""
                SELECT idea_id, criterion_id, score, justification, scored_at FROM idea_score
                WHERE assessor_id = :user""", userId));
        return data;
    }

    /** Deletes the account (anonymised by the accounts module) and removes the person's name from ideas. */
    @Transactional
    public void deleteAccount(long userId) {
        String deleted = UserDirectory.DELETED_NAME;
        jdbc.sql("""
                UPDATE idea SET submitter_name = NULL, show_name = FALSE, submitter_user_id = NULL
                WHERE submitter_user_id = :user""").param("user", userId).update();
        jdbc.sql("DELETE FROM idea_follower WHERE user_id = :user").param("user", userId).update();
        jdbc.sql("UPDATE idea_comment SET author_name = :name, author_id = NULL WHERE author_id = :user")
                .param("name", deleted).param("user", userId).update();
        jdbc.sql("UPDATE idea_message SET author_name = :name, author_id = NULL WHERE author_id = :user")
                .param("name", deleted).param("user", userId).update();
        users.anonymise(userId);
    }

    private List<Map<String, Object>> rows(String sql, long userId) {
        return jdbc.sql(sql).param("user", userId).query().listOfRows();
    }
}
