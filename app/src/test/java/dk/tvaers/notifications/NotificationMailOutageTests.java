package dk.tvaers.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dk.tvaers.IntegrationTest;
import dk.tvaers.TestSmtp;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.ideas.IdeaReactions;
import dk.tvaers.ideas.Ideas;
import dk.tvaers.ideas.NewIdea;
import dk.tvaers.ideas.Submitter;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A digest run while the mail server is down is mailed when it is back, once: the page's listener fails, its event
 * publication stays incomplete and is resubmitted (every second in the test profile), and the notices it did not
 * mail are still due.
 */
@IntegrationTest
class NotificationMailOutageTests {

    /** Not started: the mail server is down when the test begins. */
    final GreenMail mail = new GreenMail(TestSmtp.serverSetup());

    @Autowired
    Ideas ideas;

    @Autowired
    IdeaReactions reactions;

    @Autowired
    Follows follows;

    @Autowired
    Notifications notifications;

    @Autowired
    Digests digests;

    @Autowired
    UserDirectory users;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void stopMail() {
        mail.stop();
    }

    @Test
    void aDigestDuringAnOutageArrivesOnceWhenTheMailServerIsBack() throws Exception {
        long n = System.nanoTime();
        String email = "udfald" + n + "@borger.test";
        long follower = users.create(new UserAttributes(email, "Udfald " + n, null, EnumSet.of(Role.CITIZEN)),
                "Rolig-Rød-Cykel-" + n, false, Actor.SYSTEM);
        long idea = ideas.submit(new NewIdea("Udfald " + n, "Problem", "Forslag", "Borgere", Set.of(Sector.REGION),
                InnovationType.EVERYDAY, Region.SYDDANMARK, false, List.of()),
                Submitter.assisted("Borger", null, 1, "Medarbejder"));
        follows.follow(follower, SubjectType.IDEA, idea);
        reactions.comment(idea, "En kommentar", new Actor(null, "Anden"));
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (notifications.unread(follower) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(notifications.unread(follower)).isEqualTo(1);

        assertThat(digests.run(Delivery.DAILY, Instant.now())).isPositive();
        awaitFailedDigest(follower);
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE recipient_user_id = :u AND mailed_at IS NULL")
                .param("u", follower).query(Long.class).single()).as("the failed mail left its notice due").isEqualTo(1);

        mail.start();
        MimeMessage digest = awaitMail(email);
        assertThat(digest.getSubject()).isEqualTo("Tværs: 1 ny notifikation i dag");
        Thread.sleep(1500);
        assertThat(mailsTo(email)).as("mailed once").hasSize(1);
    }

    private void awaitFailedDigest(long follower) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            Long attempts = jdbc.sql("""
                    SELECT coalesce(max(completion_attempts), 0) FROM event_publication
                    WHERE event_type = :type AND serialized_event LIKE :user AND completion_date IS NULL""")
                    .param("type", DigestBatchDue.class.getName())
                    .param("user", "%" + follower + "%")
                    .query(Long.class).single();
            if (attempts > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the digest listener never failed for user " + follower);
    }

    private MimeMessage awaitMail(String address) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> found = mailsTo(address);
            if (!found.isEmpty()) {
                return found.getFirst();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + address);
    }

    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
