package dk.tvaers.registrations.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.initiatives.Initiative;
import dk.tvaers.platform.web.Confirmation;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.registrations.FulfilmentRule;
import dk.tvaers.registrations.Problem;
import dk.tvaers.registrations.RegistrationsRejectedException;
import dk.tvaers.registrations.Scheme;
import dk.tvaers.registrations.SchemeDefinitions;
import dk.tvaers.registrations.Schemes;
import dk.tvaers.registrations.TimePoint;
import dk.tvaers.registrations.ValueType;
import dk.tvaers.registrations.Viewer;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scheme-definition pages of an initiative's analysts and consultants (ADR 0044): their schemes with every
 * version, a new scheme, a draft's form (indicators and units added a row at a time, without script), a version's
 * definition, publishing a draft and starting the next version. Rights on rows are {@link SchemeDefinitions}'.
 */
@Controller
@RequestMapping("/registreringer/skemadefinitioner")
class SchemeDefinitionController {

    private static final int BLANK_INDICATORS = 1;

    private final SchemeDefinitions definitions;
    private final OrganisationDirectory organisations;
    private final Viewers viewers;
    private final MessageSource messages;

    SchemeDefinitionController(SchemeDefinitions definitions, OrganisationDirectory organisations, Viewers viewers,
            MessageSource messages) {
        this.definitions = definitions;
        this.organisations = organisations;
        this.viewers = viewers;
        this.messages = messages;
    }

    @GetMapping
    @RolesAllowed({"ANALYST", "INNOVATION_CONSULTANT"})
    String list(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
        Viewer viewer = viewers.of(principal);
        model.addAttribute("schemes", definitions.definable(viewer));
        model.addAttribute("mayCreate", !definitions.initiativesOf(viewer).isEmpty());
        return "registrations/definitions";
    }

    @GetMapping("/ny")
    @RolesAllowed({"ANALYST", "INNOVATION_CONSULTANT"})
    String newScheme(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
        Viewer viewer = viewers.of(principal);
        SchemeForm form = new SchemeForm();
        form.getDue().put(TimePoint.START.name(), "0");
        form.getUnits().add(new SchemeForm.UnitRow());
        form.getIndicators().add(new SchemeForm.IndicatorRow());
        return form(null, form, Map.of(), viewer, model);
    }

    @PostMapping("/ny")
    @RolesAllowed({"ANALYST", "INNOVATION_CONSULTANT"})
    String create(@AuthenticationPrincipal AccountPrincipal principal, @ModelAttribute("form") SchemeForm form,
            @RequestParam(name = "handling", defaultValue = "gem") String action, Model model,
            RedirectAttributes redirect) {
        return save(null, form, action, viewers.of(principal), model, redirect);
    }

    @GetMapping("/{id}")
    @RolesAllowed({"ANALYST", "INNOVATION_CONSULTANT"})
    String show(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Model model) {
        Scheme scheme = definitions.get(id, viewers.of(principal));
        model.addAttribute("scheme", scheme);
        return "registrations/definition";
    }

    @GetMapping("/{id}/rediger")
    @RolesAllowed({"ANALYST", "INNOVATION_CONSULTANT"})
    String edit(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Model model,
            RedirectAttributes redirect) {
        Viewer viewer = viewers.of(principal);
        Scheme scheme = definitions.get(id, viewer);
        if (scheme.published()) {
            Flash.problem(redirect, "scheme.error.published");
            return "redirect:/registreringer/skemadefinitioner/" + id;
        }
        SchemeForm form = SchemeForm.of(scheme);
        form.getIndicators().add(new SchemeForm.IndicatorRow());
        return form(scheme, form, Map.of(), viewer, model);
    }

    @PostMapping("/{id}/rediger")
    @RolesAllowed({"ANALYST", "INNOVATION_CONSULTANT"})
    String update(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @ModelAttribute("form") SchemeForm form,
            @RequestParam(name = "handling", defaultValue = "gem") String action, Model model,
            RedirectAttributes redirect) {
        Viewer viewer = viewers.of(principal);
        definitions.get(id, viewer);
        return save(id, form, action, viewer, model, redirect);
    }

