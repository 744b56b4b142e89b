package dk.tvaers.applications.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.applications.Application;
import dk.tvaers.applications.ApplicationRuleException;
import dk.tvaers.applications.ApplicationStatus;
import dk.tvaers.applications.Applications;
import dk.tvaers.applications.SubmittedApplications;
import dk.tvaers.applications.Decisions;
import dk.tvaers.applications.Outcome;
import dk.tvaers.applications.Reviews;
import dk.tvaers.challenges.Challenge;
import dk.tvaers.challenges.Challenges;
import dk.tvaers.funding.Funding;
import dk.tvaers.funding.GrantDecision;
import dk.tvaers.funding.TrancheRows;
import dk.tvaers.platform.web.MoneyField;
import dk.tvaers.platform.web.Confirmation;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.ListPage;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.platform.web.SelectOption;
import dk.tvaers.shared.Money;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
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

/**
 * The Task Force's pages: submitted applications (all, or a challenge's call with its reviewers), assigning
 * reviewers, and the decision form.
 */
@Controller
@RequestMapping("/ansoegninger")
@RolesAllowed("TASK_FORCE")
class TaskForceController {

    record ReviewerForm(@NotBlank(message = "{validation.email.required}")
            @Size(max = 254, message = "{validation.tooLong}") String login) {}

    record DecisionForm(
            @NotNull(message = "{validation.choose}") Outcome outcome,
            String amount,
            @Size(max = 2000, message = "{validation.tooLong}") String reason,
            List<TrancheRows.Row> tranches,
            @Size(max = 2000, message = "{validation.tooLong}") String earlyReason) {}

    private final Applications applications;
    private final SubmittedApplications submitted;
    private final Reviews reviews;
    private final Decisions decisions;
    private final Challenges challenges;
    private final Funding funding;
    private final MessageSource messages;
    private final Clock clock;

