package dk.tvaers.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.IntegrationTest;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/** The layout's parameters do not hide the page's own model attributes (a page's "title" is the page's). */
@IntegrationTest
class LayoutTests {

    @Autowired
    ITemplateEngine templates;

    @Test
    void aModelAttributeNamedTitleReachesThePageContent() {
        var servletContext = new MockServletContext();
        var request = new MockHttpServletRequest(servletContext, "GET", "/probe");
        var exchange = JakartaServletWebApplication.buildApplication(servletContext)
                .buildExchange(request, new MockHttpServletResponse());
        var context = new WebContext(exchange, Locale.of("da"),
                Map.of("title", "Sundhedshuset i Skive", "currentPath", "/probe"));

        String html = templates.process("test/layout-title-probe", context);

        assertThat(html).contains("<h1 id=\"probe\">Sundhedshuset i Skive</h1>").contains("<title>Probe – Tværs</title>");
    }
}
