package dk.tvaers.monitoring;

import dk.tvaers.indicators.SyntheticData;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The true value of every indicator, computed in plain Java from what the generator decided (its episodes are
 * already the stays), independently of the SQL: the expected aggregates a run must reproduce exactly.
 */
public final class PlantedTruth {

    public record Key(String indicator, String group, String period, String stratum, String value) {}

    public record Expected(long n, BigDecimal total, Long denominator, BigDecimal median, long withEvent, boolean score) {

        /** The primary rule: 1-4 persons, or for a score 1-4 who answered. */
        boolean suppressed() {
            return n > 0 && n < 5 || score && withEvent > 0 && withEvent < 5;
        }
    }

    /** The PRO indicators and their measures (the generator's). */
    static final Map<String, String> SCORES = Map.of("PRO_EQ5D_INDEX", "EQ5D_INDEX",
            "PRO_EXPERIENCE", "PATIENT_EXPERIENCE");

    private record Stay(LocalDateTime start, LocalDateTime end, boolean acute, String firstDx, String lastDx,
            boolean cancer, boolean hospice) {}

    public static Map<Key, Expected> compute(SyntheticData.Result data, int window) throws IOException {
        Set<String> preventable = codes("/monitoring/preventable-admissions-v0-provisional.csv");
        Map<String, String> chronic = codeMap("/monitoring/chronic-conditions-v1.csv");
        Map<Key, List<long[]>> values = new TreeMap<>(Comparator.comparing(Key::toString));
        for (SyntheticData.Person p : data.persons()) {
            if (!p.included()) {
                continue;
            }
            List<Stay> stays = new ArrayList<>();
            Set<String> conditions = new HashSet<>();
            for (var episode : p.episodes()) {
                for (var c : episode.contacts()) {
                    if (c.start().isBefore(p.indexDate().atStartOfDay())
                            && chronic.containsKey(c.actionDiagnosis().substring(0, 4))) {
                        conditions.add(chronic.get(c.actionDiagnosis().substring(0, 4)));
                    }
                }
                if (!episode.contacts().getFirst().physical()) {
                    continue;
                }
                var contacts = episode.contacts();
                // the first contact: of those starting first an acute one, then the one ending last, then the lowest
                // diagnosis code (never the id: docs/indicator-sql.md)
                SyntheticData.Contact first = null;
                for (var c : contacts) {
                    if (first == null || firstBefore(c, first, data.cutoff())) {
                        first = c;
                    }
                }
                LocalDateTime end = LocalDateTime.MIN;
                boolean cancer = false;
                boolean hospice = false;
                SyntheticData.Contact last = null;
                for (var c : contacts) {
                    LocalDateTime e = c.end() == null ? data.cutoff() : c.end();
                    if (e.isAfter(end)) {
                        end = e;
                    }
                    String dx = " " + c.actionDiagnosis() + " " + c.secondaryDiagnoses() + " ";
                    cancer |= dx.contains(" DC") || dx.contains(" DD0") || dx.contains(" DZ763");
                    hospice |= c.hospice();
                }
                for (var c : contacts) {
                    LocalDateTime e = c.end() == null ? data.cutoff() : c.end();
                    if (last == null) {
                        last = c;
                        continue;
                    }
                    LocalDateTime le = last.end() == null ? data.cutoff() : last.end();
                    int cmp = e.compareTo(le);
                    if (cmp == 0) {
                        cmp = c.start().compareTo(last.start());
                    }
                    if (cmp == 0) {
                        cmp = last.actionDiagnosis().compareTo(c.actionDiagnosis());
                    }
                    if (cmp > 0) {
                        last = c;
                    }
                }
                stays.add(new Stay(first.start(), end, first.acute(), first.actionDiagnosis(), last.actionDiagnosis(),
                        cancer, hospice));
            }
            List<Stay> admissions = stays.stream().filter(s -> !s.end().isBefore(s.start().plusHours(12))).toList();
            String multimorbidity = conditions.size() >= 2 ? "MULTI" : "NOT_MULTI";
            LocalDate birthday65 = p.birthDate().plusYears(65);
            for (String period : List.of("BEFORE", "AFTER")) {
                LocalDate from = period.equals("BEFORE") ? p.indexDate().minusDays(window) : p.indexDate();
                LocalDate to = period.equals("BEFORE") ? p.indexDate() : p.indexDate().plusDays(window);
                // 65+ at some time in the period; a preventable admission counts from the 65th birthday on
                boolean aged65 = birthday65.isBefore(to);
                long acuteContacts = 0;
                long drg = 0;
                long drgAcute = 0;
                for (var episode : p.episodes()) {
                    for (var c : episode.contacts()) {
                        if (in(c.start(), from, to)) {
                            drg += c.drgOre();
                            if (c.acute() && c.physical()) {
                                acuteContacts++;
                                drgAcute += c.drgOre();
                            }
                        }
                    }
                }
                long acuteAdmissions = 0;
                long bedDays = 0;
                long preventableCount = 0;
                long indexAdmissions = 0;
                long readmissions = 0;
                for (int i = 0; i < admissions.size(); i++) {
                    Stay a = admissions.get(i);
                    if (!in(a.start(), from, to)) {
                        continue;
                    }
                    if (a.acute()) {
                        acuteAdmissions++;
                        long days = ChronoUnit.DAYS.between(a.start().toLocalDate(), a.end().toLocalDate());
                        bedDays += days == 0 ? 1 : days;
                        if ((preventable.contains(a.firstDx().substring(0, 4))
                                || a.firstDx().length() >= 5 && preventable.contains(a.firstDx().substring(0, 5)))
                                && !a.start().toLocalDate().isBefore(birthday65)) {
                            preventableCount++;
                        }
                    }
                    boolean index = !a.lastDx().startsWith("DF") && !a.cancer() && !a.hospice()
                            && (p.deathDate() == null || p.deathDate().isAfter(a.end().toLocalDate()));
                    if (index) {
                        indexAdmissions++;
                        for (int j = i + 1; j < admissions.size(); j++) {
                            Stay b = admissions.get(j);
                            if (!b.start().isBefore(a.end()) && !b.start().isAfter(a.end().plusHours(720)) && b.acute()
                                    && !b.cancer() && !excludedReadmission(b.firstDx())) {
                                readmissions++;
                                break;
                            }
                        }
                    }
                }
                long gp = 0;
                for (long[] g : p.gpContacts()) {
                    if (g[0] >= from.toEpochDay() && g[0] < to.toEpochDay()) {
                        gp += g[1];
                    }
                }
                long municipal = 0;
                for (long[] m : p.municipalCosts()) {
                    if (m[0] >= from.toEpochDay() && m[0] < to.toEpochDay()) {
                        municipal += BigDecimal.valueOf(m[2]).multiply(BigDecimal.valueOf(m[3]))
                                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
                    }
                }
                long died = p.deathDate() != null && !p.deathDate().isBefore(from) && p.deathDate().isBefore(to) ? 1 : 0;
                Map<String, long[]> row = new LinkedHashMap<>();
                row.put("MORTALITY", new long[] {died, 1});
                row.put("PREVENTABLE_ADMISSIONS", new long[] {preventableCount, aged65 ? 1 : 0});
                row.put("READMISSIONS_30D", new long[] {readmissions, 1, indexAdmissions});
                row.put("ACUTE_CONTACTS", new long[] {acuteContacts, 1});
                row.put("ACUTE_ADMISSIONS", new long[] {acuteAdmissions, 1});
                row.put("ACUTE_BED_DAYS", new long[] {bedDays, 1});
                row.put("DRG_VALUE", new long[] {drg, 1});
                row.put("DRG_VALUE_ACUTE", new long[] {drgAcute, 1});
                row.put("MUNICIPAL_COST", new long[] {municipal, 1});
                row.put("GP_COST", new long[] {gp, 1});
                row.put("TOTAL_COST", new long[] {drg + gp + municipal, 1});
                for (var score : SCORES.entrySet()) {
                    // the latest registration in the period, the highest score of that day on a tie
                    long[] latest = null;
                    for (long[] r : p.registrations()) {
                        if (SyntheticData.MEASURES[(int) r[1]].equals(score.getValue()) && r[0] >= from.toEpochDay()
                                && r[0] < to.toEpochDay() && (latest == null || r[0] > latest[0]
                                        || r[0] == latest[0] && r[2] > latest[2])) {
                            latest = r;
                        }
                    }
                    row.put(score.getKey(), latest == null ? new long[] {0, 1, 0} : new long[] {latest[2], 1, 1});
                }
                Map<String, String> strata = new LinkedHashMap<>();
                strata.put("ALL", "ALL");
                strata.put("SUBGROUP", p.subgroup() == null ? "NONE" : p.subgroup());
                strata.put("SEX", p.sex());
                strata.put("EDUCATION", p.education());
                strata.put("INCOME", p.income());
                strata.put("LIVING_ALONE", p.livingAlone() ? "ALONE" : "NOT_ALONE");
                strata.put("MULTIMORBIDITY", multimorbidity);
                for (var indicator : row.entrySet()) {
                    if (indicator.getValue()[1] == 0) {
                        continue;
                    }
                    for (var stratum : strata.entrySet()) {
                        values.computeIfAbsent(new Key(indicator.getKey(), p.group(), period, stratum.getKey(),
                                stratum.getValue()), k -> new ArrayList<>()).add(indicator.getValue());
                    }
                }
            }
        }
        Map<Key, Expected> expected = new LinkedHashMap<>();
        for (var entry : values.entrySet()) {
            List<long[]> rows = entry.getValue();
            boolean score = SCORES.containsKey(entry.getKey().indicator());
            // a score: mean and median over the persons who answered ({score, 1, answered})
            List<long[]> counted = score ? rows.stream().filter(v -> v[2] == 1).toList() : rows;
            long total = counted.stream().mapToLong(v -> v[0]).sum();
            Long denominator = entry.getKey().indicator().equals("READMISSIONS_30D")
                    ? Long.valueOf(rows.stream().mapToLong(v -> v[2]).sum()) : score ? Long.valueOf(counted.size()) : null;
            long with = score ? counted.size() : rows.stream().filter(v -> v[0] > 0).count();
            expected.put(entry.getKey(), new Expected(rows.size(), BigDecimal.valueOf(total), denominator,
                    counted.isEmpty() ? null : median(counted.stream().mapToLong(v -> v[0]).sorted().toArray()), with,
                    score));
        }
        return expected;
    }

