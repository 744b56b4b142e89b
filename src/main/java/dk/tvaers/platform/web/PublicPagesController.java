package dk.tvaers.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The front page, the accessibility statement, the privacy page and the language switch. */
@Controller
class PublicPagesController {

    @GetMapping("/")
    String home() {
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
