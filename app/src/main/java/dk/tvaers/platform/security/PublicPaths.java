package dk.tvaers.platform.security;

import java.util.List;

/**
 * The routes anyone may use without logging in. Everything else needs a login, and a role where the
 * controller says so with {@code @RolesAllowed}. The security-coverage test reads this same list.
 */
public final class PublicPaths {

    /** Where a failed login is forwarded, to show the login page again with what the user typed. */
    public static final String LOGIN_FAILED = "/login/fejl";

    public static final List<String> PATTERNS = List.of(
            "/",
            "/login",
            LOGIN_FAILED,
            "/glemt-adgangskode",
            "/nulstil-adgangskode",
            // citizens sign up themselves, and confirm through the mailed link
            "/opret-konto",
            "/opret-konto/bekraeft",
            "/tilgaengelighed",
            // the site-wide search (rate-limited for visitors without a login)
            "/soeg",
            "/privatliv",
            "/udfordringer",
            "/udfordringer/{id:\\d+}",
            "/katalog",
            "/katalog/{id:\\d+}",
            "/katalog/{id:\\d+}/pdf",
            "/katalog/eksport/*",
            "/historier",
            "/historier/{id:\\d+}",
            // ideas: the public list and pages, submitting without an account, the similar-ideas suggestion, and
            // the e-mail links to confirm and follow an idea (support and comments, under /ideer/{id}/…, need a login)
            "/ideer",
            "/ideer/*",
            // registrations: a citizen's PRO questionnaire and shared course, through a personal link (no account)
            "/pro",
            "/mit-forloeb",
            // innovation capacity (aggregate figures only) and the open datasets (issue 15)
            "/innovationskapacitet",
            "/innovationskapacitet.xlsx",
            "/aabne-data",
            "/aabne-data/*",
            "/sprog",
            "/error",
            "/vendor/**",
            "/css/**",
            "/js/**",
            "/img/**",
            "/favicon.ico");

    /**
     * The API's paths anyone may read (GET and HEAD only, in the API's own chain): the open datasets of {@code /api/v1}
     * and the API's OpenAPI description with its UI. Every other method under {@code /api/**} needs an access token.
     */
    public static final List<String> API_READ_PATTERNS = List.of(
            "/api/v1",
            "/api/v1/*",
            "/api/openapi",
            "/api/openapi/**",
            "/api/openapi.yaml",
            "/api/dokumentation",
            "/api/dokumentation/**",
            "/api/swagger-ui/**");

    private PublicPaths() {}
}
