package dk.tvaers.ideas.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.ideas.IdeaSimilarity;
import dk.tvaers.ideas.Ideas;
import dk.tvaers.ideas.NewIdea;
import dk.tvaers.ideas.Submitter;
import dk.tvaers.platform.mail.Mailer;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.SelectOption;
import dk.tvaers.platform.web.Uploads;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Submitting an idea — open to everyone: a logged-in user submits at once, a person without an account gives name
 * and e-mail and confirms a mailed link, staff may submit for a citizen. Also the similar-ideas suggestion (an htmx
 * fragment while typing, or the "check" button without JavaScript) and the confirmation link.
 */
@Controller
class IdeaSubmissionController {

    static final int SIMILAR_LIMIT = 5;
    static final int MAX_ATTACHMENTS = 5;

    /** The session remembers the idea its visitor submitted without an account, so only they can resend its mail. */
    static final String AWAITING = IdeaSubmissionController.class.getName() + ".AWAITING";
    /** Resending the confirmation mail: at most this often, and this many times per idea in a session. */
    static final Duration RESEND_INTERVAL = Duration.ofMinutes(1);
    static final int MAX_RESENDS = 3;

    private final Ideas ideas;
    private final IdeaSimilarity similarity;
    private final UserDirectory users;
    private final Mailer mailer;
    private final Clock clock;

    IdeaSubmissionController(Ideas ideas, IdeaSimilarity similarity, UserDirectory users, Mailer mailer, Clock clock) {
        this.ideas = ideas;
        this.similarity = similarity;
        this.users = users;
        this.mailer = mailer;
        this.clock = clock;
    }

    @GetMapping("/ideer/ny")
    String newForm(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
        model.addAttribute("form", IdeaForm.empty());
        return form(principal, model);
    }

    @PostMapping("/ideer/ny")
    String submit(@AuthenticationPrincipal AccountPrincipal principal,
            @Valid @ModelAttribute("form") IdeaForm form, BindingResult errors,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files,
            @RequestParam(name = "check", required = false) String check,
            Model model, RedirectAttributes redirect, HttpSession session) {
        if (check != null) {
            // "check for similar ideas" without JavaScript: show the form again with the suggestions, no errors yet
            model.addAttribute("similar", similarity.similar(form.searchText(), SIMILAR_LIMIT));
            model.addAttribute("checked", true);
            return form(principal, model, new org.springframework.validation.BeanPropertyBindingResult(form, "form"));
        }
        boolean assisted = form.isAssisted() && isStaff(principal);
        if (principal == null || assisted) {
            if (form.name() == null || form.name().isBlank()) {
                errors.rejectValue("name", "validation.required");
            }
            if (principal == null && (form.email() == null || form.email().isBlank())) {
                errors.rejectValue("email", "validation.email.required");
            }
        }
        List<NewIdea.NewAttachment> attachments = Uploads.read(files, MAX_ATTACHMENTS, errors).stream()
                .map(upload -> new NewIdea.NewAttachment(upload.filename(), upload.type(), upload.content())).toList();
        if (errors.hasErrors()) {
            model.addAttribute("similar", similarity.similar(form.searchText(), SIMILAR_LIMIT));
            return form(principal, model);
        }
        var idea = new NewIdea(form.title(), form.problem(), form.proposal(), form.beneficiaries(),
                EnumSet.copyOf(form.sectors()), form.innovationType(), form.region(), form.isShowName(), attachments);
        Submitter submitter;
        if (principal == null) {
            submitter = Submitter.anonymous(form.name().strip(), form.email().strip());
        } else if (assisted) {
            submitter = Submitter.assisted(form.name().strip(), form.email() == null ? null : form.email().strip(),
                    principal.userId(), principal.displayName());
        } else {
            String email = users.find(principal.userId()).map(UserAccount::email).orElse(null);
            submitter = Submitter.account(principal.userId(), principal.displayName(), email);
        }
        long id = ideas.submit(idea, submitter);
        if (submitter.mustConfirm()) {
            session.setAttribute(AWAITING, new Awaiting(id, form.email().strip(), new ArrayList<>()));
            return "redirect:/ideer/tak";
        }
        Flash.notice(redirect, assisted ? "idea.submitted.assisted" : "idea.submitted");
        return "redirect:" + (assisted ? "/ideer/" + id : "/mine-ideer");
    }

