package dk.tvaers.accounts;

import dk.tvaers.platform.security.LinkTokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dk.tvaers.IntegrationTest;
import dk.tvaers.TestSmtp;
import dk.tvaers.shared.Role;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A citizen creates their own account: a mailed link (only its SHA-256 kept, for a day, once) makes the account. */
@IntegrationTest
class SignUpTests {

    private static final Pattern LINK = Pattern.compile("/opret-konto/bekraeft\\?token=([A-Za-z0-9_-]+)");

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(TestSmtp.serverSetup());

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDirectory users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dk.tvaers.ideas.Ideas ideas;

    @Autowired
    java.time.Clock clock;

    @Test
    void aCitizenSignsUpConfirmsByMailAndCanLogIn() throws Exception {
        String email = "ny.borger." + System.nanoTime() + "@borger.test";
        mvc.perform(signUp("Nina Ny", email, "Lang-og-sikker-2026", "Lang-og-sikker-2026")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Vi har sendt en e-mail til " + email)));
        assertThat(users.findByLogin(email)).as("no account before the link is used").isEmpty();

        String token = token(await(email, 1).getFirst());
        assertThat(jdbc.sql("SELECT count(*) FROM account_signup_token WHERE token_hash = :t").param("t", token)
                .query(Long.class).single()).as("the token itself is not stored").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM account_signup WHERE password_hash LIKE '%Lang-og-sikker%'")
                .query(Long.class).single()).as("the password is kept hashed").isZero();

        awaitStored(token);
        mvc.perform(get("/opret-konto/bekraeft").param("token", token)).andExpect(redirectedUrl("/login?oprettet"));
        UserAccount account = users.findByLogin(email).orElseThrow();
        assertThat(account.roles()).containsExactly(Role.CITIZEN);
        assertThat(account.organisationId()).isNull();
        assertThat(users.passwordMatches(account.id(), "Lang-og-sikker-2026")).isTrue();

        mvc.perform(get("/opret-konto/bekraeft").param("token", token)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Linket virker ikke")));
        mvc.perform(post("/login").with(csrf()).param("username", email).param("password", "Lang-og-sikker-2026"))
                .andExpect(redirectedUrl("/"));
    }

    @Autowired
    SignUps signUps;

    @Autowired
    SignUpCleanup cleanup;

    /** Unconfirmed sign-ups (an address, a name, a password hash) are removed once their link is long dead. */
    @Test
    void theDailyCleanupRemovesSignUpsOlderThanTheRetentionWithTheirTokens() throws Exception {
        String old = "forladt." + System.nanoTime() + "@borger.test";
        String fresh = "frisk." + System.nanoTime() + "@borger.test";
        signUps.request(old, "Forladt Frida", "Lang-og-sikker-2026");
        signUps.request(fresh, "Frisk Frede", "Lang-og-sikker-2026");
        awaitStored(token(await(old, 1).getFirst()));
        jdbc.sql("UPDATE account_signup SET created_at = :then WHERE email = :email")
                .param("then", java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(3)))).param("email", old)
                .update();

        assertThat(cleanup.removeOlderThanRetention(clock.instant())).isGreaterThanOrEqualTo(1);

