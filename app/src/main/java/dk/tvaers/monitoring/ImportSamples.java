package dk.tvaers.monitoring;

import dk.tvaers.indicators.SyntheticData;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * What the import page offers to try the format: the format's description rendered as HTML, template files (the
 * header of every file, as CSV and as empty typed Parquet files) and a small generated example set (seeded
 * {@link SyntheticData}) for a chosen initiative, each as a ZIP file.
 */
@Component
public class ImportSamples {

    /** The example set's size and seed: the same files every time. */
    static final int EXAMPLE_PERSONS = 200;
    static final long EXAMPLE_SEED = 42;

    private final String formatHtml;

    ImportSamples() throws IOException {
        var extensions = java.util.List.of(TablesExtension.create());
        try (var in = ImportSamples.class.getResourceAsStream("/docs/import-format-v1.md")) {
            String markdown = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String html = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).build()
                    .render(Parser.builder().extensions(extensions).build().parse(markdown));
            // the design system's tables, scrolling on their own (and reachable by keyboard) on a narrow screen;
            // raw HTML of the document is escaped, so every "<table" here is the renderer's
            formatHtml = html.replace("<table>", "<div class=\"table--responsive-scroll\" tabindex=\"0\">"
                    + "<table class=\"table table--zebra\">").replace("</table>", "</table></div>");
        }
    }

    /** docs/import-format-v1.md as HTML (raw HTML in it is escaped). */
    public String formatHtml() {
        return formatHtml;
    }

    /** A ZIP of every file of the format with its header line only. */
    public void csvTemplates(OutputStream out) throws IOException {
        try (var zip = new ZipOutputStream(out)) {
            for (ImportFormat.FileSpec spec : ImportFormat.FILES) {
                zip.putNextEntry(new ZipEntry(spec.fileName()));
                zip.write((ImportFormat.header(spec) + "\n").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    /** A ZIP of every file of the format as an empty Parquet file with the format's columns and types. */
    public void parquetTemplates(OutputStream out) throws IOException {
        Path dir = Files.createTempDirectory("tvaers-templates");
        try {
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                    Statement statement = duck.createStatement()) {
                for (ImportFormat.FileSpec spec : ImportFormat.FILES) {
                    String columns = spec.columns0().stream()
                            .map(c -> "CAST(NULL AS " + c.type() + ") AS " + c.name())
                            .collect(Collectors.joining(", "));
                    statement.execute("COPY (SELECT " + columns + " WHERE false) TO '"
                            + dir.resolve(spec.parquetName()).toAbsolutePath() + "' (FORMAT parquet)");
                }
            } catch (SQLException e) {
                throw new IOException("could not write the Parquet templates", e);
            }
            zip(dir, out);
        } finally {
            delete(dir);
        }
    }

    /** A ZIP of a small generated example set whose inclusions name this initiative. */
    public void example(long initiativeId, OutputStream out) throws IOException {
        Path dir = Files.createTempDirectory("tvaers-example");
        try {
            SyntheticData.write(new SyntheticData.Options(EXAMPLE_PERSONS, EXAMPLE_SEED, 6, 0.5, initiativeId, false),
                    dir);
            zip(dir, out);
        } finally {
            delete(dir);
        }
    }

    private static void zip(Path dir, OutputStream out) throws IOException {
        try (var zip = new ZipOutputStream(out); var files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory of synthetic rows only
        }
    }
}
