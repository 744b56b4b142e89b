package dk.tvaers.funding;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.shared.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/**
 * The tranche rows that the grant form and the Task Force's decision form read the same way: empty rows skipped,
 * a half-filled row an error beside the field that is missing, an amount that is not one an error beside it.
 */
class TrancheRowsTests {

    /** A form with a list of tranche rows, as both forms bind them. */
    public record Form(String amount, List<TrancheRows.Row> tranches) {}

    private static BindingResult errorsOf(Form form) {
        return new BeanPropertyBindingResult(form, "form");
    }

    @Test
    void aNewFormOffersFourEmptyRowsThatReadAsNoTranches() {
        List<TrancheRows.Row> rows = TrancheRows.blank();
        var errors = errorsOf(new Form("", rows));

        assertThat(rows).hasSize(TrancheRows.OFFERED);
        assertThat(TrancheRows.read(rows, errors)).isEmpty();
        assertThat(errors.hasErrors()).isFalse();
    }

    @Test
    void filledRowsBecomeTranchesInOrderAndEmptyOnesAreSkipped() {
        var rows = new ArrayList<TrancheRows.Row>();
        rows.add(new TrancheRows.Row("100.000", LocalDate.of(2027, 3, 1)));
        rows.add(new TrancheRows.Row("", null));
        rows.add(null);
        rows.add(new TrancheRows.Row("50000,50", LocalDate.of(2027, 9, 1)));
        var errors = errorsOf(new Form("", rows));

        assertThat(TrancheRows.read(rows, errors)).containsExactly(
                new GrantDecision.NewTranche(new Money(10_000_000), LocalDate.of(2027, 3, 1)),
                new GrantDecision.NewTranche(new Money(5_000_050), LocalDate.of(2027, 9, 1)));
        assertThat(errors.hasErrors()).isFalse();
    }

    @Test
    void aHalfFilledRowOrAWrongAmountIsAnErrorBesideItsField() {
        var rows = List.of(
                new TrancheRows.Row("100.000", null),
                new TrancheRows.Row("", LocalDate.of(2027, 3, 1)),
                new TrancheRows.Row("hundrede", LocalDate.of(2027, 3, 1)));
        var errors = errorsOf(new Form("", rows));

        assertThat(TrancheRows.read(rows, errors)).isEmpty();
        assertThat(errors.getFieldError("tranches[0].reportDue").getCode()).isEqualTo("funding.error.reportDueRequired");
        assertThat(errors.getFieldError("tranches[1].amount").getCode()).isEqualTo("validation.amount.required");
        assertThat(errors.getFieldError("tranches[2].amount").getCode()).isEqualTo("validation.amount.invalid");
        assertThat(errors.getErrorCount()).isEqualTo(3);
    }

    @Test
    void noRowsAtAllReadAsNoTranches() {
        var errors = errorsOf(new Form("", null));

        assertThat(TrancheRows.read(null, errors)).isEmpty();
        assertThat(errors.hasErrors()).isFalse();
    }
}
