package dk.tvaers.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.platform.security.PublicPaths;
import dk.tvaers.shared.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.access.prepost.PreAuthorize;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Generated from every request mapping of the application: each route that is not public refuses an anonymous
 * user, and each route restricted with {@code @RolesAllowed} refuses every role that may not use it. A new
 * controller is covered the moment it exists.
 */
@IntegrationTest
class SecurityCoverageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final AntPathMatcher matcher = new AntPathMatcher();

    record Route(HttpMethod method, String path, Set<Role> allowed, boolean declared) {}

    @Test
    void everyRouteIsCovered() {
        assertThat(routes()).as("the application's routes").hasSizeGreaterThan(10);
    }

    /** A route behind login says who may use it: {@code @RolesAllowed}, or {@code @PermitAll} for everyone logged in. */
    @Test
    void everyNonPublicRouteDeclaresWhoMayUseIt() {
        List<String> undeclared = routes().stream()
                .filter(route -> !isPublic(route) && !route.declared())
                .map(route -> route.method() + " " + route.path())
                .toList();
        assertThat(undeclared).as("routes without @RolesAllowed or @PermitAll").isEmpty();
    }

    @Test
    void nonPublicRoutesRefuseAnonymousUsers() throws Exception {
        List<String> open = new ArrayList<>();
        for (Route route : routes()) {
            if (isPublic(route)) {
                continue;
            }
            var result = mvc.perform(request(route).with(csrf())).andReturn().getResponse();
            boolean toLogin = result.getStatus() == 302 && String.valueOf(result.getRedirectedUrl()).endsWith("/login");
            if (!toLogin && result.getStatus() != 401 && result.getStatus() != 403) {
                open.add(route.method() + " " + route.path() + " → " + result.getStatus());
            }
        }
        assertThat(open).as("routes an anonymous user reached").isEmpty();
    }

    @Test
    void restrictedRoutesRefuseEveryOtherRole() throws Exception {
        List<String> open = new ArrayList<>();
        for (Route route : routes()) {
            if (route.allowed().isEmpty()) {
                continue;
            }
            for (Role role : EnumSet.complementOf(EnumSet.copyOf(route.allowed()))) {
                int status = mvc.perform(request(route).with(csrf()).with(authentication(as(role))))
                        .andReturn().getResponse().getStatus();
                if (status != 403) {
                    open.add(route.method() + " " + route.path() + " as " + role + " → " + status);
                }
            }
        }
        assertThat(open).as("routes a role without permission reached").isEmpty();
    }

    @Test
    void restrictedPagesOpenForTheirRoles() throws Exception {
        List<String> refused = new ArrayList<>();
        for (Route route : routes()) {
            if (route.method() != HttpMethod.GET || route.path().contains("{") || route.allowed().isEmpty()) {
                continue;
            }
            for (Role role : route.allowed()) {
                int status = mvc.perform(request(route).with(authentication(as(role)))).andReturn().getResponse()
                        .getStatus();
                if (status == 403 || status == 401 || status == 302) {
                    refused.add(route.method() + " " + route.path() + " as " + role + " → " + status);
                }
            }
        }
        assertThat(refused).as("pages refused to the roles that should use them").isEmpty();
    }

    /**
     * The API's chain (ADR 0039): a route under {@code /api/**} that changes something, or reads beyond the open data
     * (a read scope, ADR 0045), is refused to a signed-in person of every role (no web login counts there) and to a
     * client's token without the route's scope; only the open data's safe methods are public.
     */
    @Test
    void apiRoutesBeyondOpenDataRefuseWebUsersAndTokensWithoutTheirScope() throws Exception {
        List<String> open = new ArrayList<>();
        int checked = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            var consumes = info.getConsumesCondition().getConsumableMediaTypes();
            String type = consumes.isEmpty() ? "application/json" : consumes.iterator().next().toString();
            for (String pattern : patterns(info)) {
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    if (!pattern.startsWith("/api/")) {
                        continue;
                    }
                    var route = new Route(HttpMethod.valueOf(method.name()), pattern, Set.of(), true);
                    boolean safe = method == RequestMethod.GET || method == RequestMethod.HEAD;
                    if (safe && isPublic(route)) {
                        continue;
                    }
                    assertThat(isPublic(route)).as("%s %s is public", method, pattern).isFalse();
                    // a well-formed call, so that only the right to make it can refuse it
                    for (Role role : Role.values()) {
                        int status = mvc.perform(request(route).contentType(type).content("x")
                                .with(authentication(as(role)))).andReturn().getResponse().getStatus();
                        checked++;
                        if (status != 401 && status != 403) {
                            open.add(method + " " + pattern + " as " + role + " → " + status);
                        }
                    }
                    int status = mvc.perform(request(route).contentType(type).content("x")
                                    .with(jwt().jwt(token -> token.subject("coverage-client"))))
                            .andReturn().getResponse().getStatus();
                    checked++;
                    if (status != 403) {
                        open.add(method + " " + pattern + " with a token without scopes → " + status);
                    }
                }
            }
        }
        assertThat(checked).as("API write and scoped read routes checked").isGreaterThan(0);
        assertThat(open).as("API routes reached without their scope").isEmpty();
    }

    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("dk.tvaers")) {
                return;
            }
            Set<Role> allowed = allowedRoles(handler);
            boolean declared = !allowed.isEmpty()
                    || AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PermitAll.class)
                    || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PermitAll.class)
                    // the API's endpoints name the OAuth2 scope they need (SCOPE_…), which no web role holds
                    || AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class);
            for (String pattern : patterns(info)) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                List<RequestMethod> effective = methods.isEmpty()
                        ? List.of(RequestMethod.GET, RequestMethod.POST) : List.copyOf(methods);
                for (RequestMethod method : effective) {
                    routes.add(new Route(HttpMethod.valueOf(method.name()), pattern, allowed, declared));
                }
            }
        });
        return routes;
    }

    /** The path patterns of a mapping (also used by RowCoverageTests). */
    static Set<String> patterns(RequestMappingInfo info) {
        return info.getPathPatternsCondition() != null
                ? info.getPathPatternsCondition().getPatternValues()
                : info.getPatternValues();
    }

    /** The roles a handler's @RolesAllowed names (empty: any signed-in user); also used by RowCoverageTests. */
    static Set<Role> allowedRoles(HandlerMethod handler) {
        RolesAllowed annotation = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RolesAllowed.class);
        if (annotation == null) {
            annotation = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RolesAllowed.class);
        }
        if (annotation == null) {
            return Set.of();
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(annotation.value()).map(value -> Role.valueOf(value.replaceFirst("^ROLE_", ""))).forEach(roles::add);
        return roles;
    }

    /**
     * Whether the route is public, judged on the address the tests request (path variables as "1"): the web's public
     * paths for every method, the API's open paths for GET and HEAD only.
     */
    private boolean isPublic(Route route) {
        String requested = route.path().replaceAll("\\{[^}]+}", "1");
        boolean safe = route.method() == HttpMethod.GET || route.method() == HttpMethod.HEAD;
        return PublicPaths.PATTERNS.stream().anyMatch(pattern -> matcher.match(pattern, requested))
                || safe && PublicPaths.API_READ_PATTERNS.stream().anyMatch(pattern -> matcher.match(pattern, requested));
    }

    private static MockHttpServletRequestBuilder request(Route route) {
        String path = route.path().replaceAll("\\{[^}]+}", "1");
        return MockMvcRequestBuilders.request(route.method(), path);
    }

    private static UsernamePasswordAuthenticationToken as(Role role) {
        var account = new UserAccount(900_000L + role.ordinal(), role.name().toLowerCase() + "@coverage.test",
                role.name().toLowerCase() + "@coverage.test", "Coverage " + role, null, null, Set.of(role), true, false,
                0, null, true, false, null, "da");
        var principal = AccountPrincipal.of(account);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }
}
