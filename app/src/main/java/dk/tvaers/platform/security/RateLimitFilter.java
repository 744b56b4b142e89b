package dk.tvaers.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits, per client address, what a visitor without a login can make Tværs do (ADR 0016): log-in attempts,
 * password-reset requests, idea submissions and the links sent by mail (reset, confirm, follow), whose tokens must
 * not be guessed at speed. It runs in the security filter chain after the session is read (a signed-in user's idea
 * submissions are not limited) and after the CSRF check, before the login filter. The client address is the one
 * Tomcat reports, which honours {@code X-Forwarded-For} only from the trusted proxies ({@code TVAERS_TRUSTED_PROXIES}).
 * Per-address limits (mails to one e-mail address) are applied where the address is known: the services.
 */
class RateLimitFilter extends OncePerRequestFilter {

    /** A rule for one path, or for every path under a prefix when it ends in {@code /**}. */
    record Rule(HttpMethod method, String path, String limit, boolean anonymousOnly) {

        boolean matches(String requested) {
            return path.endsWith("/**") ? requested.startsWith(path.substring(0, path.length() - 2))
                    : path.equals(requested);
        }
    }

    static final List<Rule> RULES = List.of(
            new Rule(HttpMethod.POST, "/login", "login", false),
            new Rule(HttpMethod.POST, "/glemt-adgangskode", "password-reset", false),
            new Rule(HttpMethod.POST, "/ideer/ny", "idea-submission", true),
            new Rule(HttpMethod.GET, "/nulstil-adgangskode", "mail-link", false),
            new Rule(HttpMethod.POST, "/nulstil-adgangskode", "mail-link", false),
            new Rule(HttpMethod.GET, "/ideer/bekraeft", "mail-link", false),
            new Rule(HttpMethod.GET, "/ideer/foelg", "mail-link", false),
            new Rule(HttpMethod.POST, "/ideer/foelg", "mail-link", false),
            // requests that mail a link to an address the visitor types (a citizen's sign-up, a new follow link) and
            // the resending of an idea's confirmation mail
            new Rule(HttpMethod.POST, "/opret-konto", "mail-request", true),
            new Rule(HttpMethod.POST, "/ideer/nyt-link", "mail-request", false),
            new Rule(HttpMethod.POST, "/ideer/tak", "mail-request", false),
            new Rule(HttpMethod.GET, "/opret-konto/bekraeft", "mail-link", false),
            // registrations: personal links to a PRO questionnaire and to a shared course (tokens not to be guessed)
            new Rule(HttpMethod.GET, "/pro", "citizen-link", false),
            new Rule(HttpMethod.POST, "/pro", "citizen-link", false),
            new Rule(HttpMethod.GET, "/mit-forloeb", "citizen-link", false),
            // the open datasets: anyone may download, at a bounded pace (issue 15); the API under /api/** has a chain
            // of its own with its own limits (accounts.api, ADR 0039)
            new Rule(HttpMethod.GET, "/aabne-data/**", "open-data", false),
            // the site-wide search: each search runs a full-text query per kind of content (ADR 0036)
            new Rule(HttpMethod.GET, "/soeg", "search", true));

    private final RateLimits limits;

    RateLimitFilter(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (Rule rule : RULES) {
            if (rule.method().matches(request.getMethod()) && rule.matches(path)
                    && (!rule.anonymousOnly() || anonymous())) {
                try {
                    limits.consume(rule.limit(), request.getRemoteAddr());
                } catch (RateLimitExceededException e) {
                    TooManyRequests.answer(e, request, response);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean anonymous() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated();
    }
}
