package dk.tvaers.funding.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.Organisation;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.funding.Funding;
import dk.tvaers.funding.FundingRuleException;
import dk.tvaers.funding.Grant;
import dk.tvaers.funding.GrantDecision;
import dk.tvaers.funding.Pool;
import dk.tvaers.funding.PoolFigures;
import dk.tvaers.platform.web.Confirmation;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.SelectOption;
import dk.tvaers.shared.Money;
import dk.tvaers.shared.Region;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
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
 * The Task Force's and finance's pages: pools with granted, paid and remaining; grants with their tranches and
 * progress reports; the ledger with reversals; overdue reports.
 */
@Controller
@RequestMapping("/finansiering")
class FundingController {

    static final int TRANCHE_ROWS = 4;

    record PoolForm(
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String name,
            @NotNull(message = "{validation.choose}") Region region,
            @NotBlank(message = "{validation.amount.required}") String amount,
            @NotNull(message = "{validation.year}") @Min(value = 2000, message = "{validation.year}")
            @Max(value = 2100, message = "{validation.year}") Integer firstYear,
            @NotNull(message = "{validation.year}") @Min(value = 2000, message = "{validation.year}")
            @Max(value = 2100, message = "{validation.year}") Integer lastYear) {}

    record GrantForm(
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String title,
            Long recipientOrganisationId,
            @NotBlank(message = "{validation.amount.required}") String applied,
            @NotBlank(message = "{validation.amount.required}") String amount,
            @Size(max = 2000, message = "{validation.tooLong}") String reason,
            List<TrancheRow> tranches,
            @Email(message = "{validation.email.invalid}") @Size(max = 320, message = "{validation.tooLong}")
            String contactEmail) {

        record TrancheRow(String amount, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportDue) {

            boolean isEmpty() {
                return (amount == null || amount.isBlank()) && reportDue == null;
            }
        }
    }

    /** A pool with its figures, for the overview. */
    record PoolRow(Pool pool, PoolFigures figures) {}

    record ReportForm(@NotBlank(message = "{validation.required}") @Size(max = 8000, message = "{validation.tooLong}")
            String body) {}

    record ContactForm(@Email(message = "{validation.email.invalid}") @Size(max = 320, message = "{validation.tooLong}")
            String contactEmail) {}

    record NoteForm(@Size(max = 2000, message = "{validation.tooLong}") String note) {}

    private final Funding funding;
    private final OrganisationDirectory organisations;
    private final Clock clock;

