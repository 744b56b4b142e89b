package dk.tvaers.catalog.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.catalog.Assessment;
import dk.tvaers.catalog.CaseCatalog;
import dk.tvaers.catalog.CaseSearch;
import dk.tvaers.catalog.CaseDraft;
import dk.tvaers.catalog.CaseSection;
import dk.tvaers.catalog.CaseVersion;
import dk.tvaers.catalog.CatalogCase;
import dk.tvaers.catalog.DiseaseGroup;
import dk.tvaers.catalog.Parameter;
import dk.tvaers.catalog.Theme;
import dk.tvaers.initiatives.Initiative;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.platform.web.Confirmation;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.platform.web.ListPage;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import dk.tvaers.platform.web.SelectOption;
import dk.tvaers.platform.web.TimeFormat;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
 * Writing cases (innovation consultants and analysts): start one (from an initiative, too), save new versions, see
 * the version history, assess on the five parameters. Publishing a version with an assessment is the editor's:
 * analysts, who are the evaluators.
 */
@Controller
@RequestMapping("/katalog")
class CaseEditorController {

    static final String MONEY = "^\\s*[0-9][0-9. ]*\\s*$|^\\s*$";

    record CaseForm(
            Long initiativeId,
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String title,
            @Size(max = 2000, message = "{validation.tooLong}") String summary,
            Region region,
            Set<DiseaseGroup> diseases,
            Set<Theme> themes,
            Set<Sector> sectors,
            @Size(max = 4000, message = "{validation.tooLong}") String actors,
            @NotBlank(message = "{validation.required}") @Size(max = 8000, message = "{validation.tooLong}") String targetGroup,
            @NotBlank(message = "{validation.required}") @Size(max = 8000, message = "{validation.tooLong}") String purpose,
            @Size(max = 8000, message = "{validation.tooLong}") String socialInequality,
            @Size(max = 8000, message = "{validation.tooLong}") String technology,
            @Size(max = 8000, message = "{validation.tooLong}") String content,
            @Size(max = 8000, message = "{validation.tooLong}") String organisation,
            @Size(max = 8000, message = "{validation.tooLong}") String crossSector,
            @Size(max = 8000, message = "{validation.tooLong}") String results,
            @Size(max = 8000, message = "{validation.tooLong}") String economy,
            @Size(max = 8000, message = "{validation.tooLong}") String implementation,
            @Size(max = 8000, message = "{validation.tooLong}") String context,
            @Size(max = 8000, message = "{validation.tooLong}") String spread,
            @Pattern(regexp = MONEY, message = "{validation.kroner}") @Size(max = 15, message = "{validation.tooLong}") String cost,
            @Pattern(regexp = MONEY, message = "{validation.kroner}") @Size(max = 15, message = "{validation.tooLong}") String funding,
            @Pattern(regexp = MONEY, message = "{validation.kroner}") @Size(max = 15, message = "{validation.tooLong}") String saving) {

        static CaseForm empty() {
            return new CaseForm(null, "", "", null, EnumSet.noneOf(DiseaseGroup.class), EnumSet.noneOf(Theme.class),
                    EnumSet.noneOf(Sector.class), "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "");
        }

        static CaseForm of(CaseVersion v, Long initiativeId) {
            return new CaseForm(initiativeId, v.title(), v.summary(), v.region(), v.diseases(), v.themes(), v.sectors(),
                    v.actors().stream().map(a -> a.name()).collect(Collectors.joining("\n")),
                    v.section(CaseSection.TARGET_GROUP), v.section(CaseSection.PURPOSE),
                    v.section(CaseSection.SOCIAL_INEQUALITY), v.section(CaseSection.TECHNOLOGY),
                    v.section(CaseSection.CONTENT), v.section(CaseSection.ORGANISATION),
                    v.section(CaseSection.CROSS_SECTOR), v.section(CaseSection.RESULTS), v.section(CaseSection.ECONOMY),
                    v.section(CaseSection.IMPLEMENTATION), v.section(CaseSection.CONTEXT), v.section(CaseSection.SPREAD),
                    CaseView.kroner(v.costOre()), CaseView.kroner(v.fundingOre()), CaseView.kroner(v.savingOre()));
        }

        CaseDraft draft() {
            Map<CaseSection, String> sections = new EnumMap<>(CaseSection.class);
            sections.put(CaseSection.TARGET_GROUP, targetGroup);
            sections.put(CaseSection.PURPOSE, purpose);
            sections.put(CaseSection.SOCIAL_INEQUALITY, socialInequality);
            sections.put(CaseSection.TECHNOLOGY, technology);
            sections.put(CaseSection.CONTENT, content);
            sections.put(CaseSection.ORGANISATION, organisation);
            sections.put(CaseSection.CROSS_SECTOR, crossSector);
            sections.put(CaseSection.RESULTS, results);
            sections.put(CaseSection.ECONOMY, economy);
            sections.put(CaseSection.IMPLEMENTATION, implementation);
            sections.put(CaseSection.CONTEXT, context);
            sections.put(CaseSection.SPREAD, spread);
            return new CaseDraft(title, summary, region, copy(diseases, DiseaseGroup.class), copy(themes, Theme.class),
                    copy(sectors, Sector.class), actors == null ? List.of() : Arrays.asList(actors.split("\\R")),
                    sections, ore(cost), ore(funding), ore(saving));
        }
    }


    record PublishForm(@NotNull(message = "{validation.choose}") Integer version, Long assessment) {}

    private final CaseCatalog catalog;
    private final CaseSearch search;
    private final Initiatives initiatives;
    private final TimeFormat time;

    CaseEditorController(CaseCatalog catalog, CaseSearch search, Initiatives initiatives, TimeFormat time) {
        this.catalog = catalog;
        this.search = search;
        this.initiatives = initiatives;
        this.time = time;
    }

    /** The editors' list of every case, drafts too. */
    @GetMapping("/redaktion")
    @RolesAllowed({"INNOVATION_CONSULTANT", "ANALYST"})
    String cases(@RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "side", required = false) Integer page, HtmxRequest htmx, Model model) {
        Boolean published = "udgivet".equals(status) ? Boolean.TRUE : "udkast".equals(status) ? Boolean.FALSE : null;
        model.addAttribute("list", ListPage.of("/katalog/redaktion",
                        search.listForEditors(text, published, PageOf.clampPage(page), PageOf.DEFAULT_SIZE))
                .filter("q", text).filter("status", published == null ? null : status));
        model.addAttribute("statuses", List.of(SelectOption.ofKey("udkast", "case.status.draft"),
                SelectOption.ofKey("udgivet", "editorial.published")));
        return ListPage.view("catalog/cases", htmx.isHtmxRequest());
    }

