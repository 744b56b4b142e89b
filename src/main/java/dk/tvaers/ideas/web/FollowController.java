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
        if (errors.hasErrors()) {
            return page(follower.get(), model);
        }
        ideas.answer(follower.get().ideaId(), form.body(), null, follower.get().name());
        Flash.notice(redirect, "idea.answer.done");
        return "redirect:/ideer/foelg?token=" + form.token();
    }

    private String page(Ideas.Follower follower, Model model) {
        Idea idea = ideas.find(follower.ideaId()).orElseThrow();
        model.addAttribute("idea", idea);
        model.addAttribute("thread", ideas.thread(idea.id()));
        model.addAttribute("history", clinic.history(idea.id()));
        model.addAttribute("followerName", follower.name());
        return "ideas/follow";
    }
}