    FundingController(Funding funding, OrganisationDirectory organisations, Clock clock) {
        this.funding = funding;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping
    @RolesAllowed({"TASK_FORCE", "FINANCE"})
    String overview(Model model) {
        model.addAttribute("pools", funding.pools().stream().map(pool -> new PoolRow(pool, funding.figures(pool.id())))
                .toList());
        model.addAttribute("overdue", funding.overdueReports(LocalDate.now(clock)));
        return "funding/overview";
    }

    @GetMapping("/puljer/ny")
    @RolesAllowed("TASK_FORCE")
    String newPool(Model model) {
        model.addAttribute("form", new PoolForm("", null, "", null, null));
        return poolForm(model);
    }

    @PostMapping("/puljer/ny")
    @RolesAllowed("TASK_FORCE")
    String createPool(@Valid @ModelAttribute("form") PoolForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Optional<Money> amount = amount(form.amount(), "amount", errors);
        if (!errors.hasErrors()) {
            try {
                long id = funding.createPool(form.name(), form.region(), amount.orElseThrow(), form.firstYear(),
                        form.lastYear());
                Flash.notice(redirect, "funding.pool.created");
                return "redirect:/finansiering/puljer/" + id;
            } catch (FundingRuleException e) {
                reject(errors, e);
            }
        }
        return poolForm(model);
    }

    @GetMapping("/puljer/{id}")
    @RolesAllowed({"TASK_FORCE", "FINANCE"})
    String pool(@PathVariable long id, Model model) {
        return poolPage(id, model);
    }

    @GetMapping("/puljer/{id}/bevilling")
    @RolesAllowed("TASK_FORCE")
    String newGrant(@PathVariable long id, Model model) {
        List<GrantForm.TrancheRow> rows = new ArrayList<>();
        for (int i = 0; i < TRANCHE_ROWS; i++) {
            rows.add(new GrantForm.TrancheRow("", null));
        }
        model.addAttribute("form", new GrantForm("", null, "", "", "", rows, ""));
        return grantForm(id, model);
    }

    @PostMapping("/puljer/{id}/bevilling")
    @RolesAllowed("TASK_FORCE")
    String grant(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("form") GrantForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Optional<Money> applied = amount(form.applied(), "applied", errors);
        Optional<Money> amount = amount(form.amount(), "amount", errors);
        List<GrantDecision.NewTranche> tranches = new ArrayList<>();
        List<GrantForm.TrancheRow> rows = form.tranches() == null ? List.of() : form.tranches();
        for (int i = 0; i < rows.size(); i++) {
            GrantForm.TrancheRow row = rows.get(i);
            if (row == null || row.isEmpty()) {
                continue;
            }
            Optional<Money> trancheAmount = amount(row.amount(), "tranches[" + i + "].amount", errors);
            if (row.reportDue() == null) {
                errors.rejectValue("tranches[" + i + "].reportDue", "funding.error.reportDueRequired");
            }
            if (trancheAmount.isPresent() && row.reportDue() != null) {
                tranches.add(new GrantDecision.NewTranche(trancheAmount.get(), row.reportDue()));
            }
        }
        if (!errors.hasErrors()) {
            try {
                long grantId = funding.grant(new GrantDecision(id, form.title(), form.recipientOrganisationId(),
                        applied.orElseThrow(), amount.orElseThrow(), form.reason(), tranches, form.contactEmail()),
                        actor(principal));
                Flash.notice(redirect, "funding.grant.created");
                return "redirect:/finansiering/bevillinger/" + grantId;
            } catch (FundingRuleException e) {
                reject(errors, e);
            }
        }
        return grantForm(id, model);
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
        long grantId = funding.tranche(id).grantId();
        if (!funding.mayReport(grantId, principal.userId(), principal.roles())) {
            // not one of the grant's people: as if the tranche did not exist (no hint that it does)
            throw new NotFoundException("tranche", id);
        }
        if (!errors.hasErrors()) {
            try {
                funding.submitReport(id, form.body(), actor(principal));
                Flash.notice(redirect, "funding.report.submitted");
                return "redirect:/finansiering/bevillinger/" + grantId;
            } catch (FundingRuleException e) {
                reject(errors, e);
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
        return decide(principal, id, form, errors, model, redirect, () -> funding.approveReport(id, form.note(), actor(principal)),
                "funding.report.approved");
    }

    @PostMapping("/rater/{id}/returner")
    @RolesAllowed("TASK_FORCE")
    String giveBack(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("decisionForm") NoteForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        return decide(principal, id, form, errors, model, redirect, () -> funding.returnReport(id, form.note(), actor(principal)),
                "funding.report.returned");
    }

    @PostMapping("/rater/{id}/betalt")
    @RolesAllowed("FINANCE")
    String markPaid(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @RequestParam(name = Confirmation.PARAMETER, required = false) String confirmed,
            RedirectAttributes redirect) {
        long grantId = funding.tranche(id).grantId();
        if (!Confirmation.given(confirmed)) {
            Flash.problem(redirect, Confirmation.MISSING);
            return "redirect:/finansiering/bevillinger/" + grantId;
        }
        try {
            funding.markPaid(id, actor(principal));
            Flash.notice(redirect, "funding.tranche.paid");
        } catch (FundingRuleException e) {
            Flash.problem(redirect, e.messageKey());
        }
        return "redirect:/finansiering/bevillinger/" + grantId;
    }

    @PostMapping("/posteringer/{id}/tilbagefoer")
    @RolesAllowed({"TASK_FORCE", "FINANCE"})
    String reverse(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @RequestParam(name = "note", defaultValue = "") String note, RedirectAttributes redirect) {
        long poolId = funding.poolOfEntry(id);
        try {
            funding.reverse(id, note, actor(principal));
            Flash.notice(redirect, "funding.ledger.reversed");
        } catch (FundingRuleException e) {
            Flash.problem(redirect, e.messageKey());
        }
        return "redirect:/finansiering/puljer/" + poolId;
    }

    private String decide(AccountPrincipal principal, long trancheId, NoteForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, Runnable decision, String notice) {
        long grantId = funding.tranche(trancheId).grantId();
        if (!errors.hasErrors()) {
            try {
                decision.run();
                Flash.notice(redirect, notice);
                return "redirect:/finansiering/bevillinger/" + grantId;
            } catch (FundingRuleException e) {
                reject(errors, e);
            }
        }
        model.addAttribute("decisionTrancheId", trancheId);
        return grantDetail(principal, grantId, model);
    }

    private String poolForm(Model model) {
        model.addAttribute("regionOptions", SelectOption.ofEnum(Region.values(), Region::messageKey));
        return "funding/pool-form";
    }

    private String poolPage(long id, Model model) {
        model.addAttribute("pool", funding.pool(id));
        model.addAttribute("figures", funding.figures(id));
        model.addAttribute("grants", funding.grants(id));
        model.addAttribute("ledger", funding.ledger(id));
        return "funding/pool";
    }

    private String grantForm(long poolId, Model model) {
        model.addAttribute("pool", funding.pool(poolId));
        model.addAttribute("figures", funding.figures(poolId));
        model.addAttribute("organisationOptions",
                SelectOption.of(organisations.allActive(), Organisation::id, Organisation::name));
        return "funding/grant-form";
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
        model.addAttribute("tranches", funding.tranches(id));
        model.addAttribute("reports", funding.reports(id));
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

    private static Optional<Money> amount(String text, String field, BindingResult errors) {
        if (text == null || text.isBlank()) {
            if (!errors.hasFieldErrors(field)) {
                errors.rejectValue(field, "validation.amount.required");
            }
            return Optional.empty();
        }
        Optional<Money> money = Money.parseKroner(text);
        if (money.isEmpty()) {
            errors.rejectValue(field, "validation.amount.invalid");
        }
        return money;
    }

    private static void reject(BindingResult errors, FundingRuleException e) {
        Object[] arguments = e.arguments();
        if (e.field() != null && errors.getFieldType(e.field()) != null) {
            errors.rejectValue(e.field(), e.messageKey(), formatted(arguments), null);
        } else {
            errors.reject(e.messageKey(), formatted(arguments), null);
        }
    }

    private static Object[] formatted(Object[] arguments) {
        Object[] result = arguments.clone();
        for (int i = 0; i < result.length; i++) {
            if (result[i] instanceof Money money) {
                result[i] = money.format(LocaleContextHolder.getLocale());
            }
        }
        return result;
    }

    private static Actor actor(AccountPrincipal principal) {
        return new Actor(principal.userId(), principal.displayName());
    }
}
