package dk.tvaers.indicators;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The seeded generator of synthetic event data in import format v1 (docs/import-format-v1.md), with planted
 * effects whose true values are known. The same seed and size always give the same files.
 *
 * <p>Every person gets hospital episodes that the generator builds already merged: one episode is one
 * sygehusophold of one to three physical contacts that overlap or lie at most 3 hours apart, and two episodes
 * always lie more than a day apart, so the engine's merging must find exactly these episodes again. Planted effect
 * (ViosKlinikken): every high-risk person of the target group has exactly 4 acute contacts in the year before the
 * index date (two acute admissions of 10 bed days and two acute outpatient visits) and, in the year after, one
 * acute admission of 3 bed days plus, for every second of them, one acute outpatient visit: the median of acute
 * contacts falls from 4 to 1.5 and acute bed days fall by 17 per citizen. Their DRG values are planted too: 150,000
 * kr. before and 17,500 or 22,500 kr. after, so that the DRG value per citizen (median and mean) falls by exactly
 * 130,000 kr. (DOMAIN.md's ViosKlinikken figure). Their general-practice fees rise from 600 to 1,500 kr. and their
 * municipal services fall from 20,800 to 7,800 kr. per citizen (the per-sector gains of the economy's business case).
 * And their EQ-5D index (PRO) rises from 0.55 to 0.80, every one of them answering once in each year.
 *
 * <p>Run it: {@code ./mvnw -q exec:java -Dexec.mainClass=dk.tvaers.indicators.SyntheticData
 * -Dexec.args="--persons 100000 --seed 42 --out target/synthetic"}.
 */
public final class SyntheticData {

    /** The initiative the generated inclusion events belong to (an option: --initiative). */
    public static final long DEFAULT_INITIATIVE = 1;

    public static final LocalDate FIRST_DAY = LocalDate.of(2022, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);
    public static final String[] MUNICIPALITIES = {"615", "657", "661", "665", "671", "706", "707", "710", "727", "730",
            "740", "741", "746", "751", "756", "760", "766", "779", "791"};
    public static final String[] EDUCATION = {"BASIC", "VOCATIONAL", "HIGHER"};
    public static final String[] INCOME = {"LOW", "MIDDLE", "HIGH"};
    /** Action diagnoses drawn for random episodes, with what each tests in the definitions. */
    public static final String[] DIAGNOSES = {
        "DJ441", "DJ441", "DI500", "DI500", "DE119", // chronic (multimorbidity), not preventable
        "DJ189", "DN390", "DE86", // preventable admissions (provisional list)
        "DS720", "DT510", // injuries: excluded as readmission
        "DC341", // cancer: excluded as index and as readmission
        "DF321", // psychiatric
        "DZ763", // excluded like cancer
        "DO800", // birth
        "DR074", "DM545" // neither
    };
    public static final String[] SECONDARY = {"", "", "", "DE119", "DI109", "DJ449", "DC509", "DF329"};
    public static final String[] MUNICIPAL_SERVICES = {"HOME_CARE", "NURSING", "REHABILITATION"};
    public static final long[] MUNICIPAL_PRICES = {45_000, 52_000, 61_000};
    /** The planted DRG values (øre): the high-risk target group's DRG value per citizen falls by 130,000 kr. */
    public static final long PLANTED_ADMISSION_BEFORE_ORE = 7_000_000;
    public static final long PLANTED_VISIT_ORE = 500_000;
    public static final long PLANTED_ADMISSION_AFTER_ORE = 1_750_000;
    /**
     * The planted general-practice fees and municipal services of the high-risk target group (ViosKlinikken: the
     * clinic works with the citizen's own doctor, and fewer deteriorations need the municipality's nursing): 4
     * contacts at 150 kr. before and 10 after (600 → 1,500 kr. per citizen, 900 kr. more); 40 hours of nursing at
     * 520 kr. before and 15 after (20,800 → 7,800 kr. per citizen, 13,000 kr. less).
     */
    public static final long PLANTED_GP_FEE_ORE = 15_000;
    public static final int PLANTED_GP_CONTACTS_BEFORE = 4;
    public static final int PLANTED_GP_CONTACTS_AFTER = 10;
    public static final long PLANTED_NURSING_HOURS_BEFORE = 4_000;
    public static final long PLANTED_NURSING_HOURS_AFTER = 1_500;
    /** The PRO/experience measures registrations are drawn for: EQ-5D index (0–1) and overall experience (1–5). */
    public static final String[] MEASURES = {"EQ5D_INDEX", "PATIENT_EXPERIENCE"};
    /** The planted EQ-5D index of the high-risk target group (hundredths): 0.55 before, 0.80 after. */
    public static final long PLANTED_EQ5D_BEFORE = 55;
    public static final long PLANTED_EQ5D_AFTER = 80;
    public static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** One generated physical contact. {@code end} is null for an open contact. */
    public record Contact(String id, LocalDateTime start, LocalDateTime end, boolean acute, boolean physical,
            String actionDiagnosis, String secondaryDiagnoses, long drgOre, boolean hospice) {}

    /** One episode: contacts that form one stay (or one non-physical contact, which forms none). */
    public record Episode(List<Contact> contacts) {}

    /** Everything the generator decided about one person, for the planted-truth tests. */
    public record Person(String id, LocalDate birthDate, String sex, String municipality, String education,
            String income, boolean livingAlone, String group, String subgroup, LocalDate indexDate,
            LocalDate deathDate, List<Episode> episodes, List<long[]> gpContacts, List<long[]> municipalCosts,
            List<long[]> registrations) {

        public boolean included() {
            return group != null;
        }
    }

    /** Options: persons, seed, mean episodes per person, share included in the initiative, initiative id. */
    public record Options(int persons, long seed, double episodesPerPerson, double includedShare, long initiativeId,
            boolean keepPersons) {

        public static Options of(int persons, long seed) {
            return new Options(persons, seed, 8, 0.3, DEFAULT_INITIATIVE, true);
        }
    }

    /** What was written: the persons (when kept) and the largest timestamp, the data's cut-off for open contacts. */
    public record Result(List<Person> persons, LocalDateTime cutoff, long contacts) {}

    private SyntheticData() {}

    public static void main(String[] args) throws IOException {
        int persons = 1000;
        long seed = 42;
        Path out = Path.of("target/synthetic");
        double episodes = 8;
        long initiative = DEFAULT_INITIATIVE;
        for (int i = 0; i < args.length - 1; i += 2) {
            switch (args[i]) {
                case "--persons" -> persons = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--episodes" -> episodes = Double.parseDouble(args[i + 1]);
                case "--initiative" -> initiative = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Result result = write(new Options(persons, seed, episodes, 0.3, initiative, false), out);
        System.out.printf("wrote %d persons and %d hospital contacts to %s%n", persons, result.contacts(), out);
    }

    /** Writes the seven files of import format v1 into the directory, as CSV. */
    public static Result write(Options options, Path dir) throws IOException {
        try (var sink = new CsvSink(dir)) {
            return write(options, sink);
        }
    }

    /**
     * Where the generated rows go, one row at a time and in the order of the files' columns ({@link #FILES}, by
     * index): a CSV directory ({@link CsvSink}) or, in the application, Parquet files written directly. Values are
     * {@code String}, {@code Long}, {@code Integer}, {@code Boolean}, {@code LocalDate}, {@code LocalDateTime},
     * {@code BigDecimal} (scale 2) or null (an empty optional value).
     */
    public interface Sink extends AutoCloseable {
        void row(int file, Object... values) throws IOException;

        @Override
        void close() throws IOException;
    }

    /**
     * Generates the persons one at a time and hands their rows to the sink: nothing but the person at hand is held
     * (unless {@link Options#keepPersons}), so any size streams. The same seed and size give the same rows.
     */
    public static Result write(Options options, Sink sink) throws IOException {
        var random = new SplittableRandom(options.seed());
        List<Person> kept = options.keepPersons() ? new ArrayList<>() : null;
        LocalDateTime cutoff = LocalDateTime.MIN;
        long contactCount = 0;
        int highRiskTargets = 0;
        for (int n = 1; n <= options.persons(); n++) {
            boolean lastPerson = n == options.persons();
            Person person = SyntheticPeople.person(n, random, options, highRiskTargets, lastPerson);
            person = SyntheticPeople.withRegistrations(person, new SplittableRandom(options.seed() * 1_000_003L + n));
            if ("TARGET".equals(person.group()) && "HIGH_RISK".equals(person.subgroup())) {
                highRiskTargets++;
            }
            sink.row(0, person.id(), person.birthDate(), person.sex(), person.municipality(), person.education(),
                    person.income(), person.livingAlone());
            if (person.included()) {
                sink.row(5, person.id(), options.initiativeId(), person.indexDate(), person.group(),
                        person.subgroup());
            }
            if (person.deathDate() != null) {
                sink.row(4, person.id(), person.deathDate());
            }
            for (Episode episode : person.episodes()) {
                for (Contact c : episode.contacts()) {
                    sink.row(1, c.id(), person.id(), c.start(), c.end(), c.acute() ? "ATA1" : "ATA3",
                            c.physical() ? "ALCA00" : "ALCA10", c.actionDiagnosis(),
                            c.secondaryDiagnoses().isEmpty() ? null : c.secondaryDiagnoses(), c.drgOre(), 2025,
                            c.hospice());
                    contactCount++;
                    LocalDateTime last = c.end() == null ? c.start() : c.end();
                    if (last.isAfter(cutoff)) {
                        cutoff = last;
                    }
                }
            }
            for (long[] gp : person.gpContacts()) {
                sink.row(2, person.id(), LocalDate.ofEpochDay(gp[0]), gp[1]);
            }
            for (long[] service : person.municipalCosts()) {
                // {day, type, hundredths of units, unit price}
                sink.row(3, person.id(), LocalDate.ofEpochDay(service[0]), MUNICIPAL_SERVICES[(int) service[1]],
                        BigDecimal.valueOf(service[2], 2), service[3]);
            }
            for (long[] registration : person.registrations()) {
                // {day, measure, score in hundredths}
                sink.row(6, person.id(), LocalDate.ofEpochDay(registration[0]), MEASURES[(int) registration[1]],
                        BigDecimal.valueOf(registration[2], 2));
            }
            if (kept != null) {
                kept.add(person);
            }
        }
        return new Result(kept == null ? List.of() : kept, cutoff, contactCount);
    }

    /** The files as CSV in import format v1: the header line, then one line per row (empty: no value). */
    public static final class CsvSink implements Sink {
        private final List<BufferedWriter> writers = new ArrayList<>();

        public CsvSink(Path dir) throws IOException {
            Files.createDirectories(dir);
            for (File spec : FILES) {
                writers.add(writer(dir, spec));
            }
        }

        @Override
        public void row(int file, Object... values) throws IOException {
            BufferedWriter out = writers.get(file);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                Object v = values[i];
                out.write(v == null ? "" : v instanceof LocalDateTime t ? t.format(TS)
                        : v instanceof BigDecimal d ? d.toPlainString() : v.toString());
            }
            out.newLine();
        }

        @Override
        public void close() throws IOException {
            IOException first = null;
            for (BufferedWriter w : writers) {
                try {
                    w.close();
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    /**
     * The files it writes and their header lines: import format v1 (docs/import-format-v1.md; the application's
     * {@code ImportFormat} reads them, and a test there checks that these are its names and columns).
     */
    public record File(String fileName, List<String> columns) {}

    public static final List<File> FILES = List.of(
            new File("persons.csv", List.of("person_id", "birth_date", "sex", "municipality_code", "education",
                    "income_group", "living_alone")),
            new File("hospital_contacts.csv", List.of("contact_id", "person_id", "start_ts", "end_ts", "priority",
                    "contact_type", "action_diagnosis", "secondary_diagnoses", "drg_value_ore", "tariff_year",
                    "hospice")),
            new File("gp_contacts.csv", List.of("person_id", "contact_date", "fee_ore")),
            new File("municipal_services.csv", List.of("person_id", "service_date", "service_type", "quantity",
                    "unit_price_ore")),
            new File("deaths.csv", List.of("person_id", "death_date")),
            new File("inclusions.csv", List.of("person_id", "initiative_id", "index_date", "cohort_group",
                    "subgroup")),
            new File("registrations.csv", List.of("person_id", "registration_date", "measure", "score")));

    private static BufferedWriter writer(Path dir, File spec) throws IOException {
        var writer = Files.newBufferedWriter(dir.resolve(spec.fileName()));
        writer.write(String.join(",", spec.columns()));
        writer.newLine();
        return writer;
    }

    public static String hundredths(long value) {
        return value / 100 + "." + String.format("%02d", value % 100);
    }

    public static void check(boolean condition, String message) {
        if (!condition) {
            throw new UncheckedIOException(new IOException(message));
        }
    }
}
