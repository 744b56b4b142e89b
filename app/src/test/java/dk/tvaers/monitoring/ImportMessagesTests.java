package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.initiatives.Initiatives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Import messages that explain themselves (issue 12 items 10 and 11): one message for a wrong header naming the
 * column and the expected header, duplicates naming both lines, an empty file, a bad value with the allowed values,
 * errors caused only by an earlier bad row counted under it, and inclusion events of an initiative that does not
 * exist.
 */
@IntegrationTest
class ImportMessagesTests {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    @Autowired
    Imports imports;

    @Autowired
    Initiatives initiatives;

    @Autowired
    MessageSource messages;

    @Autowired
    MockMvcTester mvc;

    @TempDir
    Path dir;

    private long initiative;

    @BeforeEach
    void copyTheFixture() throws Exception {
        initiative = ImportFixture.initiative(initiatives, "Beskeder");
        ImportFixture.copy(dir, initiative);
    }

    @Test
    void anUnknownColumnIsOneMessageNamingItAndTheExpectedHeaderNotOnePerRow() throws Exception {
        var rows = new ArrayList<String>();
        rows.add("person_id,birth_date,sex,kommune,education,income_group,living_alone");
        for (int i = 0; i < 466; i++) {
            rows.add("P" + i + ",1950-01-01,F,751,BASIC,LOW,true");
        }
        Files.write(dir.resolve("persons.csv"), rows);
        ImportJob refused = importOf(dir);
        assertThat(refused.errorCount()).isEqualTo(1);
        var error = imports.errors(refused.id()).getFirst();
        assertThat(error).isEqualTo(new ImportFormat.RowError("persons.csv", 1,
                "monitoring.import.error.header.unknown", "kommune",
                List.of("kommune", "person_id,birth_date,sex,municipality_code,education,income_group,living_alone"),
                0));
        assertThat(text(error)).isEqualTo("Kolonnen kommune hører ikke til filen. Forventet overskrift: "
                + "person_id,birth_date,sex,municipality_code,education,income_group,living_alone");
        assertThat(text(imports.errors(refused.id()).getFirst())).doesNotContain("rækker");
    }

    @Test
    void aMissingColumnIsNamedWithTheExpectedHeader() throws Exception {
        Files.writeString(dir.resolve("deaths.csv"), "person_id\nA\n");
        ImportJob refused = importOf(dir);
        assertThat(imports.errors(refused.id())).containsExactly(new ImportFormat.RowError("deaths.csv", 1,
                "monitoring.import.error.header.missing", "death_date", List.of("death_date", "person_id,death_date"),
                0));
    }

    @Test
    void aDuplicateContactIdNamesTheIdAndBothLines() throws Exception {
        var lines = new ArrayList<>(Files.readAllLines(dir.resolve("hospital_contacts.csv")));
        lines.set(8, lines.get(8).replaceFirst("^B2,", "A3,")); // line 9 repeats line 6's contact id
        Files.write(dir.resolve("hospital_contacts.csv"), lines);
        ImportJob refused = importOf(dir);
        assertThat(refused.status()).isEqualTo(JobStatus.REFUSED);
        var errors = imports.errors(refused.id());
        assertThat(errors).containsExactly(new ImportFormat.RowError("hospital_contacts.csv", 9,
                "monitoring.import.error.duplicateContact", "contact_id", List.of("A3", "6"), 0));
        assertThat(text(errors.getFirst())).isEqualTo("Kontakt-id A3 findes også i linje 6");
    }

    @Test
    void aDuplicatePersonNamesTheEarlierLine() throws Exception {
        Files.writeString(dir.resolve("persons.csv"), "C,1940-01-01,F,657,BASIC,LOW,true\n",
                java.nio.file.StandardOpenOption.APPEND);
        ImportJob refused = importOf(dir);
        var error = imports.errors(refused.id()).getFirst();
        assertThat(error.line()).isEqualTo(8);
        assertThat(text(error)).isEqualTo("C findes allerede i linje 4");
    }

