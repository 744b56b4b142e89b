package dk.tvaers.initiatives.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Organisation;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.initiatives.Editor;
import dk.tvaers.initiatives.Editors;
import dk.tvaers.initiatives.Initiative;
import dk.tvaers.initiatives.InitiativeDocuments;
import dk.tvaers.initiatives.InitiativeFundingSource;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.InitiativeMembers;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.LaboratoryPriorities;
import dk.tvaers.initiatives.MemberRole;
import dk.tvaers.initiatives.Phase;
import dk.tvaers.initiatives.TrialAction;
import dk.tvaers.initiatives.TrialActions;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.SelectOption;
import dk.tvaers.shared.FileType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.ui.Model;

/**
 * The initiatives: list, page with phase history, trial actions, members, documents and the grants paying for it;
 * start one, move its phase, add and remove members, upload and download documents.
 */
/**
 * The initiative's detail page as the controllers render it, also again with a form's errors: the initiative, its
 * phase history, trial actions, members, documents, grants and (for a laboratory) its priority, with what the
 * signed-in user may do. Shared by {@link InitiativeController} and {@link InitiativeMemberController}.
 */
final class InitiativeDetailPage {

    private final Initiatives initiatives;
    private final TrialActions trialActions;
    private final InitiativeMembers members;
    private final InitiativeDocuments documents;
    private final LaboratoryPriorities priorities;
    private final List<InitiativeFundingSource> fundingSources;
    private final OrganisationDirectory organisations;
    private final Editors editors;
    private final Clock clock;

    InitiativeDetailPage(Initiatives initiatives, TrialActions trialActions, InitiativeMembers members,
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
        this.editors = new Editors(users);
        this.clock = clock;
    }

    /** Fills the model of the detail page (keeping forms with errors already in it) and names its template. */
    String render(long id, Model model) {
        model.addAttribute("initiative", find(id));
        model.addAttribute("history", initiatives.history(id));
        model.addAttribute("phaseOptions", SelectOption.ofEnum(Phase.values(), Phase::messageKey));
        model.addAttribute("trialActions", trialActions.of(id));
        model.addAttribute("choices", TrialAction.Choice.values());
        if (!model.containsAttribute("phaseForm")) {
            model.addAttribute("phaseForm", new InitiativeController.PhaseForm(null, ""));
        }
        if (!model.containsAttribute("trialForm")) {
            model.addAttribute("trialForm", new InitiativeController.TrialForm("", LocalDate.now(clock)));
        }
        if (!model.containsAttribute("decisionForm")) {
            model.addAttribute("decisionForm", new InitiativeController.DecisionForm("", null));
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
            model.addAttribute("memberForm", new InitiativeMemberController.MemberForm(null, "", null));
        }
        model.addAttribute("memberRoleOptions", SelectOption.ofEnum(MemberRole.values(), MemberRole::messageKey));
        model.addAttribute("organisationOptions",
                SelectOption.of(organisations.allActive(), Organisation::id, Organisation::name));
        return "initiatives/detail";
    }

    Initiative find(long id) {
        return initiatives.find(id).orElseThrow(() -> new NotFoundException("initiative", id));
    }

    /** The signed-in user as the initiatives module judges rights (null when not signed in). */
    Editor editor(AccountPrincipal principal) {
        return editors.of(principal);
    }
}
