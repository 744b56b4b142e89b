package dk.tvaers.challenges.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.challenges.ChallengeRuleException;
import dk.tvaers.challenges.NewWickedProblem;
import dk.tvaers.challenges.WickedCriterion;
import dk.tvaers.challenges.WickedProblem;
import dk.tvaers.challenges.WickedProblemStatus;
import dk.tvaers.challenges.WickedProblems;
import dk.tvaers.challenges.WickedScore;
import dk.tvaers.funding.Funding;
import dk.tvaers.funding.Pool;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.ListPage;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.platform.web.SelectOption;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
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
 * Wicked problems: staff, innovation consultants and the Task Force submit them; a submitter follows their own;
 * Task Force members see all of them, score them, see the ranking with every comment, and publish one as a
 * challenge.
 */
@Controller
@RequestMapping("/vilde-problemer")
class WickedProblemController {

    record ProblemForm(
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String title,
            @NotBlank(message = "{validation.required}") @Size(max = 8000, message = "{validation.tooLong}")
            String description,
            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}")
            String affected,
            @NotEmpty(message = "{validation.chooseAtLeastOne}") Set<Sector> sectors,
            @NotNull(message = "{validation.choose}") Region region) {}

    record ScoreForm(
            @NotNull(message = "{wicked.validation.score}") @Min(value = 1, message = "{wicked.validation.score}")
            @Max(value = 5, message = "{wicked.validation.score}") Integer size,
            @NotNull(message = "{wicked.validation.score}") @Min(value = 1, message = "{wicked.validation.score}")
            @Max(value = 5, message = "{wicked.validation.score}") Integer reach,
            @NotNull(message = "{wicked.validation.score}") @Min(value = 1, message = "{wicked.validation.score}")
            @Max(value = 5, message = "{wicked.validation.score}") Integer urgency,
            @Size(max = 2000, message = "{validation.tooLong}") String comment) {}

    record PublishForm(
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String title,
            @NotBlank(message = "{validation.required}") @Size(max = 8000, message = "{validation.tooLong}")
            String description,
            @NotNull(message = "{validation.choose}") Region region,
            Long poolId,
            @NotNull(message = "{validation.date}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline) {}

    private static final List<SelectOption> SCALE = IntStream.rangeClosed(1, 5)
            .mapToObj(n -> SelectOption.ofKey(String.valueOf(n), "wicked.scale." + n)).toList();

    private final WickedProblems problems;
    private final Funding funding;

    WickedProblemController(WickedProblems problems, Funding funding) {
        this.problems = problems;
        this.funding = funding;
    }

    @GetMapping
    @RolesAllowed({"STAFF", "INNOVATION_CONSULTANT", "TASK_FORCE"})
    String list(@AuthenticationPrincipal AccountPrincipal principal,
            @RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "sektor", required = false) Sector sector,
            @RequestParam(name = "status", required = false) WickedProblemStatus status,
            @RequestParam(name = "side", required = false) Integer page,
            HtmxRequest htmx, Model model) {
        model.addAttribute("list", ListPage.of("/vilde-problemer",
                        problems.search(new WickedProblems.Filter(text, sector, status), principal,
                                PageOf.clampPage(page), PageOf.DEFAULT_SIZE))
                .filter("q", text).filter("sektor", sector).filter("status", status));
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("statuses", WickedProblemStatus.values());
        model.addAttribute("taskForce", principal.hasRole(Role.TASK_FORCE));
        return ListPage.view("challenges/wicked-list", htmx.isHtmxRequest());
    }

    @GetMapping("/ny")
    @RolesAllowed({"STAFF", "INNOVATION_CONSULTANT", "TASK_FORCE"})
    String newForm(Model model) {
        model.addAttribute("form", new ProblemForm("", "", "", Set.of(), null));
        return form(model);
    }

    @PostMapping("/ny")
    @RolesAllowed({"STAFF", "INNOVATION_CONSULTANT", "TASK_FORCE"})
    String submit(@AuthenticationPrincipal AccountPrincipal principal,
            @Valid @ModelAttribute("form") ProblemForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                long id = problems.submit(new NewWickedProblem(form.title(), form.description(), form.affected(),
                        form.sectors(), form.region()), principal);
                Flash.notice(redirect, "wicked.submitted");
                return "redirect:/vilde-problemer/" + id;
            } catch (ChallengeRuleException e) {
                errors.rejectValue(e.field(), e.messageKey());
            }
        }
        return form(model);
    }

    @GetMapping("/prioritering")
    @RolesAllowed("TASK_FORCE")
    String ranking(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
        model.addAttribute("ranking", problems.ranking(principal));
        return "challenges/wicked-ranking";
    }

    @GetMapping("/{id:\\d+}")
    @RolesAllowed({"STAFF", "INNOVATION_CONSULTANT", "TASK_FORCE"})
    String show(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Model model) {
        return detail(principal, id, model);
    }

    @PostMapping("/{id:\\d+}/score")
    @RolesAllowed("TASK_FORCE")
    String score(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("scoreForm") ScoreForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                problems.score(id, form.size(), form.reach(), form.urgency(), form.comment(), principal);
                Flash.notice(redirect, "wicked.scored");
                return "redirect:/vilde-problemer/" + id;
            } catch (ChallengeRuleException e) {
                errors.rejectValue(e.field(), e.messageKey());
            }
        }
        return detail(principal, id, model);
    }

    @PostMapping("/{id:\\d+}/udfordring")
    @RolesAllowed("TASK_FORCE")
    String publish(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("publishForm") PublishForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                long challengeId = problems.publishAsChallenge(id, form.title(), form.description(), form.region(),
                        form.poolId(), ChallengeController.closing(form.deadline()), principal);
                Flash.notice(redirect, "wicked.published");
                return "redirect:/udfordringer/" + challengeId;
            } catch (ChallengeRuleException e) {
                errors.rejectValue(e.field(), e.messageKey());
            }
        }
        return detail(principal, id, model);
    }

    private String detail(AccountPrincipal principal, long id, Model model) {
        WickedProblem problem = problems.find(id, principal);
        boolean taskForce = principal.hasRole(Role.TASK_FORCE);
        model.addAttribute("wickedProblem", problem);
        model.addAttribute("taskForce", taskForce);
        if (taskForce) {
            model.addAttribute("scores", problems.scores(id, principal));
            model.addAttribute("result", problems.result(id, principal).orElse(null));
            if (!model.containsAttribute("scoreForm")) {
                WickedScore mine = problems.scoreBy(id, principal).orElse(null);
                model.addAttribute("scoreForm", mine == null ? new ScoreForm(null, null, null, "")
                        : new ScoreForm(mine.size(), mine.reach(), mine.urgency(), mine.comment()));
            }
            if (!model.containsAttribute("publishForm")) {
                model.addAttribute("publishForm", new PublishForm(problem.title(), problem.description(),
                        problem.region(), null, null));
            }
            model.addAttribute("scale", SCALE);
            model.addAttribute("criteria", WickedCriterion.values());
            model.addAttribute("regionOptions", SelectOption.ofEnum(Region.values(), Region::messageKey));
            model.addAttribute("poolOptions", SelectOption.of(funding.pools(), Pool::id, Pool::name));
        }
        return "challenges/wicked-detail";
    }

    private String form(Model model) {
        model.addAttribute("sectorOptions", SelectOption.ofEnum(Sector.values(), Sector::messageKey));
        model.addAttribute("regionOptions", SelectOption.ofEnum(Region.values(), Region::messageKey));
        return "challenges/wicked-form";
    }
}
