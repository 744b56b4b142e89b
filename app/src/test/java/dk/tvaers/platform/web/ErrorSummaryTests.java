package dk.tvaers.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The error summary reads a page's fields, in page order, with their labels, from the page's template. */
class ErrorSummaryTests {

    @Test
    void readsTheFieldsOfAPageInOrderWithTheirLabels() {
        var labels = new ErrorSummary().labelsOf("ideas/form");

        assertThat(labels.keySet()).containsSubsequence("title", "problem", "proposal", "beneficiaries", "sectors",
                "innovationType", "region", "name", "email", "showName");
        assertThat(labels).containsEntry("title", "idea.title").containsEntry("sectors", "idea.sectors")
                .containsEntry("name", "idea.name");
    }

    /** The case form names its sections' fields by an expression: they stand where that call does. */
    @Test
    void fieldsNamedByAnExpressionStandWhereTheTemplateHasThem() {
        var labels = new ErrorSummary().labelsOf("catalog/form");

        assertThat(labels.keySet()).containsSubsequence("title", "actors", ErrorSummary.DYNAMIC_FIELDS, "cost");
    }

    @Test
    void aTemplateWithoutFieldFragmentsGivesNoLabels() {
        assertThat(new ErrorSummary().labelsOf("pages/home")).isEmpty();
        assertThat(new ErrorSummary().labelsOf("no/such/template")).isEmpty();
    }
}
