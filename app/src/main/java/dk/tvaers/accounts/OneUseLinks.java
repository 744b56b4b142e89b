package dk.tvaers.accounts;

import dk.tvaers.platform.security.LinkTokens;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The personal links accounts mails (password resets, invitations, sign-ups): a {@link LinkTokens} token whose
 * SHA-256 alone is stored with what it is for and when it expires, valid once. Each kind has its own table
 * ({@code token_hash}, its owner's id column, {@code expires_at}, {@code used_at}).
 *
 * <p>A link is mailed with {@link #sendWith}, outside any transaction: the link is stored (and so committed) before
 * the mail goes out, and whoever opens the mail at once finds it valid. The listeners that mail links used to run in
 * a transaction of their own (as {@code @ApplicationModuleListener} does) that committed only after the mail had
 * gone, and a recipient quicker than that commit was told the link was no longer valid; they are now
 * {@code @Async @TransactionalEventListener} without a transaction (the event publication is still recorded and
 * resubmitted when they fail), each statement on one connection at a time (ADR 0016). If the mail fails, the link
 * is removed again: no link is kept for a mail never sent.
 */
@Component
class OneUseLinks {

    /** A table of links and the column naming what a link is for. */
    enum Kind {
        PASSWORD_RESET("password_reset_token", "user_id"),
        SIGN_UP("account_signup_token", "signup_id");

        private final String table;
        private final String owner;

        Kind(String table, String owner) {
            this.table = table;
            this.owner = owner;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    OneUseLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Makes a link for {@code owner}, valid for {@code validity}, and hands its token to {@code send} (which mails
     * it); the link is committed before {@code send} runs and removed again if {@code send} fails. Refused inside a
     * transaction, where the link would not be valid until that transaction commits, after the mail.
     */
    void sendWith(Kind kind, long owner, Duration validity, Consumer<String> send) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A link must be committed before its mail goes out: "
                    + "send it outside a transaction");
        }
        String token = issue(kind, owner, validity);
        try {
            send.accept(token);
        } catch (RuntimeException e) {
            try {
                jdbc.sql("DELETE FROM " + kind.table + " WHERE token_hash = :hash")
                        .param("hash", LinkTokens.hash(token)).update();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** A new link's token for {@code owner}, valid for {@code validity}; only its hash is kept. */
    private String issue(Kind kind, long owner, Duration validity) {
        String token = LinkTokens.newToken();
        jdbc.sql("INSERT INTO " + kind.table + " (token_hash, " + kind.owner + ", expires_at) "
                        + "VALUES (:hash, :owner, :expires)")
                .param("hash", LinkTokens.hash(token))
                .param("owner", owner)
                .param("expires", Timestamp.from(clock.instant().plus(validity)))
                .update();
        return token;
    }

    /** What a valid, unused, unexpired token is for, without spending it. */
    Optional<Long> owner(Kind kind, String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + kind.owner + " FROM " + kind.table
                        + " WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now")
                .param("hash", LinkTokens.hash(token))
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class).optional();
    }

    /** Spends a valid, unused, unexpired token: what it was for; empty when it is not (or no longer) valid. */
    Optional<Long> spend(Kind kind, String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("UPDATE " + kind.table + " SET used_at = :now"
                        + " WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now RETURNING " + kind.owner)
                .param("hash", LinkTokens.hash(token))
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class).optional();
    }
}