    /** Whether contact a comes before b as a stay's first contact. */
    private static boolean firstBefore(SyntheticData.Contact a, SyntheticData.Contact b, LocalDateTime cutoff) {
        int cmp = a.start().compareTo(b.start());
        if (cmp == 0) {
            cmp = Boolean.compare(b.acute(), a.acute());
        }
        if (cmp == 0) {
            LocalDateTime ae = a.end() == null ? cutoff : a.end();
            LocalDateTime be = b.end() == null ? cutoff : b.end();
            cmp = be.compareTo(ae);
        }
        if (cmp == 0) {
            cmp = a.actionDiagnosis().compareTo(b.actionDiagnosis());
        }
        return cmp < 0;
    }

    static BigDecimal median(long[] sorted) {
        int n = sorted.length;
        if (n % 2 == 1) {
            return BigDecimal.valueOf(sorted[n / 2]);
        }
        return BigDecimal.valueOf(sorted[n / 2 - 1]).add(BigDecimal.valueOf(sorted[n / 2]))
                .divide(BigDecimal.valueOf(2));
    }

    private static boolean in(LocalDateTime t, LocalDate from, LocalDate to) {
        return !t.isBefore(from.atStartOfDay()) && t.isBefore(to.atStartOfDay());
    }

    private static boolean excludedReadmission(String dx) {
        String four = dx.substring(0, 4);
        return Set.of("DO80", "DO81", "DO82", "DO84").contains(four) || dx.startsWith("DF") || dx.startsWith("DS")
                || dx.startsWith("DT1") || dx.startsWith("DT2")
                || Set.of("DT30", "DT31", "DT32", "DT33", "DT34", "DT35", "DT51", "DT52", "DT53", "DT54", "DT55",
                        "DT56", "DT57", "DT58", "DT59").contains(four)
                || dx.startsWith("DT6") || dx.startsWith("DT7") || dx.startsWith("DT9") || dx.startsWith("DX")
                || dx.startsWith("DY");
    }

