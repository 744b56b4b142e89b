package dk.tvaers.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A user with a one-time password (the first administrator) can do nothing but choose a new one. The flag lives
 * in the database, so the check reads it fresh on each request.
 */
@Configuration(proxyBeanMethods = false)
class PasswordChangeEnforcer implements WebMvcConfigurer, HandlerInterceptor {

    static final String CHANGE_PASSWORD_PATH = "/profil/adgangskode";

    private final UserDirectory users;

    PasswordChangeEnforcer(UserDirectory users) {
        this.users = users;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns(CHANGE_PASSWORD_PATH, "/logout", "/error", "/vendor/**",
                "/css/**", "/js/**", "/img/**", "/sprog", "/tilgaengelighed", "/privatliv");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal
                && users.find(principal.userId()).map(UserAccount::mustChangePassword).orElse(false)) {
            response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD_PATH);
            return false;
        }
        return true;
    }
}
