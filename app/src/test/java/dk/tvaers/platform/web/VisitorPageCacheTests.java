package dk.tvaers.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.catalog.CaseCatalog;
import dk.tvaers.catalog.CaseDraft;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Anonymous visitors' public pages are drawn once and kept a few seconds (ADR 0054), and nothing personal is ever
 * kept: not a signed-in user's page, not a page holding a CSRF token, a cookie or a session. The test profile switches
 * the application's own cache off; these tests run the real pages through a cache of their own with a clock they move.
 */
@IntegrationTest
class VisitorPageCacheTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter security;

    @Autowired
    ObjectProvider<LocaleResolver> locales;

    @Autowired
    CaseCatalog catalog;

    @Autowired
    UserDirectory users;

    @Autowired
    OrganisationDirectory organisations;

    final AtomicLong nanos = new AtomicLong();
    VisitorPageCache cache;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        cache = new VisitorPageCache(5, 8, 1024, "TVAERS_SESSION", locales, nanos::get);
        mvc = MockMvcBuilders.webAppContextSetup(context).addFilters(security, cache).build();
    }

    @Test
    void theMarkedPublicPagesAreDrawnOnceAndTheNextAnonymousVisitorGetsTheSamePage() throws Exception {
        long caseId = catalog.create(new CaseDraft("Kept case " + System.nanoTime(), "Resumé", Region.MIDTJYLLAND,
                Set.of(), Set.of(), Set.of(Sector.REGION), List.of(), Map.of(), null, null, null), null, Actor.SYSTEM);
        catalog.publish(caseId, 1, null, Actor.SYSTEM);
        for (String path : List.of("/", "/ideer", "/ideer?q=telemedicin", "/katalog", "/katalog/" + caseId,
                "/udfordringer")) {
            long hits = cache.stats().hitCount();
            MvcResult drawn = mvc.perform(get(path)).andReturn();
            MvcResult kept = mvc.perform(get(path)).andReturn();

            assertThat(drawn.getResponse().getStatus()).as(path).isEqualTo(200);
            assertThat(cache.stats().hitCount()).as(path + " served from the cache").isEqualTo(hits + 1);
            assertThat(kept.getResponse().getContentAsString(StandardCharsets.UTF_8)).as(path)
                    .isEqualTo(drawn.getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .contains("</html>").doesNotContain("csrf-token");
            assertThat(kept.getResponse().getContentType()).isEqualTo(drawn.getResponse().getContentType());
            // the security headers are written for a kept page as for a drawn one
            assertThat(kept.getResponse().getHeader("Content-Security-Policy")).isNotBlank();
        }
    }

    @Test
    void aKeptPageIsDrawnAgainOnceItsSecondsHavePassed() throws Exception {
        mvc.perform(get("/udfordringer"));
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(4));
        long hits = cache.stats().hitCount();
        mvc.perform(get("/udfordringer"));
        assertThat(cache.stats().hitCount()).isEqualTo(hits + 1);

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(2));
        mvc.perform(get("/udfordringer"));
        assertThat(cache.stats().hitCount()).as("five seconds after it was drawn").isEqualTo(hits + 1);
    }

    @Test
    void aSignedInUserOrAVisitorWithASessionAlwaysGetsAPageOfTheirOwn() throws Exception {
        mvc.perform(get("/"));
        long hits = cache.stats().hitCount();
        var person = person("Kirsten Cachefri");

        String own = mvc.perform(get("/").with(authentication(person))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        mvc.perform(get("/").cookie(new Cookie("TVAERS_SESSION", "abc")));
        mvc.perform(get("/").header("Authorization", "Bearer x"));

        assertThat(own).contains("Kirsten Cachefri").contains("csrf-token");
        assertThat(cache.stats().hitCount()).isEqualTo(hits);
        // and what they were given was not kept for the anonymous visitors either
        String anonymous = mvc.perform(get("/")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(anonymous).doesNotContain("Kirsten Cachefri");
    }

    @Test
    void eachLanguageHasItsOwnPageAndChoosingOneIsNeverAnsweredFromTheCache() throws Exception {
        String danish = mvc.perform(get("/katalog")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long hits = cache.stats().hitCount();
        String english = mvc.perform(get("/katalog").cookie(new Cookie("TVAERS_LANG", "en"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        mvc.perform(get("/katalog").param("lang", "en"));
        mvc.perform(get("/katalog").param("lang", "en"));

        assertThat(danish).contains("<html lang=\"da\"");
        assertThat(english).contains("<html lang=\"en\"");
        assertThat(cache.stats().hitCount()).isEqualTo(hits);
    }

    @Test
    void pagesThatAreNotMarkedOrHoldAFormAreNeverKept() throws Exception {
        long hits = cache.stats().hitCount();
        mvc.perform(get("/login"));
        mvc.perform(get("/login"));
        mvc.perform(get("/ideer/ny"));
        mvc.perform(get("/ideer/ny"));
        mvc.perform(get("/ideer/999999999"));
        mvc.perform(get("/ideer/999999999"));
        assertThat(cache.stats().hitCount()).isEqualTo(hits);
    }

    @Test
    void aMarkedPageIsKeptOnlyWhenDrawingItReadNoTokenSetNoCookieAndOpenedNoSession() throws Exception {
        assertKept(false, (request, response) -> {
            ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken();
            response.getWriter().write("<p>med formular</p>");
        });
        assertKept(false, (request, response) -> {
            ((jakarta.servlet.http.HttpServletResponse) response).addCookie(new Cookie("valg", "1"));
            response.getWriter().write("<p>med cookie</p>");
        });
        assertKept(false, (request, response) -> {
            ((jakarta.servlet.http.HttpServletRequest) request).getSession(true);
            response.getWriter().write("<p>med session</p>");
        });
        assertKept(false, (request, response) -> {
            ((HttpServletResponse) response).setStatus(404);
            response.getWriter().write("<p>findes ikke</p>");
        });
        assertKept(true, (request, response) -> response.getWriter().write("<p>den samme for alle: æøå</p>"));
        assertKept(true, (request, response) -> response.getOutputStream()
                .write("<p>skrevet som bytes</p>".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aPageLongerThanTheLimitReachesTheVisitorWholeButIsNotKept() throws Exception {
        var small = new VisitorPageCache(5, 8, 1, "TVAERS_SESSION", locales, nanos::get);
        String body = "<p>" + "x".repeat(3000) + "</p>";
        for (int i = 0; i < 2; i++) {
            var response = new MockHttpServletResponse();
            small.doFilter(request(), response, chain((request, r) -> r.getWriter().write(body)));
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(body);
        }
        assertThat(small.stats().hitCount()).isZero();
    }

    private void assertKept(boolean kept, FilterChain page) throws Exception {
        var own = new VisitorPageCache(5, 8, 1024, "TVAERS_SESSION", locales, nanos::get);
        var first = new MockHttpServletResponse();
        own.doFilter(request(), first, chain(page));
        var second = new MockHttpServletResponse();
        own.doFilter(request(), second, chain(page));

        assertThat(own.stats().hitCount()).isEqualTo(kept ? 1 : 0);
        // what the visitor gets is what the page wrote, kept or not
        assertThat(second.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(first.getContentAsString(StandardCharsets.UTF_8))
                .startsWith("<p>");
    }

    private static MockHttpServletRequest request() {
        var request = new MockHttpServletRequest("GET", "/probe");
        request.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "hemmelig"));
        return request;
    }

    /** A marked handler's page: the interceptor's mark first, then what the page does. */
    private static FilterChain chain(FilterChain page) {
        return (request, response) -> {
            request.setAttribute(VisitorPageCache.CACHEABLE, Boolean.TRUE);
            response.setContentType("text/html;charset=UTF-8");
            page.doFilter(request, response);
        };
    }

    private UsernamePasswordAuthenticationToken person(String name) {
        long organisation = organisations.create(new OrganisationDetails("Cache " + System.nanoTime(), Sector.REGION,
                Region.MIDTJYLLAND, null), Actor.SYSTEM).id();
        long id = users.create(new UserAttributes("cache-" + System.nanoTime() + "@test.tvaers.dk", name, organisation,
                EnumSet.of(Role.STAFF)), "Rolig-Rød-Cykel-77", false, Actor.SYSTEM);
        var principal = AccountPrincipal.of(users.find(id).orElseThrow());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }
}
