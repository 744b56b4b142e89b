package dk.tvaers.catalog.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.catalog.Adoption;
import dk.tvaers.catalog.AdoptionStatus;
import dk.tvaers.catalog.Adoptions;
import dk.tvaers.catalog.CaseCatalog;
import dk.tvaers.catalog.CaseVersion;
import dk.tvaers.catalog.CatalogCase;
import dk.tvaers.catalog.NewAdoption;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.SelectOption;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Spread: the people of an organisation record that it has taken up a published case, and keep that record true
 * (status, what they changed, whom to ask). Only the organisation's own people see the form of its adoption.
 */
@Controller
@RolesAllowed({"STAFF", "INNOVATION_CONSULTANT", "TASK_FORCE", "ANALYST", "FINANCE", "ADMINISTRATOR"})
class AdoptionController {

    record AdoptionForm(
            @NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedOn,
            @Size(max = 4000, message = "{validation.tooLong}") String changes,
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String contact,
            @NotNull(message = "{validation.required}") AdoptionStatus status) {

        NewAdoption toAdoption() {
            return new NewAdoption(startedOn, changes, contact, status);
        }
    }

    private final Adoptions adoptions;
    private final CaseCatalog catalog;
    private final UserDirectory users;

    AdoptionController(Adoptions adoptions, CaseCatalog catalog, UserDirectory users) {
        this.adoptions = adoptions;
        this.catalog = catalog;
        this.users = users;
    }

    @GetMapping("/katalog/{id:\\d+}/udbredelse/ny")
    String newForm(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Model model) {
        long organisation = organisationOf(principal);
        CaseVersion version = publishedCase(id);
        var existing = adoptions.ofOrganisation(id, organisation);
        if (existing.isPresent()) {
            return "redirect:/udbredelse/" + existing.get().id();
        }
        model.addAttribute("form", new AdoptionForm(null, "", principal.displayName(), AdoptionStatus.PLANNED));
        return form(model, version, id, "/katalog/" + id + "/udbredelse/ny");
    }

    @PostMapping("/katalog/{id:\\d+}/udbredelse/ny")
    String create(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("form") AdoptionForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        long organisation = organisationOf(principal);
        CaseVersion version = publishedCase(id);
        if (errors.hasErrors()) {
            return form(model, version, id, "/katalog/" + id + "/udbredelse/ny");
        }
        adoptions.record(id, organisation, form.toAdoption(), new Actor(principal.userId(), principal.displayName()));
        Flash.notice(redirect, "adoption.recorded");
        return "redirect:/katalog/" + id + "#udbredelse";
    }

    @GetMapping("/udbredelse/{id:\\d+}")
    String editForm(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Model model) {
        Adoption adoption = owned(principal, id);
        model.addAttribute("form", new AdoptionForm(adoption.startedOn(), adoption.changes(), adoption.contact(),
                adoption.status()));
        return form(model, publishedCase(adoption.caseId()), adoption.caseId(), "/udbredelse/" + id);
    }

    @PostMapping("/udbredelse/{id:\\d+}")
    String update(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("form") AdoptionForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Adoption adoption = owned(principal, id);
        if (errors.hasErrors()) {
            return form(model, publishedCase(adoption.caseId()), adoption.caseId(), "/udbredelse/" + id);
        }
        adoptions.update(id, adoption.organisationId(), form.toAdoption());
        Flash.notice(redirect, "adoption.updated");
        return "redirect:/katalog/" + adoption.caseId() + "#udbredelse";
    }

    private String form(Model model, CaseVersion version, long caseId, String action) {
        model.addAttribute("caseTitle", version.title());
        model.addAttribute("caseId", caseId);
        model.addAttribute("action", action);
        model.addAttribute("statusOptions", SelectOption.ofEnum(AdoptionStatus.values(), AdoptionStatus::messageKey));
        return "catalog/adoption-form";
    }

    private Adoption owned(AccountPrincipal principal, long id) {
        Long organisation = users.find(principal.userId()).map(UserAccount::organisationId).orElse(null);
        return adoptions.findOwned(id, organisation).orElseThrow(() -> new NotFoundException("adoption", id));
    }

    /** The signed-in person's organisation: an adoption is always their own organisation's. */
    private long organisationOf(AccountPrincipal principal) {
        return users.find(principal.userId()).map(UserAccount::organisationId)
                .orElseThrow(() -> new NotFoundException("organisation of user", principal.userId()));
    }

    private CaseVersion publishedCase(long id) {
        catalog.find(id).filter(CatalogCase::published).orElseThrow(() -> new NotFoundException("case", id));
        return catalog.publishedVersion(id).orElseThrow(() -> new NotFoundException("case", id));
    }
}
