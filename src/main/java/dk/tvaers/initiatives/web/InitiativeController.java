package dk.tvaers.initiatives.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.Organisation;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.initiatives.Initiative;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.initiatives.Phase;
import dk.tvaers.initiatives.TrialAction;
import dk.tvaers.initiatives.TrialActions;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.platform.web.SelectOption;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Sector;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
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

/** The initiatives: list, page with phase history and trial actions, start one, move its phase. */
@Controller
@RequestMapping("/initiativer")
class InitiativeController {

    record InitiativeForm(
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}")
            String title,
            @Size(max = 4000, message = "{validation.tooLong}") String summary,
            @NotNull(message = "{validation.choose}") InitiativeKind kind,
            @NotNull(message = "{validation.choose}") InnovationType innovationType,
            Long ownerOrganisationId,
            @NotEmpty(message = "{validation.chooseAtLeastOne}") Set<Sector> sectors) {}

    record PhaseForm(@NotNull(message = "{validation.choose}") Phase phase,
            @Size(max = 2000, message = "{validation.tooLong}") String note) {}

    record TrialForm(
            @NotBlank(message = "{validation.required}") @Size(max = 500, message = "{validation.tooLong}")
            String hypothesis,
            @NotNull(message = "{validation.date}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedOn) {}

    record DecisionForm(
            @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}")
            String observation,
            @NotNull(message = "{validation.choose}") TrialAction.Choice choice) {}

    private final Initiatives initiatives;
    private final TrialActions trialActions;
    private final OrganisationDirectory organisations;
    private final Clock clock;

    InitiativeController(Initiatives initiatives, TrialActions trialActions, OrganisationDirectory organisations,
            Clock clock) {
        this.initiatives = initiatives;
        this.trialActions = trialActions;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping
    @PermitAll
    String list(@RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "fase", required = false) Phase phase,
            @RequestParam(name = "type", required = false) InitiativeKind kind,
            @RequestParam(name = "sektor", required = false) Sector sector,
            @RequestParam(name = "side", required = false) Integer page,
            HtmxRequest htmx, Model model) {
        var filter = new Initiatives.Filter(text, phase, kind, sector);
        model.addAttribute("page", initiatives.search(filter, PageOf.clampPage(page), PageOf.DEFAULT_SIZE));
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("fase", phase);
        model.addAttribute("type", kind);
        model.addAttribute("sektor", sector);
        model.addAttribute("phases", Phase.values());
        model.addAttribute("kinds", InitiativeKind.values());
        model.addAttribute("sectors", Sector.values());
        return htmx.isHtmxRequest() ? "initiatives/list :: results" : "initiatives/list";
    }

    @GetMapping("/{id}")
    @PermitAll
    String show(@PathVariable long id, Model model) {
        return detail(id, model);
    }

    @PostMapping("/{id}/fase")
    @RolesAllowed({"INNOVATION_CONSULTANT", "TASK_FORCE"})
    String movePhase(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("phaseForm") PhaseForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Initiative initiative = find(id);
        if (!errors.hasErrors() && form.phase() == initiative.phase()) {
            errors.rejectValue("phase", "initiative.phase.error.same");
        }
        if (errors.hasErrors()) {
            return detail(id, model);
        }
        initiatives.movePhase(id, form.phase(), form.note(), actor(principal));
        redirect.addFlashAttribute("notice", "initiative.phase.moved");
        return "redirect:/initiativer/" + id;
    }

    @PostMapping("/{id}/proevehandlinger")
    @RolesAllowed({"STAFF", "INNOVATION_CONSULTANT", "TASK_FORCE"})
    String startTrialAction(@PathVariable long id, @Valid @ModelAttribute("trialForm") TrialForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        find(id);
        if (errors.hasErrors()) {
            return detail(id, model);
        }
        trialActions.start(id, form.hypothesis(), form.startedOn());
        redirect.addFlashAttribute("notice", "trialActions.started");
        return "redirect:/initiativer/" + id + "#proevehandlinger";
    }

    @PostMapping("/{id}/proevehandlinger/{actionId}/beslutning")
    @RolesAllowed({"STAFF", "INNOVATION_CONSULTANT", "TASK_FORCE"})
    String decideTrialAction(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @PathVariable long actionId, @Valid @ModelAttribute("decisionForm") DecisionForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        TrialAction action = trialActions.find(actionId);
        if (action.initiativeId() != id) {
            throw new NotFoundException("trial action", actionId);
        }
        if (!errors.hasErrors() && !action.open()) {
            errors.reject("trialAction.error.stopped");
        }
        if (errors.hasErrors()) {
            model.addAttribute("decisionActionId", actionId);
            return detail(id, model);
        }
        trialActions.decide(actionId, form.observation(), form.choice(), actor(principal));
        redirect.addFlashAttribute("notice", "trialActions.decided");
        return "redirect:/initiativer/" + id + "#proevehandlinger";
    }

    @GetMapping("/ny")
    @RolesAllowed({"INNOVATION_CONSULTANT", "TASK_FORCE"})
    String newForm(Model model) {
        model.addAttribute("form", new InitiativeForm("", "", null, null, null, EnumSet.noneOf(Sector.class)));
        return form(model);
    }

    @PostMapping("/ny")
    @RolesAllowed({"INNOVATION_CONSULTANT", "TASK_FORCE"})
    String create(@AuthenticationPrincipal AccountPrincipal principal,
            @Valid @ModelAttribute("form") InitiativeForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return form(model);
        }
        long id = initiatives.start(new NewInitiative(form.title(), form.summary(), form.kind(), form.innovationType(),
                form.ownerOrganisationId(), EnumSet.copyOf(form.sectors()), null), actor(principal));
        redirect.addFlashAttribute("notice", "initiative.created");
        return "redirect:/initiativer/" + id;
    }

    private String detail(long id, Model model) {
        model.addAttribute("initiative", find(id));
        model.addAttribute("history", initiatives.history(id));
        model.addAttribute("phaseOptions", SelectOption.ofEnum(Phase.values(), Phase::messageKey));
        model.addAttribute("trialActions", trialActions.of(id));
        model.addAttribute("choices", TrialAction.Choice.values());
        if (!model.containsAttribute("phaseForm")) {
            model.addAttribute("phaseForm", new PhaseForm(null, ""));
        }
        if (!model.containsAttribute("trialForm")) {
            model.addAttribute("trialForm", new TrialForm("", LocalDate.now(clock)));
        }
        if (!model.containsAttribute("decisionForm")) {
            model.addAttribute("decisionForm", new DecisionForm("", null));
        }
        return "initiatives/detail";
    }

    private String form(Model model) {
        model.addAttribute("kindOptions", SelectOption.ofEnum(InitiativeKind.values(), InitiativeKind::messageKey));
        model.addAttribute("typeOptions", SelectOption.ofEnum(InnovationType.values(), InnovationType::messageKey));
        model.addAttribute("sectorOptions", SelectOption.ofEnum(Sector.values(), Sector::messageKey));
        model.addAttribute("organisationOptions",
                SelectOption.of(organisations.allActive(), Organisation::id, Organisation::name));
        return "initiatives/form";
    }

    private Initiative find(long id) {
        return initiatives.find(id).orElseThrow(() -> new NotFoundException("initiative", id));
    }

    private static Actor actor(AccountPrincipal principal) {
        return new Actor(principal.userId(), principal.displayName());
    }
}
