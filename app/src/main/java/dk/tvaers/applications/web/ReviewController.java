package dk.tvaers.applications.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.applications.Application;
import dk.tvaers.applications.ApplicationRuleException;
import dk.tvaers.applications.Applications;
import dk.tvaers.applications.Recommendation;
import dk.tvaers.applications.Review;
import dk.tvaers.applications.ReviewCriterion;
import dk.tvaers.applications.Reviews;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.SelectOption;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reviewer's workspace: the submitted applications of the calls they review, and the score form. A reviewer
 * with a conflict of interest sees why they cannot review instead of the form.
 */
@Controller
@RequestMapping("/bedoemmelser")
@PermitAll
class ReviewController {

    private static final String SCORE = "{review.error.score}";

    record ReviewForm(
            @NotNull(message = SCORE) @Min(value = 1, message = SCORE) @Max(value = 5, message = SCORE) Integer economy,
            @Size(max = 2000, message = "{validation.tooLong}") String economyComment,
            @NotNull(message = SCORE) @Min(value = 1, message = SCORE) @Max(value = 5, message = SCORE) Integer health,
            @Size(max = 2000, message = "{validation.tooLong}") String healthComment,
            @NotNull(message = SCORE) @Min(value = 1, message = SCORE) @Max(value = 5, message = SCORE) Integer citizens,
            @Size(max = 2000, message = "{validation.tooLong}") String citizensComment,
            @NotNull(message = SCORE) @Min(value = 1, message = SCORE) @Max(value = 5, message = SCORE)
            Integer innovation,
            @Size(max = 2000, message = "{validation.tooLong}") String innovationComment,
            @NotNull(message = "{validation.choose}") Recommendation recommendation,
            @Size(max = 4000, message = "{validation.tooLong}") String comment) {

        Map<ReviewCriterion, Review.Score> scores() {
            Map<ReviewCriterion, Review.Score> scores = new EnumMap<>(ReviewCriterion.class);
            scores.put(ReviewCriterion.ECONOMY, new Review.Score(economy, economyComment));
            scores.put(ReviewCriterion.HEALTH, new Review.Score(health, healthComment));
            scores.put(ReviewCriterion.CITIZENS, new Review.Score(citizens, citizensComment));
            scores.put(ReviewCriterion.INNOVATION, new Review.Score(innovation, innovationComment));
            return scores;
        }

        static ReviewForm of(Review review) {
            if (review == null) {
                return new ReviewForm(null, "", null, "", null, "", null, "", null, "");
            }
            var s = review.scores();
            return new ReviewForm(s.get(ReviewCriterion.ECONOMY).score(), s.get(ReviewCriterion.ECONOMY).comment(),
                    s.get(ReviewCriterion.HEALTH).score(), s.get(ReviewCriterion.HEALTH).comment(),
                    s.get(ReviewCriterion.CITIZENS).score(), s.get(ReviewCriterion.CITIZENS).comment(),
                    s.get(ReviewCriterion.INNOVATION).score(), s.get(ReviewCriterion.INNOVATION).comment(),
                    review.recommendation(), review.comment());
        }
    }

    private final Reviews reviews;
    private final Applications applications;
    private final MessageSource messages;

    ReviewController(Reviews reviews, Applications applications, MessageSource messages) {
        this.reviews = reviews;
        this.applications = applications;
        this.messages = messages;
    }

    @GetMapping
    String workspace(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
        model.addAttribute("assignments", reviews.assignments(principal.userId()));
        return "applications/reviews";
    }

    @GetMapping("/{id:\\d+}")
    String show(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Model model) {
        if (!model.containsAttribute("form")) {
            Review own = reviews.of(id).stream().filter(r -> r.reviewerUserId() == principal.userId()).findFirst()
                    .orElse(null);
            model.addAttribute("form", ReviewForm.of(own));
        }
        return page(principal, id, model);
    }

    @PostMapping("/{id:\\d+}")
    String review(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("form") ReviewForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                reviews.review(id, form.scores(), form.recommendation(), form.comment(), Problems.actor(principal));
                Flash.notice(redirect, "review.saved");
                return "redirect:/bedoemmelser";
            } catch (ApplicationRuleException e) {
                Problems.reject(errors, e, messages);
            }
        }
        return page(principal, id, model);
    }

    private String page(AccountPrincipal principal, long id, Model model) {
        Application application = applications.find(id);
        if (application.draft() || !reviews.isReviewer(application.callId(), principal.userId())) {
            throw new NotFoundException("application", id);
        }
        Optional<String> conflict = reviews.conflict(id, principal.userId());
        model.addAttribute("app", application);
        model.addAttribute("conflict", conflict.orElse(null));
        if (conflict.isEmpty()) {
            model.addAttribute("version", applications.latest(id));
        }
        List<SelectOption> scoreOptions = IntStream.rangeClosed(1, 5)
                .mapToObj(n -> SelectOption.ofKey(String.valueOf(n), "review.score." + n)).toList();
        model.addAttribute("scoreOptions", scoreOptions);
        model.addAttribute("recommendationOptions",
                SelectOption.ofEnum(Recommendation.values(), Recommendation::messageKey));
        return "applications/review";
    }
}
