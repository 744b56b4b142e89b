package dk.tvaers.initiatives.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.initiatives.DocumentRejectedException;
import dk.tvaers.initiatives.Editor;
import dk.tvaers.initiatives.Initiative;
import dk.tvaers.initiatives.InitiativeDocument;
import dk.tvaers.initiatives.InitiativeDocuments;
import dk.tvaers.initiatives.InitiativeFundingSource;
import dk.tvaers.initiatives.InitiativeMembers;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.LaboratoryPriorities;
import dk.tvaers.initiatives.MemberRole;
import dk.tvaers.initiatives.TrialActions;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.Uploads;
import dk.tvaers.shared.FileType;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
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
/** An initiative's members (added and removed by those who manage them) and documents (uploaded by members). */
@Controller
@RequestMapping("/initiativer/{id}")
class InitiativeMemberController {

    /** A member to add: an organisation, or a person given by user name or e-mail (exactly one of them). */
    record MemberForm(Long organisationId,
            @Size(max = 200, message = "{validation.tooLong}") String person,
            @NotNull(message = "{validation.choose}") MemberRole role) {}

    private final InitiativeMembers members;
    private final InitiativeDocuments documents;
    private final OrganisationDirectory organisations;
    private final UserDirectory users;
    private final InitiativeDetailPage detailPage;

    InitiativeMemberController(Initiatives initiatives, TrialActions trialActions, InitiativeMembers members,
            InitiativeDocuments documents, LaboratoryPriorities priorities,
            List<InitiativeFundingSource> fundingSources, OrganisationDirectory organisations, UserDirectory users,
            Clock clock) {
        this.members = members;
        this.documents = documents;
        this.organisations = organisations;
        this.users = users;
        this.detailPage = new InitiativeDetailPage(initiatives, trialActions, members, documents, priorities,
                fundingSources, organisations, users, clock);
    }

    @PostMapping("/medlemmer")
    @RolesAllowed({"STAFF", "INNOVATION_CONSULTANT", "TASK_FORCE"})
    String addMember(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("memberForm") MemberForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Initiative initiative = detailPage.find(id);
        Editor editor = detailPage.editor(principal);
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
            return detailPage.render(id, model);
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
            return detailPage.render(id, model);
        }
        Flash.notice(redirect, "member.added");
        return "redirect:/initiativer/" + id + "#medlemmer";
    }

    @PostMapping("/medlemmer/{memberId}/fjern")
    @RolesAllowed({"STAFF", "INNOVATION_CONSULTANT", "TASK_FORCE"})
    String removeMember(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @PathVariable long memberId, RedirectAttributes redirect) {
        members.remove(id, memberId, detailPage.editor(principal));
        Flash.notice(redirect, "member.removed");
        return "redirect:/initiativer/" + id + "#medlemmer";
    }

    /** Any signed-in user may try; the service lets only members and those who manage them upload. */
    @PostMapping("/dokumenter")
    @PermitAll
    String upload(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) {
        Initiative initiative = detailPage.find(id);
        Editor editor = detailPage.editor(principal);
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
            return detailPage.render(id, model);
        }
        Flash.notice(redirect, "document.uploaded");
        return "redirect:/initiativer/" + id + "#dokumenter";
    }

    @GetMapping("/dokumenter/{documentId}")
    @PermitAll
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long documentId) {
        detailPage.find(id);
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
}
