package dk.tvaers.ideas;

import dk.tvaers.platform.security.LinkTokens;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.platform.mail.MailText;
import dk.tvaers.platform.mail.Mailer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
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

    private record Recipient(long followerId, Long userId, String name, String email) {}

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final Mailer mailer;
    private final MailText mail;
    private final Clock clock;
    /** How long a follow link works (tvaers.ideas.follow-link-lifetime); a new one is a mail away. */
    private final Duration lifetime;

    IdeaMails(JdbcClient jdbc, UserDirectory users, Mailer mailer, MailText mail, Clock clock,
            @Value("${tvaers.ideas.follow-link-lifetime}") Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.jdbc = jdbc;
        this.users = users;
        this.mailer = mailer;
        this.mail = mail;
    }

    @ApplicationModuleListener
    void confirmationRequested(IdeaConfirmationRequested event) {
        Recipient recipient = recipients(event.ideaId()).stream()
                .filter(r -> r.followerId() == event.followerId()).findFirst().orElse(null);
        if (recipient == null || recipient.email() == null) {
            return;
        }
        String title = title(event.ideaId());
        String link = mail.link("/ideer/bekraeft?token=" + newFollowToken(recipient.followerId()));
        mailer.send(recipient.email(), mail.text("mail.idea.confirm.subject", title),
                mail.text("mail.idea.confirm.body", name(recipient), title, link));
    }

    @ApplicationModuleListener
    void questionAsked(IdeaQuestionAsked event) {
        String question = jdbc.sql("SELECT body FROM idea_message WHERE id = :id").param("id", event.messageId())
                .query(String.class).optional().orElse("");
        String title = title(event.ideaId());
        for (Recipient recipient : recipients(event.ideaId())) {
            String to = address(recipient);
            if (to != null) {
                mailer.send(to, mail.text("mail.idea.question.subject", title),
                        mail.text("mail.idea.question.body", name(recipient), title, question, link(recipient)));
            }
        }
    }

    @ApplicationModuleListener
    void statusChanged(IdeaStatusChanged event) {
        if (!event.to().isVisible() || event.from() == IdeaStatus.UNCONFIRMED) {
            return;
        }
        String title = title(event.ideaId());
        String status = mail.text(event.to().messageKey());
        String note = event.note() == null ? "" : event.note();
        for (Recipient recipient : recipients(event.ideaId())) {
            String to = address(recipient);
            if (to != null) {
                mailer.send(to, mail.text("mail.idea.status.subject", title, status),
                        mail.text("mail.idea.status.body", name(recipient), title, status, note, link(recipient)));
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
            return mail.link("/mine-ideer");
        }
        return mail.link("/ideer/foelg?token=" + newFollowToken(recipient.followerId()));
    }

    /** New links for the ideas followed without an account from this address, in one mail (none if unknown). */
    @ApplicationModuleListener
    void followLinksRequested(IdeaFollowLinksRequested event) {
        record Followed(long followerId, String name, String title, String status) {}
        List<Followed> followed = jdbc.sql("""
                SELECT f.id, f.name, i.title, i.status FROM idea_follower f JOIN idea i ON i.id = f.idea_id
                WHERE f.user_id IS NULL AND lower(f.email) = lower(:email) ORDER BY i.id""")
                .param("email", event.email())
                .query((rs, n) -> new Followed(rs.getLong("id"), rs.getString("name"), rs.getString("title"),
                        rs.getString("status")))
                .list();
        if (followed.isEmpty()) {
            return;
        }
        var links = new StringBuilder();
        for (Followed f : followed) {
            String path = "UNCONFIRMED".equals(f.status()) ? "/ideer/bekraeft?token=" : "/ideer/foelg?token=";
            links.append(f.title()).append('\n').append(mail.link(path))
                    .append(newFollowToken(f.followerId())).append("\n\n");
        }
        String name = followed.getFirst().name() == null ? "" : followed.getFirst().name();
        mailer.send(event.email(), mail.text("mail.idea.newLinks.subject"),
                mail.text("mail.idea.newLinks.body", name, links.toString().strip(), lifetime.toDays()));
    }

    private String newFollowToken(long followerId) {
        String token = LinkTokens.newToken();
        jdbc.sql("""
                INSERT INTO idea_follow_token (token_hash, follower_id, expires_at) VALUES (:hash, :follower, :expires)""")
                .param("hash", LinkTokens.hash(token)).param("follower", followerId)
                .param("expires", java.sql.Timestamp.from(clock.instant().plus(lifetime))).update();
        return token;
    }

    private String title(long ideaId) {
        return jdbc.sql("SELECT title FROM idea WHERE id = :id").param("id", ideaId).query(String.class).single();
    }

    private String name(Recipient recipient) {
        return recipient.name() == null ? "" : recipient.name();
    }
}
