package dk.tvaers.ideas.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.ideas.AlreadySupportedException;
import dk.tvaers.ideas.Idea;
import dk.tvaers.ideas.IdeaStatus;
import dk.tvaers.ideas.IdeaReactions;
import dk.tvaers.ideas.Ideas;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.CsvWriter;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.ListPage;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.platform.web.SameForAnonymousVisitors;
import dk.tvaers.shared.IdeaSource;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Sector;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
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

/** The public idea pages: the list (search, filters, sorting, paging, CSV) and an idea's page; support and comment. */
@Controller
class IdeaPublicController {

    record CommentForm(@NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}")
            String body) {}

    private final Ideas ideas;
    private final IdeaReactions reactions;
    private final MessageSource messages;

    IdeaPublicController(Ideas ideas, IdeaReactions reactions, MessageSource messages) {
        this.ideas = ideas;
        this.reactions = reactions;
        this.messages = messages;
    }

    @SameForAnonymousVisitors
    @GetMapping("/ideer")
    String list(@RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "status", required = false) IdeaStatus status,
            @RequestParam(name = "sektor", required = false) Sector sector,
            @RequestParam(name = "type", required = false) InnovationType kind,
            @RequestParam(name = "kilde", required = false) IdeaSource source,
            @RequestParam(name = "sortering", required = false) Ideas.Sort sort,
            @RequestParam(name = "side", required = false) Integer page,
            HtmxRequest htmx, Model model) {
        var filter = new Ideas.Filter(text, status == IdeaStatus.UNCONFIRMED ? null : status, sector, kind,
                source);
        model.addAttribute("list", ListPage.of("/ideer",
                        ideas.search(filter, sort, PageOf.clampPage(page), PageOf.DEFAULT_SIZE))
                .filter("q", text).filter("status", filter.status()).filter("sektor", sector).filter("type", kind)
                .filter("kilde", source).filter("sortering", sort)
                .export("list.export.csv", "/ideer/eksport"));
        model.addAttribute("statuses", List.of(IdeaStatus.SUBMITTED, IdeaStatus.IN_REVIEW, IdeaStatus.PRIORITISED,
                IdeaStatus.REFERRED, IdeaStatus.MERGED, IdeaStatus.REJECTED));
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("kinds", InnovationType.values());
        model.addAttribute("sources", IdeaSource.values());
        model.addAttribute("sorts", Ideas.Sort.values());
        return ListPage.view("ideas/list", htmx.isHtmxRequest());
    }

    /** The filtered list as CSV, every row of the selection. */
    @GetMapping("/ideer/eksport")
    void export(@RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "status", required = false) IdeaStatus status,
            @RequestParam(name = "sektor", required = false) Sector sector,
            @RequestParam(name = "type", required = false) InnovationType kind,
            @RequestParam(name = "kilde", required = false) IdeaSource source,
            @RequestParam(name = "sortering", required = false) Ideas.Sort sort,
            Locale locale, HttpServletResponse response) throws IOException {
        var filter = new Ideas.Filter(text, status == IdeaStatus.UNCONFIRMED ? null : status, sector, kind,
                source);
        CsvWriter.download(response, "ideer.csv", messages,
                List.of("idea.number", "idea.title", "idea.status", "idea.innovationType", "idea.sectors",
                        "idea.supports", "idea.submittedAt"),
                number -> ideas.search(filter, sort, number, 500),
                idea -> List.of(idea.id(), idea.title(), text(idea.status().messageKey(), locale),
                        text(idea.innovationType().messageKey(), locale),
                        idea.sectors().stream().map(s -> text(s.messageKey(), locale)).collect(Collectors.joining(", ")),
                        idea.supports(), idea.submittedAt() == null ? "" : idea.submittedAt().toString()));
    }

    @SameForAnonymousVisitors
    @GetMapping("/ideer/{id}")
    String show(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Model model) {
        if (!model.containsAttribute("commentForm")) {
            model.addAttribute("commentForm", new CommentForm(""));
        }
        return page(principal, id, model);
    }

    @PostMapping("/ideer/{id}/stoet")
    @PermitAll
    String support(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            RedirectAttributes redirect) {
        find(id);
        try {
            reactions.support(id, principal.userId());
            Flash.notice(redirect, "idea.support.done");
        } catch (AlreadySupportedException e) {
            Flash.problem(redirect, "idea.support.error.already");
        }
        return "redirect:/ideer/" + id;
    }

    @PostMapping("/ideer/{id}/kommentarer")
    @PermitAll
    String comment(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("commentForm") CommentForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        find(id);
        if (errors.hasErrors()) {
            return page(principal, id, model);
        }
        reactions.comment(id, form.body(), new Actor(principal.userId(), principal.displayName()));
        Flash.notice(redirect, "idea.comment.done");
        return "redirect:/ideer/" + id + "#kommentarer";
    }

    /** The idea's page: for its own submitter also when a moderator hid it, with their own hidden comments. */
    private String page(AccountPrincipal principal, long id, Model model) {
        Long viewer = principal == null ? null : principal.userId();
        Idea idea = ideas.findFor(id, viewer).orElseThrow(() -> new NotFoundException("idea", id));
        model.addAttribute("idea", idea);
        model.addAttribute("comments", reactions.comments(id, viewer));
        model.addAttribute("supported", principal != null && reactions.supports(id, principal.userId()));
        if (idea.mergedIntoId() != null) {
            model.addAttribute("mergedInto", ideas.find(idea.mergedIntoId()).orElse(null));
        }
        return "ideas/detail";
    }

    private Idea find(long id) {
        return ideas.findPublished(id).orElseThrow(() -> new NotFoundException("idea", id));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

}