    private static Set<String> codes(String resource) throws IOException {
        return codeMap(resource).keySet();
    }

    private static Map<String, String> codeMap(String resource) throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        try (InputStream in = PlantedTruth.class.getResourceAsStream(resource)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    String[] v = lines[i].strip().split(",", 2);
                    map.put(v[0], v[1]);
                }
            }
        }
        return map;
    }

    private PlantedTruth() {}

    /** The mean of an indicator's result: per person, per index admission (ratio), per answering person (score). */
    public static double mean(Expected e) {
        long divisor = e.denominator() != null ? e.denominator() : e.n();
        return e.total().doubleValue() / divisor;
    }

    /**
     * The effect the run must report: (target after − before) − (comparison after − before) of the whole groups'
     * means, or for an indicator meaningful only after the index date the difference after.
     */
    public static double effect(Map<Key, Expected> truth, String indicator, boolean afterOnly) {
        double ta = mean(truth.get(new Key(indicator, "TARGET", "AFTER", "ALL", "ALL")));
        double ca = mean(truth.get(new Key(indicator, "COMPARISON", "AFTER", "ALL", "ALL")));
        if (afterOnly) {
            return ta - ca;
        }
        double tb = mean(truth.get(new Key(indicator, "TARGET", "BEFORE", "ALL", "ALL")));
        double cb = mean(truth.get(new Key(indicator, "COMPARISON", "BEFORE", "ALL", "ALL")));
        return ta - tb - (ca - cb);
    }
}
