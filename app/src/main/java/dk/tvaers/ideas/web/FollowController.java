package dk.tvaers.ideas.web;

import dk.tvaers.platform.web.Flash;
import dk.tvaers.ideas.Idea;
import dk.tvaers.ideas.IdeaClinic;
import dk.tvaers.ideas.Ideas;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Following an idea without an account, through the link in the e-mails: its status and history, the thread with
 * the clinic, and an answer form. The link is the key (only its SHA-256 is stored), so the page is public.
 */
@Controller
class FollowController {

    record AnswerForm(String token,
            @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}")
            String body) {}

    record NewLinkForm(@NotBlank(message = "{validation.email.required}")
            @jakarta.validation.constraints.Email(message = "{validation.email.invalid}")
            @Size(max = 254, message = "{validation.tooLong}") String email) {}

    private final Ideas ideas;
    private final IdeaClinic clinic;

    FollowController(Ideas ideas, IdeaClinic clinic) {
        this.ideas = ideas;
        this.clinic = clinic;
    }

    @GetMapping("/ideer/foelg")
    String follow(@RequestParam(name = "token", required = false) String token, Model model) {
        Optional<Ideas.Follower> follower = ideas.followerByToken(token);
        if (follower.isEmpty()) {
            return "ideas/link-invalid";
        }
        if (!model.containsAttribute("answerForm")) {
            model.addAttribute("answerForm", new AnswerForm(token, ""));
        }
        return page(follower.get(), model);
    }

    @PostMapping("/ideer/foelg")
    String answer(@Valid @ModelAttribute("answerForm") AnswerForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Optional<Ideas.Follower> follower = ideas.followerByToken(form.token());
        if (follower.isEmpty()) {
            return "ideas/link-invalid";
        }
        if (!follower.get().submitter()) {
            // followers through a merge read the idea's status, not its submitter's thread
            return "ideas/link-invalid";
        }
        if (errors.hasErrors()) {
            return page(follower.get(), model);
        }
        ideas.answer(follower.get().ideaId(), form.body(), null, follower.get().name());
        Flash.notice(redirect, "idea.answer.done");
        return "redirect:/ideer/foelg?token=" + form.token();
    }

    /** A new follow link by mail, for a link that expired (or a lost mail). */
    @GetMapping("/ideer/nyt-link")
    String newLinkForm(Model model) {
        if (!model.containsAttribute("linkForm")) {
            model.addAttribute("linkForm", new NewLinkForm(""));
        }
        return "ideas/new-link";
    }

    @PostMapping("/ideer/nyt-link")
    String newLink(@Valid @ModelAttribute("linkForm") NewLinkForm form, BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            return "ideas/new-link";
        }
        ideas.requestNewFollowLinks(form.email());
        // the same answer whether or not the address follows an idea: the page reveals nothing about it
        model.addAttribute("sent", true);
        return "ideas/new-link";
    }

    private String page(Ideas.Follower follower, Model model) {
        Idea idea = ideas.find(follower.ideaId()).orElseThrow();
        model.addAttribute("idea", idea);
        model.addAttribute("ownThread", follower.submitter());
        model.addAttribute("thread", follower.submitter() ? ideas.thread(idea.id()) : java.util.List.of());
        model.addAttribute("history", clinic.history(idea.id()));
        model.addAttribute("followerName", follower.name());
        return "ideas/follow";
    }
}
