package dk.tvaers.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dk.tvaers.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Spring Boot switches its resource chain on by itself when webjars-locator-lite is on the class path (springdoc's
 * Swagger UI brings it). Its {@link ResourceUrlEncodingFilter} then looks every link a template writes up on the class
 * path, uncached when nothing is found: two thirds of the server's CPU in the 200-user load run of 2026-12-03
 * (bench/README.md). Tværs versions no static URLs, so the chain is off; the Swagger UI still loads its own files.
 */
@IntegrationTest
class ResourceChainTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Test
    void noFilterRewritesTheLinksOfEveryPage() {
        assertThat(context.getBeanNamesForType(ResourceUrlEncodingFilter.class)).isEmpty();
        assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
                .extracting(FilterRegistrationBean::getFilter)
                .noneMatch(ResourceUrlEncodingFilter.class::isInstance);
    }

    /**
     * Spring Boot's default static locations are four; in the executable jar every location that does not hold the
     * file searches all nested jars for it, on every request for a style sheet or script (bench/README.md, issue 17).
     */
    @Test
    void staticFilesAreLookedUpInTvaersOwnFolderOnly() {
        assertThat(context.getBean(WebProperties.class).getResources().getStaticLocations())
                .containsExactly("classpath:/static/");
    }

    @Test
    void theStaticFilesAndTheSwaggerUiFilesAreStillServed() throws Exception {
        assertThat(mvc.perform(get("/css/tvaers.css")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/vendor/dkfds/css/dkfds.min.css")).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        String ui = mvc.perform(get("/api/dokumentation")).andReturn().getResponse().getRedirectedUrl();
        assertThat(mvc.perform(get(ui)).andReturn().getResponse().getStatus()).isEqualTo(200);
        String prefix = ui.substring(0, ui.lastIndexOf('/') + 1);
        var css = mvc.perform(get(prefix + "swagger-ui.css")).andReturn().getResponse();
        assertThat(css.getStatus()).isEqualTo(200);
        assertThat(css.getContentAsString()).contains(".swagger-ui");
    }
}
