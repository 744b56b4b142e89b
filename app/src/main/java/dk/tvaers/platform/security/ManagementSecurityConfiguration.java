package dk.tvaers.platform.security;

import dk.tvaers.shared.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may read the actuator endpoints. Health (liveness, readiness) is open: load balancers and orchestrators ask
 * without logging in, and it says only UP or DOWN per component. Metrics and backup are for operations: on the
 * management port of their own (bound to loopback by default, README: Operating Tværs) anyone who reaches the port
 * may use them; served on the application's port they need the administrator role.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain managementSecurityFilterChain(HttpSecurity http, Environment environment) throws Exception {
        http
                .securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health")).permitAll()
                        .anyRequest().access((authentication, context) ->
                                operations(authentication, context, environment)))
                // the backup endpoint is called by the backup command, not from a page
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> onManagementPort(request, environment)))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable());
        return http.build();
    }

    private static AuthorizationResult operations(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context, Environment environment) {
        if (onManagementPort(context.getRequest(), environment)) {
            return new AuthorizationDecision(true);
        }
        Authentication user = authentication.get();
        boolean administrator = user != null && user.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(Role.ADMINISTRATOR.authority()));
        return new AuthorizationDecision(administrator);
    }

    /** Whether the request came in on a management port separate from the application's. */
    static boolean onManagementPort(HttpServletRequest request, Environment environment) {
        Integer management = environment.getProperty("local.management.port", Integer.class);
        Integer server = environment.getProperty("local.server.port", Integer.class);
        return management != null && !management.equals(server) && request.getLocalPort() == management;
    }
}
