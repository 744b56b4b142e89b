package dk.tvaers.challenges.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.challenges.Challenge;
import dk.tvaers.challenges.ChallengeKind;
import dk.tvaers.challenges.ChallengeRuleException;
import dk.tvaers.challenges.Challenges;
import dk.tvaers.challenges.NewChallenge;
import dk.tvaers.challenges.WickedProblems;
import dk.tvaers.funding.Funding;
import dk.tvaers.funding.Pool;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.PageOf;
import java.util.List;
import dk.tvaers.platform.web.ListPage;
import dk.tvaers.platform.web.SelectOption;
import dk.tvaers.platform.web.TimeFormat;
import dk.tvaers.platform.web.SameForAnonymousVisitors;
import dk.tvaers.shared.Region;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
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

/** Challenges: the public list (open and closed) and page; the Task Force publishes them and re-opens calls. */
@Controller
@RequestMapping("/udfordringer")
class ChallengeController {

    /** A call closes at the end of its deadline day, Danish time. */
    static final LocalTime CLOSES_AT = LocalTime.of(23, 59, 59);

    record ChallengeForm(
            @NotNull(message = "{validation.choose}") ChallengeKind kind,
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String title,
            @Size(max = 4000, message = "{validation.tooLong}") String vision,
            @NotBlank(message = "{validation.required}") @Size(max = 8000, message = "{validation.tooLong}")
            String description,
            @Size(max = 500, message = "{validation.tooLong}") String question,
            @NotNull(message = "{validation.choose}") Region region,
            Long poolId,
            @NotNull(message = "{validation.date}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline) {}

    record ReopenForm(
            @NotNull(message = "{validation.date}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline) {}

    private final Challenges challenges;
    private final WickedProblems wickedProblems;
    private final Funding funding;
    private final Clock clock;

    ChallengeController(Challenges challenges, WickedProblems wickedProblems, Funding funding, Clock clock) {
        this.challenges = challenges;
        this.wickedProblems = wickedProblems;
        this.funding = funding;
        this.clock = clock;
    }

    @SameForAnonymousVisitors
    @GetMapping
    String list(@RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "type", required = false) ChallengeKind kind,
            @RequestParam(name = "region", required = false) Region region,
            @RequestParam(name = "side", required = false) Integer page,
            HtmxRequest htmx, Model model) {
        Boolean open = switch (status == null ? "" : status) {
            case "aabne" -> Boolean.TRUE;
            case "lukkede" -> Boolean.FALSE;
            default -> null;
        };
        model.addAttribute("list", ListPage.of("/udfordringer",
                        challenges.search(new Challenges.Filter(open, kind, region), PageOf.clampPage(page),
                                PageOf.DEFAULT_SIZE))
                .filter("status", open == null ? null : status).filter("type", kind).filter("region", region));
        model.addAttribute("statuses", List.of(SelectOption.ofKey("aabne", "challenges.filter.open"),
                SelectOption.ofKey("lukkede", "challenges.filter.closed")));
        model.addAttribute("kinds", ChallengeKind.values());
        model.addAttribute("regions", Region.values());
        model.addAttribute("now", clock.instant());
        return ListPage.view("challenges/list", htmx.isHtmxRequest());
    }

    @SameForAnonymousVisitors
    @GetMapping("/{id:\\d+}")
    String show(@PathVariable long id, Model model) {
        if (!model.containsAttribute("reopenForm")) {
            model.addAttribute("reopenForm", new ReopenForm(null));
        }
        return detail(id, model);
    }

    @GetMapping("/ny")
    @RolesAllowed("TASK_FORCE")
    String newForm(Model model) {
        model.addAttribute("form", new ChallengeForm(ChallengeKind.INNOVATION_QUESTION, "", "", "", "", null, null,
                null));
        return form(model);
    }

    @PostMapping("/ny")
    @RolesAllowed("TASK_FORCE")
    String publish(@AuthenticationPrincipal AccountPrincipal principal,
            @Valid @ModelAttribute("form") ChallengeForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                long id = challenges.publish(new NewChallenge(form.kind(), form.title(), form.vision(),
                        form.description(), form.question(), form.region(), form.poolId(), closing(form.deadline())),
                        new Actor(principal.userId(), principal.displayName()));
                Flash.notice(redirect, "challenge.published.notice");
                return "redirect:/udfordringer/" + id;
            } catch (ChallengeRuleException e) {
                errors.rejectValue(e.field(), e.messageKey());
            }
        }
        return form(model);
    }

    @PostMapping("/{id:\\d+}/genaabn")
    @RolesAllowed("TASK_FORCE")
    String reopen(@PathVariable long id, @Valid @ModelAttribute("reopenForm") ReopenForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                challenges.reopen(id, closing(form.deadline()));
                Flash.notice(redirect, "challenge.reopened");
                return "redirect:/udfordringer/" + id;
            } catch (ChallengeRuleException e) {
                errors.rejectValue(e.field(), e.messageKey());
            }
        }
        return detail(id, model);
    }

    private String detail(long id, Model model) {
        Challenge challenge = challenges.find(id);
        model.addAttribute("challenge", challenge);
        model.addAttribute("open", challenge.openAt(clock.instant()));
        model.addAttribute("wickedProblemId", wickedProblems.problemOf(id).orElse(null));
        return "challenges/detail";
    }

    private String form(Model model) {
        model.addAttribute("kindOptions", SelectOption.ofEnum(ChallengeKind.values(), ChallengeKind::messageKey));
        model.addAttribute("regionOptions", SelectOption.ofEnum(Region.values(), Region::messageKey));
        model.addAttribute("poolOptions", SelectOption.of(funding.pools(), Pool::id, Pool::name));
        return "challenges/form";
    }

    static Instant closing(LocalDate day) {
        return day == null ? null : day.atTime(CLOSES_AT).atZone(TimeFormat.COPENHAGEN).toInstant();
    }
}