    @GetMapping("/ny")
    @RolesAllowed({"INNOVATION_CONSULTANT", "ANALYST"})
    String newForm(@RequestParam(name = "initiativ", required = false) Long initiativeId, Model model) {
        CaseForm form = CaseForm.empty();
        if (initiativeId != null) {
            Initiative initiative = initiatives.find(initiativeId)
                    .orElseThrow(() -> new NotFoundException("initiative", initiativeId));
            form = new CaseForm(initiative.id(), initiative.title(), initiative.summary(), null,
                    EnumSet.noneOf(DiseaseGroup.class),
                    initiative.crossSector() ? EnumSet.of(Theme.CROSS_SECTOR_COLLABORATION) : EnumSet.noneOf(Theme.class),
                    EnumSet.copyOf(initiative.sectors().isEmpty() ? EnumSet.noneOf(Sector.class) : initiative.sectors()),
                    initiative.ownerOrganisationName() == null ? "" : initiative.ownerOrganisationName(),
                    "", "", "", "", "", "", "", "", "", "", "", "", "", "", "");
            model.addAttribute("initiative", initiative);
        }
        model.addAttribute("form", form);
        return form(model, null);
    }

    @PostMapping("/ny")
    @RolesAllowed({"INNOVATION_CONSULTANT", "ANALYST"})
    String create(@AuthenticationPrincipal AccountPrincipal principal, @Valid @ModelAttribute("form") CaseForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (form.initiativeId() != null) {
            initiatives.find(form.initiativeId()).ifPresent(i -> model.addAttribute("initiative", i));
        }
        if (errors.hasErrors()) {
            return form(model, null);
        }
        long id = catalog.create(form.draft(), form.initiativeId(), actor(principal));
        Flash.notice(redirect, "case.created");
        return "redirect:/katalog/" + id + "/redaktion";
    }

    @GetMapping("/{id:\\d+}/rediger")
    @RolesAllowed({"INNOVATION_CONSULTANT", "ANALYST"})
    String editForm(@PathVariable long id, Model model) {
        CatalogCase file = file(id);
        CaseVersion latest = catalog.version(id, file.latestVersion()).orElseThrow(() -> new NotFoundException("case", id));
        model.addAttribute("form", CaseForm.of(latest, file.initiativeId()));
        return form(model, file);
    }

    @PostMapping("/{id:\\d+}/rediger")
    @RolesAllowed({"INNOVATION_CONSULTANT", "ANALYST"})
    String save(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("form") CaseForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        CatalogCase file = file(id);
        if (errors.hasErrors()) {
            return form(model, file);
        }
        int number = catalog.saveVersion(id, form.draft(), actor(principal));
        Flash.notice(redirect, "case.saved", number);
        return "redirect:/katalog/" + id + "/redaktion";
    }

    /** The editor's page: the latest version as it would be published, its history, assessments and publishing. */
    @GetMapping("/{id:\\d+}/redaktion")
    @RolesAllowed({"INNOVATION_CONSULTANT", "ANALYST"})
    String workspace(@PathVariable long id, Model model) {
        CatalogCase file = file(id);
        if (!model.containsAttribute("publishForm")) {
            Long assessment = file.publishedAssessmentId() != null ? file.publishedAssessmentId()
                    : catalog.assessments(id).stream().findFirst().map(Assessment::id).orElse(null);
            model.addAttribute("publishForm", new PublishForm(file.latestVersion(), assessment));
        }
        return workspace(file, model);
    }

