package dk.tvaers.platform.web;

import dk.tvaers.platform.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "Mine sider": what waits for the signed-in user in each of their roles, with counts. */
@Controller
class WorklistController {

    private final Worklists worklists;

    WorklistController(Worklists worklists) {
        this.worklists = worklists;
    }

    @PermitAll
    @GetMapping("/mine-sider")
    String mine(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("worklist", worklists.of(user));
        return "pages/worklist";
    }
}
