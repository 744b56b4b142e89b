package dk.tvaers.accounts.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.AuditKind;
import dk.tvaers.accounts.DuplicateNameException;
import dk.tvaers.accounts.PasswordPolicy;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.accounts.UserSessions;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.NotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A user's own profile: name, e-mail, language, and their password. Open to everyone who is logged in. */
@Controller
@PermitAll
class ProfileController {

    record ProfileForm(
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}")
            String displayName,
            @NotBlank(message = "{validation.email.required}") @Email(message = "{validation.email.invalid}")
            @Size(max = 254, message = "{validation.tooLong}")
            String email,
            @Pattern(regexp = "da|en", message = "{validation.choose}") String language) {}

    record PasswordForm(String current, String password, String repeat) {}

    private final UserDirectory users;
    private final PasswordPolicy policy;
    private final UserSessions sessions;
    private final SecurityContextRepository securityContextRepository = new HttpSessionSecurityContextRepository();

    ProfileController(UserDirectory users, PasswordPolicy policy, UserSessions sessions) {
        this.users = users;
        this.sessions = sessions;
        this.policy = policy;
    }

    @GetMapping("/profil")
    String profile(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
        UserAccount user = load(principal);
        model.addAttribute("user", user);
        model.addAttribute("form",
                new ProfileForm(user.displayName(), user.email() == null ? "" : user.email(), user.preferredLanguage()));
        return "accounts/profile";
    }

    @PostMapping("/profil")
    String saveProfile(@AuthenticationPrincipal AccountPrincipal principal,
            @Valid @ModelAttribute("form") ProfileForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        UserAccount user = load(principal);
        if (!errors.hasErrors()) {
            try {
                users.updateOwnProfile(user.id(), form.displayName(), form.email(), form.language());
                refreshSignedInUser(principal, request, response);
                Flash.notice(redirect, "profile.saved");
                return "redirect:/profil?lang=" + form.language();
            } catch (DuplicateNameException e) {
                errors.rejectValue("email", "validation.email.taken");
            }
        }
        model.addAttribute("user", user);
        return "accounts/profile";
    }

    @GetMapping("/profil/adgangskode")
    String passwordPage(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
        model.addAttribute("user", load(principal));
        model.addAttribute("form", new PasswordForm("", "", ""));
        return "accounts/change-password";
    }

    @PostMapping("/profil/adgangskode")
    String changePassword(@AuthenticationPrincipal AccountPrincipal principal,
            @ModelAttribute("form") PasswordForm form, BindingResult errors, Model model,
            HttpServletRequest request, RedirectAttributes redirect) {
        UserAccount user = load(principal);
        if (user.hasPassword() && !users.passwordMatches(user.id(), form.current())) {
            errors.rejectValue("current", "validation.password.wrongCurrent");
        }
        PasswordChecks.check(policy, form.password(), form.repeat(), user.username(), errors);
        if (!errors.hasFieldErrors("password") && form.password() != null && form.password().equals(form.current())) {
            errors.rejectValue("password", "validation.password.sameAsCurrent");
        }
        if (errors.hasErrors()) {
            model.addAttribute("user", user);
            return "accounts/change-password";
        }
        users.changePassword(user.id(), form.password(), AuditKind.PASSWORD_CHANGED);
        // the user's other sessions end (someone else may have the old password); this one goes on
        var session = request.getSession(false);
        sessions.endSessions(user.id(), session == null ? null : session.getId());
        Flash.notice(redirect, "password.changed");
        return "redirect:/profil";
    }

    /** The header shows the new name at once: the session's principal is replaced by one read afresh. */
    private void refreshSignedInUser(AccountPrincipal principal, HttpServletRequest request,
            HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        AccountPrincipal refreshed = principal.refreshedWith(load(principal));
        Authentication updated = current instanceof OAuth2AuthenticationToken oidc
                ? new OAuth2AuthenticationToken(refreshed, refreshed.getAuthorities(),
                        oidc.getAuthorizedClientRegistrationId())
                : UsernamePasswordAuthenticationToken.authenticated(refreshed, null, refreshed.getAuthorities());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(updated);
        SecurityContextHolder.setContext(context);
        securityContextRepository.saveContext(context, request, response);
    }

    private UserAccount load(AccountPrincipal principal) {
        return users.find(principal.userId()).orElseThrow(() -> new NotFoundException("user", principal.userId()));
    }
}
