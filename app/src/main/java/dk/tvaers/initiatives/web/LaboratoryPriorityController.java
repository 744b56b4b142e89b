package dk.tvaers.initiatives.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.initiatives.Initiative;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.LaboratoryPriorities;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.NotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The laboratories in the steering group's priority order; the Task Force (as steering group) sets it. */
@Controller
@RequestMapping("/initiativer/laboratorier")
class LaboratoryPriorityController {

    record PriorityForm(
            @NotNull(message = "{validation.required}") @Min(value = 1, message = "{priority.error.rank}")
            @Max(value = 999, message = "{priority.error.rank}") Integer rank,
            @Size(max = 2000, message = "{validation.tooLong}") String note) {}

    private final Initiatives initiatives;
    private final LaboratoryPriorities priorities;

    LaboratoryPriorityController(Initiatives initiatives, LaboratoryPriorities priorities) {
        this.initiatives = initiatives;
        this.priorities = priorities;
    }

    @GetMapping
    @PermitAll
    String list(Model model) {
        model.addAttribute("laboratories", priorities.ranked());
        return "initiatives/laboratories";
    }

    @GetMapping("/{id}/prioritet")
    @PermitAll
    String show(@PathVariable long id, Model model) {
        Initiative laboratory = laboratory(id);
        model.addAttribute("form", new PriorityForm(priorities.rankOf(id).orElse(null), ""));
        return page(laboratory, model);
    }

    @PostMapping("/{id}/prioritet")
    @RolesAllowed("TASK_FORCE")
    String prioritise(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("form") PriorityForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Initiative laboratory = laboratory(id);
        if (errors.hasErrors()) {
            return page(laboratory, model);
        }
        priorities.prioritise(id, form.rank(), form.note(), new Actor(principal.userId(), principal.displayName()));
        Flash.notice(redirect, "priority.changed");
        return "redirect:/initiativer/laboratorier";
    }

    private String page(Initiative laboratory, Model model) {
        model.addAttribute("laboratory", laboratory);
        model.addAttribute("rank", priorities.rankOf(laboratory.id()).orElse(null));
        model.addAttribute("history", priorities.history(laboratory.id()));
        return "initiatives/priority";
    }

    private Initiative laboratory(long id) {
        return initiatives.find(id).filter(i -> i.kind() == InitiativeKind.LABORATORY)
                .orElseThrow(() -> new NotFoundException("laboratory", id));
    }
}
