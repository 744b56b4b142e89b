package dk.tvaers.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dk.tvaers.IntegrationTest;
import dk.tvaers.TestSmtp;
import dk.tvaers.shared.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class PasswordResetTests {

    static final String OLD_PASSWORD = "Gammel-adgangskode-2026";
    static final String NEW_PASSWORD = "Ny-og-lang-adgangskode-42";
    static final Duration MAIL_TIMEOUT = Duration.ofSeconds(15);

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(TestSmtp.serverSetup());

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDirectory users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void linkInTheMailSetsANewPasswordOnlyOnce() throws Exception {
        String email = "nina.nulstil@test.tvaers.dk";
        long id = citizen(email, "Nina Nulstil");

        requestReset(email);
        String token = Mails.resetToken(Mails.awaitMailTo(mail, email, MAIL_TIMEOUT));

        mvc.perform(get("/nulstil-adgangskode").param("token", token))
                .andExpect(model().attribute("tokenValid", true));
        mvc.perform(post("/nulstil-adgangskode").with(csrf())
                        .param("token", token).param("password", NEW_PASSWORD).param("repeat", NEW_PASSWORD))
                .andExpect(redirectedUrl("/login?nulstillet"));
        assertThat(users.passwordMatches(id, NEW_PASSWORD)).isTrue();
        mvc.perform(formLogin().user(email).password(NEW_PASSWORD)).andExpect(authenticated().withUsername(email));

        String another = "Endnu-en-adgangskode-77";
        mvc.perform(post("/nulstil-adgangskode").with(csrf())
                        .param("token", token).param("password", another).param("repeat", another))
                .andExpect(status().isOk())
                .andExpect(model().attribute("tokenValid", false));
        mvc.perform(get("/nulstil-adgangskode").param("token", token))
                .andExpect(model().attribute("tokenValid", false));
        assertThat(users.passwordMatches(id, another)).isFalse();
        assertThat(users.passwordMatches(id, NEW_PASSWORD)).isTrue();
    }

    @Test
    void linkExpiresAfterAnHour() throws Exception {
        String email = "erik.udloebet@test.tvaers.dk";
        long id = citizen(email, "Erik Udløbet");

        requestReset(email);
        String token = Mails.resetToken(Mails.awaitMailTo(mail, email, MAIL_TIMEOUT));

        Instant expires = jdbc.sql("SELECT expires_at FROM password_reset_token WHERE token_hash = :hash")
                .param("hash", sha256(token)).query(Timestamp.class).single().toInstant();
        assertThat(expires).isCloseTo(Instant.now().plus(Duration.ofHours(1)), within(2, ChronoUnit.MINUTES));

        jdbc.sql("UPDATE password_reset_token SET expires_at = now() - interval '1 second' WHERE token_hash = :hash")
                .param("hash", sha256(token)).update();

        mvc.perform(get("/nulstil-adgangskode").param("token", token))
                .andExpect(model().attribute("tokenValid", false));
        mvc.perform(post("/nulstil-adgangskode").with(csrf())
                        .param("token", token).param("password", NEW_PASSWORD).param("repeat", NEW_PASSWORD))
                .andExpect(model().attribute("tokenValid", false));
        assertThat(users.passwordMatches(id, OLD_PASSWORD)).isTrue();
    }

    @Test
    void tokenIsStoredOnlyAsItsSha256Hash() throws Exception {
        String email = "hanne.hash@test.tvaers.dk";
        long id = citizen(email, "Hanne Hash");

        requestReset(email);
        String token = Mails.resetToken(Mails.awaitMailTo(mail, email, MAIL_TIMEOUT));

        assertThat(jdbc.sql("SELECT token_hash FROM password_reset_token WHERE user_id = :id").param("id", id)
                .query(String.class).list()).containsExactly(sha256(token));
        // nor does the token wait in the event table or the audit log
        assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :token")
                .param("token", "%" + token + "%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE details LIKE :token OR subject LIKE :token")
                .param("token", "%" + token + "%").query(Long.class).single()).isZero();
    }

    @Test
    void unknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        String known = "kendt.adresse@test.tvaers.dk";
        String unknown = "ukendt.adresse@test.tvaers.dk";
        citizen(known, "Kendt Adresse");
        long publicationsBefore = resetPublications();

        String unknownAnswer = page(requestReset(unknown));
        String knownAnswer = page(requestReset(known));

        assertThat(unknownAnswer).isEqualTo(knownAnswer).contains("Hvis adressen hører til en bruger");
        Mails.awaitMailTo(mail, known, MAIL_TIMEOUT);
        assertThat(mail.getReceivedMessages()).noneMatch(message -> Mails.isTo(message, unknown));
        assertThat(resetPublications()).isEqualTo(publicationsBefore + 1);
    }

    /** Whoever is signed in with the old password is signed out by the reset (issue 10, item 10). */
    @Test
    void aResetEndsEverySessionOfTheUser() throws Exception {
        String email = "sara.session@test.tvaers.dk";
        citizen(email, "Sara Session");
        jakarta.servlet.http.Cookie[] first = signIn(email, OLD_PASSWORD);
        jakarta.servlet.http.Cookie[] second = signIn(email, OLD_PASSWORD);
        mvc.perform(get("/profil").cookie(first)).andExpect(status().isOk());
        mvc.perform(get("/profil").cookie(second)).andExpect(status().isOk());

        requestReset(email);
        String token = Mails.resetToken(Mails.awaitMailTo(mail, email, MAIL_TIMEOUT));
        mvc.perform(post("/nulstil-adgangskode").with(csrf())
                        .param("token", token).param("password", NEW_PASSWORD).param("repeat", NEW_PASSWORD))
                .andExpect(redirectedUrl("/login?nulstillet"));

        mvc.perform(get("/profil").cookie(first)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/profil").cookie(second)).andExpect(status().is3xxRedirection());
    }

    /** A change of one's own password ends the user's other sessions and keeps the one that changed it. */
    @Test
    void aPasswordChangeEndsTheOtherSessionsAndKeepsThisOne() throws Exception {
        String email = "sune.session@test.tvaers.dk";
        citizen(email, "Sune Session");
        jakarta.servlet.http.Cookie[] here = signIn(email, OLD_PASSWORD);
        jakarta.servlet.http.Cookie[] elsewhere = signIn(email, OLD_PASSWORD);

        mvc.perform(post("/profil/adgangskode").with(csrf()).cookie(here).param("current", OLD_PASSWORD)
                        .param("password", NEW_PASSWORD).param("repeat", NEW_PASSWORD))
                .andExpect(redirectedUrl("/profil"));

        mvc.perform(get("/profil").cookie(here)).andExpect(status().isOk());
        mvc.perform(get("/profil").cookie(elsewhere)).andExpect(status().is3xxRedirection());
    }

    private jakarta.servlet.http.Cookie[] signIn(String email, String password) throws Exception {
        var login = mvc.perform(formLogin().user(email).password(password))
                .andExpect(authenticated().withUsername(email)).andReturn();
        jakarta.servlet.http.Cookie[] session = java.util.Arrays.stream(login.getResponse().getCookies())
                .filter(cookie -> cookie.getName().endsWith("SESSION")).toArray(jakarta.servlet.http.Cookie[]::new);
        assertThat(session).hasSize(1);
        return session;
    }

    long citizen(String email, String name) {
        return users.create(new UserAttributes(email, name, null, Set.of(Role.CITIZEN)), OLD_PASSWORD, false,
                Actor.SYSTEM);
    }

    MvcResult requestReset(String email) throws Exception {
        return mvc.perform(post("/glemt-adgangskode").with(csrf()).param("email", email))
                .andExpect(status().isOk())
                .andExpect(model().attribute("sent", true))
                .andReturn();
    }

    long resetPublications() {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE event_type = :type")
                .param("type", PasswordResetRequested.class.getName()).query(Long.class).single();
    }

    /** The page as the user sees it, without the per-request CSRF token. */
    static String page(MvcResult result) throws Exception {
        Document document = Jsoup.parse(result.getResponse().getContentAsString());
        document.select("input[name=_csrf], meta[name^=_csrf]").remove();
        return document.body().html();
    }

    static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
