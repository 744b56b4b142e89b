package dk.tvaers.economy.web;

import dk.tvaers.platform.web.Flash;
import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.economy.ActualCosts;
import dk.tvaers.economy.AmountBasis;
import dk.tvaers.economy.BusinessCaseRejectedException;
import dk.tvaers.economy.BusinessCaseVersion;
import dk.tvaers.economy.BusinessCases;
import dk.tvaers.economy.DiscountRate;
import dk.tvaers.economy.EconomySector;
import dk.tvaers.economy.Effect;
import dk.tvaers.economy.LineCategory;
import dk.tvaers.economy.Plan;
import dk.tvaers.economy.RealisedFigures;
import dk.tvaers.initiatives.Editor;
import dk.tvaers.initiatives.Initiative;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.PdfDocuments;
import dk.tvaers.platform.web.SelectOption;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
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
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * An initiative's business case: the page with key figures, shadow accounts, charts and realised figures; the form
 * that saves a new version; the Task Force's approval; PDF and Excel (actual costs: {@link ActualCostController}). Who sees what is decided by
 * {@link BusinessCases} on every request (rows, not only routes): anyone else gets 404.
 */
@Controller
@RequestMapping("/initiativer/{id}/oekonomi")
class BusinessCaseController {

    private final BusinessCases businessCases;
    private final ActualCosts actualCosts;
    private final RealisedFigures realisedFigures;
    private final EconomyAccess access;
    private final SpringTemplateEngine templates;
    private final MessageSource messages;

    BusinessCaseController(BusinessCases businessCases, ActualCosts actualCosts, RealisedFigures realisedFigures,
            EconomyAccess access, SpringTemplateEngine templates, MessageSource messages) {
        this.businessCases = businessCases;
        this.actualCosts = actualCosts;
        this.realisedFigures = realisedFigures;
        this.access = access;
        this.templates = templates;
        this.messages = messages;
    }

    @GetMapping
    @PermitAll
    String show(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @RequestParam(name = "version", required = false) Integer number, Model model, Locale locale) {
        Initiative initiative = initiative(id);
        Editor editor = editor(principal);
        List<BusinessCaseVersion> versions = businessCases.versions(initiative, editor);
        boolean maySeeAll = businessCases.maySeeAll(initiative, editor);
        if (versions.isEmpty() && !maySeeAll) {
            throw new NotFoundException("business case", id);
        }
        model.addAttribute("initiative", initiative);
        model.addAttribute("versions", versions);
        model.addAttribute("mayEdit", businessCases.mayEdit(initiative, editor));
        model.addAttribute("mayApprove", businessCases.mayApprove(editor));
        model.addAttribute("published", businessCases.published(id));
        model.addAttribute("mayRecordActual", actualCosts.mayRecord(initiative, editor));
        model.addAttribute("actualCosts", actualCosts.of(initiative, editor));
        model.addAttribute("mayCorrectActual", actualCosts.mayRecord(initiative, editor));
        selected(versions, number).ifPresent(version -> model.addAttribute("view", EconomyView.of(initiative, version,
                realisedFigures.of(id), access.today(), locale)));
        return "economy/business-case";
    }

    @GetMapping("/ny")
    @PermitAll
    String form(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Model model,
            Locale locale) {
        Initiative initiative = editable(id, principal);
        List<BusinessCaseVersion> versions = businessCases.versions(initiative, editor(principal));
        BusinessCaseForm form = versions.isEmpty() ? BusinessCaseForm.blank(BusinessCases.startOf(initiative), locale)
                : BusinessCaseForm.of(versions.getFirst(), locale);
        return form(initiative, form, model);
    }

