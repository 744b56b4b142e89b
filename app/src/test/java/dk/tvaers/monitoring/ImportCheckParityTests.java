package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The import checks a value twice: in DuckDB ({@link ImportChecks}, every accepted import) and in Java
 * ({@link RowChecker}, which names the bad rows of a refused one). They must say the same of every value, or an
 * import DuckDB accepts would be one the row checker refuses. Seeded random values around each column's rule (ADR
 * 0027) and the edge cases that differ between the two readers (hour 24, exponents, signs, padding, spaces).
 */
class ImportCheckParityTests {

    private static final String[] EDGES = {" ", "  ", "0", "00", "-0", "+1", "1e2", "1E2", ".5", "1.", "1.234",
        "12345678.99", "123456789", "123456789.5", "1.50", "2024-02-29", "2023-02-29", "2024-2-3", " 2024-02-03",
        "2024-02-03 ", "2024-02-30", "0000-01-01", "9999-12-31", "2024-13-01", "2024-02-29T24:00", "2024-02-29T23:59",
        "2024-02-29T23:60", "2024-02-29 08:00", "2024-02-29T08:00:00", "2024-02-29T8:00", "2024-02-03T08:00",
        "DJ441", "DJ44", "DJ44 DA01", "DJ44 ", " DJ44", "DJ44  DA01", "DJ441XYZ", "DJ441XYZW", "dj441", "DÆ44",
        "true", "false", "TRUE", "t", "1", "yes", "ATA1", "ATA3", "ata1", "ALCA00", "ALCA01", "F", "M", "K", "751",
        "75", "7510", "BASIC", "VOCATIONAL", "HIGHER", "LOW", "MIDDLE", "HIGH", "TARGET", "COMPARISON", "HOME_CARE",
        "home_care", "EQ5D", "EQ-5D", "2024", "2099", "1999", "20245", "P-1_x", "Ø", "A".repeat(40), "A".repeat(41),
        "1".repeat(15), "1".repeat(16), "a,b", "\uFFFD", "x'y", "\\", "%", "A B"};
    private static final String ALPHABET = "0123456789-:T .,ADJFMabcØ_ '\\+eE";

    @Test
    void duckdbAndJavaAcceptExactlyTheSameValuesOfEveryColumn() throws Exception {
        var random = new SplittableRandom(16);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            int compared = 0;
            for (ImportFormat.FileSpec spec : ImportFormat.FILES) {
                for (ImportFormat.Column column : spec.columns0()) {
                    var values = new LinkedHashSet<String>(List.of(EDGES));
                    for (int i = 0; i < 400; i++) {
                        values.add(mutate(EDGES[random.nextInt(EDGES.length)], random));
                    }
                    values.remove("");
                    var list = new ArrayList<>(values);
                    boolean[] duckdb = acceptedByDuckDb(duck, column, list);
                    for (int i = 0; i < list.size(); i++) {
                        String value = list.get(i);
                        boolean java = column.check() == null || column.check().problem(value) == null;
                        assertThat(duckdb[i]).as("%s.%s »%s«", spec.fileName(), column.name(), value)
                                .isEqualTo(java);
                        compared++;
                    }
                }
            }
            assertThat(compared).isGreaterThan(10_000);
        }
    }

    /**
     * The DuckDB check of a Parquet file's text columns does not look for commas and line breaks itself
     * ({@link ImportChecks}): it relies on every column's check refusing a value that holds one. Each accepted value
     * of each column, with a comma, a carriage return or a line feed put at its start, in its middle and at its end,
     * must be refused by DuckDB's check and by Java's.
     */
    @Test
    void noColumnAcceptsAValueHoldingACommaOrALineBreak() throws Exception {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            int tried = 0;
            for (ImportFormat.FileSpec spec : ImportFormat.FILES) {
                for (ImportFormat.Column column : spec.columns0()) {
                    var values = new ArrayList<String>();
                    for (String edge : EDGES) {
                        if (column.check().problem(edge) != null) {
                            continue;
                        }
                        for (String bad : new String[] {",", "\r", "\n", "\r\n"}) {
                            values.add(bad + edge);
                            values.add(edge.substring(0, edge.length() / 2) + bad + edge.substring(edge.length() / 2));
                            values.add(edge + bad);
                        }
                    }
                    assertThat(values).as("%s.%s has accepted values to try", spec.fileName(), column.name())
                            .isNotEmpty();
                    boolean[] duckdb = acceptedByDuckDb(duck, column, values);
                    for (int i = 0; i < values.size(); i++) {
                        String value = values.get(i);
                        assertThat(duckdb[i]).as("DuckDB: %s.%s »%s«", spec.fileName(), column.name(), value)
                                .isFalse();
                        assertThat(column.check().problem(value)).as("Java: %s.%s »%s«", spec.fileName(),
                                column.name(), value).isNotNull();
                        tried++;
                    }
                }
            }
            assertThat(tried).isGreaterThan(1_000);
        }
    }

    /** Whether the column's DuckDB check accepts each of the values, in their order. */
    private static boolean[] acceptedByDuckDb(Connection duck, ImportFormat.Column column, List<String> values)
            throws SQLException {
        try (Statement statement = duck.createStatement()) {
            statement.execute("CREATE OR REPLACE TEMP TABLE v (i INTEGER, x VARCHAR)");
            try (var insert = duck.prepareStatement("INSERT INTO v VALUES (?, ?)")) {
                for (int i = 0; i < values.size(); i++) {
                    insert.setInt(1, i);
                    insert.setString(2, values.get(i));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            boolean[] accepted = new boolean[values.size()];
            try (ResultSet rs = statement.executeQuery("SELECT i, coalesce(" + column.sql().formatted("x")
                    + ", false) FROM v ORDER BY i")) {
                while (rs.next()) {
                    accepted[rs.getInt(1)] = rs.getBoolean(2);
                }
            }
            return accepted;
        }
    }

    /** A value with one to three characters replaced, inserted or removed. */
    private static String mutate(String value, SplittableRandom random) {
        var b = new StringBuilder(value);
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            int at = b.isEmpty() ? 0 : random.nextInt(b.length());
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            switch (random.nextInt(3)) {
                case 0 -> {
                    if (!b.isEmpty()) {
                        b.setCharAt(at, c);
                    }
                }
                case 1 -> b.insert(at, c);
                default -> {
                    if (!b.isEmpty()) {
                        b.deleteCharAt(at);
                    }
                }
            }
        }
        return b.toString();
    }
}
