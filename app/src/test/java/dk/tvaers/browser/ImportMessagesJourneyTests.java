package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.accounts.Actor;
import dk.tvaers.shared.Role;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.indicators.SyntheticData;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Sector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The analyst imports files with each kind of mistake and reads what is wrong (issue 12 items 10 and 11): a column
 * that does not belong, a repeated contact id, an empty file, a value outside the allowed ones, a refused person
 * whose rows elsewhere are counted under it, inclusions of an initiative that does not exist; then fixes the files
 * and imports them. The import page offers the format description, templates and example data, and looks right at
 * 1366 and 390 px with no serious axe-core findings.
 */
class ImportMessagesJourneyTests extends BrowserTest {

    @Autowired
    Initiatives initiatives;

    @TempDir
    Path good;

    @TempDir
    Path bad;

    @Test
    void theAnalystReadsEachKindOfImportErrorFixesTheFilesAndImports() throws Exception {
        String title = "Fejlbeskeder " + unique();
        long initiative = initiatives.start(new NewInitiative(title, "", InitiativeKind.PROJECT,
                InnovationType.EVERYDAY, null, EnumSet.of(Sector.REGION), null), Actor.SYSTEM);
        SyntheticData.write(new SyntheticData.Options(300, 5, 6, 0.5, initiative, false), good);

        TestUser analyst = aUserWithRoles(Role.ANALYST);
        loginAs(analyst.email(), analyst.password());
        followMenuLink("Monitorering");
        assertThat(currentPath()).isEqualTo("/analyse");
        // the page lists the initiatives with their ids and links the format, templates and example data
        find("#initiative-ids summary").click();
        assertThat(find("#initiative-ids").getText()).contains(title, String.valueOf(initiative));
        assertThat(find("#templates-csv").getDomAttribute("href")).endsWith("/analyse/importfiler/skabeloner-csv.zip");
        assertThat(find("#templates-parquet").getDomAttribute("href"))
                .endsWith("/analyse/importfiler/skabeloner-parquet.zip");
        lookAt("/analyse", "import-page");
        scan("/analyse", find("h1").getText());
        open("/analyse");
        clickAndWaitForPage(find("#format-link"));
        assertThat(currentPath()).isEqualTo("/analyse/importformat");
        assertThat(find("#import-format h1").getText()).isEqualTo("Import format v1 (monitoring event data)");
        lookAt("/analyse/importformat", "import-format");
        scan("/analyse/importformat", "Import format v1 (monitoring event data)");

        // 1. a column that does not belong: one message naming it and the expected header
        copy(good, bad);
        replaceLine(bad.resolve("persons.csv"), 0, l -> l.replace("municipality_code", "kommune"));
        importFiles(bad, "REFUSED");
        assertThat(errorRows()).containsExactly(List.of("persons.csv", "1", "kommune", "Kolonnen kommune hører ikke "
                + "til filen. Forventet overskrift: person_id,birth_date,sex,municipality_code,education,"
                + "income_group,living_alone"));
        assertThat(find("main").getText()).contains("afvist med 1 fejl");
        lookAt(currentPath(), "import-errors");
        scan(currentPath(), find("h1").getText());

        // 2. a repeated contact id: both lines and the id
        copy(good, bad);
        List<String> contacts = Files.readAllLines(good.resolve("hospital_contacts.csv"));
        String firstId = contacts.get(1).split(",")[0];
        replaceLine(bad.resolve("hospital_contacts.csv"), 3, l -> firstId + l.substring(l.indexOf(',')));
        importFiles(bad, "REFUSED");
        assertThat(errorRows()).containsExactly(List.of("hospital_contacts.csv", "4", "contact_id",
                "Kontakt-id " + firstId + " findes også i linje 2"));

        // 3. an empty file
        copy(good, bad);
        Files.writeString(bad.resolve("deaths.csv"), "");
        importFiles(bad, "REFUSED");
        assertThat(errorRows()).containsExactly(List.of("deaths.csv", "1", "", "Filen er tom"));

        // 4. a value outside the allowed ones, and 5. a refused person whose rows elsewhere are counted under it
        copy(good, bad);
        replaceLine(bad.resolve("persons.csv"), 1, l -> l.replaceFirst(",[FM],", ",K,"));
        String person = Files.readAllLines(good.resolve("persons.csv")).get(1).split(",")[0];
        importFiles(bad, "REFUSED");
        List<List<String>> rows = errorRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().subList(0, 3)).containsExactly("persons.csv", "2", "sex");
        assertThat(rows.getFirst().get(3)).startsWith("»K« er ikke tilladt. Skal være F eller M");
        long elsewhere = Files.readAllLines(good.resolve("hospital_contacts.csv")).stream()
                .filter(l -> l.split(",")[1].equals(person)).count();
        if (elsewhere > 0) {
            assertThat(rows.getFirst().get(3)).contains("Derfor afvist:", "rækker i andre filer");
        }

