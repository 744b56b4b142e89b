package dk.tvaers.accounts.web;

import dk.tvaers.accounts.PasswordPolicy;
import dk.tvaers.accounts.PasswordResets;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.accounts.UserSessions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Forgot your password?": ask for a link by e-mail, then choose a new password through it. */
@Controller
class PasswordResetController {

    record ForgotForm(
            @NotBlank(message = "{validation.email.required}")
            @Email(message = "{validation.email.invalid}")
            @Size(max = 254, message = "{validation.tooLong}")
            String email) {}

    record ResetForm(String token, String password, String repeat) {}

    private final PasswordResets resets;
    private final PasswordPolicy policy;
    private final UserDirectory users;
    private final UserSessions sessions;

    PasswordResetController(PasswordResets resets, PasswordPolicy policy, UserDirectory users, UserSessions sessions) {
        this.resets = resets;
        this.sessions = sessions;
        this.policy = policy;
        this.users = users;
    }

    @GetMapping("/glemt-adgangskode")
    String forgot(Model model) {
        model.addAttribute("form", new ForgotForm(""));
        return "accounts/forgot-password";
    }

    @PostMapping("/glemt-adgangskode")
    String requestLink(@Valid @ModelAttribute("form") ForgotForm form, BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            return "accounts/forgot-password";
        }
        resets.request(form.email().strip());
        model.addAttribute("sent", true);
        return "accounts/forgot-password";
    }

    @GetMapping("/nulstil-adgangskode")
    String resetPage(@RequestParam(name = "token", defaultValue = "") String token, Model model) {
        model.addAttribute("form", new ResetForm(token, "", ""));
        model.addAttribute("tokenValid", resets.userFor(token).isPresent());
        return "accounts/reset-password";
    }

    @PostMapping("/nulstil-adgangskode")
    String reset(@ModelAttribute("form") ResetForm form, BindingResult errors, Model model) {
        var userId = resets.userFor(form.token());
        if (userId.isEmpty()) {
            model.addAttribute("tokenValid", false);
            return "accounts/reset-password";
        }
        String login = users.find(userId.get()).map(user -> user.username()).orElse(null);
        PasswordChecks.check(policy, form.password(), form.repeat(), login, errors);
        if (errors.hasErrors()) {
            model.addAttribute("tokenValid", true);
            return "accounts/reset-password";
        }
        if (!resets.complete(form.token(), form.password())) {
            model.addAttribute("tokenValid", false);
            return "accounts/reset-password";
        }
        // whoever is signed in with the old password is signed out (after the reset's transaction, ADR 0017)
        sessions.endSessions(userId.get(), null);
        return "redirect:/login?nulstillet";
    }
}
