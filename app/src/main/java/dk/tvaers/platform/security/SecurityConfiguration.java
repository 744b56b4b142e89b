package dk.tvaers.platform.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The security baseline: form login and (when configured) OpenID Connect, CSRF on every form, a strict
 * Content Security Policy with no inline script, and role checks with {@code @RolesAllowed} on controllers.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(jsr250Enabled = true)
public class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            ObjectProvider<ClientRegistrationRepository> clientRegistrations,
            ObjectProvider<OAuth2UserService<OidcUserRequest, OidcUser>> oidcUserService,
            RateLimits rateLimits) throws Exception {
        // forwarded (not redirected) so the page keeps what the user typed; a path of its own, or the
        // login filter would process the forwarded POST again
        var failure = new SimpleUrlAuthenticationFailureHandler(PublicPaths.LOGIN_FAILED);
        failure.setUseForward(true);
        http
                // what anonymous visitors can trigger is rate-limited per client address (ADR 0016)
                .addFilterBefore(new RateLimitFilter(rateLimits), UsernamePasswordAuthenticationFilter.class)
                // the token lives in a cookie, so anonymous visitors to public pages get no server-side session
                .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PublicPaths.PATTERNS.toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("username")
                        .passwordParameter("password")
                        .failureHandler(failure)
                        .defaultSuccessUrl("/", false))
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessUrl("/?logget-ud")
                        .deleteCookies("TVAERS_SESSION"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                        .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")));
        if (clientRegistrations.getIfAvailable() != null) {
            http.oauth2Login(oidc -> {
                oidc.loginPage("/login");
                oidc.failureUrl("/login?oidc-fejl");
                oidc.defaultSuccessUrl("/", false);
                var userService = oidcUserService.getIfAvailable();
                if (userService != null) {
                    oidc.userInfoEndpoint(userInfo -> userInfo.oidcUserService(userService));
                }
            });
        }
        return http.build();
    }

    /**
     * Tokens of an OpenID Connect login are kept in the HTTP session (so in PostgreSQL, like the session), not in
     * the memory of one instance: the web tier stays stateless.
     */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, with the algorithm stored beside each hash so it can be raised later
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
