package dk.tvaers.applications.web;

import dk.tvaers.applications.ApplicationContent;
import dk.tvaers.applications.ApplicationVersion;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.platform.web.MoneyField;
import dk.tvaers.shared.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.validation.BindingResult;

/**
 * The application form: text parts, innovation type, the budget as rows of year, partner and amount (in kroner), the
 * planned trial actions one per line. Attachments come as their own request part.
 */
record ApplicationForm(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String title,
        @Size(max = 8000, message = "{validation.tooLong}") String summary,
        @Size(max = 4000, message = "{validation.tooLong}") String effectEconomy,
        @Size(max = 4000, message = "{validation.tooLong}") String effectHealth,
        @Size(max = 4000, message = "{validation.tooLong}") String effectCitizens,
        InnovationType innovationType,
        @Valid List<BudgetRow> budget,
        @Size(max = 5000, message = "{validation.tooLong}") String trialActions) {

    /** Rows the form offers (empty ones are left out). */
    static final int BUDGET_ROWS = 6;

    record BudgetRow(String year, Long organisationId, String amount) {

        boolean isEmpty() {
            return (year == null || year.isBlank()) && organisationId == null && (amount == null || amount.isBlank());
        }
    }

    static ApplicationForm of(ApplicationVersion version) {
        var rows = new ArrayList<BudgetRow>();
        for (ApplicationVersion.BudgetRow row : version.budget()) {
            rows.add(new BudgetRow(String.valueOf(row.year()), row.organisationId(),
                    row.amount().format(Locale.of("da")).replace(" kr.", "")));
        }
        while (rows.size() < Math.max(BUDGET_ROWS, version.budget().size() + 2)) {
            rows.add(new BudgetRow("", null, ""));
        }
        return new ApplicationForm(version.title(), version.summary(), version.effectEconomy(), version.effectHealth(),
                version.effectCitizens(), version.innovationType(), rows, String.join("\n", version.trialActions()));
    }

    /** The content, or empty with errors beside the budget rows that cannot be read. */
    Optional<ApplicationContent> content(BindingResult errors) {
        var lines = new ArrayList<ApplicationContent.BudgetLine>();
        List<BudgetRow> rows = budget == null ? List.of() : budget;
        boolean ok = true;
        for (int i = 0; i < rows.size(); i++) {
            BudgetRow row = rows.get(i);
            if (row == null || row.isEmpty()) {
                continue;
            }
            Integer year = null;
            try {
                year = Integer.valueOf(row.year() == null ? "" : row.year().strip());
            } catch (NumberFormatException e) {
                // reported below
            }
            if (year == null || year < 2000 || year > 2100) {
                errors.rejectValue("budget[" + i + "].year", "validation.year");
                ok = false;
            }
            if (row.organisationId() == null) {
                errors.rejectValue("budget[" + i + "].organisationId", "validation.choose");
                ok = false;
            }
            Optional<Money> amount = MoneyField.read(row.amount(), "budget[" + i + "].amount", errors);
            if (amount.isEmpty()) {
                ok = false;
            } else if (!amount.get().isPositive()) {
                errors.rejectValue("budget[" + i + "].amount", "application.error.amountPositive");
                ok = false;
            }
            if (ok) {
                lines.add(new ApplicationContent.BudgetLine(year, row.organisationId(), amount.get()));
            }
        }
        if (!ok || errors.hasErrors()) {
            return Optional.empty();
        }
        List<String> hypotheses = trialActions == null ? List.of()
                : Arrays.stream(trialActions.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
        for (String hypothesis : hypotheses) {
            if (hypothesis.length() > 500) {
                errors.rejectValue("trialActions", "validation.tooLong");
                return Optional.empty();
            }
        }
        return Optional.of(new ApplicationContent(title, summary, effectEconomy, effectHealth, effectCitizens,
                innovationType, lines, hypotheses));
    }
}
