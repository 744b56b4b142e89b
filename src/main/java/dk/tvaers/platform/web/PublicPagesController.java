package dk.tvaers.platform.web;

import dk.tvaers.platform.security.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (user != null) {
            model.addAttribute("worklist", worklists.of(user));
        }
        return "pages/home";
    }

    @GetMapping("/tilgaengelighed")
    String accessibility() {
        return "pages/accessibility";
    }

    @GetMapping("/privatliv")
    String privacy() {
        return "pages/privacy";
    }

    /** The locale itself is changed by the {@code lang} parameter; this only sends the user back. */
    @GetMapping("/sprog")
    String language(@RequestParam(name = "tilbage", defaultValue = "/") String back) {
        return "redirect:" + SafeRedirect.localPath(back);
    }
}