    /** The idea waiting for its submitter's confirmation, its address, and when its mail was sent again. */
    record Awaiting(long ideaId, String email, List<Instant> resent) implements Serializable {}

    /**
     * After submitting without an account: what happened to the confirmation mail (on its way, or not sent because
     * Tværs has no mail server), and a button to send it again.
     */
    @GetMapping("/ideer/tak")
    String thanks(HttpSession session, Model model) {
        Awaiting awaiting = (Awaiting) session.getAttribute(AWAITING);
        if (awaiting == null) {
            return "redirect:/ideer";
        }
        model.addAttribute("email", awaiting.email());
        model.addAttribute("canSend", mailer.canSend());
        model.addAttribute("mayResend", awaiting.resent().size() < MAX_RESENDS);
        return "ideas/thanks";
    }

    /** "Send igen": a fresh confirmation mail, at most once a minute and {@link #MAX_RESENDS} times. */
    @PostMapping("/ideer/tak")
    String resend(HttpSession session, RedirectAttributes redirect) {
        Awaiting awaiting = (Awaiting) session.getAttribute(AWAITING);
        if (awaiting == null) {
            return "redirect:/ideer";
        }
        Instant now = clock.instant();
        List<Instant> resent = awaiting.resent();
        if (!mailer.canSend()) {
            Flash.problem(redirect, "idea.thanks.resend.cannot");
        } else if (resent.size() >= MAX_RESENDS) {
            Flash.problem(redirect, "idea.thanks.resend.tooMany");
        } else if (!resent.isEmpty() && resent.getLast().plus(RESEND_INTERVAL).isAfter(now)) {
            Flash.problem(redirect, "idea.thanks.resend.wait");
        } else if (ideas.resendConfirmation(awaiting.ideaId())) {
            List<Instant> times = new ArrayList<>(resent);
            times.add(now);
            session.setAttribute(AWAITING, new Awaiting(awaiting.ideaId(), awaiting.email(), times));
            Flash.notice(redirect, "idea.thanks.resend.done", awaiting.email());
        } else {
            session.removeAttribute(AWAITING);
            Flash.notice(redirect, "idea.thanks.resend.confirmed");
            return "redirect:/ideer";
        }
        return "redirect:/ideer/tak";
    }

    /** The similar ideas for what is typed so far: a fragment for htmx, the same list for a plain request. */
    @GetMapping("/ideer/lignende")
    String similar(@RequestParam(name = "title", required = false) String title,
            @RequestParam(name = "problem", required = false) String problem,
            @RequestParam(name = "proposal", required = false) String proposal, Model model) {
        String text = String.join(" ", title == null ? "" : title, problem == null ? "" : problem,
                proposal == null ? "" : proposal);
        model.addAttribute("similar", similarity.similar(text.length() > 9000 ? text.substring(0, 9000) : text,
                SIMILAR_LIMIT));
        model.addAttribute("checked", true);
        return "ideas/form :: similar";
    }

    /** The link in the confirmation mail: the idea counts from now on, and the page shows how to follow it. */
    @GetMapping("/ideer/bekraeft")
    String confirm(@RequestParam(name = "token", required = false) String token, RedirectAttributes redirect) {
        Optional<Long> idea = ideas.confirm(token);
        if (idea.isEmpty()) {
            return "ideas/link-invalid";
        }
        Flash.notice(redirect, "idea.confirmed");
        return "redirect:/ideer/foelg?token=" + token;
    }

    private String form(AccountPrincipal principal, Model model) {
        model.addAttribute("staff", isStaff(principal));
        model.addAttribute("sectorOptions", SelectOption.ofEnum(Sector.values(), Sector::messageKey));
        model.addAttribute("typeOptions", SelectOption.ofEnum(InnovationType.values(), InnovationType::messageKey));
        model.addAttribute("regionOptions", SelectOption.ofEnum(Region.values(), Region::messageKey));
        return "ideas/form";
    }

    private String form(AccountPrincipal principal, Model model, BindingResult clean) {
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", clean);
        return form(principal, model);
    }

    private static boolean isStaff(AccountPrincipal principal) {
        return principal != null && (principal.hasRole(Role.STAFF) || principal.hasRole(Role.INNOVATION_CONSULTANT));
    }
}
