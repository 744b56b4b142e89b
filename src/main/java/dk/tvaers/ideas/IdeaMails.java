package dk.tvaers.ideas;

import dk.tvaers.accounts.UserAccount;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.platform.TvaersProperties;
import dk.tvaers.platform.mail.Mailer;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails to the people behind an idea, sent after the transaction from the module's events. A mail that fails
 * (SMTP down) makes the listener fail, its transaction (and the token it made) is rolled back, and the event
 * publication is resubmitted later. Followers without an account get a fresh follow link in every mail (only its
 * SHA-256 is stored); users with an account are sent to "Mine idéer".
 */
@Component
class IdeaMails {

    private static final Locale DANISH = Locale.of("da");

    private record Recipient(long followerId, Long userId, String name, String email) {}

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final Mailer mailer;
    private final MessageSource messages;
    private final TvaersProperties properties;

    IdeaMails(JdbcClient jdbc, UserDirectory users, Mailer mailer, MessageSource messages,
            TvaersProperties properties) {
        this.jdbc = jdbc;
        this.users = users;
        this.mailer = mailer;
        this.messages = messages;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void confirmationRequested(IdeaConfirmationRequested event) {
        Recipient recipient = recipients(event.ideaId()).stream()
                .filter(r -> r.followerId() == event.followerId()).findFirst().orElse(null);
        if (recipient == null || recipient.email() == null) {
            return;
        }
        String title = title(event.ideaId());
        String link = properties.baseUrl() + "/ideer/bekraeft?token=" + newFollowToken(recipient.followerId());
        mailer.send(recipient.email(), text("mail.idea.confirm.subject", title),
                text("mail.idea.confirm.body", name(recipient), title, link));
    }

    @ApplicationModuleListener
    void questionAsked(IdeaQuestionAsked event) {
        String question = jdbc.sql("SELECT body FROM idea_message WHERE id = :id").param("id", event.messageId())
                .query(String.class).optional().orElse("");
        String title = title(event.ideaId());
        for (Recipient recipient : recipients(event.ideaId())) {
            String to = address(recipient);
            if (to != null) {
                mailer.send(to, text("mail.idea.question.subject", title),
                        text("mail.idea.question.body", name(recipient), title, question, link(recipient)));
            }
        }
    }

    @ApplicationModuleListener
    void statusChanged(IdeaStatusChanged event) {
        if (!event.to().isVisible() || event.from() == IdeaStatus.UNCONFIRMED) {
            return;
        }
        String title = title(event.ideaId());
        String status = messages.getMessage(event.to().messageKey(), null, DANISH);
        String note = event.note() == null ? "" : event.note();
        for (Recipient recipient : recipients(event.ideaId())) {
            String to = address(recipient);
            if (to != null) {
                mailer.send(to, text("mail.idea.status.subject", title, status),
                        text("mail.idea.status.body", name(recipient), title, status, note, link(recipient)));
            }
        }
    }

    private List<Recipient> recipients(long ideaId) {
        return jdbc.sql("SELECT id, user_id, name, email FROM idea_follower WHERE idea_id = :id ORDER BY id")
                .param("id", ideaId)
                .query((rs, n) -> new Recipient(rs.getLong("id"), (Long) rs.getObject("user_id"), rs.getString("name"),
                        rs.getString("email")))
                .list();
    }

    private String address(Recipient recipient) {
        if (recipient.userId() != null) {
            return users.find(recipient.userId()).filter(UserAccount::active).map(UserAccount::email).orElse(null);
        }
        return recipient.email();
    }

    private String link(Recipient recipient) {
        if (recipient.userId() != null) {
            return properties.baseUrl() + "/mine-ideer";
        }
        return properties.baseUrl() + "/ideer/foelg?token=" + newFollowToken(recipient.followerId());
    }

    private String newFollowToken(long followerId) {
        String token = IdeaRows.newToken();
        jdbc.sql("INSERT INTO idea_follow_token (token_hash, follower_id) VALUES (:hash, :follower)")
                .param("hash", IdeaRows.hash(token)).param("follower", followerId).update();
        return token;
    }

    private String title(long ideaId) {
        return jdbc.sql("SELECT title FROM idea WHERE id = :id").param("id", ideaId).query(String.class).single();
    }

    private String name(Recipient recipient) {
        return recipient.name() == null ? "" : recipient.name();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, DANISH);
    }
}
