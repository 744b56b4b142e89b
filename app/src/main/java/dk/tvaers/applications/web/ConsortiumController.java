package dk.tvaers.applications.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Organisation;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.applications.ApplicationRuleException;
import dk.tvaers.applications.Applications;
import dk.tvaers.applications.Consortia;
import dk.tvaers.applications.Consortium;
import dk.tvaers.challenges.Challenge;
import dk.tvaers.challenges.Challenges;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.ListPage;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.platform.web.SelectOption;
import dk.tvaers.shared.Role;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.function.BiConsumer;
import org.springframework.context.MessageSource;
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
 * Consortia: the ones a user is part of (the Task Force sees all), a new consortium, and its page with members,
 * contact people, consultants and applications (drafts only for the people of the consortium).
 */
@Controller
@RequestMapping("/konsortier")
@RolesAllowed({"STAFF", "INNOVATION_CONSULTANT", "TASK_FORCE"})
class ConsortiumController {

    record ConsortiumForm(
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String name,
            @NotNull(message = "{validation.choose}") Long leadOrganisationId) {}

    record MemberForm(@NotNull(message = "{validation.choose}") Long organisationId) {}

    record LoginForm(@NotBlank(message = "{validation.email.required}") @Size(max = 254, message = "{validation.tooLong}")
            String login) {}

    record ApplyForm(@NotNull(message = "{validation.choose}") Long challengeId) {}

    private final Consortia consortia;
    private final Applications applications;
    private final Challenges challenges;
    private final OrganisationDirectory organisations;
    private final UserDirectory users;
    private final MessageSource messages;

    ConsortiumController(Consortia consortia, Applications applications, Challenges challenges,
            OrganisationDirectory organisations, UserDirectory users, MessageSource messages) {
        this.consortia = consortia;
        this.applications = applications;
        this.challenges = challenges;
        this.organisations = organisations;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping
    String list(@AuthenticationPrincipal AccountPrincipal principal,
            @RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "side", required = false) Integer page, HtmxRequest htmx, Model model) {
        Long userId = principal.roles().contains(Role.TASK_FORCE) ? null : principal.userId();
        model.addAttribute("list", ListPage.of("/konsortier",
                consortia.search(userId, text, PageOf.clampPage(page), PageOf.DEFAULT_SIZE)).filter("q", text));
        model.addAttribute("leadRequests", consortia.leadRequestsFor(principal.userId()));
        return ListPage.view("applications/consortia", htmx.isHtmxRequest());
    }

    @GetMapping("/ny")
    String newForm(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
        Long own = users.find(principal.userId()).map(UserAccount::organisationId).orElse(null);
        model.addAttribute("form", new ConsortiumForm("", own));
        return form(model);
    }

