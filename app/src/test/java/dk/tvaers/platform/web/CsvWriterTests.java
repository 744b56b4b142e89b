package dk.tvaers.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTests {

    @Test
    void writesSemicolonSeparatedQuotedRowsWithAByteOrderMark() throws Exception {
        var out = new StringWriter();
        var csv = new CsvWriter(out);

        csv.row(List.of("Navn", "Sektor"));
        csv.row(Arrays.asList("Lægehuset \"Øst\"", null));

        assertThat(out.toString()).isEqualTo("\uFEFF\"Navn\";\"Sektor\"\r\n\"Lægehuset \"\"Øst\"\"\";\"\"\r\n");
    }

    @Test
    void neutralisesFormulasSoExcelDoesNotRunThem() throws Exception {
        var out = new StringWriter();
        new CsvWriter(out).row(List.of("=HYPERLINK(\"x\")", "+1", "-2", "@SUM"));

        assertThat(out.toString()).contains("\"'=HYPERLINK(\"\"x\"\")\"").contains("\"'+1\"").contains("\"'-2\"")
                .contains("\"'@SUM\"");
    }
}
