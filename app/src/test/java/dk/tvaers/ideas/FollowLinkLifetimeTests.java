package dk.tvaers.ideas;

import dk.tvaers.platform.security.LinkTokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dk.tvaers.IntegrationTest;
import dk.tvaers.TestSmtp;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Follow links expire after {@code tvaers.ideas.follow-link-lifetime} (issue 10: they never did), and a follower
 * without an account gets a new one by e-mail at /ideer/nyt-link.
 */
@IntegrationTest
class FollowLinkLifetimeTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(TestSmtp.serverSetup());

    @Autowired
    MockMvc mvc;

    @Autowired
    Ideas ideas;

    @Autowired
    JdbcClient jdbc;

    @Value("${tvaers.ideas.follow-link-lifetime}")
    Duration lifetime;

    @Test
    void aFollowLinkExpiresAndANewOneComesByMail() throws Exception {
        int n = SEQUENCE.incrementAndGet();
        String email = "linda.link" + n + "." + System.nanoTime() + "@borger.test";
        long id = ideas.submit(new NewIdea("Udløbende link " + n, "Et problem", "Et forslag", "Patienter",
                EnumSet.of(Sector.REGION), InnovationType.EVERYDAY, Region.MIDTJYLLAND, false, List.of()),
                Submitter.anonymous("Linda Link", email));
        MimeMessage confirmation = ReceivedMails.await(mail, email, 1, Duration.ofSeconds(20)).getFirst();
        String token = ReceivedMails.token(confirmation, ReceivedMails.CONFIRM);
        ideas.confirm(token);

        Timestamp expires = jdbc.sql("SELECT expires_at FROM idea_follow_token WHERE token_hash = :h")
                .param("h", LinkTokens.hash(token)).query(Timestamp.class).single();
        assertThat(expires.toInstant()).isCloseTo(java.time.Instant.now().plus(lifetime), within(10, ChronoUnit.MINUTES));
        assertThat(page("/ideer/foelg?token=" + token)).contains("Udløbende link " + n);

        jdbc.sql("UPDATE idea_follow_token SET expires_at = now() - interval '1 second' WHERE token_hash = :h")
                .param("h", LinkTokens.hash(token)).update();
        String expired = page("/ideer/foelg?token=" + token);
        assertThat(expired).contains("Linket virker ikke", "/ideer/nyt-link").doesNotContain("Udløbende link " + n);

        String answer = mvc.perform(post("/ideer/nyt-link").with(csrf()).param("email", email.toUpperCase()))
                .andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("new-link-sent");
        MimeMessage renewed = ReceivedMails.await(mail, email, 2, Duration.ofSeconds(20)).get(1);
        String fresh = ReceivedMails.token(renewed, ReceivedMails.FOLLOW);
        assertThat(fresh).isNotEqualTo(token);
        assertThat(page("/ideer/foelg?token=" + fresh)).contains("Udløbende link " + n);
        assertThat(ideas.followerByToken(fresh).orElseThrow().ideaId()).isEqualTo(id);
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        String unknown = "ukendt" + System.nanoTime() + "@borger.test";
        String answer = mvc.perform(post("/ideer/nyt-link").with(csrf()).param("email", unknown))
                .andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("new-link-sent");
        String invalid = mvc.perform(post("/ideer/nyt-link").with(csrf()).param("email", "ikke en adresse"))
                .andReturn().getResponse().getContentAsString();
        assertThat(invalid).contains("ikke en adresse").doesNotContain("new-link-sent");
        Thread.sleep(500);
        assertThat(mail.getReceivedMessages()).noneMatch(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(unknown);
            } catch (Exception e) {
                return false;
            }
        });
    }

    private String page(String uri) throws Exception {
        return mvc.perform(get(uri)).andReturn().getResponse().getContentAsString();
    }
}