    @PostMapping("/ny")
    @PermitAll
    String save(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @ModelAttribute("form") BusinessCaseForm form, BindingResult errors,
            @RequestParam(name = "action", defaultValue = "save") String action, Model model,
            RedirectAttributes redirect) {
        Initiative initiative = editable(id, principal);
        if ("addLine".equals(action)) {
            form.addBlankLine();
            model.addAttribute("focusLine", form.getLines().size() - 1);
            return form(initiative, form, model);
        }
        Optional<Plan> plan = form.parse(errors);
        plan.ifPresent(p -> form.reject(BusinessCases.check(initiative, p), errors));
        if (plan.isPresent() && !errors.hasErrors()) {
            try {
                int number = businessCases.save(id, plan.get(), form.getNote(), editor(principal));
                Flash.notice(redirect, "economy.saved", number);
                return "redirect:/initiativer/" + id + "/oekonomi?version=" + number;
            } catch (BusinessCaseRejectedException rejected) {
                form.reject(rejected.problems(), errors);
            }
        }
        return form(initiative, form, model);
    }

    @PostMapping("/{number}/godkend")
    @RolesAllowed("TASK_FORCE")
    String approve(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @PathVariable int number, RedirectAttributes redirect) {
        Initiative initiative = initiative(id);
        Editor editor = editor(principal);
        businessCases.version(initiative, number, editor);
        businessCases.approve(id, number, editor);
        Flash.notice(redirect, "economy.approved", number);
        return "redirect:/initiativer/" + id + "/oekonomi?version=" + number;
    }

    @GetMapping("/{number}.pdf")
    @PermitAll
    void pdf(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, @PathVariable int number,
            Locale locale, HttpServletResponse response) throws IOException {
        EconomyView view = view(principal, id, number, locale);
        var context = new Context(locale);
        context.setVariable("view", view);
        String html = templates.process("economy/pdf", context);
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"business-case-" + id + "-v" + number
                + ".pdf\"");
        try (OutputStream out = response.getOutputStream()) {
            PdfDocuments.render(html, out);
        }
    }

    @GetMapping("/{number}.xlsx")
    @PermitAll
    void excel(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, @PathVariable int number,
            Locale locale, HttpServletResponse response) throws IOException {
        EconomyView view = view(principal, id, number, locale);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"business-case-" + id + "-v" + number
                + ".xlsx\"");
        try (OutputStream out = response.getOutputStream()) {
            EconomyWorkbook.write(view, (key, args) -> messages.getMessage(key, args, key, locale), out);
        }
    }

    // --- helpers ---

    private EconomyView view(AccountPrincipal principal, long id, int number, Locale locale) {
        Initiative initiative = initiative(id);
        BusinessCaseVersion version = businessCases.version(initiative, number, editor(principal));
        return EconomyView.of(initiative, version, realisedFigures.of(id), access.today(), locale);
    }

    private static Optional<BusinessCaseVersion> selected(List<BusinessCaseVersion> versions, Integer number) {
        if (number != null) {
            return Optional.of(versions.stream().filter(v -> v.number() == number).findFirst()
                    .orElseThrow(() -> new NotFoundException("business case version", number)));
        }
        return versions.stream().findFirst();
    }

    private String form(Initiative initiative, BusinessCaseForm form, Model model) {
        model.addAttribute("initiative", initiative);
        model.addAttribute("form", form);
        model.addAttribute("initiativeStart", BusinessCases.startOf(initiative));
        model.addAttribute("stateRate", Kroner.percent(DiscountRate.STATE_DEFAULT_BASIS_POINTS, Locale.of("da")));
        model.addAttribute("categoryOptions", SelectOption.ofEnum(LineCategory.values(), LineCategory::messageKey));
        model.addAttribute("sectorOptions", SelectOption.ofEnum(EconomySector.values(), EconomySector::messageKey));
        model.addAttribute("effectOptions", SelectOption.ofEnum(Effect.values(), Effect::messageKey));
        model.addAttribute("basisOptions", SelectOption.ofEnum(AmountBasis.values(), AmountBasis::messageKey));
        return "economy/form";
    }

    /** The initiative, when the signed-in person may edit its business case. */
    private Initiative editable(long id, AccountPrincipal principal) {
        return access.allowed(id, principal, businessCases::mayEdit);
    }

    private Initiative initiative(long id) {
        return access.initiative(id);
    }

    private Editor editor(AccountPrincipal principal) {
        return access.editor(principal);
    }
}