    @PostMapping("/{id}/offentliggoer")
    @RolesAllowed({"ANALYST", "INNOVATION_CONSULTANT"})
    String publish(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @RequestParam(name = Confirmation.PARAMETER, required = false) String confirmed, Model model,
            RedirectAttributes redirect) {
        Viewer viewer = viewers.of(principal);
        Scheme scheme = definitions.get(id, viewer);
        if (!Confirmation.given(confirmed)) {
            // publishing cannot be undone (ADR 0020): not without the ticked confirmation
            model.addAttribute("scheme", scheme);
            model.addAttribute("confirmMissing", true);
            return "registrations/definition";
        }
        if (definitions.publish(id, viewer)) {
            Flash.notice(redirect, "scheme.published", scheme.title());
        } else {
            Flash.problem(redirect, "scheme.error.published");
        }
        return "redirect:/registreringer/skemadefinitioner/" + id;
    }

    @PostMapping("/{id}/ny-version")
    @RolesAllowed({"ANALYST", "INNOVATION_CONSULTANT"})
    String newVersion(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            RedirectAttributes redirect) {
        long draft = definitions.newVersion(id, viewers.of(principal));
        Flash.notice(redirect, "scheme.versionStarted");
        return "redirect:/registreringer/skemadefinitioner/" + draft + "/rediger";
    }

    private String save(Long id, SchemeForm form, String action, Viewer viewer, Model model,
            RedirectAttributes redirect) {
        Scheme draft = id == null ? null : definitions.get(id, viewer);
        form.dropBlankRows();
        if ("indikator".equals(action) || "enhed".equals(action)) {
            // one more row to fill in; nothing saved yet
            if ("enhed".equals(action)) {
                form.getUnits().add(new SchemeForm.UnitRow());
            }
            form.getIndicators().add(new SchemeForm.IndicatorRow());
            return form(draft, form, Map.of(), viewer, model);
        }
        Map<String, Problem> problems = new LinkedHashMap<>();
        Schemes.NewScheme definition = form.toDefinition(problems);
        if (problems.isEmpty()) {
            try {
                long saved = definitions.saveDraft(id, definition, viewer);
                Flash.notice(redirect, "scheme.saved", definition.name());
                return "redirect:/registreringer/skemadefinitioner/" + saved;
            } catch (RegistrationsRejectedException rejected) {
                rejected.problems().forEach(p -> problems.putIfAbsent(p.field(), p));
            }
        } else {
            // the numbers that could not be read, and every other rule the definition breaks
            definitions.check(definition).forEach(p -> problems.putIfAbsent(p.field(), p));
        }
        form.getIndicators().add(new SchemeForm.IndicatorRow());
        return form(draft, form, problems, viewer, model);
    }

    private String form(Scheme draft, SchemeForm form, Map<String, Problem> problems, Viewer viewer, Model model) {
        model.addAttribute("draft", draft);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("labels", labels(problems));
        List<Initiative> initiatives = definitions.initiativesOf(viewer);
        model.addAttribute("initiatives", initiatives);
        model.addAttribute("organisations", organisations.allActive());
        model.addAttribute("timePoints", TimePoint.values());
        model.addAttribute("valueTypes", ValueType.values());
        model.addAttribute("rules", FulfilmentRule.values());
        return "registrations/definition-form";
    }

    /** What each problem's field is called in the error summary: "Indikator 2: Kode". */
    private Map<String, String> labels(Map<String, Problem> problems) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> labels = new LinkedHashMap<>();
        for (String field : problems.keySet()) {
            String[] parts = field.split("-");
            if (parts.length == 3 && (parts[0].equals("indicator") || parts[0].equals("unit"))) {
                String name = parts[2].equals("code") ? parts[0] + "Code" : parts[2];
                labels.put(field, messages.getMessage("scheme.field.row." + parts[0],
                        new Object[] {Integer.parseInt(parts[1]) + 1,
                                messages.getMessage("scheme.field." + name, null, locale)}, locale));
            } else {
                labels.put(field, messages.getMessage("scheme.field." + field, null, field, locale));
            }
        }
        return labels;
    }
}
