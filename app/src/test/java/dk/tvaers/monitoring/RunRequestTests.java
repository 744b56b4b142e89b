package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.initiatives.Initiatives;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.Cookie;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A run asked for again on the same data is the run already there (ADR 0049), and a finished run's figures are drawn
 * once per language.
 */
@IntegrationTest
class RunRequestTests {

    @Autowired
    Imports imports;

    @Autowired
    Runs runs;

    @Autowired
    Initiatives initiatives;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    MeterRegistry registry;

    @TempDir
    Path dir;

    private long imported(long initiative) throws Exception {
        long importId = imports.startFromDirectory(ImportFixture.copy(dir.resolve("fixture-" + System.nanoTime()),
                initiative), Actor.SYSTEM);
        assertThat(Awaiting.until(() -> imports.find(importId).orElseThrow(), j -> j.status().finished()).status())
                .isEqualTo(JobStatus.SUCCEEDED);
        return initiative;
    }

    private IndicatorRun finished(long id) throws Exception {
        return Awaiting.until(() -> runs.find(id).orElseThrow(), r -> r.status().finished());
    }

    @Test
    void theSameRunAskedForAgainOnTheSameDataIsTheRunAlreadyThereAndNewDataOrAnotherWindowGiveANewOne()
            throws Exception {
        long initiative = imported(ImportFixture.initiative(initiatives, "Samme kørsel"));
        var first = runs.request(initiative, 365, IndicatorRun.Engine.DUCKDB, Actor.SYSTEM);
        assertThat(first.existing()).isFalse();
        // queued, running or just finished: asked again at once it is the same run
        var again = runs.request(initiative, 365, IndicatorRun.Engine.DUCKDB, Actor.SYSTEM);
        assertThat(again).isEqualTo(new Runs.Requested(first.id(), true));
        assertThat(finished(first.id()).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(runs.request(initiative, 365, IndicatorRun.Engine.DUCKDB, Actor.SYSTEM))
                .isEqualTo(new Runs.Requested(first.id(), true));

        // another window computes other cells
        var shorter = runs.request(initiative, 180, IndicatorRun.Engine.DUCKDB, Actor.SYSTEM);
        assertThat(shorter.existing()).isFalse();
        assertThat(finished(shorter.id()).status()).isEqualTo(JobStatus.SUCCEEDED);

        // new data: a new run (the old one stays what it was)
        imported(initiative);
        var afterImport = runs.request(initiative, 365, IndicatorRun.Engine.DUCKDB, Actor.SYSTEM);
        assertThat(afterImport.existing()).isFalse();
        assertThat(afterImport.id()).isNotIn(first.id(), shorter.id());
        assertThat(finished(afterImport.id()).status()).isEqualTo(JobStatus.SUCCEEDED);

        // the explicit start still computes anew (tests, demo data)
        long forced = runs.start(initiative, 365, Actor.SYSTEM);
        assertThat(forced).isNotEqualTo(afterImport.id());
        finished(forced);
    }

    @Test
    void theAnalystIsToldThatTheRunIsOneAlreadyThere() throws Exception {
        long initiative = imported(ImportFixture.initiative(initiatives, "Analytiker to gange"));
        long first = runs.request(initiative, 365, IndicatorRun.Engine.DUCKDB, Actor.SYSTEM).id();
        finished(first);
        var principal = dk.tvaers.accounts.AccountPrincipal.of(new dk.tvaers.accounts.UserAccount(9, "a@x.dk",
                "a@x.dk", "Anna Analytiker", null, null, java.util.Set.of(dk.tvaers.shared.Role.ANALYST), true, false,
                0, null, true, false, null, "da"));
        var response = mvc.post().uri("/analyse/koersler")
                .with(authentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                        .authenticated(principal, null, principal.getAuthorities())))
                .with(csrf())
                .param("initiativeId", String.valueOf(initiative)).param("windowDays", "365").exchange();
        assertThat(response).hasStatus3xxRedirection().hasRedirectedUrl("/analyse/koersler/" + first);
        assertThat(response.getMvcResult().getFlashMap().values())
                .contains(new dk.tvaers.platform.web.Flash("monitoring.run.existing", null, null));
    }

    @Test
    void manyAnalystsAskingAtOnceGetOneRun() throws Exception {
        long initiative = imported(ImportFixture.initiative(initiatives, "Samtidig"));
        int n = 6;
        var barrier = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Runs.Requested>> asked = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                asked.add(pool.submit(() -> {
                    barrier.await();
                    return runs.request(initiative, 365, IndicatorRun.Engine.DUCKDB, Actor.SYSTEM);
                }));
            }
            List<Long> ids = new ArrayList<>();
            for (var f : asked) {
                ids.add(f.get().id());
            }
            assertThat(ids).containsOnly(ids.getFirst());
            assertThat(asked.stream().filter(f -> !f.resultNow().existing()).count()).isEqualTo(1);
            finished(ids.getFirst());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFinishedRunsFiguresAreDrawnOncePerLanguage() throws Exception {
        long initiative = imported(ImportFixture.initiative(initiatives, "Tegnet én gang"));
        long id = runs.start(initiative, 365, Actor.SYSTEM);
        assertThat(finished(id).status()).isEqualTo(JobStatus.SUCCEEDED);
        var drawn = registry.counter("tvaers.monitoring.results.rendered");
        double before = drawn.count();
        var analyst = user("analytiker").roles("ANALYST");
        String page = "/initiativer/" + initiative + "/triple-aim";
        String first = mvc.get().uri(page).with(analyst).exchange().getResponse().getContentAsString();
        String second = mvc.get().uri(page).with(analyst).exchange().getResponse().getContentAsString();
        assertThat(drawn.count()).isEqualTo(before + 1);
        assertThat(first).contains("id=\"details-heading\"", "id=\"aim-POPULATION_HEALTH\"", "<svg")
                .doesNotContain("&lt;svg", "&lt;table", "&lt;details");
        // the same page but for the request's own token
        assertThat(withoutTokens(second)).isEqualTo(withoutTokens(first));
        String english = mvc.get().uri(page).with(analyst).cookie(new Cookie("TVAERS_LANG", "en")).exchange()
                .getResponse().getContentAsString();
        assertThat(drawn.count()).isEqualTo(before + 2);
        assertThat(english).contains("id=\"details-heading\"", "<svg").isNotEqualTo(first);
    }

    private static String withoutTokens(String page) {
        return page.replaceAll("content=\"[^\"]*\"", "").replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }
}
