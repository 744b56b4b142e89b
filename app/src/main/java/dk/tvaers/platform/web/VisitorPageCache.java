package dk.tvaers.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Keeps, for a few seconds, the pages that anonymous visitors get from handlers marked
 * {@link SameForAnonymousVisitors}, and serves the next anonymous visitor asking for the same URL in the same language
 * from memory instead of drawing the page again (ADR 0054). Public pages are most of what a portal serves and the same
 * for everybody; drawing them took most of the CPU in the 500-user load test.
 *
 * <p>A page is kept only when all of this holds: GET, no signed-in user (no session cookie, no Authorization header,
 * an anonymous or no authentication after Spring Security), no {@code lang} parameter (it sets a cookie), the handler
 * is marked, the answer is 200 with {@code text/html}, drawing it did not read the CSRF token (a form posting back),
 * set a cookie or open a session, and it is at most {@code tvaers.page-cache.max-page-kilobytes} long. The key is
 * scheme, host, path, query, the language and htmx's request headers. Everything else passes through untouched.
 * A kept page is at most {@code tvaers.page-cache.seconds} old (default 5; 0 switches the cache off); the whole cache
 * is bounded by {@code tvaers.page-cache.max-megabytes}. Runs after Spring Security's filters, so rate limits and
 * security headers apply to a kept page as to a drawn one. Metrics: {@code cache.gets{cache="visitor-pages"}}.
 */
@Component
public class VisitorPageCache extends OncePerRequestFilter implements WebMvcConfigurer {

    static final String CACHEABLE = VisitorPageCache.class.getName() + ".cacheable";
    private static final int MAX_KEY_LENGTH = 2_048;
    private static final String[] HTMX_HEADERS = {"HX-Request", "HX-Target", "HX-Trigger", "HX-Boosted",
            "HX-History-Restore-Request"};

    /** A kept page: what is written again for the next visitor. */
    record Page(byte[] body, String contentType, String contentLanguage, String route) {}

    private final Cache<String, Page> pages;
    private final ObjectProvider<LocaleResolver> locales;
    private final String sessionCookie;
    private final int maxPageBytes;

    @Autowired
    VisitorPageCache(@Value("${tvaers.page-cache.seconds:5}") int seconds,
            @Value("${tvaers.page-cache.max-megabytes:64}") int megabytes,
            @Value("${tvaers.page-cache.max-page-kilobytes:1024}") int maxPageKilobytes,
            @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie,
            ObjectProvider<LocaleResolver> locales, ObjectProvider<MeterRegistry> registry) {
        this(seconds, megabytes, maxPageKilobytes, sessionCookie, locales, Ticker.systemTicker());
        if (pages != null && registry.getIfAvailable() != null) {
            CaffeineCacheMetrics.monitor(registry.getIfAvailable(), pages, "visitor-pages");
        }
    }

    VisitorPageCache(int seconds, int megabytes, int maxPageKilobytes, String sessionCookie,
            ObjectProvider<LocaleResolver> locales, Ticker ticker) {
        this.pages = seconds <= 0 ? null : Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofSeconds(seconds))
                .maximumWeight(megabytes * 1024L * 1024L)
                .weigher((String key, Page page) -> key.length() * 2 + page.body().length)
                .ticker(ticker)
                .recordStats()
                .build();
        this.maxPageBytes = maxPageKilobytes * 1024;
        this.sessionCookie = sessionCookie;
        this.locales = locales;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (!(handler instanceof HandlerMethod method)) {
                    return true;
                }
                if (method.hasMethodAnnotation(SameForAnonymousVisitors.class)) {
                    request.setAttribute(CACHEABLE, Boolean.TRUE);
                } else if (!method.hasMethodAnnotation(ResponseBody.class)
                        && !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
                        && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                    // Any other page may hold a form: its CSRF token (deferred by Spring Security) is made now, while
                    // its cookie can still be set. Made first at the form, deep in a page, the response may already
                    // be committed and the cookie lost (the layout's meta tags used to make it in <head>).
                    token.getToken();
                }
                return true;
            }
        });
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = pages == null ? null : key(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        Page kept = pages.getIfPresent(key);
        if (kept != null) {
            // the request metrics count a kept page under its route, as a drawn one
            if (kept.route() != null) {
                ServerHttpObservationFilter.findObservationContext(request)
                        .ifPresent(observation -> observation.setPathPattern(kept.route()));
            }
            write(kept, response);
            return;
        }
        TrackedCsrfToken csrf = TrackedCsrfToken.install(request);
        var capture = new CapturingResponse(response, request, maxPageBytes);
        try {
            chain.doFilter(request, capture);
        } finally {
            capture.flushWriter();
        }
        if (capture.complete() && capture.getStatus() == HttpServletResponse.SC_OK
                && capture.getContentType() != null && capture.getContentType().startsWith("text/html")
                && (csrf == null || !csrf.used()) && request.getSession(false) == null
                && response.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()) {
            pages.put(key, new Page(capture.captured(), capture.getContentType(),
                    capture.getHeader(HttpHeaders.CONTENT_LANGUAGE),
                    request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String route
                            ? route : null));
        }
    }

    /** Hits, misses and evictions so far (also published as the {@code cache.*} metrics). */
    com.github.benmanes.caffeine.cache.stats.CacheStats stats() {
        return pages.stats();
    }

    /** The key of a request that may be answered from or kept in the cache, or null. */
    private String key(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getParameter("lang") != null || hasCookie(request, sessionCookie) || !anonymous()) {
            return null;
        }
        var key = new StringBuilder(256).append(request.getScheme()).append("://").append(request.getServerName())
                .append(':').append(request.getServerPort()).append(request.getRequestURI());
        if (request.getQueryString() != null) {
            key.append('?').append(request.getQueryString());
        }
        LocaleResolver resolver = locales.getIfAvailable();
        Locale locale = resolver == null ? request.getLocale() : resolver.resolveLocale(request);
        key.append('|').append(locale.toLanguageTag());
        for (String header : HTMX_HEADERS) {
            String value = request.getHeader(header);
            key.append('|').append(value == null ? "" : value);
        }
        return key.length() > MAX_KEY_LENGTH ? null : key.toString();
    }

    private static boolean anonymous() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken;
    }

    private static boolean hasCookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (name.equals(cookie.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void write(Page page, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(page.contentType());
        if (page.contentLanguage() != null) {
            response.setHeader(HttpHeaders.CONTENT_LANGUAGE, page.contentLanguage());
        }
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
    }
}
