package dk.tvaers.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.shared.Role;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A signed-in request that changes nothing in its session writes nothing back (ADR 0056): the session row is written
 * when an attribute, the id or the timeout changed, or when its stored last access is a minute old; a session
 * ended or expired in PostgreSQL is ended for the next request, whichever instance ended it.
 */
@IntegrationTest
class SessionWritesTests {

    static final String PASSWORD = "Sessionens-adgangskode-2026";
    static final AtomicInteger PEOPLE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDirectory users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    @Test
    void theSessionFilterAndEveryoneElseGetTheSparingRepository() {
        assertThat(sessions).isInstanceOf(SparingSessionRepository.class);
    }

    @Test
    void requestsWithinAMinuteOfTheStoredAccessWriteNothingAndALaterOneWritesTheNewTime() throws Exception {
        var person = signIn();
        // under MockMvc, csrf() leaves Spring Security's test token repository in place, which keeps the token in
        // the session (Tværs keeps it in a cookie): the first request after signing in stores it there
        mvc.perform(get("/mine-sider").cookie(person.cookie));
        long stored = lastAccess(person.email);

        for (int i = 0; i < 3; i++) {
            assertThat(mvc.perform(get("/mine-sider").cookie(person.cookie)).andReturn().getResponse().getStatus())
                    .isEqualTo(200);
        }
        assertThat(lastAccess(person.email)).isEqualTo(stored);

        long twoMinutesAgo = Instant.now().minus(Duration.ofMinutes(2)).toEpochMilli();
        setLastAccess(person.email, twoMinutesAgo);
        long before = System.currentTimeMillis();
        assertThat(mvc.perform(get("/mine-sider").cookie(person.cookie)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(lastAccess(person.email)).isGreaterThanOrEqualTo(before);
        assertThat(expiry(person.email)).isEqualTo(lastAccess(person.email) + timeoutMillis(person.email));
    }

    @Test
    void anAttributeSetWithinTheMinuteIsSavedWithTheLatestAccessTime() throws Exception {
        var person = signIn();
        String id = sessionId(person.email);
        long stored = lastAccess(person.email);

        var session = (SparingSessionRepository.SparingSession) sessions.findById(id);
        Instant now = Instant.ofEpochMilli(stored).plusSeconds(20);
        session.setLastAccessedTime(now);
        assertThat(session.needsWrite()).isFalse();
        repository().save(session);
        assertThat(lastAccess(person.email)).isEqualTo(stored);

        session.setAttribute("tvaers.test", "gemt");
        assertThat(session.needsWrite()).isTrue();
        repository().save(session);

        assertThat(sessions.findById(id).<String>getAttribute("tvaers.test")).isEqualTo("gemt");
        assertThat(lastAccess(person.email)).isEqualTo(now.toEpochMilli());
    }

    @Test
    void removingAnAttributeThatIsNotThereWritesNothingAndRemovingOneThatIsThereDoes() throws Exception {
        var person = signIn();
        String id = sessionId(person.email);

        var session = (SparingSessionRepository.SparingSession) sessions.findById(id);
        session.removeAttribute("tvaers.findes-ikke");
        assertThat(session.needsWrite()).isFalse();

        session.setAttribute("tvaers.test", "kortvarig");
        repository().save(session);
        var again = (SparingSessionRepository.SparingSession) sessions.findById(id);
        again.removeAttribute("tvaers.test");
        assertThat(again.needsWrite()).isTrue();
        repository().save(again);
        assertThat(sessions.findById(id).getAttributeNames()).doesNotContain("tvaers.test");
    }

    @Test
    void aSessionEndedInTheDatabaseIsEndedForTheNextRequest() throws Exception {
        var person = signIn();
        assertThat(mvc.perform(get("/mine-sider").cookie(person.cookie)).andReturn().getResponse().getStatus())
                .isEqualTo(200);

        // what another instance does when the password changes there (UserSessions.endSessions)
        sessions.deleteById(sessionId(person.email));

        var after = mvc.perform(get("/mine-sider").cookie(person.cookie)).andReturn().getResponse();
        assertThat(after.getStatus()).isEqualTo(302);
        assertThat(after.getRedirectedUrl()).contains("/login");
    }

    @Test
    void aSessionIdleForItsTimeoutIsEndedThoughItsLastRequestsWroteNothing() throws Exception {
        var person = signIn();
        long idle = Instant.now().minusMillis(timeoutMillis(person.email) + 1000).toEpochMilli();
        setLastAccess(person.email, idle);

        var after = mvc.perform(get("/mine-sider").cookie(person.cookie)).andReturn().getResponse();
        assertThat(after.getStatus()).isEqualTo(302);
        assertThat(after.getRedirectedUrl()).contains("/login");
    }

    record SignedIn(String email, Cookie cookie) {}

    private SignedIn signIn() throws Exception {
        String email = "sparsom.session" + PEOPLE.incrementAndGet() + "@test.tvaers.dk";
        users.create(new UserAttributes(email, "Sparsom Session", null, Set.of(Role.CITIZEN)), PASSWORD, false,
                Actor.SYSTEM);
        var response = mvc.perform(post("/login").with(csrf()).param("username", email).param("password", PASSWORD))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        // TVAERS_SESSION behind the embedded server; Spring Session's default name under MockMvc, which has none
        Cookie cookie = Arrays.stream(response.getCookies()).filter(c -> !c.getName().equals("XSRF-TOKEN"))
                .findFirst().orElseThrow();
        return new SignedIn(email, new Cookie(cookie.getName(), cookie.getValue()));
    }

    private SparingSessionRepository repository() {
        return (SparingSessionRepository) sessions;
    }

    private String sessionId(String email) {
        return jdbc.sql("SELECT session_id FROM spring_session WHERE principal_name = :name").param("name", email)
                .query(String.class).single();
    }

    private long lastAccess(String email) {
        return jdbc.sql("SELECT last_access_time FROM spring_session WHERE principal_name = :name")
                .param("name", email).query(Long.class).single();
    }

    private long expiry(String email) {
        return jdbc.sql("SELECT expiry_time FROM spring_session WHERE principal_name = :name")
                .param("name", email).query(Long.class).single();
    }

    private long timeoutMillis(String email) {
        return jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = :name")
                .param("name", email).query(Long.class).single() * 1000;
    }

    private void setLastAccess(String email, long millis) {
        jdbc.sql("""
                UPDATE spring_session SET last_access_time = :at, expiry_time = :at + max_inactive_interval * 1000
                WHERE principal_name = :name""").param("at", millis).param("name", email).update();
    }
}
