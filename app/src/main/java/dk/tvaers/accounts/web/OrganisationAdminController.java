package dk.tvaers.accounts.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.DuplicateNameException;
import dk.tvaers.accounts.Organisation;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.CsvWriter;
import dk.tvaers.platform.web.ListPage;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.platform.web.SelectOption;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.List;
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

/** Administration of organisations: list with search and paging, create, edit, deactivate, export. */
@Controller
@RequestMapping("/admin/organisationer")
@RolesAllowed("ADMINISTRATOR")
class OrganisationAdminController {

    record OrganisationForm(
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}")
            String name,
            @NotNull(message = "{validation.choose}") Sector sector,
            @NotNull(message = "{validation.choose}") Region region,
            @Pattern(regexp = "^$|^[0-9]{8}$", message = "{validation.cvr}") String cvr) {

        static OrganisationForm of(Organisation organisation) {
            return new OrganisationForm(organisation.name(), organisation.sector(), organisation.region(),
                    organisation.cvr());
        }

        OrganisationDetails details() {
            return new OrganisationDetails(name, sector, region, cvr);
        }
    }

    private final OrganisationDirectory organisations;
    private final MessageSource messages;

    OrganisationAdminController(OrganisationDirectory organisations, MessageSource messages) {
        this.organisations = organisations;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "sektor", required = false) Sector sector,
            @RequestParam(name = "region", required = false) Region region,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "side", required = false) Integer page,
            HtmxRequest htmx, Model model) {
        var filter = new OrganisationDirectory.Filter(text, sector, region, AdminFilters.active(status));
        model.addAttribute("list", ListPage.of("/admin/organisationer",
                        organisations.search(filter, PageOf.clampPage(page), PageOf.DEFAULT_SIZE))
                .filter("q", text).filter("sektor", sector).filter("region", region).filter("status", status)
                .export("list.export.csv", "/admin/organisationer/eksport.csv"));
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("regions", Region.values());
        model.addAttribute("statuses", AdminFilters.STATUSES);
        return ListPage.view("admin/organisations", htmx.isHtmxRequest());
    }

    @GetMapping("/eksport.csv")
    void export(@RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "sektor", required = false) Sector sector,
            @RequestParam(name = "region", required = false) Region region,
            @RequestParam(name = "status", required = false) String status,
            HttpServletResponse response) throws IOException {
        var filter = new OrganisationDirectory.Filter(text, sector, region, AdminFilters.active(status));
        var locale = LocaleContextHolder.getLocale();
        CsvWriter.download(response, "organisationer.csv", messages,
                List.of("admin.organisation.name", "admin.organisation.sector", "admin.organisation.region",
                        "admin.organisation.cvr", "admin.status"),
                number -> organisations.search(filter, number, 500),
                organisation -> List.of(organisation.name(),
                        messages.getMessage(organisation.sector().messageKey(), null, locale),
                        messages.getMessage(organisation.region().messageKey(), null, locale),
                        organisation.cvr() == null ? "" : organisation.cvr(),
                        messages.getMessage(organisation.active() ? "admin.status.active" : "admin.status.inactive",
                                null, locale)));
    }

    @GetMapping("/ny")
    String newForm(Model model) {
        model.addAttribute("form", new OrganisationForm("", null, null, ""));
        return form(model, null);
    }

    @PostMapping("/ny")
    String create(@AuthenticationPrincipal AccountPrincipal principal,
            @Valid @ModelAttribute("form") OrganisationForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                Organisation created = organisations.create(form.details(), AdminActor.of(principal));
                Flash.notice(redirect, "admin.organisation.created", created.name());
                return "redirect:/admin/organisationer";
            } catch (DuplicateNameException e) {
                errors.rejectValue("name", "admin.organisation.error.duplicateName");
            }
        }
        return form(model, null);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        Organisation organisation = find(id);
        model.addAttribute("form", OrganisationForm.of(organisation));
        return form(model, organisation);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("form") OrganisationForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Organisation organisation = find(id);
        if (!errors.hasErrors()) {
            try {
                organisations.update(id, form.details(), AdminActor.of(principal));
                Flash.notice(redirect, "admin.organisation.saved", form.name().strip());
                return "redirect:/admin/organisationer";
            } catch (DuplicateNameException e) {
                errors.rejectValue("name", "admin.organisation.error.duplicateName");
            }
        }
        return form(model, organisation);
    }

    @PostMapping("/{id}/deaktiver")
    String deactivate(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            RedirectAttributes redirect) {
        return setActive(principal, id, false, redirect);
    }

    @PostMapping("/{id}/aktiver")
    String activate(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            RedirectAttributes redirect) {
        return setActive(principal, id, true, redirect);
    }

    private String setActive(AccountPrincipal principal, long id, boolean active, RedirectAttributes redirect) {
        Organisation organisation = find(id);
        organisations.setActive(id, active, AdminActor.of(principal));
        Flash.notice(redirect, active ? "admin.organisation.reactivated" : "admin.organisation.deactivated",
                organisation.name());
        return "redirect:/admin/organisationer/" + id;
    }

    private String form(Model model, Organisation organisation) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("sectorOptions", SelectOption.ofEnum(Sector.values(), Sector::messageKey));
        model.addAttribute("regionOptions", SelectOption.ofEnum(Region.values(), Region::messageKey));
        return "admin/organisation-form";
    }

    private Organisation find(long id) {
        return organisations.find(id).orElseThrow(() -> new NotFoundException("organisation", id));
    }

}
