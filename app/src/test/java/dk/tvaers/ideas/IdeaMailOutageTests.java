package dk.tvaers.ideas;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dk.tvaers.IntegrationTest;
import dk.tvaers.TestSmtp;
import dk.tvaers.accounts.Actor;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Sector;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An idea submitted, and a status changed, while the mail server is down are still mailed when it is back: the
 * listeners fail, their event publications stay incomplete and are resubmitted (every second in the test profile).
 */
@IntegrationTest
class IdeaMailOutageTests {

    /** Not started: the mail server is down when the test begins. */
    final GreenMail mail = new GreenMail(TestSmtp.serverSetup());

    @Autowired
    Ideas ideas;

    @Autowired
    IdeaClinic clinic;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void stopMail() {
        mail.stop();
    }

    @Test
    void theConfirmationAndAStatusChangeDuringAnOutageArriveWhenTheMailServerIsBack() throws Exception {
        String email = "otto.outage." + System.nanoTime() + "@borger.test";
        long id = ideas.submit(new NewIdea("Udfald " + System.nanoTime(), "Problem", "Forslag", "Borgere",
                EnumSet.of(Sector.MUNICIPALITY), InnovationType.EVERYDAY, null, false, List.of()),
                Submitter.anonymous("Otto", email));

        awaitFailedAttempt(IdeaConfirmationRequested.class, id);
        // no follow link was kept for a mail that was never sent (IdeaMails stores it before the mail and deletes it
        // when the mail fails; the attempt is counted when it starts, so wait for the delete)
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        long links;
        while ((links = jdbc.sql("""
                SELECT count(*) FROM idea_follow_token t JOIN idea_follower f ON f.id = t.follower_id
                WHERE f.idea_id = :id""").param("id", id).query(Long.class).single()) > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(links).isZero();

        mail.start();
        String token = ReceivedMails.token(ReceivedMails.await(mail, email, 1, Duration.ofSeconds(20)).get(0),
                ReceivedMails.CONFIRM);
        assertThat(ideas.confirm(token)).contains(id);

        mail.stop();
        clinic.reject(id, "Ligger uden for idéklinikkens område", new Actor(null, "Konsulent"));
        awaitFailedAttempt(IdeaStatusChanged.class, id);

        mail.start();
        var rejected = ReceivedMails.await(mail, email, 1, Duration.ofSeconds(20)).get(0);
        assertThat(ReceivedMails.subject(rejected)).contains("Afvist");
        assertThat(ReceivedMails.text(rejected)).contains("Ligger uden for idéklinikkens område");
    }

    private void awaitFailedAttempt(Class<?> type, long ideaId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            Long attempts = jdbc.sql("""
                    SELECT coalesce(max(completion_attempts), 0) FROM event_publication
                    WHERE event_type = :type AND serialized_event LIKE :idea AND completion_date IS NULL""")
                    .param("type", type.getName())
                    .param("idea", "%\"ideaId\":" + ideaId + ",%")
                    .query(Long.class).single();
            if (attempts > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the " + type.getSimpleName() + " listener never failed for idea " + ideaId);
    }
}
