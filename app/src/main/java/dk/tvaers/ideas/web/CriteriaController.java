package dk.tvaers.ideas.web;

import dk.tvaers.platform.web.Flash;
import dk.tvaers.ideas.IdeaClinic;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The scorecard's criteria, maintained by an administrator: add one, or take one out of (and back into) use. */
@Controller
@RolesAllowed("ADMINISTRATOR")
class CriteriaController {

    record CriterionForm(@NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}")
            String name) {}

    private final IdeaClinic clinic;

    CriteriaController(IdeaClinic clinic) {
        this.clinic = clinic;
    }

    @GetMapping("/admin/kriterier")
    String list(Model model) {
        model.addAttribute("form", new CriterionForm(""));
        return page(model);
    }

    @PostMapping("/admin/kriterier")
    String add(@Valid @ModelAttribute("form") CriterionForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return page(model);
        }
        clinic.addCriterion(form.name());
        Flash.notice(redirect, "criteria.added");
        return "redirect:/admin/kriterier";
    }

    @PostMapping("/admin/kriterier/{id}/aktiv")
    String setActive(@PathVariable long id, @RequestParam(name = "active", defaultValue = "false") boolean active,
            RedirectAttributes redirect) {
        clinic.setCriterionActive(id, active);
        Flash.notice(redirect, active ? "criteria.activated" : "criteria.deactivated");
        return "redirect:/admin/kriterier";
    }

    private String page(Model model) {
        model.addAttribute("criteria", clinic.criteria(false));
        return "ideas/criteria";
    }
}
