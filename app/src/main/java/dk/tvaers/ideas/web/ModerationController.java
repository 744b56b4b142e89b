package dk.tvaers.ideas.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.ideas.IdeaReactions;
import dk.tvaers.ideas.Ideas;
import dk.tvaers.ideas.Moderation;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.ListPage;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.PageOf;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Moderation (ADR 0034): anyone signed in reports a public idea or comment with a reason ({@code /ideer/{id}/anmeld},
 * {@code ?kommentar=} for a comment); innovation consultants work the queue at {@code /moderation}: hide with a reason
 * the author sees, dismiss the report, or restore hidden content.
 */
@Controller
class ModerationController {

    record ReportForm(@NotBlank(message = "{validation.required}") @Size(max = 1000, message = "{validation.tooLong}")
            String reason) {}

    record HideForm(@NotBlank(message = "{validation.required}") @Size(max = 1000, message = "{validation.tooLong}")
            String reason) {}

    private final Ideas ideas;
    private final IdeaReactions reactions;
    private final Moderation moderation;

    ModerationController(Ideas ideas, IdeaReactions reactions, Moderation moderation) {
        this.ideas = ideas;
        this.reactions = reactions;
        this.moderation = moderation;
    }

    @GetMapping("/ideer/{id}/anmeld")
    @PermitAll
    String reportForm(@PathVariable long id, @RequestParam(name = "kommentar", required = false) Long commentId,
            Model model) {
        model.addAttribute("reportForm", new ReportForm(""));
        return reportPage(id, commentId, model);
    }

    @PostMapping("/ideer/{id}/anmeld")
    @PermitAll
    String report(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @RequestParam(name = "kommentar", required = false) Long commentId,
            @Valid @ModelAttribute("reportForm") ReportForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return reportPage(id, commentId, model);
        }
        if (!moderation.report(id, commentId, form.reason(), new Actor(principal.userId(), principal.displayName()))) {
            throw new NotFoundException("idea", id);
        }
        Flash.notice(redirect, "moderation.reportSent");
        return "redirect:/ideer/" + id + (commentId == null ? "" : "#kommentar-" + commentId);
    }

    private String reportPage(long id, Long commentId, Model model) {
        if (!moderation.isPublic(id, commentId)) {
            throw new NotFoundException("idea", id);
        }
        model.addAttribute("idea", ideas.findPublished(id).orElseThrow(() -> new NotFoundException("idea", id)));
        model.addAttribute("comment", commentId == null ? null : reactions.comments(id).stream()
                .filter(c -> c.id() == commentId).findFirst().orElseThrow(() -> new NotFoundException("idea", id)));
        return "ideas/report";
    }

    @GetMapping("/moderation")
    @RolesAllowed("INNOVATION_CONSULTANT")
    String queue(@RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "status", required = false) Moderation.State state,
            @RequestParam(name = "side", required = false) Integer page, HtmxRequest htmx, Model model) {
        model.addAttribute("list", ListPage.of("/moderation",
                        moderation.queue(new Moderation.Filter(state, text), PageOf.clampPage(page), PageOf.DEFAULT_SIZE))
                .filter("q", text).filter("status", state));
        model.addAttribute("states", Moderation.State.values());
        return ListPage.view("ideas/moderation-queue", htmx.isHtmxRequest());
    }

    @GetMapping("/moderation/{id}")
    @RolesAllowed("INNOVATION_CONSULTANT")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("hideForm", new HideForm(""));
        return reportDetail(id, model);
    }

    @PostMapping("/moderation/{id}/skjul")
    @RolesAllowed("INNOVATION_CONSULTANT")
    String hide(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("hideForm") HideForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        find(id);
        if (errors.hasErrors()) {
            return reportDetail(id, model);
        }
        moderation.hide(id, form.reason(), actor(principal));
        Flash.notice(redirect, "moderation.hidden");
        return "redirect:/moderation/" + id;
    }

    @PostMapping("/moderation/{id}/afvis")
    @RolesAllowed("INNOVATION_CONSULTANT")
    String dismiss(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            RedirectAttributes redirect) {
        return settle(id, () -> moderation.dismiss(id, actor(principal)), "moderation.dismissed", redirect);
    }

    @PostMapping("/moderation/{id}/gendan")
    @RolesAllowed("INNOVATION_CONSULTANT")
    String restore(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            RedirectAttributes redirect) {
        return settle(id, () -> moderation.restore(id, actor(principal)), "moderation.restored", redirect);
    }

    /** Settles the report {@code id} (it must exist) one way and goes back to it with {@code notice}. */
    private String settle(long id, Runnable decision, String notice, RedirectAttributes redirect) {
        find(id);
        decision.run();
        Flash.notice(redirect, notice);
        return "redirect:/moderation/" + id;
    }

    private String reportDetail(long id, Model model) {
        model.addAttribute("report", find(id));
        return "ideas/moderation-report";
    }

    private Moderation.Report find(long id) {
        return moderation.find(id).orElseThrow(() -> new NotFoundException("report", id));
    }

    private static Actor actor(AccountPrincipal principal) {
        return new Actor(principal.userId(), principal.displayName());
    }
}