        // 6. inclusions of an initiative that does not exist
        copy(good, bad);
        long missing = initiative + 1_000_000;
        List<String> inclusions = Files.readAllLines(good.resolve("inclusions.csv")).stream()
                .map(l -> l.replaceFirst("^([^,]*)," + initiative + ",", "$1," + missing + ",")).toList();
        Files.write(bad.resolve("inclusions.csv"), inclusions);
        importFiles(bad, "REFUSED");
        rows = errorRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().get(3)).startsWith("Der findes intet initiativ med id " + missing);

        // fixed: the generated files as they are
        importFiles(good, "SUCCEEDED");
        assertThat(find("#job-status [role=status]").getText()).contains("300 personer");
        assertNoProblems();

        // then a month of new events, added as a new data version (issue 16)
        Path month = bad.resolve("month");
        Files.createDirectories(month);
        String someone = Files.readAllLines(good.resolve("persons.csv")).get(1).split(",")[0];
        Files.writeString(month.resolve("hospital_contacts.csv"), contacts.getFirst() + "\nNEW-" + unique() + ","
                + someone + ",2026-02-02T08:00,2026-02-02T09:00,ATA1,ALCA00,DJ441,,100000,2026,false\n");
        open("/analyse");
        find("#kind-append").click();
        importFiles(month, "SUCCEEDED", false);
        assertThat(find("#import-kind").getText()).isEqualTo("Nye hændelser (føjes til de nuværende data som en ny "
                + "dataversion)");
        assertThat(find("#job-status [role=status]").getText()).contains("0 nye personer og 1 nye sygehuskontakter");
        lookAt(currentPath(), "import-appended");
        scan(currentPath(), find("h1").getText());
    }

    private void importFiles(Path dir, String expected) throws Exception {
        importFiles(dir, expected, true);
    }

    /** {@code open}: false when the import form is open already (its choices made). */
    private void importFiles(Path dir, String expected, boolean open) throws Exception {
        if (open) {
            open("/analyse");
        }
        String files;
        try (var list = Files.list(dir)) {
            files = list.map(p -> p.toAbsolutePath().toString()).sorted().collect(Collectors.joining("\n"));
        }
        find("#files").sendKeys(files);
        clickAndWaitForPage(find("#import-submit"));
        assertThat(currentPath()).startsWith("/analyse/import/");
        waitUntil(d -> !find("#job-status").getDomAttribute("data-status").matches("QUEUED|RUNNING"));
        assertThat(find("#job-status").getDomAttribute("data-status")).isEqualTo(expected);
    }

    private List<List<String>> errorRows() {
        var rows = new ArrayList<List<String>>();
        for (var row : driver.findElements(By.cssSelector("#import-errors tbody tr"))) {
            rows.add(row.findElements(By.tagName("td")).stream().map(e -> e.getText().strip().replace("\n", " "))
                    .toList());
        }
        return rows;
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var list = Files.list(to)) {
            for (Path file : list.toList()) {
                Files.delete(file);
            }
        }
        try (var list = Files.list(from)) {
            for (Path file : list.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static void replaceLine(Path file, int index, java.util.function.UnaryOperator<String> change)
            throws Exception {
        var lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(index, change.apply(lines.get(index)));
        Files.write(file, lines);
    }
}