    @GetMapping("/{id:\\d+}/versioner/{number:\\d+}")
    @RolesAllowed({"INNOVATION_CONSULTANT", "ANALYST"})
    String version(@PathVariable long id, @PathVariable int number, Model model) {
        CatalogCase file = file(id);
        CaseVersion version = catalog.version(id, number).orElseThrow(() -> new NotFoundException("case version", id));
        model.addAttribute("view", CaseView.of(file, version, null, time.dateTime(version.savedAt())));
        return "catalog/version";
    }

    @PostMapping("/{id:\\d+}/udgiv")
    @RolesAllowed("ANALYST")
    String publish(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("publishForm") PublishForm form, BindingResult errors,
            @RequestParam(name = Confirmation.PARAMETER, required = false) String confirmed, Model model,
            RedirectAttributes redirect) {
        CatalogCase file = file(id);
        if (!Confirmation.given(confirmed)) {
            errors.reject(Confirmation.MISSING);
            model.addAttribute("confirmMissing", true);
        }
        if (!errors.hasErrors() && catalog.version(id, form.version()).isEmpty()) {
            errors.rejectValue("version", "case.publish.error.version");
        }
        if (!errors.hasErrors() && form.assessment() != null
                && catalog.assessment(form.assessment()).filter(a -> a.caseId() == id).isEmpty()) {
            errors.rejectValue("assessment", "case.publish.error.assessment");
        }
        if (errors.hasErrors()) {
            return workspace(file, model);
        }
        catalog.publish(id, form.version(), form.assessment(), actor(principal));
        Flash.notice(redirect, "case.published");
        return "redirect:/katalog/" + id;
    }



    // --- helpers ---

    private String form(Model model, CatalogCase file) {
        model.addAttribute("file", file);
        model.addAttribute("sections", CaseSection.values());
        // the sections' fields are named by an expression in the template: their labels for the error summary
        var fieldLabels = new java.util.LinkedHashMap<String, String>();
        for (CaseSection section : CaseSection.values()) {
            fieldLabels.put(section.field(), section.messageKey());
        }
        model.addAttribute("fieldLabels", fieldLabels);
        model.addAttribute("regionOptions", SelectOption.ofEnum(Region.values(), Region::messageKey));
        model.addAttribute("diseaseOptions", SelectOption.ofEnum(DiseaseGroup.values(), DiseaseGroup::messageKey));
        model.addAttribute("themeOptions", SelectOption.ofEnum(Theme.values(), Theme::messageKey));
        model.addAttribute("sectorOptions", SelectOption.ofEnum(Sector.values(), Sector::messageKey));
        return "catalog/form";
    }

    private String workspace(CatalogCase file, Model model) {
        long id = file.id();
        CaseVersion latest = catalog.version(id, file.latestVersion()).orElseThrow(() -> new NotFoundException("case", id));
        List<Assessment> assessments = catalog.assessments(id);
        Assessment shown = assessments.stream().findFirst().orElse(null);
        model.addAttribute("view", CaseView.of(file, latest, shown, time.dateTime(latest.savedAt())));
        model.addAttribute("versions", catalog.versions(id));
        model.addAttribute("assessments", assessments);
        model.addAttribute("versionOptions", catalog.versions(id).stream()
                .map(v -> SelectOption.ofLabel(String.valueOf(v.number()), v.number() + " – " + v.title() + " ("
                        + time.dateTime(v.savedAt()) + ")"))
                .toList());
        model.addAttribute("assessmentOptions", assessments.stream()
                .map(a -> SelectOption.ofLabel(String.valueOf(a.id()), a.assessorName() + " ("
                        + time.dateTime(a.createdAt()) + "): " + Arrays.stream(Parameter.values())
                        .map(p -> String.valueOf(a.score(p))).collect(Collectors.joining("-"))))
                .toList());
        if (file.initiativeId() != null) {
            initiatives.find(file.initiativeId()).ifPresent(i -> model.addAttribute("initiative", i));
        }
        return "catalog/workspace";
    }


    private CatalogCase file(long id) {
        return catalog.find(id).orElseThrow(() -> new NotFoundException("case", id));
    }

    private static Actor actor(AccountPrincipal principal) {
        return new Actor(principal.userId(), principal.displayName());
    }

    private static <E extends Enum<E>> Set<E> copy(Set<E> values, Class<E> type) {
        return values == null || values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values);
    }

    /** Whole kroner as typed ("1.650.000") to øre; null when empty. */
    static Long ore(String kroner) {
        if (kroner == null || kroner.isBlank()) {
            return null;
        }
        return Long.parseLong(kroner.replaceAll("[^0-9]", "")) * 100;
    }
}
