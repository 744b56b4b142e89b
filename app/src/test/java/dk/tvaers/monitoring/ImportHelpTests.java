package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.initiatives.Initiatives;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * What the import page offers to try the format (issue 12 item 11): the format description rendered in Tværs, the
 * template files as CSV and as Parquet with exactly the format's columns, and a generated example set that imports.
 */
@IntegrationTest
class ImportHelpTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Initiatives initiatives;

    @Autowired
    Imports imports;

    @TempDir
    Path dir;

    @Test
    void theFormatDescriptionIsAPageOfTvaersLinkedFromTheImportPage() {
        assertThat(mvc.get().uri("/analyse").with(user("a").roles("ANALYST"))).bodyText()
                .contains("href=\"/analyse/importformat\"").doesNotContain("docs/import-format-v1.md");
        assertThat(mvc.get().uri("/analyse/importformat").with(user("a").roles("ANALYST"))).hasStatusOk().bodyText()
                .contains("<h1>Import format v1 (monitoring event data)</h1>", "<table class=\"table table--zebra\">",
                        "<code>person_id</code>");
        assertThat(mvc.get().uri("/analyse/importformat").with(user("b").roles("STAFF"))).hasStatus(403);
    }

    @Test
    void theTemplatesHoldEveryFileWithTheFormatsColumnsAsCsvAndAsParquet() throws Exception {
        Map<String, byte[]> csv = unzip("/analyse/importfiler/skabeloner-csv.zip");
        assertThat(csv).hasSize(ImportFormat.FILES.size());
        for (ImportFormat.FileSpec spec : ImportFormat.FILES) {
            assertThat(new String(csv.get(spec.fileName()), StandardCharsets.UTF_8))
                    .isEqualTo(String.join(",", spec.columns()) + "\n");
        }
        Map<String, byte[]> parquet = unzip("/analyse/importfiler/skabeloner-parquet.zip");
        assertThat(parquet).hasSize(ImportFormat.FILES.size());
        try (var duck = DriverManager.getConnection("jdbc:duckdb:"); var statement = duck.createStatement()) {
            for (ImportFormat.FileSpec spec : ImportFormat.FILES) {
                Path file = dir.resolve(spec.parquetName());
                Files.write(file, parquet.get(spec.parquetName()));
                var columns = new ArrayList<String>();
                try (var rs = statement.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + file + "')")) {
                    while (rs.next()) {
                        columns.add(rs.getString("column_name") + " " + rs.getString("column_type"));
                    }
                }
                assertThat(columns).as(spec.parquetName()).isEqualTo(spec.columns0Description());
            }
        }
    }

    @Test
    void theExampleSetForAnInitiativeImports() throws Exception {
        long initiative = ImportFixture.initiative(initiatives, "Eksempel");
        Map<String, byte[]> files = unzip("/analyse/importfiler/eksempel.zip?initiativeId=" + initiative);
        assertThat(files).containsKeys("persons.csv", "hospital_contacts.csv", "inclusions.csv");
        assertThat(new String(files.get("inclusions.csv"), StandardCharsets.UTF_8).lines().skip(1))
                .isNotEmpty().allMatch(l -> l.split(",")[1].equals(String.valueOf(initiative)));
        for (var file : files.entrySet()) {
            Files.write(dir.resolve(file.getKey()), file.getValue());
        }
        long id = imports.startFromDirectory(dir, Actor.SYSTEM);
        ImportJob job = Awaiting.until(() -> imports.find(id).orElseThrow(), j -> j.status().finished());
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.persons()).isEqualTo(ImportSamples.EXAMPLE_PERSONS);
        assertThat(mvc.get().uri("/analyse/importfiler/eksempel.zip?initiativeId=" + (initiative + 1_000_000))
                .with(user("a").roles("ANALYST"))).hasStatus(404);
    }

    private Map<String, byte[]> unzip(String uri) throws Exception {
        var result = mvc.get().uri(uri).with(user("a").roles("ANALYST")).exchange();
        assertThat(result).hasStatusOk().hasContentType("application/zip");
        var files = new LinkedHashMap<String, byte[]>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        return files;
    }

}
