package dk.tvaers.monitoring.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.initiatives.Initiative;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.monitoring.Population;
import dk.tvaers.monitoring.Populations;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.SelectOption;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The analyst defines an initiative's population: its imported inclusion events, or a rule (diagnosis codes,
 * municipalities, ages, date range) with a comparison group of everyone else or matched persons. Every save is a
 * new version; the next run uses the newest.
 */
@Controller
@RequestMapping("/analyse/population")
@RolesAllowed("ANALYST")
class PopulationController {

    record PopulationForm(@NotNull(message = "{validation.choose}") Long initiativeId,
            @NotNull(message = "{validation.choose}") Population.Source source, String diagnoses,
            String municipalities, Integer ageMin, Integer ageMax,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateFrom,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateTo, Population.Comparison comparison,
            Integer matchesPerTarget, Population.MatchStratum stratum) {

        static PopulationForm of(long initiativeId, Population population) {
            if (population == null || population.rule() == null) {
                return new PopulationForm(initiativeId, population == null ? null : Population.Source.INCLUSIONS, null,
                        null, null, null, null, null, null, 1, null);
            }
            var rule = population.rule();
            return new PopulationForm(initiativeId, Population.Source.RULE, String.join(" ", rule.diagnosisPrefixes()),
                    String.join(" ", rule.municipalities()), rule.ageMin(), rule.ageMax(), rule.from(), rule.to(),
                    rule.comparison(), rule.matchesPerTarget() == null ? 1 : rule.matchesPerTarget(), rule.stratum());
        }
    }

    private final Populations populations;
    private final Initiatives initiatives;

    PopulationController(Populations populations, Initiatives initiatives) {
        this.populations = populations;
        this.initiatives = initiatives;
    }

    @GetMapping
    String form(@RequestParam(name = "initiativeId", required = false) Long initiativeId, Model model) {
        Population current = initiativeId == null ? null : populations.current(initiativeId).orElse(null);
        model.addAttribute("populationForm", initiativeId == null
                ? new PopulationForm(null, null, null, null, null, null, null, null, null, 1, null)
                : PopulationForm.of(initiativeId, current));
        model.addAttribute("current", current);
        return page(model);
    }

    @PostMapping
    String save(@AuthenticationPrincipal AccountPrincipal principal,
            @Valid @ModelAttribute("populationForm") PopulationForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (form.initiativeId() != null && initiatives.find(form.initiativeId()).isEmpty()) {
            errors.rejectValue("initiativeId", "validation.choose");
        }
        Population.Rule rule = form.source() == Population.Source.RULE ? rule(form, errors) : null;
        if (errors.hasErrors()) {
            model.addAttribute("current", form.initiativeId() == null ? null
                    : populations.current(form.initiativeId()).orElse(null));
            return page(model);
        }
        Population saved = populations.save(form.initiativeId(), rule,
                new Actor(principal.userId(), principal.displayName()));
        Flash.notice(redirect, "monitoring.population.saved", saved.version());
        return "redirect:/analyse?initiativeId=" + form.initiativeId();
    }

    /** The rule of a form, with every problem reported on its field; null when there are problems. */
    private static Population.Rule rule(PopulationForm form, BindingResult errors) {
        List<String> diagnoses = codes(form.diagnoses()).stream()
                .map(code -> code.toUpperCase(Locale.ROOT).replace(".", "")).toList();
        if (diagnoses.isEmpty()) {
            errors.rejectValue("diagnoses", "monitoring.population.error.diagnosesRequired");
        }
        for (String code : diagnoses) {
            if (!code.matches("D[A-Z][0-9A-Z]{0,5}")) {
                errors.rejectValue("diagnoses", "monitoring.population.error.diagnosis", new Object[] {code}, null);
                break;
            }
        }
        List<String> municipalities = codes(form.municipalities());
        for (String code : municipalities) {
            if (!code.matches("[0-9]{3}")) {
                errors.rejectValue("municipalities", "monitoring.population.error.municipality", new Object[] {code},
                        null);
                break;
            }
        }
        checkAge(form.ageMin(), "ageMin", errors);
        checkAge(form.ageMax(), "ageMax", errors);
        if (form.ageMin() != null && form.ageMax() != null && form.ageMax() < form.ageMin()
                && !errors.hasFieldErrors("ageMax")) {
            errors.rejectValue("ageMax", "monitoring.population.error.ageOrder");
        }
        if (form.dateFrom() == null && !errors.hasFieldErrors("dateFrom")) {
            errors.rejectValue("dateFrom", "validation.date");
        }
        if (form.dateTo() == null && !errors.hasFieldErrors("dateTo")) {
            errors.rejectValue("dateTo", "validation.date");
        }
        if (form.dateFrom() != null && form.dateTo() != null && form.dateTo().isBefore(form.dateFrom())) {
            errors.rejectValue("dateTo", "monitoring.population.error.dateOrder");
        }
        if (form.comparison() == null && !errors.hasFieldErrors("comparison")) {
            errors.rejectValue("comparison", "validation.choose");
        }
        if (form.comparison() == Population.Comparison.MATCHED) {
            if (form.matchesPerTarget() == null || form.matchesPerTarget() < 1
                    || form.matchesPerTarget() > Population.MAX_MATCHES_PER_TARGET) {
                if (!errors.hasFieldErrors("matchesPerTarget")) {
                    errors.rejectValue("matchesPerTarget", "monitoring.population.error.matches");
                }
            }
            if (form.stratum() == null && !errors.hasFieldErrors("stratum")) {
                errors.rejectValue("stratum", "validation.choose");
            }
        }
        if (errors.hasErrors()) {
            return null;
        }
        return new Population.Rule(diagnoses, municipalities, form.ageMin(), form.ageMax(), form.dateFrom(),
                form.dateTo(), form.comparison(), form.matchesPerTarget(), form.stratum());
    }

    private static void checkAge(Integer age, String field, BindingResult errors) {
        if (age != null && (age < 0 || age > Population.MAX_AGE) && !errors.hasFieldErrors(field)) {
            errors.rejectValue(field, "monitoring.population.error.age");
        }
    }

    /** Codes typed with spaces, commas or semicolons between them. */
    private static List<String> codes(String typed) {
        var codes = new ArrayList<String>();
        if (typed != null) {
            for (String code : typed.split("[\\s,;]+")) {
                if (!code.isBlank()) {
                    codes.add(code.strip());
                }
            }
        }
        return codes;
    }

    private String page(Model model) {
        model.addAttribute("initiativeOptions", SelectOption.of(
                initiatives.search(new Initiatives.Filter(null, null, null, null), 1, 200).items(),
                Initiative::id, Initiative::title));
        model.addAttribute("sourceOptions", SelectOption.ofEnum(Population.Source.values(),
                Population.Source::messageKey));
        model.addAttribute("comparisonOptions", SelectOption.ofEnum(Population.Comparison.values(),
                Population.Comparison::messageKey));
        model.addAttribute("stratumOptions", SelectOption.ofEnum(Population.MatchStratum.values(),
                Population.MatchStratum::messageKey));
        return "monitoring/population";
    }
}
