package dk.tvaers.monitoring;

import dk.tvaers.monitoring.ImportFormat.FileSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of an incremental import against the data already in the store (docs/import-format-v1.md, "Incremental
 * imports"), run on the files {@link ImportChecks} staged: unlike those checks, these name what is wrong, as errors
 * the analyst reads on the import's page.
 */
final class AppendChecks {

    private static final String ERROR = "monitoring.import.error.";

    private AppendChecks() {}

    /**
     * The rules of an incremental import (docs/import-format-v1.md, "Incremental imports"), checked on the staged
     * files against the data in the store: there are data to add to; no person, contact id, death or inclusion is
     * there already; every row names a person of the store or of the new persons; every event lies after the data's
     * cut-off. One error per rule and file, with the count, the data version and up to five examples.
     */
    static List<ImportFormat.RowError> appendProblems(Connection duck, Path dir) throws SQLException {
        var problems = new ArrayList<ImportFormat.RowError>();
        String version;
        String cutoff;
        try (Statement statement = duck.createStatement();
                ResultSet rs = statement.executeQuery("SELECT CAST(version AS VARCHAR), "
                        + "strftime(cutoff_ts, '%Y-%m-%dT%H:%M') FROM data_version WHERE EXISTS (SELECT 1 FROM person)")) {
            if (!rs.next()) {
                problems.add(new ImportFormat.RowError("", 0, ERROR + "append.noData", null));
                return problems;
            }
            version = rs.getString(1);
            cutoff = rs.getString(2);
        } catch (SQLException e) {
            problems.add(new ImportFormat.RowError("", 0, ERROR + "append.noData", null));
            return problems;
        }
        String[][] already = {
            {"person", "person_id", "s.person_id", "p.person_id = s.person_id"},
            {"hospital_contact", "contact_id", "s.contact_id", "p.contact_id = s.contact_id"},
            {"death", "person_id", "s.person_id", "p.person_id = s.person_id"},
            {"inclusion", "person_id", "s.person_id || ' ' || s.initiative_id",
                "p.person_id = s.person_id AND p.initiative_id = s.initiative_id"}};
        for (String[] rule : already) {
            problem(duck, problems, dir, rule[0], rule[1], "append.exists", List.of(version), rule[2],
                    "EXISTS (SELECT 1 FROM " + rule[0] + " p WHERE " + rule[3] + ")");
        }
        for (FileSpec spec : ImportFormat.FILES) {
            if (spec != ImportFormat.PERSONS) {
                problem(duck, problems, dir, spec.table(), "person_id", "append.unknownPerson", List.of(version),
                        "s.person_id", "NOT EXISTS (SELECT 1 FROM person p WHERE p.person_id = s.person_id) AND NOT "
                                + "EXISTS (SELECT 1 FROM stage_person p WHERE p.person_id = s.person_id)");
            }
        }
        String[][] dated = {{"hospital_contact", "start_ts", "s.contact_id", "s.start_ts <= TIMESTAMP '%s'"},
            {"gp_contact", "contact_date", "s.person_id || ' ' || s.contact_date", "s.contact_date <= DATE '%s'"},
            {"municipal_service", "service_date", "s.person_id || ' ' || s.service_date", "s.service_date <= DATE '%s'"},
            {"death", "death_date", "s.person_id || ' ' || s.death_date", "s.death_date <= DATE '%s'"},
            {"registration", "registration_date", "s.person_id || ' ' || s.registration_date",
                "s.registration_date <= DATE '%s'"}};
        for (String[] rule : dated) {
            String limit = rule[3].contains("TIMESTAMP") ? cutoff.replace('T', ' ') : cutoff.substring(0, 10);
            problem(duck, problems, dir, rule[0], rule[1], "append.notAfterCutoff", List.of(cutoff), rule[2],
                    rule[3].formatted(limit));
        }
        return problems;
    }

    /** One rule over one staged file: an error naming how many rows break it, then {@code more}, then examples. */
    private static void problem(Connection duck, List<ImportFormat.RowError> problems, Path dir, String table,
            String column, String key, List<String> more, String example, String condition) throws SQLException {
        try (Statement statement = duck.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*), string_agg(e, ', ') FILTER (WHERE n <= 5) "
                        + "FROM (SELECT " + example + " AS e, row_number() OVER (ORDER BY " + example + ") AS n FROM stage_"
                        + table + " s WHERE " + condition + ")")) {
            rs.next();
            long count = rs.getLong(1);
            if (count > 0) {
                FileSpec spec = ImportFormat.FILES.stream().filter(f -> f.table().equals(table)).findFirst()
                        .orElseThrow();
                String file = Files.exists(dir.resolve(spec.parquetName())) ? spec.parquetName() : spec.fileName();
                var arguments = new ArrayList<String>();
                arguments.add(String.valueOf(count));
                arguments.addAll(more);
                arguments.add(rs.getString(2));
                problems.add(new ImportFormat.RowError(file, 0, ERROR + key, column, arguments, 0));
            }
        }
    }
}