    TaskForceController(Applications applications, SubmittedApplications submitted, Reviews reviews,
            Decisions decisions, Challenges challenges, Funding funding, MessageSource messages, Clock clock) {
        this.applications = applications;
        this.submitted = submitted;
        this.reviews = reviews;
        this.decisions = decisions;
        this.challenges = challenges;
        this.funding = funding;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "side", required = false) Integer page, HtmxRequest htmx, Model model) {
        model.addAttribute("list", ListPage.of("/ansoegninger",
                submitted.submitted(null, text, PageOf.clampPage(page), PageOf.DEFAULT_SIZE)).filter("q", text));
        model.addAttribute("challenges", challenges.search(new Challenges.Filter(null, null, null), 1, 50).items()
                .stream().filter(c -> c.currentCall() != null).toList());
        return ListPage.view("applications/list", htmx.isHtmxRequest());
    }

    @GetMapping("/opslag/{challengeId:\\d+}")
    String call(@PathVariable long challengeId, @RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "side", required = false) Integer page, HtmxRequest htmx, Model model) {
        if (!model.containsAttribute("reviewerForm")) {
            model.addAttribute("reviewerForm", new ReviewerForm(""));
        }
        return callPage(challengeId, text, page, htmx.isHtmxRequest(), model);
    }

    @PostMapping("/opslag/{challengeId:\\d+}/bedoemmere")
    String assign(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long challengeId,
            @Valid @ModelAttribute("reviewerForm") ReviewerForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Challenge challenge = challenges.find(challengeId);
        if (challenge.currentCall() == null) {
            throw new NotFoundException("call of challenge", challengeId);
        }
        if (!errors.hasErrors()) {
            try {
                UserAccount reviewer = reviews.assign(challenge.currentCall().id(), form.login(),
                        Problems.actor(principal));
                Flash.notice(redirect, "review.assigned", reviewer.displayName());
                return "redirect:/ansoegninger/opslag/" + challengeId;
            } catch (ApplicationRuleException e) {
                Problems.reject(errors, e, messages);
            }
        }
        return callPage(challengeId, null, null, false, model);
    }

    @GetMapping("/{id:\\d+}/afgoerelse")
    String decisionForm(@PathVariable long id, Model model) {
        model.addAttribute("form", new DecisionForm(null, "", "", TrancheRows.blank(), ""));
        return decisionPage(id, model);
    }

    @PostMapping("/{id:\\d+}/afgoerelse")
    String decide(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("form") DecisionForm form, BindingResult errors,
            @RequestParam(name = Confirmation.PARAMETER, required = false) String confirmed, Model model,
            RedirectAttributes redirect) {
        if (!Confirmation.given(confirmed)) {
            errors.reject(Confirmation.MISSING);
            model.addAttribute("confirmMissing", true);
        }
        if (callStillOpen(id) && (form.earlyReason() == null || form.earlyReason().isBlank())) {
            errors.rejectValue("earlyReason", "decision.error.beforeDeadline");
        }
        if (form.outcome() != null && form.outcome() != Outcome.FULL
                && (form.reason() == null || form.reason().isBlank())) {
            errors.rejectValue("reason", "decision.error.reasonRequired");
        }
        Money amount = null;
        if (form.outcome() == Outcome.REDUCED) {
            amount = MoneyField.read(form.amount(), "amount", errors).orElse(null);
        }
        List<GrantDecision.NewTranche> tranches = form.outcome() != null && form.outcome().grants()
                ? TrancheRows.read(form.tranches(), errors) : List.of();
        if (!errors.hasErrors()) {
            try {
                decisions.decide(id, form.outcome(), amount, form.reason(), tranches, form.earlyReason(),
                        Problems.actor(principal));
                Flash.notice(redirect, "decision.done." + form.outcome().name());
                return "redirect:/ansoegninger/" + id;
            } catch (ApplicationRuleException e) {
                Problems.reject(errors, e, messages);
            }
        }
        return decisionPage(id, model);
    }

    private boolean callStillOpen(long applicationId) {
        Application application = applications.find(applicationId);
        return challenges.find(application.challengeId()).calls().stream()
                .filter(c -> c.id() == application.callId()).findFirst()
                .map(call -> clock.instant().isBefore(call.deadline())).orElse(false);
    }

    private String decisionPage(long id, Model model) {
        Application application = applications.find(id);
        if (application.status() != ApplicationStatus.SUBMITTED) {
            return "redirect:/ansoegninger/" + id;
        }
        Challenge challenge = challenges.find(application.challengeId());
        Challenge.Call call = challenge.calls().stream().filter(c -> c.id() == application.callId()).findFirst()
                .orElseThrow();
        model.addAttribute("app", application);
        model.addAttribute("version", applications.latest(id));
        model.addAttribute("reviews", reviews.of(id));
        model.addAttribute("call", call);
        model.addAttribute("callOpen", clock.instant().isBefore(call.deadline()));
        if (call.poolId() != null) {
            model.addAttribute("pool", funding.pool(call.poolId()));
            model.addAttribute("figures", funding.figures(call.poolId()));
        }
        model.addAttribute("outcomeOptions", SelectOption.ofEnum(Outcome.values(), Outcome::messageKey));
        return "applications/decision";
    }

    private String callPage(long challengeId, String text, Integer page, boolean htmx, Model model) {
        Challenge challenge = challenges.find(challengeId);
        model.addAttribute("challenge", challenge);
        model.addAttribute("list", ListPage.of("/ansoegninger/opslag/" + challengeId,
                submitted.submitted(challengeId, text, PageOf.clampPage(page), PageOf.DEFAULT_SIZE))
                .filter("q", text));
        model.addAttribute("reviewers", challenge.currentCall() == null ? List.of()
                : reviews.reviewers(challenge.currentCall().id()));
        Long poolId = challenge.currentCall() == null ? null : challenge.currentCall().poolId();
        if (poolId != null) {
            model.addAttribute("figures", funding.figures(poolId));
        }
        return htmx ? "applications/list :: results" : "applications/call";
    }
}
