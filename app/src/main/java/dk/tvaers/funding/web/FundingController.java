package dk.tvaers.funding.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Organisation;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.funding.Funding;
import dk.tvaers.funding.Tranches;
import dk.tvaers.funding.FundingRuleException;
import dk.tvaers.funding.Grant;
import dk.tvaers.funding.GrantDecision;
import dk.tvaers.funding.TrancheRows;
import dk.tvaers.platform.web.MoneyField;
import dk.tvaers.funding.Pool;
import dk.tvaers.funding.PoolFigures;
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
import java.util.List;
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
 * The Task Force's and finance's pages of pools: pools with granted, paid and remaining, the decision of a grant from
 * a pool, the ledger with reversals. A grant's own page, with its tranches and progress reports, is
 * {@link GrantController}'s.
 */
@Controller
@RequestMapping("/finansiering")
class FundingController {

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
            List<TrancheRows.Row> tranches,
            @Email(message = "{validation.email.invalid}") @Size(max = 320, message = "{validation.tooLong}")
            String contactEmail) {}

    /** A pool with its figures, for the overview. */
    record PoolRow(Pool pool, PoolFigures figures) {}

    private final Funding funding;
    private final Tranches trancheCycle;
    private final OrganisationDirectory organisations;
    private final Clock clock;

    FundingController(Funding funding, Tranches trancheCycle, OrganisationDirectory organisations, Clock clock) {
        this.funding = funding;
        this.trancheCycle = trancheCycle;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping
    @RolesAllowed({"TASK_FORCE", "FINANCE"})
    String overview(Model model) {
        model.addAttribute("pools", funding.pools().stream().map(pool -> new PoolRow(pool, funding.figures(pool.id())))
                .toList());
        model.addAttribute("overdue", trancheCycle.overdueReports(LocalDate.now(clock)));
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
        Optional<Money> amount = MoneyField.read(form.amount(), "amount", errors);
        if (!errors.hasErrors()) {
            try {
                long id = funding.createPool(form.name(), form.region(), amount.orElseThrow(), form.firstYear(),
                        form.lastYear());
                Flash.notice(redirect, "funding.pool.created");
                return "redirect:/finansiering/puljer/" + id;
            } catch (FundingRuleException e) {
                FundingForms.reject(errors, e);
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
        model.addAttribute("form", new GrantForm("", null, "", "", "", TrancheRows.blank(), ""));
        return grantForm(id, model);
    }

    @PostMapping("/puljer/{id}/bevilling")
    @RolesAllowed("TASK_FORCE")
    String grant(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("form") GrantForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Optional<Money> applied = MoneyField.read(form.applied(), "applied", errors);
        Optional<Money> amount = MoneyField.read(form.amount(), "amount", errors);
        List<GrantDecision.NewTranche> tranches = TrancheRows.read(form.tranches(), errors);
        if (!errors.hasErrors()) {
            try {
                long grantId = funding.grant(new GrantDecision(id, form.title(), form.recipientOrganisationId(),
                        applied.orElseThrow(), amount.orElseThrow(), form.reason(), tranches, form.contactEmail()),
                        FundingForms.actor(principal));
                Flash.notice(redirect, "funding.grant.created");
                return "redirect:/finansiering/bevillinger/" + grantId;
            } catch (FundingRuleException e) {
                FundingForms.reject(errors, e);
            }
        }
        return grantForm(id, model);
    }

    @PostMapping("/posteringer/{id}/tilbagefoer")
    @RolesAllowed({"TASK_FORCE", "FINANCE"})
    String reverse(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @RequestParam(name = "note", defaultValue = "") String note, RedirectAttributes redirect) {
        long poolId = funding.poolOfEntry(id);
        try {
            funding.reverse(id, note, FundingForms.actor(principal));
            Flash.notice(redirect, "funding.ledger.reversed");
        } catch (FundingRuleException e) {
            Flash.problem(redirect, e.messageKey());
        }
        return "redirect:/finansiering/puljer/" + poolId;
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
}
