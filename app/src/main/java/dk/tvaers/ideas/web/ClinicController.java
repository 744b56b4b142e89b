package dk.tvaers.ideas.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.ideas.Attachment;
import dk.tvaers.ideas.Idea;
import dk.tvaers.ideas.IdeaAttachments;
import dk.tvaers.ideas.IdeaClinic;
import dk.tvaers.ideas.IdeaStatus;
import dk.tvaers.ideas.Ideas;
import dk.tvaers.ideas.InvalidOutcomeException;
import dk.tvaers.ideas.Score;
import dk.tvaers.ideas.ScoreCriterion;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.ListPage;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.platform.web.SelectOption;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The idea clinic for innovation consultants: the queue, the prioritised view, and an idea's case page with
 * assignment, the thread with the submitter, the scorecard and the outcome.
 */
@Controller
@RolesAllowed("INNOVATION_CONSULTANT")
class ClinicController {

    record QuestionForm(@NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}")
            String body) {}

    /** The outcome form: which outcome, the note (where to / the reason), and the idea to merge into. */
    record OutcomeForm(IdeaStatus outcome, @Size(max = 2000, message = "{validation.tooLong}") String note,
            Long mergeInto) {}

    private final Ideas ideas;
    private final IdeaAttachments attachments;
    private final IdeaClinic clinic;
    private final UserDirectory users;
    private final Clock clock;

    ClinicController(Ideas ideas, IdeaAttachments attachments, IdeaClinic clinic, UserDirectory users, Clock clock) {
        this.ideas = ideas;
        this.attachments = attachments;
        this.clinic = clinic;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/idekliniken")
    String queue(@RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "status", required = false) IdeaStatus status,
            @RequestParam(name = "region", required = false) Region region,
            @RequestParam(name = "sektor", required = false) Sector sector,
            @RequestParam(name = "type", required = false) InnovationType kind,
            @RequestParam(name = "tildelt", required = false) Long assignedTo,
            @RequestParam(name = "side", required = false) Integer page,
            HtmxRequest htmx, Model model) {
        var filter = new IdeaClinic.QueueFilter(text, status == IdeaStatus.UNCONFIRMED ? null : status, region,
                sector, kind, assignedTo);
        model.addAttribute("list", ListPage.of("/idekliniken",
                        clinic.queue(filter, PageOf.clampPage(page), PageOf.DEFAULT_SIZE))
                .filter("q", text).filter("status", filter.status()).filter("region", region).filter("sektor", sector)
                .filter("type", kind).filter("tildelt", assignedTo));
        model.addAttribute("statuses", List.of(IdeaStatus.SUBMITTED, IdeaStatus.IN_REVIEW, IdeaStatus.PRIORITISED,
                IdeaStatus.REFERRED, IdeaStatus.MERGED, IdeaStatus.REJECTED));
        model.addAttribute("regions", Region.values());
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("kinds", InnovationType.values());
        model.addAttribute("consultants", consultants());
        model.addAttribute("clock", clock);
        return ListPage.view("ideas/clinic-queue", htmx.isHtmxRequest());
    }

    @GetMapping("/idekliniken/prioriteret")
    String prioritised(Model model) {
        model.addAttribute("assessed", clinic.prioritised());
        return "ideas/clinic-prioritised";
    }

    @GetMapping("/idekliniken/{id}")
    String show(@PathVariable long id, Model model) {
        return page(id, model);
    }

    @PostMapping("/idekliniken/{id}/tildel")
    String assign(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @RequestParam(name = "consultant", required = false) Long consultantId, RedirectAttributes redirect) {
        UserAccount consultant = consultantId == null ? null : users.find(consultantId)
                .filter(u -> u.roles().contains(Role.INNOVATION_CONSULTANT)).orElse(null);
        if (consultant == null) {
            Flash.problem(redirect, "clinic.assign.error");
            return "redirect:/idekliniken/" + id;
        }
        try {
            clinic.assign(id, consultant.id(), consultant.displayName(), actor(principal));
            Flash.notice(redirect, "clinic.assign.done");
        } catch (InvalidOutcomeException e) {
            Flash.problem(redirect, e.messageKey());
        }
        return "redirect:/idekliniken/" + id;
    }

    @PostMapping("/idekliniken/{id}/spoerg")
    String ask(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("questionForm") QuestionForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return page(id, model);
        }
        try {
            clinic.ask(id, form.body(), actor(principal));
            Flash.notice(redirect, "clinic.question.done");
        } catch (InvalidOutcomeException e) {
            Flash.problem(redirect, e.messageKey());
        }
        return "redirect:/idekliniken/" + id + "#traad";
    }

    /** The scorecard: every active criterion needs a score 1–5 and a justification; all typed is kept on error. */
    @PostMapping("/idekliniken/{id}/score")
    String score(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        List<ScoreCriterion> criteria = clinic.criteria(true);
        var entries = new ArrayList<IdeaClinic.ScoreEntry>();
        var typed = new HashMap<String, String>();
        var problems = new ArrayList<String>();
        for (ScoreCriterion criterion : criteria) {
            String score = params.getOrDefault("score" + criterion.id(), "");
            String why = params.getOrDefault("why" + criterion.id(), "").strip();
            typed.put("score" + criterion.id(), score);
            typed.put("why" + criterion.id(), why);
            int value;
            try {
                value = Integer.parseInt(score);
            } catch (NumberFormatException e) {
                value = 0;
            }
            if (value < 1 || value > 5 || why.isEmpty() || why.length() > 1000) {
                problems.add(criterion.name());
                continue;
            }
            entries.add(new IdeaClinic.ScoreEntry(criterion.id(), value, why));
        }
        if (!problems.isEmpty()) {
            model.addAttribute("scoreProblems", problems);
            model.addAttribute("typed", typed);
            return page(id, model);
        }
        try {
            clinic.score(id, entries, actor(principal));
            Flash.notice(redirect, "clinic.score.done");
        } catch (InvalidOutcomeException e) {
            Flash.problem(redirect, e.messageKey());
        }
        return "redirect:/idekliniken/" + id + "#scorekort";
    }

    @PostMapping("/idekliniken/{id}/udfald")
    String decide(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("outcomeForm") OutcomeForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (form.outcome() == null || !form.outcome().isOutcome()) {
            errors.rejectValue("outcome", "validation.choose");
        } else if (form.outcome() != IdeaStatus.PRIORITISED && form.outcome() != IdeaStatus.MERGED
                && (form.note() == null || form.note().isBlank())) {
            errors.rejectValue("note", "clinic.outcome.error.noteRequired");
        } else if (form.outcome() == IdeaStatus.MERGED && form.mergeInto() == null) {
            errors.rejectValue("mergeInto", "validation.required");
        }
        if (errors.hasErrors()) {
            return page(id, model);
        }
        Long initiative = null;
        try {
            Actor actor = actor(principal);
            switch (form.outcome()) {
                case PRIORITISED -> initiative = clinic.prioritise(id, form.note(), actor);
                case REFERRED -> clinic.refer(id, form.note(), actor);
                case REJECTED -> clinic.reject(id, form.note(), actor);
                case MERGED -> clinic.merge(id, form.mergeInto(), form.note(), actor);
                default -> throw new IllegalStateException();
            }
        } catch (InvalidOutcomeException e) {
            errors.reject(e.messageKey());
            return page(id, model);
        }
        Flash.notice(redirect, "clinic.outcome.done." + form.outcome().name(), initiative);
        return "redirect:/idekliniken/" + id;
    }

    @GetMapping("/idekliniken/{id}/bilag/{attachment}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachment) {
        Attachment meta = attachments.of(id).stream().filter(a -> a.id() == attachment).findFirst()
                .orElseThrow(() -> new NotFoundException("attachment", attachment));
        byte[] content = attachments.content(id, attachment).orElseThrow();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(meta.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(meta.filename(), java.nio.charset.StandardCharsets.UTF_8)
                                .build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    private String page(long id, Model model) {
        Idea idea = ideas.find(id).filter(i -> i.status().isVisible())
                .orElseThrow(() -> new NotFoundException("idea", id));
        model.addAttribute("idea", idea);
        model.addAttribute("attachments", attachments.of(id));
        var thread = ideas.thread(id);
        model.addAttribute("thread", thread);
        model.addAttribute("history", clinic.history(id));
        model.addAttribute("criteria", clinic.criteria(true));
        List<Score> scores = clinic.scores(id);
        model.addAttribute("scores", scores);
        List<ScoreTotal> totals = ScoreTotal.of(scores);
        model.addAttribute("scoreTotals", totals);
        // the overview on top: everyone's average (the last total), and what to do next
        model.addAttribute("overallScore", totals.isEmpty() ? null : totals.getLast());
        model.addAttribute("nextStep", ClinicNextStep.of(idea, thread, scores, currentUserId()));
        model.addAttribute("consultants", consultants());
        model.addAttribute("clock", clock);
        if (!model.containsAttribute("typed")) {
            // the form shows what the signed-in consultant gave last time, so saving again changes, not empties
            Map<String, String> own = new HashMap<>();
            Long me = currentUserId();
            scores.stream().filter(s -> me != null && s.assessorId() == me).forEach(s -> {
                own.put("score" + s.criterionId(), String.valueOf(s.score()));
                own.put("why" + s.criterionId(), s.justification());
            });
            model.addAttribute("typed", own);
        }
        if (!model.containsAttribute("questionForm")) {
            model.addAttribute("questionForm", new QuestionForm(""));
        }
        if (!model.containsAttribute("outcomeForm")) {
            model.addAttribute("outcomeForm", new OutcomeForm(null, "", null));
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "outcomeForm",
                    new BeanPropertyBindingResult(model.getAttribute("outcomeForm"), "outcomeForm"));
        }
        model.addAttribute("outcomeOptions", List.of(
                SelectOption.ofKey("PRIORITISED", IdeaStatus.PRIORITISED.messageKey()),
                SelectOption.ofKey("REFERRED", IdeaStatus.REFERRED.messageKey()),
                SelectOption.ofKey("MERGED", IdeaStatus.MERGED.messageKey()),
                SelectOption.ofKey("REJECTED", IdeaStatus.REJECTED.messageKey())));
        return "ideas/clinic-idea";
    }

    private List<SelectOption> consultants() {
        var filter = new UserDirectory.Filter(null, Role.INNOVATION_CONSULTANT, null, true);
        return SelectOption.of(users.search(filter, 1, 200).items(), UserAccount::id, UserAccount::displayName);
    }

    /** Each assessor's total and average over the criteria they scored, and the average of all scores. */
    record ScoreTotal(String assessorName, int total, int count, String average) {

        static List<ScoreTotal> of(List<Score> scores) {
            Map<String, List<Score>> byAssessor = new LinkedHashMap<>();
            scores.forEach(s -> byAssessor.computeIfAbsent(s.assessorName(), k -> new ArrayList<>()).add(s));
            List<ScoreTotal> totals = new ArrayList<>();
            byAssessor.forEach((name, own) -> totals.add(total(name, own)));
            if (byAssessor.size() > 1) {
                totals.add(total(null, scores));
            }
            return totals;
        }

        private static ScoreTotal total(String name, List<Score> scores) {
            int total = scores.stream().mapToInt(Score::score).sum();
            var average = java.math.BigDecimal.valueOf(total)
                    .divide(java.math.BigDecimal.valueOf(scores.size()), 1, java.math.RoundingMode.HALF_UP);
            return new ScoreTotal(name, total, scores.size(), average.toPlainString());
        }

        public boolean all() {
            return assessorName == null;
        }
    }

    private static Long currentUserId() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal
                ? principal.userId() : null;
    }

    private static Actor actor(AccountPrincipal principal) {
        return new Actor(principal.userId(), principal.displayName());
    }
}
