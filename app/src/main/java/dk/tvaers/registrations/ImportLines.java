package dk.tvaers.registrations;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of one file as they are checked: their problems (the first {@link RegistrationImport#MAX_PROBLEMS} kept, all counted),
 * the file's courses numbered as they first appear, and which course, time point and indicator a line already
 * registered (the same registration twice is refused with both lines). Parsed dates and checked values are
 * remembered per text, since a file repeats them a million times.
 */
final class ImportLines {

    private static final int MEMO = 10_000;

    final Scheme scheme;
    final Long onlyUnit;
    final LocalDate today;
    final List<Problem> problems = new ArrayList<>();
    long total;
    long rows;
    final List<String> courses = new ArrayList<>();
    private final Map<String, Integer> courseNumbers = new HashMap<>();
    private final Map<String, Integer> indicatorSlots = new HashMap<>();
    private final Map<String, LocalDate> dates = new HashMap<>();
    private final Map<String, Map<String, Indicator.Check>> checks = new HashMap<>();
    /** The line that registered course × time point × indicator first. */
    private final Map<Long, Integer> firstLine = new HashMap<>();
    /** What the file's courses contribute to the benchmark's tally, as far as their lines tell. */
    final ImportTally tally;

    ImportLines(Scheme scheme, Long onlyUnit, LocalDate today) {
        this.scheme = scheme;
        this.onlyUnit = onlyUnit;
        this.today = today;
        for (Indicator indicator : scheme.indicators()) {
            indicatorSlots.put(indicator.code(), indicatorSlots.size());
        }
        this.tally = new ImportTally(scheme, indicatorSlots);
    }

    void add(Problem problem) {
        total++;
        if (problems.size() < RegistrationImport.MAX_PROBLEMS) {
            problems.add(problem);
        }
    }

    /** Checks one line; appends its COPY text and returns true, or adds its problems and returns false. */
    boolean check(String[] f, int line, StringBuilder out) {
        long totalBefore = total;
        if (!scheme.code().equals(f[0].strip()) || !String.valueOf(scheme.version()).equals(f[1].strip())) {
            add(new Problem(line, "scheme_code", "registration.error.otherScheme",
                    List.of(scheme.code() + " v" + scheme.version())));
        }
        Unit unit = scheme.unitByCode(f[2].strip()).orElse(null);
        if (unit == null) {
            add(new Problem(line, "unit_code", "registration.error.unit", List.of(f[2])));
        } else if (onlyUnit != null && unit.organisationId() != onlyUnit) {
            add(new Problem(line, "unit_code", "registration.error.otherUnit", List.of(f[2])));
        }
        String person = f[3].strip();
        if (!Registrations.PERSON_REF.matcher(person).matches()) {
            add(new Problem(line, "person_id", "registration.error.personRef", List.of()));
        }
        LocalDate start = date(f[4].strip());
        if (start == null) {
            add(new Problem(line, "course_start", "registration.error.date", List.of()));
        } else if (start.isAfter(today)) {
            add(new Problem(line, "course_start", "registration.error.futureStart", List.of()));
        }
        TimePoint tp = null;
        try {
            tp = TimePoint.valueOf(f[5].strip());
        } catch (IllegalArgumentException e) {
            add(new Problem(line, "time_point", "registration.error.timePoint",
                    List.of("START, DURING, END, FOLLOW_UP")));
        }
        Indicator indicator = scheme.indicator(f[6].strip()).orElse(null);
        Indicator.Checked value = null;
        if (indicator == null) {
            add(new Problem(line, "indicator", "registration.error.indicator", List.of(f[6])));
        } else {
            if (tp != null && !indicator.dueAt(tp)) {
                add(new Problem(line, "time_point", "registration.error.notAtTimePoint",
                        List.of(indicator.code(), tp.name())));
            }
            if (f[7].isBlank()) {
                add(new Problem(line, "value", "registration.error.required", List.of()));
            } else {
                Indicator.Check check = check(indicator, f[7]);
                if (check.problem() != null) {
                    add(check.problem().onLine(line, "value"));
                } else {
                    value = check.value();
                }
            }
        }
        if (total > totalBefore) {
            return false;
        }
        String courseKey = unit.organisationId() + "\t" + person + "\t" + start;
        Integer course = courseNumbers.get(courseKey);
        if (course == null) {
            course = courses.size();
            courseNumbers.put(courseKey, course);
            courses.add(courseKey);
            tally.course(unit.organisationId(), start);
        }
        long slot = ((long) course * TimePoint.values().length + tp.ordinal()) * indicatorSlots.size()
                + indicatorSlots.get(indicator.code());
        Integer first = firstLine.putIfAbsent(slot, line);
        if (first != null) {
            add(new Problem(line, "indicator", "registration.error.duplicate", List.of((long) first)));
            return false;
        }
        if (problems.isEmpty()) {
            out.append(course).append('\t').append(tp.name()).append('\t').append(indicator.code()).append('\t')
                    .append(escape(value.text())).append('\t')
                    .append(value.number() == null ? "\\N" : value.number().toPlainString()).append('\n');
            tally.value(course, tp, indicator.code(), value.number());
        }
        rows++;
        return true;
    }

    private LocalDate date(String text) {
        LocalDate known = dates.get(text);
        if (known != null || dates.containsKey(text)) {
            return known;
        }
        LocalDate parsed;
        try {
            parsed = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            parsed = null;
        }
        if (dates.size() < MEMO) {
            dates.put(text, parsed);
        }
        return parsed;
    }

    private Indicator.Check check(Indicator indicator, String raw) {
        Map<String, Indicator.Check> known = checks.computeIfAbsent(indicator.code(), c -> new HashMap<>());
        Indicator.Check check = known.get(raw);
        if (check == null) {
            check = indicator.check(raw);
            if (known.size() < MEMO) {
                known.put(raw, check);
            }
        }
        return check;
    }

private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
}
}
