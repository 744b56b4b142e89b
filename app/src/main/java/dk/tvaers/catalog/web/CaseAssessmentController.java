package dk.tvaers.catalog.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.catalog.CaseCatalog;
import dk.tvaers.catalog.CaseVersion;
import dk.tvaers.catalog.CatalogCase;
import dk.tvaers.catalog.NewAssessment;
import dk.tvaers.catalog.Parameter;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.SelectOption;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.IntStream;
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
 * Writing cases (innovation consultants and analysts): start one (from an initiative, too), save new versions, see
 * the version history, assess on the five parameters. Publishing a version with an assessment is the editor's:
 * analysts, who are the evaluators.
 */
/** Assessing a case on the five parameters (innovation consultants and analysts); publishing is in the editor. */
@Controller
@RequestMapping("/katalog")
class CaseAssessmentController {

    record AssessmentForm(
            @NotNull(message = "{validation.choose}") @Min(value = 1, message = "{validation.choose}") @Max(value = 4, message = "{validation.choose}") Integer theoryScore,
            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}") String theoryNote,
            @NotNull(message = "{validation.choose}") @Min(value = 1, message = "{validation.choose}") @Max(value = 4, message = "{validation.choose}") Integer effectScore,
            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}") String effectNote,
            @NotNull(message = "{validation.choose}") @Min(value = 1, message = "{validation.choose}") @Max(value = 4, message = "{validation.choose}") Integer descriptionScore,
            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}") String descriptionNote,
            @NotNull(message = "{validation.choose}") @Min(value = 1, message = "{validation.choose}") @Max(value = 4, message = "{validation.choose}") Integer goalsScore,
            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}") String goalsNote,
            @NotNull(message = "{validation.choose}") @Min(value = 1, message = "{validation.choose}") @Max(value = 4, message = "{validation.choose}") Integer transferabilityScore,
            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}") String transferabilityNote) {

        NewAssessment assessment() {
            Map<Parameter, Integer> scores = new EnumMap<>(Parameter.class);
            Map<Parameter, String> notes = new EnumMap<>(Parameter.class);
            scores.put(Parameter.THEORY, theoryScore);
            notes.put(Parameter.THEORY, theoryNote);
            scores.put(Parameter.EFFECT, effectScore);
            notes.put(Parameter.EFFECT, effectNote);
            scores.put(Parameter.DESCRIPTION, descriptionScore);
            notes.put(Parameter.DESCRIPTION, descriptionNote);
            scores.put(Parameter.GOALS, goalsScore);
            notes.put(Parameter.GOALS, goalsNote);
            scores.put(Parameter.TRANSFERABILITY, transferabilityScore);
            notes.put(Parameter.TRANSFERABILITY, transferabilityNote);
            return new NewAssessment(scores, notes);
        }
    }

    private final CaseCatalog catalog;

    CaseAssessmentController(CaseCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/{id:\\d+}/vurdering")
    @RolesAllowed({"INNOVATION_CONSULTANT", "ANALYST"})
    String assessmentForm(@PathVariable long id, Model model) {
        model.addAttribute("form", new AssessmentForm(null, "", null, "", null, "", null, "", null, ""));
        return assessmentPage(file(id), model);
    }

    @PostMapping("/{id:\\d+}/vurdering")
    @RolesAllowed({"INNOVATION_CONSULTANT", "ANALYST"})
    String assess(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @Valid @ModelAttribute("form") AssessmentForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        CatalogCase file = file(id);
        if (errors.hasErrors()) {
            return assessmentPage(file, model);
        }
        catalog.assess(id, form.assessment(), new Actor(principal.userId(), principal.displayName()));
        Flash.notice(redirect, "assessment.saved");
        return "redirect:/katalog/" + id + "/redaktion";
    }

    private String assessmentPage(CatalogCase file, Model model) {
        model.addAttribute("file", file);
        model.addAttribute("title", catalog.version(file.id(), file.latestVersion()).map(CaseVersion::title).orElse(""));
        model.addAttribute("parameters", Parameter.values());
        model.addAttribute("scoreOptions", IntStream.rangeClosed(Parameter.MIN_SCORE, Parameter.MAX_SCORE)
                .mapToObj(n -> SelectOption.ofKey(String.valueOf(n), "assessment.score." + n)).toList());
        return "catalog/assess";
    }

    private CatalogCase file(long id) {
        return catalog.find(id).orElseThrow(() -> new NotFoundException("case", id));
    }
}
