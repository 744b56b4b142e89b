package dk.tvaers.economy.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.economy.ActualCost;
import dk.tvaers.economy.ActualCosts;
import dk.tvaers.economy.BusinessCaseRejectedException;
import dk.tvaers.economy.BusinessCases;
import dk.tvaers.economy.EconomySector;
import dk.tvaers.initiatives.Initiative;
import dk.tvaers.platform.web.Confirmation;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.SelectOption;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import java.util.Optional;
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
 * An initiative's actual costs: record a month's cost, correct it, delete it (with confirmation, ADR 0020). Only
 * those {@link ActualCosts#mayRecord} allows; the list itself is on the business case page.
 */
@Controller
@RequestMapping("/initiativer/{id}/oekonomi/faktiske-omkostninger")
class ActualCostController {

    private final ActualCosts actualCosts;
    private final EconomyAccess access;

    ActualCostController(ActualCosts actualCosts, EconomyAccess access) {
        this.actualCosts = actualCosts;
        this.access = access;
    }

    @GetMapping
    @PermitAll
    String actualCostForm(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Model model) {
        Initiative initiative = recordable(id, principal);
        return actualCostForm(initiative, ActualCostForm.blank(access.today()), model);
    }

    @PostMapping
    @PermitAll
    String recordActualCost(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @ModelAttribute("form") ActualCostForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Initiative initiative = recordable(id, principal);
        Optional<ActualCosts.Entry> entry = checked(initiative, form, errors);
        if (entry.isPresent()) {
            try {
                actualCosts.record(id, entry.get(), access.today(), access.editor(principal));
                Flash.notice(redirect, "economy.actual.saved", entry.get().month().toString());
                return backToList(id);
            } catch (BusinessCaseRejectedException rejected) {
                form.reject(rejected.problems(), errors);
            }
        }
        return actualCostForm(initiative, form, model);
    }

    @GetMapping("/{costId}")
    @PermitAll
    String correctionForm(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @PathVariable long costId, Model model) {
        Initiative initiative = recordable(id, principal);
        ActualCost cost = actualCost(initiative, costId, principal);
        model.addAttribute("cost", cost);
        return actualCostForm(initiative, ActualCostForm.of(cost, Locale.of("da")), model);
    }

    @PostMapping("/{costId}")
    @PermitAll
    String correctActualCost(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @PathVariable long costId, @ModelAttribute("form") ActualCostForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Initiative initiative = recordable(id, principal);
        ActualCost cost = actualCost(initiative, costId, principal);
        Optional<ActualCosts.Entry> entry = checked(initiative, form, errors);
        if (entry.isPresent()) {
            try {
                actualCosts.correct(id, costId, entry.get(), access.today(), access.editor(principal));
                Flash.notice(redirect, "economy.actual.corrected", entry.get().month().toString());
                return backToList(id);
            } catch (BusinessCaseRejectedException rejected) {
                form.reject(rejected.problems(), errors);
            }
        }
        model.addAttribute("cost", cost);
        return actualCostForm(initiative, form, model);
    }

    @GetMapping("/{costId}/slet")
    @PermitAll
    String deleteConfirmation(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @PathVariable long costId, Model model) {
        Initiative initiative = recordable(id, principal);
        return deleteConfirmation(initiative, actualCost(initiative, costId, principal), false, model);
    }

    @PostMapping("/{costId}/slet")
    @PermitAll
    String deleteActualCost(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @PathVariable long costId, @RequestParam(name = Confirmation.PARAMETER, required = false) String confirmed,
            Model model, RedirectAttributes redirect) {
        Initiative initiative = recordable(id, principal);
        ActualCost cost = actualCost(initiative, costId, principal);
        if (!Confirmation.given(confirmed)) {
            return deleteConfirmation(initiative, cost, true, model);
        }
        actualCosts.delete(id, costId, access.editor(principal));
        Flash.notice(redirect, "economy.actual.deleted", cost.month().toString());
        return backToList(id);
    }

    /** The entry the form describes, when it parses and passes the rules; its problems are in {@code errors}. */
    private Optional<ActualCosts.Entry> checked(Initiative initiative, ActualCostForm form, BindingResult errors) {
        Optional<ActualCosts.Entry> entry = form.parse(errors);
        entry.ifPresent(e -> form.reject(ActualCosts.check(initiative, e, access.today()), errors));
        return errors.hasErrors() ? Optional.empty() : entry;
    }

    private static String backToList(long id) {
        return "redirect:/initiativer/" + id + "/oekonomi#actual-costs-heading";
    }

    private String actualCostForm(Initiative initiative, ActualCostForm form, Model model) {
        model.addAttribute("initiative", initiative);
        model.addAttribute("form", form);
        model.addAttribute("initiativeStart", BusinessCases.startOf(initiative));
        model.addAttribute("sectorOptions", SelectOption.ofEnum(EconomySector.values(), EconomySector::messageKey));
        return "economy/actual-cost";
    }

    private static String deleteConfirmation(Initiative initiative, ActualCost cost, boolean confirmMissing,
            Model model) {
        model.addAttribute("initiative", initiative);
        model.addAttribute("cost", cost);
        model.addAttribute("confirmMissing", confirmMissing);
        return "economy/actual-cost-delete";
    }

    /** An actual cost of the initiative; 404 when it has no such cost. */
    private ActualCost actualCost(Initiative initiative, long costId, AccountPrincipal principal) {
        return actualCosts.find(initiative, costId, access.editor(principal))
                .orElseThrow(() -> new NotFoundException("actual cost", costId));
    }

    /** The initiative, when the signed-in person may record its actual costs. */
    private Initiative recordable(long id, AccountPrincipal principal) {
        return access.allowed(id, principal, actualCosts::mayRecord);
    }
}
