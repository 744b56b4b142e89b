package dk.tvaers.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import dk.tvaers.IntegrationTest;
import dk.tvaers.TestSmtp;
import dk.tvaers.shared.Role;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A mail that cannot be sent is not lost: the event publication stays failed and is resubmitted
 * (every {@code tvaers.events.resubmit-interval}, one second in the test profile) until the SMTP server answers.
 */
@IntegrationTest
class MailOutageTests {

    /** Not started: the mail server is down when the test begins. */
    final GreenMail mail = new GreenMail(TestSmtp.serverSetup());

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDirectory users;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void stopMail() {
        mail.stop();
    }

    @Test
    void resetRequestedWhileTheMailServerIsDownIsSentWhenItIsBack() throws Exception {
        String email = "olga.outage@test.tvaers.dk";
        long id = users.create(new UserAttributes(email, "Olga Outage", null, Set.of(Role.CITIZEN)),
                "Olgas-adgangskode-2026", false, Actor.SYSTEM);

        mvc.perform(post("/glemt-adgangskode").with(csrf()).param("email", email))
                .andExpect(status().isOk())
                .andExpect(model().attribute("sent", true));

        // the listener tried and failed; its publication waits, and no token was kept for a mail never sent (the
        // listener stores the token before the mail and deletes it when the mail fails, OneUseLinks.sendWith: the
        // attempt is counted when it starts, so the token may still be there at that moment; wait for the delete)
        await(Duration.ofSeconds(15), publication(id), row -> ("FAILED".equals(row.get("status"))
                || row.get("completion_attempts") instanceof Number attempts && attempts.intValue() > 0)
                && tokens(id) == 0);

        mail.start();
        String token = Mails.resetToken(Mails.awaitMailTo(mail, email, Duration.ofSeconds(20)));

        mvc.perform(get("/nulstil-adgangskode").param("token", token))
                .andExpect(model().attribute("tokenValid", true));
        await(Duration.ofSeconds(10), publication(id), row -> row.get("completion_date") != null);
    }

    private Supplier<Map<String, Object>> publication(long userId) {
        return () -> jdbc.sql("""
                        SELECT status, completion_attempts, completion_date FROM event_publication
                        WHERE event_type = :type AND serialized_event LIKE :user""")
                .param("type", PasswordResetRequested.class.getName())
                .param("user", "%\"userId\":" + userId + ",%")
                .query().singleRow();
    }

    private long tokens(long userId) {
        return jdbc.sql("SELECT count(*) FROM password_reset_token WHERE user_id = :id").param("id", userId)
                .query(Long.class).single();
    }

    private static void await(Duration timeout, Supplier<Map<String, Object>> row,
            Predicate<Map<String, Object>> condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> last = null;
        while (System.nanoTime() < deadline) {
            last = row.get();
            if (condition.test(last)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("publication never got there; last seen: " + last);
    }
}
