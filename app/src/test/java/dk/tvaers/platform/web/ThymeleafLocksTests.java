package dk.tvaers.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Thymeleaf's name repositories run on non-fair locks in Tværs (ADR 0050); a Thymeleaf upgrade that renames their
 * fields fails here, so whoever upgrades checks whether the fair locks are still there.
 */
@IntegrationTest
class ThymeleafLocksTests {

    @Autowired
    SpringTemplateEngine engine;

    @Autowired
    MockMvcTester mvc;

    @Test
    void everyNameRepositoryOfTheEngineAndTheStaticCachesHasANonFairLockAndPagesStillRender() throws Exception {
        var repositories = ThymeleafLocks.repositories(engine);
        // HTML, XML, TEXT, JAVASCRIPT, CSS and RAW for attributes and elements, and the static name caches
        assertThat(repositories).hasSizeGreaterThanOrEqualTo(8);
        for (Object repository : repositories) {
            assertThat(ThymeleafLocks.lockOf(repository).isFair()).as(repository.getClass().getName()).isFalse();
        }
        // a page with SVG (names outside standard HTML: the lookups under these locks) renders as before
        assertThat(mvc.get().uri("/")).hasStatusOk();
        assertThat(mvc.get().uri("/katalog")).hasStatusOk();
    }
}