    @Test
    void anEmptyFileSaysItIsEmpty() throws Exception {
        Files.writeString(dir.resolve("gp_contacts.csv"), "");
        ImportJob refused = importOf(dir);
        var error = imports.errors(refused.id()).getFirst();
        assertThat(error.reasonKey()).isEqualTo("monitoring.import.error.emptyFile");
        assertThat(text(error)).isEqualTo("Filen er tom");
    }

    @Test
    void aBadValueListsTheAllowedValues() throws Exception {
        var lines = new ArrayList<>(Files.readAllLines(dir.resolve("hospital_contacts.csv")));
        lines.set(1, lines.get(1).replace(",ATA3,", ",AKUT,"));
        Files.write(dir.resolve("hospital_contacts.csv"), lines);
        var error = imports.errors(importOf(dir).id()).getFirst();
        assertThat(text(error)).isEqualTo("»AKUT« er ikke tilladt. Skal være ATA1 (akut) eller ATA3 (planlagt)");
    }

    @Test
    void rowsThatFailOnlyBecauseTheirPersonWasRefusedAreCountedUnderThatRow() throws Exception {
        // person B (line 3) has a date that does not exist: B's 3 contacts are then of an unknown person
        var lines = new ArrayList<>(Files.readAllLines(dir.resolve("persons.csv")));
        lines.set(2, lines.get(2).replace("1980-01-01", "1980-02-30"));
        Files.write(dir.resolve("persons.csv"), lines);
        ImportJob refused = importOf(dir);
        assertThat(refused.errorCount()).as("one error, not one per contact of B").isEqualTo(1);
        var errors = imports.errors(refused.id());
        long ownRows = 0;
        for (ImportFormat.FileSpec spec : ImportFormat.FILES) {
            int person = spec.columns().indexOf("person_id");
            if (spec != ImportFormat.PERSONS && Files.exists(dir.resolve(spec.fileName()))) {
                ownRows += Files.readAllLines(dir.resolve(spec.fileName())).stream()
                        .filter(l -> l.split(",")[person].equals("B")).count();
            }
        }
        assertThat(ownRows).isGreaterThan(1);
        assertThat(errors).containsExactly(new ImportFormat.RowError("persons.csv", 3,
                "monitoring.import.error.date", "birth_date", List.of(), ownRows));
        assertThat(mvc.get().uri("/analyse/import/" + refused.id()).with(user("a").roles("ANALYST")))
                .bodyText().contains("Derfor afvist: " + ownRows + " rækker i andre filer");
    }

    @Test
    void inclusionEventsOfAnInitiativeThatDoesNotExistStopTheImportAtTheirFirstRow() throws Exception {
        long missing = initiative + 1_000_000;
        var lines = Files.readAllLines(dir.resolve("inclusions.csv")).stream()
                .map(l -> l.replaceFirst("^([^,]*)," + initiative + ",", "$1," + missing + ",")).toList();
        Files.write(dir.resolve("inclusions.csv"), lines);
        ImportJob refused = importOf(dir);
        assertThat(refused.status()).isEqualTo(JobStatus.REFUSED);
        assertThat(refused.errorCount()).isEqualTo(1);
        var error = imports.errors(refused.id()).getFirst();
        assertThat(error).isEqualTo(new ImportFormat.RowError("inclusions.csv", 2,
                "monitoring.import.error.unknownInitiative", "initiative_id", List.of(String.valueOf(missing)),
                lines.size() - 2));
        assertThat(text(error)).startsWith("Der findes intet initiativ med id " + missing);
    }

    private String text(ImportFormat.RowError error) {
        return messages.getMessage(error.reasonKey(), error.argumentArray(), DANISH);
    }

    private ImportJob importOf(Path source) throws Exception {
        long id = imports.startFromDirectory(source, Actor.SYSTEM);
        return Awaiting.until(() -> imports.find(id).orElseThrow(), j -> j.status().finished());
    }
}
