package dk.tvaers.initiatives.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.Organisation;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.initiatives.DocumentRejectedException;
import dk.tvaers.initiatives.Editor;
import dk.tvaers.initiatives.Initiative;
import dk.tvaers.initiatives.InitiativeDocument;
import dk.tvaers.initiatives.InitiativeDocuments;
import dk.tvaers.initiatives.InitiativeFundingSource;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.InitiativeMembers;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.LaboratoryPriorities;
import dk.tvaers.initiatives.MemberRole;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.initiatives.Phase;
import dk.tvaers.initiatives.TrialAction;
import dk.tvaers.initiatives.TrialActions;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.platform.web.SelectOption;
import dk.tvaers.platform.web.Uploads;
import dk.tvaers.shared.FileType;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;
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

    /** A member to add: an organisation, or a person given by user name or e-mail (exactly one of them). */
    record MemberForm(Long organisationId,
            @Size(max = 200, message = "{validation.tooLong}") String person,
            @NotNull(message = "{validation.choose}") MemberRole role) {}

    private final Initiatives initiatives;
    private final TrialActions trialActions;
    private final InitiativeMembers members;
    private final InitiativeDocuments documents;
    private final LaboratoryPriorities priorities;
    private final List<InitiativeFundingSource> fundingSources;
    private final OrganisationDirectory organisations;
    private final UserDirectory users;
    private final Clock clock;

    InitiativeController(Initiatives initiatives, TrialActions trialActions, InitiativeMembers members,
            InitiativeDocuments documents, LaboratoryPriorities priorities,
            List<InitiativeFundingSource> fundingSources, OrganisationDirectory organisations, UserDirectory users,
            Clock clock) {
        this.initiatives = initiatives;
        this.trialActions = trialActions;
        this.members = members;
        this.documents = documents;
        this.priorities = priorities;
        this.fundingSources = fundingSources;
        this.organisations = organisations;
        this.users = users;
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
    String show(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Model model) {
        model.addAttribute("editor", editor(principal));
        return detail(id, model);
    }

    @PostMapping("/{id}/medlemmer")
    @RolesAllowed({"STAFF", "INNOVATION_CONSULTANT", "TASK_FORCE"})
    String addMember(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("memberForm") MemberForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Initiative initiative = find(id);
        Editor editor = editor(principal);
        if (!members.mayManage(initiative, editor)) {
            throw new org.springframework.security.access.AccessDeniedException("not a manager of " + id);
        }
        boolean hasPerson = form.person() != null && !form.person().isBlank();
        Optional<UserAccount> person = Optional.empty();
        if ((form.organisationId() == null) == !hasPerson) {
            errors.rejectValue("organisationId", "member.error.organisationOrPerson");
        } else if (hasPerson) {
            person = users.findByLogin(form.person().strip()).filter(UserAccount::active);
            if (person.isEmpty()) {
                errors.rejectValue("person", "member.error.unknownPerson");
            }
        } else if (organisations.find(form.organisationId()).isEmpty()) {
            errors.rejectValue("organisationId", "validation.choose");
        }
        if (errors.hasErrors()) {
            model.addAttribute("editor", editor);
            return detail(id, model);
        }
        try {
            if (person.isPresent()) {
                members.addPerson(id, person.get().id(), form.role(), editor);
            } else {
                members.addOrganisation(id, form.organisationId(), form.role(), editor);
            }
        } catch (IllegalStateException alreadyMember) {
            errors.rejectValue(hasPerson ? "person" : "organisationId", "member.error.already");
            model.addAttribute("editor", editor);
            return detail(id, model);
        }
        redirect.addFlashAttribute("notice", "member.added");
        return "redirect:/initiativer/" + id + "#medlemmer";
    }

    @PostMapping("/{id}/medlemmer/{memberId}/fjern")
    @RolesAllowed({"STAFF", "INNOVATION_CONSULTANT", "TASK_FORCE"})
    String removeMember(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @PathVariable long memberId, RedirectAttributes redirect) {
        members.remove(id, memberId, editor(principal));
        redirect.addFlashAttribute("notice", "member.removed");
        return "redirect:/initiativer/" + id + "#medlemmer";
    }

    /** Any signed-in user may try; the service lets only members and those who manage them upload. */
    @PostMapping("/{id}/dokumenter")
    @PermitAll
    String upload(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) {
        Initiative initiative = find(id);
        Editor editor = editor(principal);
        if (!members.mayContribute(initiative, editor)) {
            throw new org.springframework.security.access.AccessDeniedException("not a member of " + id);
        }
        String refused = null;
        if (file == null || file.isEmpty()) {
            refused = "document.error.empty";
        } else if (file.getSize() > FileType.MAX_BYTES) {
            refused = "document.error.tooLarge";
        } else {
            try {
                documents.upload(id, Uploads.filename(file), file.getBytes(), editor);
            } catch (DocumentRejectedException e) {
                refused = e.messageKey();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (refused != null) {
            model.addAttribute("editor", editor);
            model.addAttribute("documentError", refused);
            return detail(id, model);
        }
        redirect.addFlashAttribute("notice", "document.uploaded");
        return "redirect:/initiativer/" + id + "#dokumenter";
    }

    @GetMapping("/{id}/dokumenter/{documentId}")
    @PermitAll
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long documentId) {
        find(id);
        InitiativeDocument meta = documents.of(id).stream().filter(d -> d.id() == documentId).findFirst()
                .orElseThrow(() -> new NotFoundException("document", documentId));
        byte[] content = documents.content(id, documentId).orElseThrow();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(meta.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(meta.filename(), StandardCharsets.UTF_8).build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
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
        Initiative initiative = (Initiative) model.getAttribute("initiative");
        if (!model.containsAttribute("editor")) {
            var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                    .getAuthentication();
            model.addAttribute("editor", authentication != null
                    && authentication.getPrincipal() instanceof AccountPrincipal principal ? editor(principal) : null);
        }
        Editor editor = (Editor) model.getAttribute("editor");
        model.addAttribute("members", members.of(id));
        model.addAttribute("mayManageMembers", members.mayManage(initiative, editor));
        model.addAttribute("mayUpload", members.mayContribute(initiative, editor));
        model.addAttribute("documents", documents.of(id));
        model.addAttribute("maxDocumentMegabytes", FileType.MAX_BYTES / (1024 * 1024));
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("grants", fundingSources.stream().flatMap(s -> s.grantsOf(id, today).stream()).toList());
        if (initiative.kind() == InitiativeKind.LABORATORY) {
            model.addAttribute("priorityRank", priorities.rankOf(id).orElse(null));
        }
        if (!model.containsAttribute("memberForm")) {
            model.addAttribute("memberForm", new MemberForm(null, "", null));
        }
        model.addAttribute("memberRoleOptions", SelectOption.ofEnum(MemberRole.values(), MemberRole::messageKey));
        model.addAttribute("organisationOptions",
                SelectOption.of(organisations.allActive(), Organisation::id, Organisation::name));
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

    private Editor editor(AccountPrincipal principal) {
        if (principal == null) {
            return null;
        }
        Long organisationId = users.find(principal.userId()).map(UserAccount::organisationId).orElse(null);
        return new Editor(principal.userId(), principal.displayName(), organisationId, principal.roles());
    }

    private static Actor actor(AccountPrincipal principal) {
        return new Actor(principal.userId(), principal.displayName());
    }
}
