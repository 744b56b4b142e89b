package dk.tvaers.accounts;

import java.util.Objects;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * The signed-in sessions of a user (Spring Session JDBC, indexed by the principal's name, which is the username).
 * After a password change or reset the user's other sessions end: whoever knew the old password is signed out.
 * Call it outside a transaction: the session repository writes in a transaction of its own, and a request must
 * never hold two connections at once.
 */
@Service
public class UserSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final UserDirectory users;

    UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions, UserDirectory users) {
        this.sessions = sessions;
        this.users = users;
    }

    /** Ends every session of the user except the one given (the session that changed the password); null: all. */
    public int endSessions(long userId, String keepSessionId) {
        String username = users.find(userId).map(UserAccount::username).orElse(null);
        if (username == null) {
            return 0;
        }
        int ended = 0;
        for (String sessionId : sessions.findByPrincipalName(username).keySet()) {
            if (!Objects.equals(sessionId, keepSessionId)) {
                sessions.deleteById(sessionId);
                ended++;
            }
        }
        return ended;
    }
}
