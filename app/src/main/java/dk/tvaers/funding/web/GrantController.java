package dk.tvaers.funding.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.funding.Funding;
import dk.tvaers.funding.FundingRuleException;
import dk.tvaers.funding.Grant;
import dk.tvaers.funding.Tranches;
import dk.tvaers.platform.web.Confirmation;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
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
 * A grant's page for its people, the Task Force and finance (anyone else gets 404, ADR 0017): its tranches and
 * progress reports, the grant's people reporting, the Task Force approving or returning a report, finance paying a
 * released tranche. Pools and grant decisions are {@link FundingController}'s.
 */
@Controller
@RequestMapping("/finansiering")
class GrantController {

    record ReportForm(@NotBlank(message = "{validation.required}") @Size(max = 8000, message = "{validation.tooLong}")
            String body) {}

    record ContactForm(@Email(message = "{validation.email.invalid}") @Size(max = 320, message = "{validation.tooLong}")
            String contactEmail) {}

    record NoteForm(@Size(max = 2000, message = "{validation.tooLong}") String note) {}

    private final Funding funding;
    private final Tranches trancheCycle;
    private final Clock clock;

    GrantController(Funding funding, Tranches trancheCycle, Clock clock) {
        this.funding = funding;
        this.trancheCycle = trancheCycle;
        this.clock = clock;
    }

    @GetMapping("/bevillinger/{id}")
    @RolesAllowed({"TASK_FORCE", "FINANCE", "STAFF", "INNOVATION_CONSULTANT"})
    String grantPage(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Model model) {
        requireSight(principal, id);
        return grantDetail(principal, id, model);
    }

    @PostMapping("/bevillinger/{id}/kontakt")
    @RolesAllowed("TASK_FORCE")
    String changeContact(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, @Valid @ModelAttribute("contactForm") ContactForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return grantDetail(principal, id, model);
        }
        funding.changeContact(id, form.contactEmail());
        Flash.notice(redirect, "funding.grant.contact.changed");
        return "redirect:/finansiering/bevillinger/" + id;
    }

    @PostMapping("/rater/{id}/rapport")
    @RolesAllowed({"STAFF", "INNOVATION_CONSULTANT"})
    String submitReport(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("reportForm") ReportForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        long grantId = trancheCycle.tranche(id).grantId();
        if (!funding.mayReport(grantId, principal.userId(), principal.roles())) {
            // not one of the grant's people: as if the tranche did not exist (no hint that it does)
            throw new NotFoundException("tranche", id);
        }
        if (!errors.hasErrors()) {
            try {
                trancheCycle.submitReport(id, form.body(), FundingForms.actor(principal));
                Flash.notice(redirect, "funding.report.submitted");
                return "redirect:/finansiering/bevillinger/" + grantId;
            } catch (FundingRuleException e) {
                FundingForms.reject(errors, e);
            }
        }
        model.addAttribute("reportTrancheId", id);
        return grantDetail(principal, grantId, model);
    }

    @PostMapping("/rater/{id}/godkend")
    @RolesAllowed("TASK_FORCE")
    String approve(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("decisionForm") NoteForm form, BindingResult errors,
            @RequestParam(name = Confirmation.PARAMETER, required = false) String confirmed, Model model,
            RedirectAttributes redirect) {
        if (!Confirmation.given(confirmed)) {
            errors.reject(Confirmation.MISSING);
        }
        return decide(principal, id, form, errors, model, redirect, () -> trancheCycle.approveReport(id, form.note(), FundingForms.actor(principal)),
                "funding.report.approved");
    }

    @PostMapping("/rater/{id}/returner")
    @RolesAllowed("TASK_FORCE")
    String giveBack(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("decisionForm") NoteForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        return decide(principal, id, form, errors, model, redirect, () -> trancheCycle.returnReport(id, form.note(), FundingForms.actor(principal)),
                "funding.report.returned");
    }

    @PostMapping("/rater/{id}/betalt")
    @RolesAllowed("FINANCE")
    String markPaid(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @RequestParam(name = Confirmation.PARAMETER, required = false) String confirmed,
            RedirectAttributes redirect) {
        long grantId = trancheCycle.tranche(id).grantId();
        if (!Confirmation.given(confirmed)) {
            Flash.problem(redirect, Confirmation.MISSING);
            return "redirect:/finansiering/bevillinger/" + grantId;
        }
        try {
            trancheCycle.markPaid(id, FundingForms.actor(principal));
            Flash.notice(redirect, "funding.tranche.paid");
        } catch (FundingRuleException e) {
            Flash.problem(redirect, e.messageKey());
        }
        return "redirect:/finansiering/bevillinger/" + grantId;
    }

    private String decide(AccountPrincipal principal, long trancheId, NoteForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, Runnable decision, String notice) {
        long grantId = trancheCycle.tranche(trancheId).grantId();
        if (!errors.hasErrors()) {
            try {
                decision.run();
                Flash.notice(redirect, notice);
                return "redirect:/finansiering/bevillinger/" + grantId;
            } catch (FundingRuleException e) {
                FundingForms.reject(errors, e);
            }
        }
        model.addAttribute("decisionTrancheId", trancheId);
        return grantDetail(principal, grantId, model);
    }

    /** A grant's page is for its people, the Task Force and finance; anyone else gets 404 (ADR 0017). */
    private void requireSight(AccountPrincipal principal, long grantId) {
        funding.grantById(grantId);
        if (!funding.maySee(grantId, principal.userId(), principal.roles())) {
            throw new NotFoundException("grant", grantId);
        }
    }

    private String grantDetail(AccountPrincipal principal, long id, Model model) {
        Grant grant = funding.grantById(id);
        model.addAttribute("grant", grant);
        model.addAttribute("mayReport", funding.mayReport(id, principal.userId(), principal.roles()));
        model.addAttribute("figures", funding.figures(grant.poolId()));
        model.addAttribute("tranches", trancheCycle.tranches(id));
        model.addAttribute("reports", trancheCycle.reports(id));
        model.addAttribute("today", LocalDate.now(clock));
        if (!model.containsAttribute("reportForm")) {
            model.addAttribute("reportForm", new ReportForm(""));
        }
        if (!model.containsAttribute("contactForm")) {
            model.addAttribute("contactForm", new ContactForm(grant.contactEmail()));
        }
        if (!model.containsAttribute("decisionForm")) {
            model.addAttribute("decisionForm", new NoteForm(""));
        }
        return "funding/grant";
    }
}
