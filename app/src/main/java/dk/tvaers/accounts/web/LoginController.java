package dk.tvaers.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page. A failed login is forwarded here (POST) so the page keeps what the user typed. */
@Controller
class LoginController {

    private final ObjectProvider<ClientRegistrationRepository> clientRegistrations;

    LoginController(ObjectProvider<ClientRegistrationRepository> clientRegistrations) {
        this.clientRegistrations = clientRegistrations;
    }

    @RequestMapping(path = {"/login", "/login/fejl"}, method = {RequestMethod.GET, RequestMethod.POST})
    String login(@RequestParam(name = "username", required = false) String username, HttpServletRequest request,
            Model model) {
        model.addAttribute("username", username == null ? "" : username);
        model.addAttribute("oidcEnabled", clientRegistrations.getIfAvailable() != null);
        Object failure = request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure instanceof AuthenticationException exception) {
            model.addAttribute("loginError", errorKey(exception));
        } else if (request.getParameter("oidc-fejl") != null) {
            model.addAttribute("loginError", "login.error.oidc");
        }
        if (request.getParameter("nulstillet") != null) {
            model.addAttribute("notice", "login.notice.passwordReset");
        }
        if (request.getParameter("oprettet") != null) {
            model.addAttribute("notice", "login.notice.signedUp");
        }
        if (request.getParameter("findes") != null) {
            model.addAttribute("notice", "login.notice.accountExists");
        }
        return "accounts/login";
    }

    static String errorKey(AuthenticationException exception) {
        if (exception instanceof LockedException) {
            return "login.error.locked";
        }
        if (exception instanceof DisabledException) {
            return "login.error.disabled";
        }
        return "login.error.badCredentials";
    }
}
