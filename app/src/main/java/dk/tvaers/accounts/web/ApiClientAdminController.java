package dk.tvaers.accounts.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.ApiClient;
import dk.tvaers.accounts.ApiClients;
import dk.tvaers.accounts.ApiScope;
import dk.tvaers.accounts.Organisation;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.platform.web.Confirmation;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.ListPage;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.platform.web.SelectOption;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
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
 * Administration of the API's machine clients (ADR 0039): list, create (the secret is shown once, on the answer to the
 * post, and never again), change name, organisation and scopes, a new secret, revoke (confirmed). Every change is in the
 * audit log ({@link ApiClients}).
 */
@Controller
@RequestMapping("/admin/api-klienter")
@RolesAllowed("ADMINISTRATOR")
class ApiClientAdminController {

    record ApiClientForm(
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String name,
            @NotNull(message = "{validation.choose}") Long organisationId,
            @NotEmpty(message = "{apiClient.error.scopes}") Set<ApiScope> scopes) {

        static ApiClientForm of(ApiClient client) {
            return new ApiClientForm(client.name(), client.organisationId(), client.scopes());
        }
    }

    private final ApiClients clients;
    private final OrganisationDirectory organisations;

    private final String baseUrl;

    ApiClientAdminController(ApiClients clients, OrganisationDirectory organisations,
            @Value("${tvaers.base-url}") String baseUrl) {
        this.clients = clients;
        this.organisations = organisations;
        this.baseUrl = baseUrl;
    }

    @GetMapping
    String list(@RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "side", required = false) Integer page, HtmxRequest htmx, Model model) {
        var filter = new ApiClients.Filter(text, null, AdminFilters.active(status));
        model.addAttribute("list", ListPage.of("/admin/api-klienter",
                        clients.search(filter, PageOf.clampPage(page), PageOf.DEFAULT_SIZE))
                .filter("q", text).filter("status", status));
        model.addAttribute("statuses", AdminFilters.STATUSES);
        return ListPage.view("admin/api-clients", htmx.isHtmxRequest());
    }

    @GetMapping("/ny")
    String newForm(Model model) {
        model.addAttribute("form", new ApiClientForm("", null, EnumSet.noneOf(ApiScope.class)));
        return form(model, null);
    }

    @PostMapping("/ny")
    String create(@AuthenticationPrincipal AccountPrincipal principal,
            @Valid @ModelAttribute("form") ApiClientForm form, BindingResult errors, Model model) {
        checkOrganisation(form, errors);
        if (errors.hasErrors()) {
            return form(model, null);
        }
        var issued = clients.create(form.name(), form.organisationId(), form.scopes(), AdminActor.of(principal));
        return secret(model, issued, "apiClient.created");
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        ApiClient client = find(id);
        model.addAttribute("form", ApiClientForm.of(client));
        return form(model, client);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("form") ApiClientForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        ApiClient client = find(id);
        checkOrganisation(form, errors);
        if (!client.active()) {
            errors.reject("apiClient.error.revoked", new Object[] {client.name()}, null);
        }
        if (errors.hasErrors()) {
            return form(model, client);
        }
        clients.update(id, form.name(), form.organisationId(), form.scopes(), AdminActor.of(principal));
        Flash.notice(redirect, "apiClient.saved", form.name().strip());
        return "redirect:/admin/api-klienter/" + id;
    }

    @PostMapping("/{id}/ny-hemmelighed")
    String rotate(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @RequestParam(name = Confirmation.PARAMETER, required = false) String confirmed, Model model,
            RedirectAttributes redirect) {
        ApiClient client = find(id);
        if (!client.active()) {
            Flash.problem(redirect, "apiClient.error.revoked", client.name());
            return "redirect:/admin/api-klienter/" + id;
        }
        if (!Confirmation.given(confirmed)) {
            model.addAttribute("form", ApiClientForm.of(client));
            model.addAttribute("rotateMissing", true);
            return form(model, client);
        }
        return secret(model, clients.rotate(id, AdminActor.of(principal)), "apiClient.rotated");
    }

    @PostMapping("/{id}/tilbagekald")
    String revoke(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @RequestParam(name = Confirmation.PARAMETER, required = false) String confirmed, Model model,
            RedirectAttributes redirect) {
        ApiClient client = find(id);
        if (!Confirmation.given(confirmed)) {
            model.addAttribute("form", ApiClientForm.of(client));
            model.addAttribute("revokeMissing", true);
            return form(model, client);
        }
        clients.revoke(id, AdminActor.of(principal));
        Flash.notice(redirect, "apiClient.revoked", client.name());
        return "redirect:/admin/api-klienter/" + id;
    }

    /** The secret, once: on the answer to the post that made it (not stored, not in a redirect or the session). */
    private String secret(Model model, ApiClients.IssuedSecret issued, String noticeKey) {
        model.addAttribute("client", issued.client());
        model.addAttribute("secret", issued.secret());
        model.addAttribute("noticeKey", noticeKey);
        model.addAttribute("scopes", issued.client().scopes().stream().map(ApiScope::value).sorted()
                .collect(java.util.stream.Collectors.joining(" ")));
        model.addAttribute("tokenUrl", baseUrl + "/oauth2/token");
        return "admin/api-client-secret";
    }

    private void checkOrganisation(ApiClientForm form, BindingResult errors) {
        if (form.organisationId() != null && organisations.find(form.organisationId()).filter(Organisation::active)
                .isEmpty()) {
            errors.rejectValue("organisationId", "validation.choose");
        }
    }

    private String form(Model model, ApiClient client) {
        model.addAttribute("client", client);
        model.addAttribute("organisationOptions",
                SelectOption.of(organisations.allActive(), Organisation::id, Organisation::name));
        model.addAttribute("scopeOptions", SelectOption.ofEnum(ApiScope.values(), ApiScope::messageKey));
        return "admin/api-client-form";
    }

    private ApiClient find(long id) {
        return clients.find(id).orElseThrow(() -> new NotFoundException("api-client", id));
    }
}
