package dk.tvaers.load;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * Mixed journeys against a running Tværs with demo data (bench/load starts one): anonymous browsing and search,
 * citizens submitting ideas and commenting, consultants working the idea clinic's queue, analysts looking at
 * monitoring and starting runs; a static file (the design system's CSS) fetched in the same run as the baseline.
 *
 * <p>System properties: {@code load.baseUrl} (default http://127.0.0.1:18080), {@code load.users} (500),
 * {@code load.minutes} (10), {@code load.password} (the demo users' password), {@code load.initiative} (the id runs
 * are started for), {@code load.loginEvery} (10: a signed-in person logs in again after this many journeys).
 *
 * <p>Each virtual user is one person for the whole run: 60 % anonymous visitors (a fresh visit, no cookies, each
 * journey), 20 % citizens, 17 % consultants, 3 % analysts. A signed-in person logs in, works through
 * {@code load.loginEvery} journeys in that session (about three minutes), then starts a new session with a new log-in.
 * Until 2026-12-03 every journey logged in afresh (one log-in per person every ~19 s, ten a second at 500 users): the
 * run then measured bcrypt on two cores rather than Tværs, see bench/README.md; {@code -Dload.loginEvery=1} plays that
 * model again.
 */
public class MixedJourneys extends Simulation {

    static final String BASE = System.getProperty("load.baseUrl", "http://127.0.0.1:18080");
    static final int USERS = Integer.getInteger("load.users", 500);
    static final int MINUTES = Integer.getInteger("load.minutes", 10);
    static final String PASSWORD = System.getProperty("load.password", "Belastning-2026!");
    static final String INITIATIVE = System.getProperty("load.initiative", "1");
    static final int LOGIN_EVERY = Integer.getInteger("load.loginEvery", 10);
    static final String[] WORDS = {"sygepleje", "borger", "telemedicin", "genoptræning", "hjemmepleje", "diabetes",
            "overgang", "medicin", "kommune", "app"};

    HttpProtocolBuilder protocol = http.baseUrl(BASE)
            .acceptHeader("text/html,application/xhtml+xml")
            .acceptLanguageHeader("da")
            .disableCaching()
            .userAgentHeader("tvaers-load")
            // 500 people come from 500 addresses: each virtual user sends its own through X-Forwarded-For, which
            // Tværs honours from the loopback proxy only (platform.web.TrustedProxies), so the per-address rate
            // limits (ADR 0016) apply per simulated person as they would behind the region's proxy
            .header("X-Forwarded-For", "#{clientAddress}");

    static ChainBuilder think() {
        return pause(Duration.ofMillis(1000), Duration.ofMillis(4000));
    }

    static ChainBuilder staticFile() {
        return exec(http("static: dkfds.css").get("/vendor/dkfds/css/dkfds.min.css").header("Accept", "text/css"));
    }

    static ChainBuilder login(String email) {
        return exec(http("page: login form").get("/login")
                        .check(css("input[name=_csrf]", "value").saveAs("csrf")))
                .pause(Duration.ofMillis(500))
                .exec(http("page: log in").post("/login")
                        .formParam("username", email).formParam("password", PASSWORD).formParam("_csrf", "#{csrf}")
                        .check(status().is(200), currentLocationRegex(".*/login.*").notExists()));
    }

    ChainBuilder browse = exec(http("page: front").get("/")).exec(staticFile()).exec(think())
            .exec(http("page: ideas").get("/ideer")
                    .check(regex("href=\"/ideer/(\\d+)\"").findRandom().optional().saveAs("idea")))
            .exec(think())
            .exec(session -> session.set("word", WORDS[(int) (Math.random() * WORDS.length)]))
            .exec(http("page: idea search").get("/ideer").queryParam("q", "#{word}"))
            .exec(think())
            .doIf(session -> session.contains("idea")).then(exec(http("page: idea").get("/ideer/#{idea}")))
            .exec(think())
            .exec(http("page: catalogue").get("/katalog")
                    .check(regex("href=\"/katalog/(\\d+)\"").findRandom().optional().saveAs("case")))
            .exec(think())
            .doIf(session -> session.contains("case")).then(exec(http("page: case").get("/katalog/#{case}")))
            .exec(think())
            .exec(http("page: challenges").get("/udfordringer"))
            .exec(staticFile());

    ChainBuilder citizen = exec(http("page: new idea form").get("/ideer/ny").check(css("input[name=_csrf]", "value").saveAs("csrf")))
            .exec(think())
            .exec(session -> session.set("n", System.nanoTime()))
            .exec(http("page: submit idea").post("/ideer/ny")
                    .formParam("title", "Belastningsidé #{n}")
                    .formParam("problem", "Borgere venter for længe på svar fra hjemmeplejen efter udskrivelse.")
                    .formParam("proposal", "En fælles tjekliste mellem hospital og kommune ved udskrivelse.")
                    .formParam("beneficiaries", "Ældre borgere og deres pårørende")
                    .formParam("sectors", "REGION").formParam("sectors", "MUNICIPALITY")
                    .formParam("innovationType", "EVERYDAY")
                    .formParam("_csrf", "#{csrf}")
                    .check(status().is(200)))
            .exec(think())
            .exec(http("page: ideas").get("/ideer")
                    .check(regex("href=\"/ideer/(\\d+)\"").findRandom().optional().saveAs("idea")))
            .exec(think())
            .doIf(session -> session.contains("idea")).then(
                    exec(http("page: idea").get("/ideer/#{idea}")
                            .check(css("input[name=_csrf]", "value").saveAs("csrf")))
                    .exec(think())
                    .exec(http("page: comment").post("/ideer/#{idea}/kommentarer")
                            .formParam("body", "Det kender vi også fra vores afdeling.")
                            .formParam("_csrf", "#{csrf}").check(status().is(200))))
            .exec(think())
            .exec(http("page: my ideas").get("/mine-ideer"));

    ChainBuilder consultant = repeat(3).on(exec(http("page: clinic queue").get("/idekliniken")
                            .check(regex("href=\"/idekliniken/(\\d+)\"").findRandom().optional().saveAs("queued")))
                    .exec(think())
                    .doIf(session -> session.contains("queued")).then(
                            exec(http("page: clinic idea").get("/idekliniken/#{queued}")))
                    .exec(think()));

    ChainBuilder analyst = exec(http("page: analysis").get("/analyse").check(css("input[name=_csrf]", "value").saveAs("csrf")))
            .exec(think())
            .randomSwitch().on(
                    percent(20.0).then(exec(http("page: start run").post("/analyse/koersler")
                            .formParam("initiativeId", INITIATIVE).formParam("windowDays", "365")
                            .formParam("_csrf", "#{csrf}").check(status().is(200)))),
                    percent(80.0).then(exec(http("page: triple aim").get("/initiativer/" + INITIATIVE + "/triple-aim"))))
            .exec(think());

    /** A signed-in person: a session of {@link #LOGIN_EVERY} journeys after each log-in, for the whole run. */
    static ChainBuilder signedIn(String email, ChainBuilder journey) {
        return forever().on(exec(flushCookieJar()).exec(login(email)).exec(think())
                .repeat(LOGIN_EVERY).on(exec(journey).exec(think())));
    }

    ScenarioBuilder mixed = scenario("mixed journeys")
            .exec(session -> session.set("clientAddress", "10." + (session.userId() >> 16 & 255) + "."
                    + (session.userId() >> 8 & 255) + "." + (session.userId() & 255)))
            .randomSwitch().on(
                    percent(60.0).then(forever().on(exec(flushCookieJar()).exec(browse))),
                    percent(20.0).then(signedIn("borger@demo.tvaers.dk", citizen)),
                    percent(17.0).then(signedIn("konsulent@demo.tvaers.dk", consultant)),
                    percent(3.0).then(signedIn("analytiker@demo.tvaers.dk", analyst)));

    {
        setUp(mixed.injectClosed(
                        rampConcurrentUsers(0).to(USERS).during(Duration.ofSeconds(60)),
                        constantConcurrentUsers(USERS).during(Duration.ofMinutes(MINUTES))))
                .protocols(protocol)
                .maxDuration(Duration.ofMinutes(MINUTES).plusSeconds(60))
                .assertions(
                        global().failedRequests().count().is(0L),
                        global().responseTime().percentile(99.0).lt(500));
    }
}
