package dk.tvaers.initiatives.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.Organisation;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.initiatives.Initiative;
import dk.tvaers.initiatives.InitiativeDocuments;
import dk.tvaers.initiatives.InitiativeFundingSource;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.InitiativeMembers;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.LaboratoryPriorities;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.initiatives.Phase;
import dk.tvaers.initiatives.TrialAction;
import dk.tvaers.initiatives.TrialActions;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.ListPage;
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
import java.util.List;
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

/**
 * The initiatives: list, page with phase history, trial actions, members, documents and the grants paying for it;
 * start one, move its phase, add and remove members, upload and download documents.
 */
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
    private final InitiativeDetailPage detailPage;

    InitiativeController(Initiatives initiatives, TrialActions trialActions, InitiativeMembers members,
            InitiativeDocuments documents, LaboratoryPriorities priorities,
            List<InitiativeFundingSource> fundingSources, OrganisationDirectory organisations, UserDirectory users,
            Clock clock) {
        this.initiatives = initiatives;
        this.trialActions = trialActions;
        this.organisations = organisations;
        this.detailPage = new InitiativeDetailPage(initiatives, trialActions, members, documents, priorities,
                fundingSources, organisations, users, clock);
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
        model.addAttribute("list", ListPage.of("/initiativer",
                        initiatives.search(filter, PageOf.clampPage(page), PageOf.DEFAULT_SIZE))
                .filter("q", text).filter("fase", phase).filter("type", kind).filter("sektor", sector));
        model.addAttribute("phases", Phase.values());
        model.addAttribute("kinds", InitiativeKind.values());
        model.addAttribute("sectors", Sector.values());
        return ListPage.view("initiatives/list", htmx.isHtmxRequest());
    }

    @GetMapping("/{id}")
    @PermitAll
    String show(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Model model) {
        model.addAttribute("editor", detailPage.editor(principal));
        return detailPage.render(id, model);
    }





    @PostMapping("/{id}/fase")
    @RolesAllowed({"INNOVATION_CONSULTANT", "TASK_FORCE"})
    String movePhase(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("phaseForm") PhaseForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Initiative initiative = detailPage.find(id);
        if (!errors.hasErrors() && form.phase() == initiative.phase()) {
            errors.rejectValue("phase", "initiative.phase.error.same");
        }
        if (errors.hasErrors()) {
            return detailPage.render(id, model);
        }
        initiatives.movePhase(id, form.phase(), form.note(), actor(principal));
        Flash.notice(redirect, "initiative.phase.moved");
        return "redirect:/initiativer/" + id;
    }

    @PostMapping("/{id}/proevehandlinger")
    @RolesAllowed({"STAFF", "INNOVATION_CONSULTANT", "TASK_FORCE"})
    String startTrialAction(@PathVariable long id, @Valid @ModelAttribute("trialForm") TrialForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        detailPage.find(id);
        if (errors.hasErrors()) {
            return detailPage.render(id, model);
        }
        trialActions.start(id, form.hypothesis(), form.startedOn());
        Flash.notice(redirect, "trialActions.started");
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
            return detailPage.render(id, model);
        }
        trialActions.decide(actionId, form.observation(), form.choice(), actor(principal));
        Flash.notice(redirect, "trialActions.decided");
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
        Flash.notice(redirect, "initiative.created");
        return "redirect:/initiativer/" + id;
    }


    private String form(Model model) {
        model.addAttribute("kindOptions", SelectOption.ofEnum(InitiativeKind.values(), InitiativeKind::messageKey));
        model.addAttribute("typeOptions", SelectOption.ofEnum(InnovationType.values(), InnovationType::messageKey));
        model.addAttribute("sectorOptions", SelectOption.ofEnum(Sector.values(), Sector::messageKey));
        model.addAttribute("organisationOptions",
                SelectOption.of(organisations.allActive(), Organisation::id, Organisation::name));
        return "initiatives/form";
    }



    private static Actor actor(AccountPrincipal principal) {
        return new Actor(principal.userId(), principal.displayName());
    }
}
