package dk.tvaers.platform.web;

import dk.tvaers.platform.security.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The front page, the accessibility statement, the privacy page and the language switch. */
@Controller
class PublicPagesController {

    private final Worklists worklists;

    PublicPagesController(Worklists worklists) {
        this.worklists = worklists;
    }

    /** The front page; a signed-in user sees their worklist on it, as on "Mine sider". */
    @SameForAnonymousVisitors
    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (user != null) {
            model.addAttribute("worklist", worklists.of(user));
        }
        return "pages/home";
    }

    /**
     * A statement page (accessibility, privacy): title, heading and lead, then sections of a heading with paragraphs
     * or a bulleted list, and an optional note at the end. All of it message keys; {@code pages/statement} draws it.
     */
    record Statement(String titleKey, String headingKey, String leadKey, List<Section> sections, String noteKey) {}

    /** A section of a statement: its heading, then paragraphs, or items of a list. */
    record Section(String headingKey, List<String> paragraphKeys, List<String> itemKeys) {

        static Section text(String headingKey, String... paragraphKeys) {
            return new Section(headingKey, List.of(paragraphKeys), List.of());
        }

        static Section items(String headingKey, String... itemKeys) {
            return new Section(headingKey, List.of(), List.of(itemKeys));
        }
    }

    static final Statement ACCESSIBILITY = new Statement("accessibility.title", "accessibility.heading",
            "accessibility.lead", List.of(
                    Section.text("accessibility.status.heading", "accessibility.status.text"),
                    Section.items("accessibility.how.heading", "accessibility.how.design",
                            "accessibility.how.noScript", "accessibility.how.tests", "accessibility.how.charts"),
                    Section.text("accessibility.known.heading", "accessibility.known.text"),
                    Section.text("accessibility.feedback.heading", "accessibility.feedback.text",
                            "accessibility.complaint.text")),
            "accessibility.updated");

    static final Statement PRIVACY = new Statement("privacy.title", "privacy.heading", "privacy.lead", List.of(
            Section.text("privacy.controller.heading", "privacy.controller.text"),
            Section.items("privacy.what.heading", "privacy.what.account", "privacy.what.ideas", "privacy.what.audit",
                    "privacy.what.health"),
            Section.text("privacy.why.heading", "privacy.why.text"),
            Section.text("privacy.cookies.heading", "privacy.cookies.text"),
            Section.text("privacy.keep.heading", "privacy.keep.text"),
            Section.text("privacy.rights.heading", "privacy.rights.text", "privacy.complaint.text")),
            null);

    @GetMapping("/tilgaengelighed")
    String accessibility(Model model) {
        model.addAttribute("statement", ACCESSIBILITY);
        return "pages/statement";
    }

    @GetMapping("/privatliv")
    String privacy(Model model) {
        model.addAttribute("statement", PRIVACY);
        return "pages/statement";
    }

    /** The locale itself is changed by the {@code lang} parameter; this only sends the user back. */
    @GetMapping("/sprog")
    String language(@RequestParam(name = "tilbage", defaultValue = "/") String back) {
        return "redirect:" + SafeRedirect.localPath(back);
    }
}
