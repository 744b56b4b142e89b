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
            "/tilgaengelighed",
            "/privatliv",
            "/udfordringer",
            "/udfordringer/{id:\\d+}",
            "/katalog",
            "/katalog/{id:\\d+}",
            "/katalog/{id:\\d+}/pdf",
            "/katalog/eksport/*",
            "/historier",
            "/historier/{id:\\d+}",
            "/sprog",
            "/error",
            "/vendor/**",
            "/css/**",
            "/js/**",
            "/img/**",
            "/favicon.ico");

    private PublicPaths() {}
}
