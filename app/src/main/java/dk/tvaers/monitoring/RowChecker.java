package dk.tvaers.monitoring;

import dk.tvaers.monitoring.ImportFormat.Column;
import dk.tvaers.monitoring.ImportFormat.FileSpec;
import dk.tvaers.monitoring.ImportFormat.RowError;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * Checks the files of one import row by row, in the order of {@link ImportFormat#FILES} (persons first). It
 * remembers across files what the later files are checked against: the persons' ids, the persons whose row was
 * refused (a row of another file that names such a person fails only because of that row, so it is counted under
 * it, not listed as an error of its own), and which initiatives exist (an inclusion naming an unknown initiative is
 * one error at its first row, its further rows counted under it).
 */
final class RowChecker {

    private static final String ERROR = "monitoring.import.error.";

    private final Set<String> persons;
    private final LongPredicate initiativeExists;
    /** person id → line of its refused row in persons.csv. */
    private final Map<String, Long> refusedPersons = new HashMap<>();
    /** unknown initiative id → first line of inclusions.csv naming it. */
    private final Map<Long, Long> unknownInitiatives = new HashMap<>();
    private final Map<Long, Boolean> knownInitiatives = new HashMap<>();
    /** False once persons.csv could not be read at all: the other files are then not checked against it. */
    private boolean personsRead = true;
    /** "file:line" of a root error → rows that failed only because of it. */
    private final Map<String, Long> dependents = new HashMap<>();

    /**
     * @param persons filled with the ids of persons.csv and used to check the other files (null: not checked)
     * @param initiativeExists whether an initiative id exists (null: not checked)
     */
    RowChecker(Set<String> persons, LongPredicate initiativeExists) {
        this.persons = persons;
        this.initiativeExists = initiativeExists;
    }

    /** How many rows failed only because of the error at this file's line (0: none). */
    long dependentsOf(String file, long line) {
        return dependents.getOrDefault(file + ":" + line, 0L);
    }

    /** Checks every line of one file; {@code progress} hears the number of lines read now and then. */
    ImportFormat.Checked check(FileSpec spec, Path file, int limit, Consumer<Long> progress) throws IOException {
        var errors = new ArrayList<RowError>();
        long errorCount = 0;
        long line = 1;
        long rows = 0;
        Map<String, Long> keys = spec == ImportFormat.PERSONS || spec == ImportFormat.INCLUSIONS
                || spec == ImportFormat.DEATHS ? new HashMap<>() : null;
        try (RawLines reader = new RawLines(file)) {
            RawLines.Line first = reader.next();
            if (first == null) {
                personsRead &= spec != ImportFormat.PERSONS;
                errors.add(new RowError(spec.fileName(), 1, ERROR + "emptyFile", null));
                return new ImportFormat.Checked(0, errors, 1);
            }
            String header = first.text();
            if (header != null && header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            if (first.problem() != null || header == null || !header.strip().equals(ImportFormat.header(spec))) {
                // one message for the file, not one per row of this or any other file
                personsRead &= spec != ImportFormat.PERSONS;
                errors.add(headerError(spec, spec.fileName(), first.problem() != null || header == null
                        ? List.of() : List.of(header.strip().split(",", -1))));
                return new ImportFormat.Checked(0, errors, 1);
            }
            String lineEnd = first.end();
            RawLines.Line raw;
            while ((raw = reader.next()) != null) {
                line++;
                if (line % 100_000 == 0) {
                    progress.accept(line);
                }
                RowError error;
                boolean endOk = raw.end().isEmpty() || raw.end().equals(lineEnd);
                if (raw.problem() == null && endOk && raw.text().isEmpty()) {
                    continue; // an empty line is skipped, as DuckDB's CSV reader skips it (it still has its number)
                }
                rows++;
                if (raw.problem() != null || !endOk) {
                    // bytes that are not UTF-8, a lone carriage return, or a line end other than the header's
                    int index = Math.min(raw.column(), spec.columns().size() - 1);
                    error = new RowError(spec.fileName(), line, raw.problem() != null ? ERROR + raw.problem()
                            : ERROR + "lineEnd", spec.columns().get(raw.problem() != null ? index
                                    : spec.columns().size() - 1));
                } else {
                    error = checkRow(spec, line, raw.text().split(",", -1), keys);
                }
                if (error != null) {
                    errorCount++;
                    if (errors.size() < limit) {
                        errors.add(error);
                    }
                }
            }
        }
        if (rows == 0 && (spec == ImportFormat.PERSONS || spec == ImportFormat.HOSPITAL_CONTACTS)) {
            // no persons or no contacts: nothing to compute (inclusions.csv may be empty for a population by rule)
            errors.add(new RowError(spec.fileName(), 1, ERROR + "noRows", null));
            errorCount++;
        }
        return new ImportFormat.Checked(rows, errors, errorCount);
    }

    /**
     * The one error of a header that is not the format's: the first unknown column, else the first missing one,
     * else the order; each with the expected header. {@code found} is empty when the header could not be read.
     */
    static RowError headerError(FileSpec spec, String fileName, List<String> found) {
        String expected = ImportFormat.header(spec);
        var unknown = new LinkedHashSet<>(found);
        spec.columns().forEach(unknown::remove);
        var missing = new LinkedHashSet<>(spec.columns());
        found.forEach(missing::remove);
        if (found.isEmpty()) {
            return new RowError(fileName, 1, ERROR + "header", null, List.of(expected), 0);
        }
        if (!unknown.isEmpty()) {
            String column = unknown.getFirst();
            return new RowError(fileName, 1, ERROR + "header.unknown", column.isEmpty() ? null : column,
                    List.of(column, expected), 0);
        }
        if (!missing.isEmpty()) {
            return new RowError(fileName, 1, ERROR + "header.missing", missing.getFirst(),
                    List.of(missing.getFirst(), expected), 0);
        }
        return new RowError(fileName, 1, ERROR + "header.order", null, List.of(expected), 0);
    }

    private RowError checkRow(FileSpec spec, long line, String[] values, Map<String, Long> keys) {
        if (values.length != spec.columns0().size()) {
            return new RowError(spec.fileName(), line, ERROR + "columns", null,
                    List.of(String.valueOf(values.length), String.valueOf(spec.columns0().size())), 0);
        }
        for (int i = 0; i < values.length; i++) {
            Column c = spec.columns0().get(i);
            String value = values[i];
            if (value.isEmpty()) {
                if (!c.optional()) {
                    return refusedPerson(spec, line, values, new RowError(spec.fileName(), line, ERROR + "empty",
                            c.name()));
                }
            } else if (c.check() != null) {
                String reason = c.check().problem(value);
                if (reason != null) {
                    // a value outside a list names the allowed values (one message per column)
                    return refusedPerson(spec, line, values, new RowError(spec.fileName(), line, ERROR + reason
                            + (reason.equals("oneOf") ? "." + c.name() : ""), c.name(),
                            reason.equals("oneOf") ? List.of(value) : List.of(), 0));
                }
            }
        }
        if (spec == ImportFormat.HOSPITAL_CONTACTS && !values[3].isEmpty() && LocalDateTime.parse(values[3],
                ImportFormat.TIMESTAMP).isBefore(LocalDateTime.parse(values[2], ImportFormat.TIMESTAMP))) {
            return new RowError(spec.fileName(), line, ERROR + "endBeforeStart", "end_ts");
        }
        if (spec != ImportFormat.PERSONS && persons != null && personsRead) {
            String person = spec == ImportFormat.HOSPITAL_CONTACTS ? values[1] : values[0];
            if (!persons.contains(person)) {
                Long refusedAt = refusedPersons.get(person);
                if (refusedAt != null) {
                    dependents.merge(ImportFormat.PERSONS.fileName() + ":" + refusedAt, 1L, Long::sum);
                    return null;
                }
                return new RowError(spec.fileName(), line, ERROR + "unknownPerson", "person_id");
            }
        }
        if (spec == ImportFormat.INCLUSIONS && initiativeExists != null) {
            long initiative = Long.parseLong(values[1]);
            if (!knownInitiatives.computeIfAbsent(initiative, initiativeExists::test)) {
                Long firstAt = unknownInitiatives.putIfAbsent(initiative, line);
                if (firstAt != null) {
                    dependents.merge(spec.fileName() + ":" + firstAt, 1L, Long::sum);
                    return null;
                }
                return new RowError(spec.fileName(), line, ERROR + "unknownInitiative", "initiative_id",
                        List.of(values[1]), 0);
            }
        }
        if (keys != null) {
            String key = spec == ImportFormat.INCLUSIONS ? values[0] + "/" + values[1] : values[0];
            Long earlier = keys.putIfAbsent(key, line);
            if (earlier != null) {
                return new RowError(spec.fileName(), line, ERROR + "duplicate", spec.columns().getFirst(),
                        List.of(values[0], String.valueOf(earlier)), 0);
            }
        }
        if (spec == ImportFormat.PERSONS && persons != null) {
            persons.add(values[0]);
        }
        return null;
    }

    /** A refused row of persons.csv: the rows of other files naming its person are counted under it. */
    private RowError refusedPerson(FileSpec spec, long line, String[] values, RowError error) {
        if (spec == ImportFormat.PERSONS && persons != null && !values[0].isEmpty()) {
            refusedPersons.putIfAbsent(values[0], line);
        }
        return error;
    }
}
