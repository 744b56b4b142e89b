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

    /**
     * The wide menu and the phone's drawer list the same items, from one fragment (issue 18): the layout itself has no
     * loop over the navigation, so the two cannot drift apart.
     */
    @Test
    void theWideMenuAndThePhonesDrawerShowTheSameItemsFromOneFragment() throws Exception {
        String layout = new String(new org.springframework.core.io.ClassPathResource("templates/fragments/layout.html")
                .getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(layout).doesNotContain("${navigation}");
        assertThat(layout.split("fragments/navigation :: items", -1)).hasSize(3);

        var servletContext = new MockServletContext();
        var request = new MockHttpServletRequest(servletContext, "GET", "/ideer");
        var exchange = JakartaServletWebApplication.buildApplication(servletContext)
                .buildExchange(request, new MockHttpServletResponse());
        var items = java.util.List.of(NavigationItem.forEveryone("/", "nav.home", 0),
                NavigationItem.forEveryone("/ideer", "nav.ideas", 200));
        var context = new WebContext(exchange, Locale.of("da"), Map.of("title", "Idéer", "currentPath", "/ideer",
                "navigation", items));
        var page = org.jsoup.Jsoup.parse(templates.process("test/layout-title-probe", context));
        var wide = page.select(".navigation-menu nav li").eachText();
        assertThat(wide).containsExactly("Forside", "Idéer");
        assertThat(page.select(".navigation-menu-mobile li").eachText()).isEqualTo(wide);
        assertThat(page.select(".navigation-menu-mobile li.current a").attr("aria-current")).isEqualTo("page");
    }
}
