package dk.tvaers.applications.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.applications.Application;
import dk.tvaers.applications.ApplicationRuleException;
import dk.tvaers.applications.ApplicationStatus;
import dk.tvaers.applications.ApplicationVersion;
import dk.tvaers.applications.Applications;
import dk.tvaers.applications.Consortia;
import dk.tvaers.applications.Consortium;
import dk.tvaers.applications.Decisions;
import dk.tvaers.applications.NewAttachment;
import dk.tvaers.applications.Reviews;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.SelectOption;
import dk.tvaers.platform.web.Confirmation;
import dk.tvaers.platform.web.Uploads;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.context.MessageSource;
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
 * An application: its page with every version, the form (save a draft, submit, or submit a new version), its
 * attachments and its decision letter. The people of the consortium see it always; the Task Force once submitted.
 */
@Controller
@RequestMapping("/ansoegninger/{id:\\d+}")
@PermitAll
class ApplicationController {

    static final int MAX_ATTACHMENTS = 5;

    private final Applications applications;
    private final Consortia consortia;
    private final Reviews reviews;
    private final Decisions decisions;
    private final MessageSource messages;

    ApplicationController(Applications applications, Consortia consortia, Reviews reviews, Decisions decisions,
            MessageSource messages) {
        this.applications = applications;
        this.consortia = consortia;
        this.reviews = reviews;
        this.decisions = decisions;
        this.messages = messages;
    }

    @GetMapping
    String show(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Model model) {
        Application application = visible(principal, id);
        model.addAttribute("app", application);
        model.addAttribute("version", applications.latest(id));
        model.addAttribute("versions", applications.versions(id));
        model.addAttribute("editor", consortia.mayEdit(application.consortiumId(), principal.userId())
                && application.status() != ApplicationStatus.DECIDED);
        model.addAttribute("taskForce", principal.roles().contains(Role.TASK_FORCE));
        model.addAttribute("reviews", principal.roles().contains(Role.TASK_FORCE) ? reviews.of(id) : List.of());
        model.addAttribute("decision", decisions.of(id).orElse(null));
        model.addAttribute("step", reviews.step(application));
        return "applications/application";
    }

    @GetMapping("/versioner/{version:\\d+}")
    String version(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @PathVariable int version, Model model) {
        Application application = visible(principal, id);
        model.addAttribute("app", application);
        model.addAttribute("version", applications.version(id, version));
        return "applications/version";
    }

    @GetMapping("/rediger")
    String edit(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Model model) {
        Application application = editable(principal, id);
        model.addAttribute("form", ApplicationForm.of(applications.latest(id)));
        return form(application, model);
    }

    @PostMapping("/rediger")
    String save(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @RequestParam(name = "action", defaultValue = "gem") String action,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files,
            @Valid @ModelAttribute("form") ApplicationForm form, BindingResult errors,
            @RequestParam(name = Confirmation.PARAMETER, required = false) String confirmed, Model model,
            RedirectAttributes redirect) {
        Application application = editable(principal, id);
        if (action.equals("indsend") && !Confirmation.given(confirmed)) {
            errors.reject(Confirmation.MISSING);
            model.addAttribute("confirmMissing", true);
        }
        List<NewAttachment> attachments = Uploads.read(files, MAX_ATTACHMENTS, errors).stream()
                .map(upload -> new NewAttachment(upload.filename(), upload.type(), upload.content())).toList();
        Optional<dk.tvaers.applications.ApplicationContent> content = form.content(errors);
        if (!errors.hasErrors() && content.isPresent()) {
            try {
                if (application.draft()) {
                    applications.saveDraft(id, content.get(), attachments, Problems.actor(principal));
                    if (action.equals("indsend")) {
                        try {
                            applications.submit(id, Problems.actor(principal));
                        } catch (ApplicationRuleException e) {
                            Problems.reject(errors, e, messages);
                            errors.reject("application.draftSavedAnyway");
                            return form(applications.find(id), model);
                        }
                        Flash.notice(redirect, "application.submitted");
                    } else {
                        Flash.notice(redirect, "application.saved");
                        return "redirect:/ansoegninger/" + id + "/rediger";
                    }
                } else {
                    int version = applications.revise(id, content.get(), attachments, Problems.actor(principal));
                    Flash.notice(redirect, "application.revised", version);
                }
                return "redirect:/ansoegninger/" + id;
            } catch (ApplicationRuleException e) {
                Problems.reject(errors, e, messages);
            }
        }
        return form(application, model);
    }

    @PostMapping("/bilag/{attachment:\\d+}/fjern")
    String removeAttachment(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @PathVariable long attachment, RedirectAttributes redirect) {
        editable(principal, id);
        applications.removeAttachment(id, attachment);
        Flash.notice(redirect, "application.attachment.removed");
        return "redirect:/ansoegninger/" + id + "/rediger";
    }

    @GetMapping("/bilag/{attachment:\\d+}")
    ResponseEntity<byte[]> attachment(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @PathVariable long attachment) {
        visible(principal, id);
        ApplicationVersion.Attachment meta = applications.versions(id).stream()
                .flatMap(v -> applications.version(id, v.version()).attachments().stream())
                .filter(a -> a.id() == attachment).findFirst()
                .orElseThrow(() -> new NotFoundException("attachment", attachment));
        byte[] content = applications.attachmentContent(id, attachment).orElseThrow();
        return download(content, meta.contentType(), meta.filename());
    }

    @GetMapping("/afgoerelsesbrev.pdf")
    ResponseEntity<byte[]> letter(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id) {
        visible(principal, id);
        byte[] letter = decisions.letter(id).orElseThrow(() -> new NotFoundException("decision letter", id));
        return download(letter, MediaType.APPLICATION_PDF_VALUE, "afgoerelsesbrev-" + id + ".pdf");
    }

    private static ResponseEntity<byte[]> download(byte[] content, String type, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    /** The people of the consortium see the application; the Task Force once it is submitted; others not at all. */
    private Application visible(AccountPrincipal principal, long id) {
        Application application = applications.find(id);
        boolean inside = consortia.isInside(application.consortiumId(), principal.userId());
        boolean taskForce = principal.roles().contains(Role.TASK_FORCE) && !application.draft();
        if (!inside && !taskForce) {
            throw new NotFoundException("application", id);
        }
        return application;
    }

    private Application editable(AccountPrincipal principal, long id) {
        Application application = applications.find(id);
        if (!consortia.mayEdit(application.consortiumId(), principal.userId())) {
            throw new NotFoundException("application", id);
        }
        return application;
    }

    private String form(Application application, Model model) {
        Consortium consortium = consortia.find(application.consortiumId());
        model.addAttribute("app", application);
        model.addAttribute("consortium", consortium);
        model.addAttribute("attachments", application.draft() ? applications.version(application.id(), 1).attachments()
                : applications.latest(application.id()).attachments());
        model.addAttribute("typeOptions", SelectOption.ofEnum(InnovationType.values(), InnovationType::messageKey));
        model.addAttribute("partnerOptions", consortium.members().stream()
                .map(m -> SelectOption.ofLabel(String.valueOf(m.organisationId()), m.name())).toList());
        return "applications/form";
    }
}
