package dk.tvaers.accounts.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.DuplicateNameException;
import dk.tvaers.accounts.InvalidAccountException;
import dk.tvaers.accounts.Organisation;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.PasswordResets;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.CsvWriter;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.platform.web.ListPage;
import dk.tvaers.platform.web.SelectOption;
import dk.tvaers.shared.Role;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration of users: list with search, filters and paging; create (the user gets an invitation mail to
 * choose a password); edit roles and organisation; deactivate and reactivate; export.
 */
@Controller
@RequestMapping("/admin/brugere")
@RolesAllowed("ADMINISTRATOR")
class UserAdminController {

    record UserForm(
            @NotBlank(message = "{validation.email.required}") @Email(message = "{validation.email.invalid}")
            @Size(max = 254, message = "{validation.tooLong}")
            String email,
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}")
            String displayName,
            Long organisationId,
            Set<Role> roles) {

        static UserForm of(UserAccount user) {
            return new UserForm(user.email() == null ? "" : user.email(), user.displayName(), user.organisationId(),
                    user.roles());
        }

        UserAttributes attributes() {
            return new UserAttributes(email, displayName, organisationId,
                    roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
        }
    }

    private final UserDirectory users;
    private final OrganisationDirectory organisations;
    private final PasswordResets resets;
    private final MessageSource messages;

    UserAdminController(UserDirectory users, OrganisationDirectory organisations, PasswordResets resets,
            MessageSource messages) {
        this.users = users;
        this.organisations = organisations;
        this.resets = resets;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "rolle", required = false) Role role,
            @RequestParam(name = "organisation", required = false) Long organisationId,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "side", required = false) Integer page,
            HtmxRequest htmx, Model model) {
        var filter = new UserDirectory.Filter(text, role, organisationId,
                AdminFilters.active(status));
        model.addAttribute("list", ListPage.of("/admin/brugere",
                        users.search(filter, PageOf.clampPage(page), PageOf.DEFAULT_SIZE))
                .filter("q", text).filter("rolle", role).filter("organisation", organisationId).filter("status", status)
                .export("list.export.csv", "/admin/brugere/eksport.csv"));
        model.addAttribute("roles", Role.values());
        model.addAttribute("organisations",
                SelectOption.of(organisations.allActive(), Organisation::id, Organisation::name));
        model.addAttribute("statuses", AdminFilters.STATUSES);
        return ListPage.view("admin/users", htmx.isHtmxRequest());
    }

    @GetMapping("/eksport.csv")
    void export(@RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "rolle", required = false) Role role,
            @RequestParam(name = "organisation", required = false) Long organisationId,
            @RequestParam(name = "status", required = false) String status,
            HttpServletResponse response) throws IOException {
        var filter = new UserDirectory.Filter(text, role, organisationId, AdminFilters.active(status));
        var locale = LocaleContextHolder.getLocale();
        CsvWriter.download(response, "brugere.csv", messages,
                List.of("admin.user.name", "admin.user.email", "admin.user.organisation", "admin.user.roles",
                        "admin.status"),
                number -> users.search(filter, number, 500),
                user -> List.of(user.displayName(), user.email() == null ? user.username() : user.email(),
                        user.organisationName() == null ? "" : user.organisationName(),
                        user.roles().stream().map(r -> messages.getMessage(r.messageKey(), null, locale))
                                .collect(Collectors.joining(", ")),
                        messages.getMessage(user.active() ? "admin.status.active" : "admin.status.inactive", null,
                                locale)));
    }

    @GetMapping("/ny")
    String newForm(Model model) {
        model.addAttribute("form", new UserForm("", "", null, EnumSet.noneOf(Role.class)));
        return form(model, null);
    }

    @PostMapping("/ny")
    String create(@AuthenticationPrincipal AccountPrincipal principal, @Valid @ModelAttribute("form") UserForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                long id = users.create(form.attributes(), null, false, AdminActor.of(principal));
                resets.invite(id);
                Flash.notice(redirect, "admin.user.created", form.email().strip());
                return "redirect:/admin/brugere";
            } catch (DuplicateNameException e) {
                errors.rejectValue("email", "validation.email.taken");
            } catch (InvalidAccountException e) {
                errors.rejectValue(e.field(), e.messageKey());
            }
        }
        return form(model, null);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        UserAccount user = find(id);
        model.addAttribute("form", UserForm.of(user));
        return form(model, user);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("form") UserForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        UserAccount user = find(id);
        if (!errors.hasErrors()) {
            try {
                users.update(id, form.attributes(), AdminActor.of(principal));
                Flash.notice(redirect, "admin.user.saved", form.email().strip());
                return "redirect:/admin/brugere";
            } catch (DuplicateNameException e) {
                errors.rejectValue("email", "validation.email.taken");
            } catch (InvalidAccountException e) {
                errors.rejectValue(e.field(), e.messageKey());
            }
        }
        return form(model, user);
    }

    @PostMapping("/{id}/deaktiver")
    String deactivate(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            RedirectAttributes redirect) {
        UserAccount user = find(id);
        try {
            users.setActive(id, false, AdminActor.of(principal));
            Flash.notice(redirect, "admin.user.deactivated", user.displayName());
        } catch (InvalidAccountException e) {
            Flash.problem(redirect, e.messageKey(), user.displayName());
        }
        return "redirect:/admin/brugere/" + id;
    }

    @PostMapping("/{id}/aktiver")
    String activate(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            RedirectAttributes redirect) {
        UserAccount user = find(id);
        users.setActive(id, true, AdminActor.of(principal));
        Flash.notice(redirect, "admin.user.reactivated", user.displayName());
        return "redirect:/admin/brugere/" + id;
    }

    @PostMapping("/{id}/invitation")
    String reinvite(@PathVariable long id, RedirectAttributes redirect) {
        UserAccount user = find(id);
        resets.invite(id);
        Flash.notice(redirect, "admin.user.invited", user.email());
        return "redirect:/admin/brugere/" + id;
    }

    private String form(Model model, UserAccount user) {
        model.addAttribute("user", user);
        model.addAttribute("roleOptions", SelectOption.ofEnum(Role.values(), Role::messageKey));
        model.addAttribute("organisationOptions",
                SelectOption.of(organisations.allActive(), Organisation::id, Organisation::name));
        return "admin/user-form";
    }

    private UserAccount find(long id) {
        return users.find(id).orElseThrow(() -> new NotFoundException("user", id));
    }
}
