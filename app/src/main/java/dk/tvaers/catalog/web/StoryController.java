package dk.tvaers.catalog.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.catalog.CaseCatalog;
import dk.tvaers.catalog.CatalogCase;
import dk.tvaers.catalog.Stories;
import dk.tvaers.catalog.Story;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.ListPage;
import dk.tvaers.platform.web.PageOf;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The historiekatalog: public list and story pages; consultants and analysts write stories. */
@Controller
@RequestMapping("/historier")
class StoryController {

    record StoryForm(
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String title,
            @NotBlank(message = "{validation.required}") @Size(max = 1000, message = "{validation.tooLong}") String lead,
            @NotBlank(message = "{validation.required}") @Size(max = 20000, message = "{validation.tooLong}") String body,
            Long caseId,
            Long initiativeId) {}

    private final Stories stories;
    private final CaseCatalog catalog;
    private final Initiatives initiatives;

    StoryController(Stories stories, CaseCatalog catalog, Initiatives initiatives) {
        this.stories = stories;
        this.catalog = catalog;
        this.initiatives = initiatives;
    }

    @GetMapping
    String list(@RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "side", required = false) Integer page, HtmxRequest htmx, Model model) {
        model.addAttribute("list", ListPage.of("/historier",
                stories.search(text, PageOf.clampPage(page), PageOf.DEFAULT_SIZE)).filter("q", text));
        return ListPage.view("catalog/stories", htmx.isHtmxRequest());
    }

    @GetMapping("/{id:\\d+}")
    String show(@PathVariable long id, Model model) {
        Story story = stories.find(id).orElseThrow(() -> new NotFoundException("story", id));
        model.addAttribute("story", story);
        model.addAttribute("casePublished",
                story.caseId() != null && catalog.find(story.caseId()).map(CatalogCase::published).orElse(false));
        model.addAttribute("initiative", story.initiativeId() == null ? null
                : initiatives.find(story.initiativeId()).orElse(null));
        return "catalog/story";
    }

    @GetMapping("/ny")
    @RolesAllowed({"INNOVATION_CONSULTANT", "ANALYST"})
    String newForm(@RequestParam(name = "case", required = false) Long caseId, Model model) {
        model.addAttribute("form", new StoryForm("", "", "", caseId, null));
        return "catalog/story-form";
    }

    @PostMapping("/ny")
    @RolesAllowed({"INNOVATION_CONSULTANT", "ANALYST"})
    String create(@AuthenticationPrincipal AccountPrincipal principal, @Valid @ModelAttribute("form") StoryForm form,
            BindingResult errors, RedirectAttributes redirect) {
        if (form.caseId() != null && catalog.find(form.caseId()).isEmpty()) {
            errors.rejectValue("caseId", "story.error.case");
        }
        if (form.initiativeId() != null && initiatives.find(form.initiativeId()).isEmpty()) {
            errors.rejectValue("initiativeId", "story.error.initiative");
        }
        if (errors.hasErrors()) {
            return "catalog/story-form";
        }
        long id = stories.write(form.title(), form.lead(), form.body(), form.caseId(), form.initiativeId(),
                new Actor(principal.userId(), principal.displayName()));
        Flash.notice(redirect, "story.created");
        return "redirect:/historier/" + id;
    }
}