    @PostMapping("/ny")
    String create(@AuthenticationPrincipal AccountPrincipal principal, @Valid @ModelAttribute("form") ConsortiumForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return form(model);
        }
        long id;
        try {
            id = consortia.create(form.name(), form.leadOrganisationId(), principal.userId(),
                    Problems.actor(principal));
        } catch (ApplicationRuleException e) {
            Problems.reject(errors, e, messages);
            return form(model);
        }
        Flash.notice(redirect, consortia.leadRequest(id).isPresent()
                ? "consortium.created.leadRequested" : "consortium.created");
        return "redirect:/konsortier/" + id;
    }

    @GetMapping("/{id:\\d+}")
    String show(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Model model) {
        return detail(principal, id, model);
    }

    @PostMapping("/{id:\\d+}/medlemmer")
    String addMember(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("memberForm") MemberForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        requireEditor(principal, id);
        if (errors.hasErrors()) {
            return detail(principal, id, model);
        }
        consortia.addMember(id, form.organisationId());
        Flash.notice(redirect, "consortium.member.added");
        return "redirect:/konsortier/" + id;
    }

    @PostMapping("/{id:\\d+}/medlemmer/{organisationId:\\d+}/fjern")
    String removeMember(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @PathVariable long organisationId, RedirectAttributes redirect) {
        requireEditor(principal, id);
        try {
            consortia.removeMember(id, organisationId);
            Flash.notice(redirect, "consortium.member.removed");
        } catch (ApplicationRuleException e) {
            Flash.problem(redirect, e.problems().getFirst().messageKey());
        }
        return "redirect:/konsortier/" + id;
    }

    @PostMapping("/{id:\\d+}/kontakter")
    String addContact(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("contactForm") LoginForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        return addPerson(principal, id, form, errors, model, redirect, consortia::addContact,
                "consortium.contact.added");
    }

    @PostMapping("/{id:\\d+}/konsulenter")
    String assignConsultant(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("consultantForm") LoginForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        return addPerson(principal, id, form, errors, model, redirect, consortia::assignConsultant,
                "consortium.consultant.added");
    }

    /**
     * Adds a person named by their login to the consortium (a contact person or an assigned consultant): the page
     * again with the refused rule beside the field, or back to the consortium with {@code notice}.
     */
    private String addPerson(AccountPrincipal principal, long id, LoginForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, BiConsumer<Long, String> add, String notice) {
        requireEditor(principal, id);
        if (!errors.hasErrors()) {
            try {
                add.accept(id, form.login());
                Flash.notice(redirect, notice);
                return "redirect:/konsortier/" + id;
            } catch (ApplicationRuleException e) {
                Problems.reject(errors, e, messages);
            }
        }
        return detail(principal, id, model);
    }

    @PostMapping("/{id:\\d+}/ansoegninger")
    String apply(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("applyForm") ApplyForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        requireEditor(principal, id);
        if (!errors.hasErrors()) {
            try {
                long applicationId = applications.start(id, form.challengeId(), Problems.actor(principal));
                Flash.notice(redirect, "application.started");
                return "redirect:/ansoegninger/" + applicationId + "/rediger";
            } catch (ApplicationRuleException e) {
                Problems.reject(errors, e, messages);
            }
        }
        return detail(principal, id, model);
    }

    /** One of the asked organisation's people confirms that it leads the consortium (others get 404). */
    @PostMapping("/{id:\\d+}/ledelse/bekraeft")
    String confirmLead(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            RedirectAttributes redirect) {
        consortia.confirmLead(id, principal.userId(), Problems.actor(principal));
        Flash.notice(redirect, "consortium.lead.confirmed");
        return "redirect:/konsortier/" + id;
    }

    @PostMapping("/{id:\\d+}/ledelse/afvis")
    String declineLead(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            RedirectAttributes redirect) {
        consortia.declineLead(id, principal.userId(), Problems.actor(principal));
        Flash.notice(redirect, "consortium.lead.declined");
        return "redirect:/konsortier";
    }

    private void requireEditor(AccountPrincipal principal, long id) {
        if (!consortia.mayEdit(id, principal.userId())) {
            throw new NotFoundException("consortium", id);
        }
    }

    private String detail(AccountPrincipal principal, long id, Model model) {
        Consortium consortium = consortia.find(id);
        boolean inside = consortia.isInside(id, principal.userId());
        boolean answersLead = consortia.mayAnswerLeadRequest(id, principal.userId());
        if (!inside && !answersLead && !principal.roles().contains(Role.TASK_FORCE)) {
            throw new NotFoundException("consortium", id);
        }
        model.addAttribute("leadRequest", consortia.leadRequest(id).orElse(null));
        model.addAttribute("answersLead", answersLead);
        boolean editor = consortia.mayEdit(id, principal.userId());
        model.addAttribute("consortium", consortium);
        model.addAttribute("inside", inside);
        model.addAttribute("editor", editor);
        model.addAttribute("applications", applications.ofConsortium(id).stream()
                .filter(application -> inside || !application.draft()).toList());
        for (String form : List.of("memberForm", "contactForm", "consultantForm", "applyForm")) {
            if (!model.containsAttribute(form)) {
                model.addAttribute(form, switch (form) {
                    case "memberForm" -> new MemberForm(null);
                    case "applyForm" -> new ApplyForm(null);
                    default -> new LoginForm("");
                });
            }
        }
        if (editor) {
            model.addAttribute("organisationOptions", SelectOption.of(organisations.allActive().stream()
                    .filter(o -> !consortium.hasMember(o.id())).toList(), Organisation::id, Organisation::name));
            List<Challenge> open = challenges.search(new Challenges.Filter(true, null, null), 1, 100).items();
            model.addAttribute("challengeOptions", SelectOption.of(open, Challenge::id, Challenge::title));
        }
        return "applications/consortium";
    }

    private String form(Model model) {
        model.addAttribute("organisationOptions",
                SelectOption.of(organisations.allActive(), Organisation::id, Organisation::name));
        return "applications/consortium-form";
    }
}
