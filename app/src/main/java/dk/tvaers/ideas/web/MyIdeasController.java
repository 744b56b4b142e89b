package dk.tvaers.ideas.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.ideas.Idea;
import dk.tvaers.ideas.IdeaClinic;
import dk.tvaers.ideas.IdeaPrivacy;
import dk.tvaers.ideas.Ideas;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.ListPage;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.platform.web.NotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Mine idéer": a logged-in user's ideas with their status, history and the clinic's thread, where they answer;
 * and their data — all of it as JSON, and deleting their account.
 */
@Controller
@PermitAll
class MyIdeasController {

    record AnswerForm(@NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}")
            String body) {}

    private final Ideas ideas;
    private final IdeaClinic clinic;
    private final IdeaPrivacy privacy;
    /** Ideas per page: each shows its whole thread and history. */
    static final int PAGE_SIZE = 10;

    private final JsonMapper json = JsonMapper.builder().build();

    MyIdeasController(Ideas ideas, IdeaClinic clinic, IdeaPrivacy privacy) {
        this.ideas = ideas;
        this.clinic = clinic;
        this.privacy = privacy;
    }

    @GetMapping("/mine-ideer")
    String mine(@AuthenticationPrincipal AccountPrincipal principal,
            @RequestParam(name = ListPage.PAGE_PARAMETER, required = false) Integer side, Model model) {
        return page(principal, PageOf.clampPage(side), model);
    }

    @PostMapping("/mine-ideer/{id}/svar")
    String answer(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("answerForm") AnswerForm form, BindingResult errors,
            @RequestParam(name = ListPage.PAGE_PARAMETER, required = false) Integer side, Model model,
            RedirectAttributes redirect) {
        // the thread is between the idea's own submitter and the clinic: a follower through a merge does not answer
        if (!ideas.isSubmitter(id, principal.userId())) {
            throw new NotFoundException("idea", id);
        }
        if (errors.hasErrors()) {
            model.addAttribute("answerIdea", id);
            return page(principal, PageOf.clampPage(side), model);
        }
        ideas.answer(id, form.body(), principal.userId(), principal.displayName());
        Flash.notice(redirect, "idea.answer.done");
        int page = PageOf.clampPage(side);
        return "redirect:/mine-ideer" + (page > 1 ? "?side=" + page : "") + "#idea-" + id;
    }

    /** Everything Tværs holds about the user, as a JSON download. */
    @GetMapping("/mine-ideer/mine-data")
    void download(@AuthenticationPrincipal AccountPrincipal principal, HttpServletResponse response)
            throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"tvaers-mine-data.json\"");
        json.writerWithDefaultPrettyPrinter().writeValue(response.getOutputStream(), privacy.export(principal.userId()));
    }

    /** Deletes the account after the user typed "SLET": ideas stay anonymised, what others wrote stays. */
    @PostMapping("/mine-ideer/slet-konto")
    String deleteAccount(@AuthenticationPrincipal AccountPrincipal principal,
            @RequestParam(name = "confirm", required = false) String confirm, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (confirm == null || !confirm.strip().equalsIgnoreCase("SLET")) {
            Flash.problem(redirect, "myIdeas.delete.error.confirm");
            return "redirect:/mine-ideer#slet";
        }
        privacy.deleteAccount(principal.userId());
        new SecurityContextLogoutHandler().logout(request, response, null);
        Flash.notice(redirect, "myIdeas.delete.done");
        return "redirect:/";
    }

    /** One page of the user's ideas; each idea's thread and history are read for that page only. */
    private String page(AccountPrincipal principal, int side, Model model) {
        PageOf<Idea> mine = ideas.followedBy(principal.userId(), side, PAGE_SIZE);
        Set<Long> own = ideas.submittedBy(principal.userId(), mine.items().stream().map(Idea::id).toList());
        Map<Long, Object> details = new LinkedHashMap<>();
        for (Idea idea : mine.items()) {
            boolean isOwn = own.contains(idea.id());
            details.put(idea.id(), Map.of("own", isOwn, "thread", isOwn ? ideas.thread(idea.id()) : List.of(),
                    "history", clinic.history(idea.id())));
        }
        model.addAttribute("list", ListPage.of("/mine-ideer", mine));
        model.addAttribute("ideas", mine.items());
        model.addAttribute("details", details);
        if (!model.containsAttribute("answerForm")) {
            model.addAttribute("answerForm", new AnswerForm(""));
        }
        return "ideas/mine";
    }
}
