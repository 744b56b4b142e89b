package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The row checker refuses what the loader (DuckDB read_csv) would refuse, naming file, line and column: bytes that are
 * not UTF-8, line ends that change within a file, a carriage return inside a line, and dates that do not exist.
 */
class ImportRowCheckTests {

    private static final String PERSONS = "person_id,birth_date,sex,municipality_code,education,income_group,living_alone";

    @TempDir
    Path dir;

    private List<ImportFormat.RowError> check(ImportFormat.FileSpec spec, byte[] content) throws Exception {
        Path file = dir.resolve(spec.fileName());
        Files.write(file, content);
        return ImportFormat.check(spec, file, null, 100, line -> {}).errors();
    }

    private static byte[] bytes(Object... parts) {
        var out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof byte[] b ? b : part.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void namesTheLineAndColumnOfBytesThatAreNotUtf8() throws Exception {
        // "HØJ" saved as Latin-1 (Ø = 0xD8) in income_group on line 3
        var errors = check(ImportFormat.PERSONS, bytes(PERSONS, "\n", "A,1950-03-01,F,751,BASIC,LOW,true\n",
                "B,1980-01-01,M,751,HIGHER,H", new byte[] {(byte) 0xD8}, "J,false\n",
                "C,1981-01-01,M,751,HIGHER,HIGH,false\n"));
        assertThat(errors).containsExactly(new ImportFormat.RowError("persons.csv", 3,
                "monitoring.import.error.encoding", "income_group"));
    }

    @Test
    void refusesALineEndThatDiffersFromTheHeadersAndACarriageReturnInsideALine() throws Exception {
        var errors = check(ImportFormat.PERSONS, bytes(PERSONS, "\r\n", "A,1950-03-01,F,751,BASIC,LOW,true\r\n",
                "B,1980-01-01,M,751,HIGHER,HIGH,false\n", "C,1981-01-01,M,751,VOC\rATIONAL,HIGH,false\r\n",
                "D,1982-01-01,F,751,BASIC,LOW,true"));
        assertThat(errors).containsExactly(
                new ImportFormat.RowError("persons.csv", 3, "monitoring.import.error.lineEnd", "living_alone"),
                new ImportFormat.RowError("persons.csv", 4, "monitoring.import.error.carriageReturn", "education"));
    }

    @Test
    void oneLineEndThroughoutIsFineEitherWay() throws Exception {
        assertThat(check(ImportFormat.PERSONS, bytes(PERSONS, "\r\n", "A,1950-03-01,F,751,BASIC,LOW,true\r\n")))
                .isEmpty();
        assertThat(check(ImportFormat.PERSONS, bytes("\uFEFF", PERSONS, "\n", "A,1950-03-01,F,751,BASIC,LOW,true")))
                .isEmpty();
    }

    @Test
    void refusesThe30thOfFebruaryInDatesAndTimestamps() throws Exception {
        assertThat(check(ImportFormat.PERSONS, bytes(PERSONS, "\n", "A,1950-02-30,F,751,BASIC,LOW,true\n",
                "B,1952-02-29,F,751,BASIC,LOW,true\n", "C,1953-02-29,F,751,BASIC,LOW,true\n")))
                .containsExactly(
                        new ImportFormat.RowError("persons.csv", 2, "monitoring.import.error.date", "birth_date"),
                        new ImportFormat.RowError("persons.csv", 4, "monitoring.import.error.date", "birth_date"));
        String header = String.join(",", ImportFormat.HOSPITAL_CONTACTS.columns());
        var errors = ImportFormat.check(ImportFormat.HOSPITAL_CONTACTS, write("hospital_contacts.csv", header + "\n"
                + "C1,A,2024-02-30T08:00,,ATA1,ALCA00,DJ441,,100,2024,false\n"
                + "C2,A,2024-02-29T08:00,2024-02-31T09:00,ATA1,ALCA00,DJ441,,100,2024,false\n"
                + "C3,A,2024-02-29T24:00,,ATA1,ALCA00,DJ441,,100,2024,false\n"
                + "C4,A,2024-02-29T08:00,2024-03-01T09:00,ATA1,ALCA00,DJ441,,100,2024,false\n"), new HashSet<>(
                        List.of("A")), 100, line -> {}).errors();
        assertThat(errors).containsExactly(
                new ImportFormat.RowError("hospital_contacts.csv", 2, "monitoring.import.error.timestamp", "start_ts"),
                new ImportFormat.RowError("hospital_contacts.csv", 3, "monitoring.import.error.timestamp", "end_ts"),
                new ImportFormat.RowError("hospital_contacts.csv", 4, "monitoring.import.error.timestamp", "start_ts"));
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void anEmptyFileSaysItIsEmptyAndABadValueNamesTheAllowedOnes() throws Exception {
        assertThat(check(ImportFormat.PERSONS, new byte[0])).containsExactly(
                new ImportFormat.RowError("persons.csv", 1, "monitoring.import.error.emptyFile", null));
        assertThat(check(ImportFormat.PERSONS, bytes(PERSONS, "\n"))).containsExactly(
                new ImportFormat.RowError("persons.csv", 1, "monitoring.import.error.noRows", null));
        // a population by rule needs no inclusion events: a header alone is fine there
        assertThat(check(ImportFormat.INCLUSIONS, bytes(String.join(",", ImportFormat.INCLUSIONS.columns()), "\n")))
                .isEmpty();
        assertThat(check(ImportFormat.PERSONS, bytes(PERSONS, "\n", "A,1950-03-01,K,751,BASIC,LOW,ja\n")))
                .containsExactly(new ImportFormat.RowError("persons.csv", 2, "monitoring.import.error.oneOf.sex", "sex",
                        java.util.List.of("K"), 0));
    }
}
