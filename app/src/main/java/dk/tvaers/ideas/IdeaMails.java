package dk.tvaers.ideas;

import dk.tvaers.platform.security.LinkTokens;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.platform.mail.MailText;
import dk.tvaers.platform.mail.Mailer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Mails to the people behind an idea, sent after the transaction from the module's events. A mail that fails
 * (SMTP down) makes the listener fail, and the event publication is resubmitted later. Followers without an
 * account get a fresh follow link in every mail (only its SHA-256 is stored); users with an account are sent to
 * "Mine idéer". The listeners run without a transaction (accounts.OneUseLinks says why): a
 * follow link is stored, and so committed, before its mail goes out, and someone who opens the mail at once finds it
 * valid; the links of a mail that could not be sent are removed again.
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

    @Async
    @TransactionalEventListener // no transaction: the link commits before its mail goes out (class comment)
    void confirmationRequested(IdeaConfirmationRequested event) {
        Recipient recipient = recipients(event.ideaId()).stream()
                .filter(r -> r.followerId() == event.followerId()).findFirst().orElse(null);
        if (recipient == null || recipient.email() == null) {
            return;
        }
        String title = title(event.ideaId());
        send(recipient.email(), mail.text("mail.idea.confirm.subject", title), links -> mail.text(
                "mail.idea.confirm.body", name(recipient), title,
                mail.link("/ideer/bekraeft?token=" + links.token(recipient.followerId()))));
    }

    @Async
    @TransactionalEventListener // no transaction: the link commits before its mail goes out (class comment)
    void questionAsked(IdeaQuestionAsked event) {
        String question = jdbc.sql("SELECT body FROM idea_message WHERE id = :id").param("id", event.messageId())
                .query(String.class).optional().orElse("");
        String title = title(event.ideaId());
        for (Recipient recipient : recipients(event.ideaId())) {
            String to = address(recipient);
            if (to != null) {
                send(to, mail.text("mail.idea.question.subject", title), links ->
                        mail.text("mail.idea.question.body", name(recipient), title, question, link(recipient, links)));
            }
        }
    }

    @Async
    @TransactionalEventListener // no transaction: the link commits before its mail goes out (class comment)
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
                send(to, mail.text("mail.idea.status.subject", title, status), links -> mail.text(
                        "mail.idea.status.body", name(recipient), title, status, note, link(recipient, links)));
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

    private String link(Recipient recipient, FollowLinks links) {
        if (recipient.userId() != null) {
            return mail.link("/mine-ideer");
        }
        return mail.link("/ideer/foelg?token=" + links.token(recipient.followerId()));
    }

    /** New links for the ideas followed without an account from this address, in one mail (none if unknown). */
    @Async
    @TransactionalEventListener // no transaction: the link commits before its mail goes out (class comment)
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
        String name = followed.getFirst().name() == null ? "" : followed.getFirst().name();
        send(event.email(), mail.text("mail.idea.newLinks.subject"), links -> {
            var list = new StringBuilder();
            for (Followed f : followed) {
                String path = "UNCONFIRMED".equals(f.status()) ? "/ideer/bekraeft?token=" : "/ideer/foelg?token=";
                list.append(f.title()).append('\n').append(mail.link(path)).append(links.token(f.followerId()))
                        .append("\n\n");
            }
            return mail.text("mail.idea.newLinks.body", name, list.toString().strip(), lifetime.toDays());
        });
    }

    /**
     * Sends a mail whose body holds follow links: each link is committed before the mail goes out, and all of them
     * are removed again if it cannot be sent (no link is kept for a mail never sent).
     */
    private void send(String to, String subject, Function<FollowLinks, String> body) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A follow link must be committed before its mail goes out: "
                    + "send it outside a transaction");
        }
        var links = followLinks();
        try {
            mailer.send(to, subject, body.apply(links));
        } catch (RuntimeException e) {
            try {
                links.discard();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** A new, empty set of follow links for one mail. */
    FollowLinks followLinks() {
        return new FollowLinks();
    }

    /** The follow links made for one mail. */
    final class FollowLinks {

        private final List<String> hashes = new ArrayList<>();

        /** A new follow link's token, stored (outside a transaction: committed at once); only its SHA-256 is kept. */
        String token(long followerId) {
            String token = LinkTokens.newToken();
            String hash = LinkTokens.hash(token);
            jdbc.sql("""
                    INSERT INTO idea_follow_token (token_hash, follower_id, expires_at) VALUES (:hash, :follower, :expires)""")
                    .param("hash", hash).param("follower", followerId)
                    .param("expires", java.sql.Timestamp.from(clock.instant().plus(lifetime))).update();
            hashes.add(hash);
            return token;
        }

        private void discard() {
            if (!hashes.isEmpty()) {
                jdbc.sql("DELETE FROM idea_follow_token WHERE token_hash IN (:hashes)").param("hashes", hashes)
                        .update();
            }
        }
    }

    private String title(long ideaId) {
        return jdbc.sql("SELECT title FROM idea WHERE id = :id").param("id", ideaId).query(String.class).single();
    }

    private String name(Recipient recipient) {
        return recipient.name() == null ? "" : recipient.name();
    }
}
