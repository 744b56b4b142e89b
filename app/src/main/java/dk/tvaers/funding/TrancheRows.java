package dk.tvaers.funding;

import dk.tvaers.platform.web.MoneyField;
import dk.tvaers.shared.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;

/**
 * The tranche rows of a form that grants money — funding's grant form and the Task Force's decision on an
 * application — as typed (template {@code funding/tranches}): a fixed number of rows of amount and report due date,
 * empty rows skipped, each error beside its field ({@code tranches[i].amount}, {@code tranches[i].reportDue}).
 */
public final class TrancheRows {

    /** How many rows a new form offers. */
    public static final int OFFERED = 4;

    /** One row as typed: the amount in kroner and the date its progress report is due. */
    public record Row(String amount, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportDue) {

        boolean isEmpty() {
            return (amount == null || amount.isBlank()) && reportDue == null;
        }
    }

    private TrancheRows() {}

    /** The {@link #OFFERED} empty rows of a new form. */
    public static List<Row> blank() {
        return new ArrayList<>(Collections.nCopies(OFFERED, new Row("", null)));
    }

    /** The tranches of the rows that are filled in; a row missing its amount or date gets an error instead. */
    public static List<GrantDecision.NewTranche> read(List<Row> rows, BindingResult errors) {
        var tranches = new ArrayList<GrantDecision.NewTranche>();
        List<Row> typed = rows == null ? List.of() : rows;
        for (int i = 0; i < typed.size(); i++) {
            Row row = typed.get(i);
            if (row == null || row.isEmpty()) {
                continue;
            }
            Optional<Money> amount = MoneyField.read(row.amount(), "tranches[" + i + "].amount", errors);
            if (row.reportDue() == null) {
                errors.rejectValue("tranches[" + i + "].reportDue", "funding.error.reportDueRequired");
            }
            if (amount.isPresent() && row.reportDue() != null) {
                tranches.add(new GrantDecision.NewTranche(amount.get(), row.reportDue()));
            }
        }
        return tranches;
    }
}
