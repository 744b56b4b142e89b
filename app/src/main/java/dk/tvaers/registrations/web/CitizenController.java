package dk.tvaers.registrations.web;

import dk.tvaers.registrations.CourseShares;
import dk.tvaers.registrations.Pro;
import dk.tvaers.registrations.Questionnaire;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The citizen's pages, without an account, through a personal link (public paths, rate-limited per client address
 * like every mailed link): the PRO questionnaire ({@code /pro}) and the shared course ({@code /mit-forloeb}). A link
 * that is unknown, used or expired says so, and nothing else.
 */
@Controller
class CitizenController {

    private final Pro pro;
    private final CourseShares shares;

    CitizenController(Pro pro, CourseShares shares) {
        this.pro = pro;
        this.shares = shares;
    }

    @GetMapping("/pro")
    String questionnaire(@RequestParam(name = "noegle", defaultValue = "") String token, Model model) {
        Optional<Pro.OpenLink> link = pro.open(token);
        if (link.isEmpty()) {
            return "registrations/link-invalid";
        }
        model.addAttribute("token", token);
        model.addAttribute("questionnaire", link.get().questionnaire());
        model.addAttribute("answers", Map.of());
        model.addAttribute("missing", java.util.List.of());
        return "registrations/pro";
    }

    @PostMapping("/pro")
    String answer(@RequestParam(name = "noegle", defaultValue = "") String token,
            @RequestParam Map<String, String> parameters, Model model) {
        Optional<Pro.OpenLink> link = pro.open(token);
        if (link.isEmpty()) {
            return "registrations/link-invalid";
        }
        Questionnaire q = link.get().questionnaire();
        Map<String, Integer> answers = new LinkedHashMap<>();
        var missing = new java.util.ArrayList<String>();
        for (Questionnaire.Item item : q.items()) {
            String raw = parameters.get("i_" + item.code());
            try {
                int level = Integer.parseInt(raw == null ? "" : raw);
                if (level >= 1 && level <= item.levels().size()) {
                    answers.put(item.code(), level);
                    continue;
                }
            } catch (NumberFormatException e) {
                // unanswered
            }
            missing.add(item.code());
        }
        if (!missing.isEmpty()) {
            model.addAttribute("token", token);
            model.addAttribute("questionnaire", q);
            model.addAttribute("answers", new HashMap<>(answers));
            model.addAttribute("missing", missing);
            model.addAttribute("missingItems", q.items().stream().filter(i -> missing.contains(i.code())).toList());
            return "registrations/pro";
        }
        Optional<Questionnaire.Scored> scored = pro.answer(token, answers);
        if (scored.isEmpty()) {
            return "registrations/link-invalid";
        }
        model.addAttribute("scored", scored.get());
        return "registrations/pro-thanks";
    }

    @GetMapping("/mit-forloeb")
    String sharedCourse(@RequestParam(name = "noegle", defaultValue = "") String token, Model model) {
        return shares.shared(token).map(view -> {
            model.addAttribute("view", view);
            model.addAttribute("answers", pro.answers(view.course().id()));
            return "registrations/shared";
        }).orElse("registrations/link-invalid");
    }
}
