package dk.tvaers.accounts.web;

import dk.tvaers.accounts.PasswordPolicy;
import dk.tvaers.accounts.SignUps;
import dk.tvaers.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Opret en konto": a citizen signs up with name, e-mail and a password, and confirms through the link mailed to
 * them. The page says the same whether or not the address has an account (the mail tells the difference).
 */
@Controller
class SignUpController {

    record SignUpForm(
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}")
            String name,
            @NotBlank(message = "{validation.email.required}") @Email(message = "{validation.email.invalid}")
            @Size(max = 254, message = "{validation.tooLong}")
            String email,
            String password,
            String repeat) {}

    private final SignUps signUps;
    private final PasswordPolicy policy;
    private final ObjectProvider<ClientRegistrationRepository> clientRegistrations;

    SignUpController(SignUps signUps, PasswordPolicy policy,
            ObjectProvider<ClientRegistrationRepository> clientRegistrations) {
        this.signUps = signUps;
        this.policy = policy;
        this.clientRegistrations = clientRegistrations;
    }

    /** Where OpenID Connect is configured, the first login with it creates the citizen's account too. */
    @ModelAttribute("oidcEnabled")
    boolean oidcEnabled() {
        return clientRegistrations.getIfAvailable() != null;
    }

    @GetMapping("/opret-konto")
    String form(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (user != null) {
            return "redirect:/mine-sider";
        }
        model.addAttribute("form", new SignUpForm("", "", "", ""));
        return "accounts/signup";
    }

    @PostMapping("/opret-konto")
    String signUp(@Valid @ModelAttribute("form") SignUpForm form, BindingResult errors, Model model) {
        PasswordChecks.check(policy, form.password(), form.repeat(), form.email(), errors);
        if (errors.hasErrors()) {
            return "accounts/signup";
        }
        signUps.request(form.email(), form.name(), form.password());
        model.addAttribute("sent", true);
        model.addAttribute("sentTo", form.email().strip());
        return "accounts/signup";
    }

    @GetMapping("/opret-konto/bekraeft")
    String confirm(@RequestParam(name = "token", defaultValue = "") String token, Model model) {
        var outcome = signUps.confirm(token);
        if (outcome.isEmpty()) {
            return "accounts/signup-invalid";
        }
        return outcome.get() == SignUps.Outcome.CREATED ? "redirect:/login?oprettet" : "redirect:/login?findes";
    }
}