        assertThat(signUpsOf(old)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM account_signup_token t WHERE NOT EXISTS"
                + " (SELECT 1 FROM account_signup s WHERE s.id = t.signup_id)").query(Long.class).single()).isZero();
        assertThat(signUpsOf(fresh)).as("a sign-up whose link may still be used stays").isEqualTo(1);
        assertThat(SignUpCleanup.class.getDeclaredMethod("daily")
                .isAnnotationPresent(net.javacrumbs.shedlock.spring.annotation.SchedulerLock.class)).isTrue();
    }

    private long signUpsOf(String email) {
        return jdbc.sql("SELECT count(*) FROM account_signup WHERE email = :email").param("email", email)
                .query(Long.class).single();
    }

    @Test
    void anExpiredLinkMakesNoAccount() throws Exception {
        String email = "gammel." + System.nanoTime() + "@borger.test";
        mvc.perform(signUp("Gamle Gert", email, "Lang-og-sikker-2026", "Lang-og-sikker-2026")).andExpect(status().isOk());
        String token = token(await(email, 1).getFirst());
        // the mail leaves before the listener's transaction commits the token: wait for the row, then age it
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int aged = 0;
        while (aged == 0 && System.nanoTime() < until) {
            aged = jdbc.sql("UPDATE account_signup_token SET expires_at = :past WHERE token_hash = :h")
                    .param("past", java.sql.Timestamp.from(clock.instant().minusSeconds(60)))
                    .param("h", LinkTokens.hash(token)).update();
            Thread.sleep(50);
        }
        assertThat(aged).isEqualTo(1);
        mvc.perform(get("/opret-konto/bekraeft").param("token", token))
                .andExpect(content().string(Matchers.containsString("Linket virker ikke")));
        assertThat(users.findByLogin(email)).isEmpty();
    }

    @Test
    void anAddressWithAnAccountIsToldByMailAndThePageSaysTheSame() throws Exception {
        String email = "findes." + System.nanoTime() + "@borger.test";
        users.create(new UserAttributes(email, "Frida Findes", null, EnumSet.of(Role.CITIZEN)), "Lang-og-sikker-2026",
                false, Actor.SYSTEM);
        mvc.perform(signUp("Frida Igen", email, "Andet-langt-ord-2026", "Andet-langt-ord-2026"))
                .andExpect(content().string(Matchers.containsString("Vi har sendt en e-mail til " + email)));
        MimeMessage told = await(email, 1).getFirst();
        assertThat(told.getSubject()).isEqualTo("Du har allerede en konto i Tværs");
        assertThat(String.valueOf(told.getContent())).doesNotContain("/opret-konto/bekraeft").contains("/glemt-adgangskode");
        assertThat(users.passwordMatches(users.findByLogin(email).orElseThrow().id(), "Lang-og-sikker-2026")).isTrue();
    }

    @Test
    void errorsNameTheirFieldsAndKeepWhatWasTyped() throws Exception {
        mvc.perform(signUp("", "ikke-en-adresse", "kort", "kort")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("value=\"ikke-en-adresse\"")))
                .andExpect(content().string(Matchers.containsString("href=\"#name\"")))
                .andExpect(content().string(Matchers.containsString("href=\"#password\"")));
        mvc.perform(signUp("Ole", "ole." + System.nanoTime() + "@borger.test", "Lang-og-sikker-2026", "Anden-gentagelse-1"))
                .andExpect(content().string(Matchers.containsString("href=\"#repeat\"")));
    }

    @Test
    void aVisitorIsToldHowToGetAnAccountAtTheSupportButton() throws Exception {
        mvc.perform(get("/opret-konto")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Opret en konto")));
        mvc.perform(get("/login")).andExpect(content().string(Matchers.containsString("href=\"/opret-konto\"")));
        long idea = ideas.submit(new dk.tvaers.ideas.NewIdea("Konto-idé " + System.nanoTime(), "P", "F", "B",
                java.util.Set.of(dk.tvaers.shared.Sector.REGION), dk.tvaers.shared.InnovationType.EVERYDAY, null, false,
                List.of()), dk.tvaers.ideas.Submitter.assisted("Bo", null, 1, "Medarbejder"));
        mvc.perform(get("/ideer/" + idea)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("For at støtte idéen skal du have en konto")))
                .andExpect(content().string(Matchers.containsString("href=\"/opret-konto\"")));
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signUp(String name,
            String email, String password, String repeat) {
        return post("/opret-konto").with(csrf()).param("name", name).param("email", email).param("password", password)
                .param("repeat", repeat);
    }

    /** The mail leaves before the listener's transaction commits the token's row. */
    private void awaitStored(String token) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            if (jdbc.sql("SELECT count(*) FROM account_signup_token WHERE token_hash = :h")
                    .param("h", LinkTokens.hash(token)).query(Long.class).single() > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the token was never stored");
    }

    private static String token(MimeMessage message) throws Exception {
        Matcher matcher = LINK.matcher(String.valueOf(message.getContent()));
        assertThat(matcher.find()).as("a confirmation link in the mail").isTrue();
        return matcher.group(1);
    }

    private static List<MimeMessage> await(String address, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        List<MimeMessage> found = List.of();
        while (System.nanoTime() < deadline) {
            found = Arrays.stream(mail.getReceivedMessages()).filter(m -> {
                try {
                    return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("expected " + count + " mails to " + address + ", got " + found.size());
    }
}
