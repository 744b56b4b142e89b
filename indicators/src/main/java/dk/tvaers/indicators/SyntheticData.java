package dk.tvaers.indicators;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    /** Writes the seven files of import format v1 into the directory. */
    public static Result write(Options options, Path dir) throws IOException {
        Files.createDirectories(dir);
        var random = new SplittableRandom(options.seed());
        List<Person> kept = options.keepPersons() ? new ArrayList<>() : null;
        LocalDateTime cutoff = LocalDateTime.MIN;
        long contactCount = 0;
        int highRiskTargets = 0;
        try (var persons = writer(dir, FILES.get(0));
                var contacts = writer(dir, FILES.get(1));
                var gps = writer(dir, FILES.get(2));
                var services = writer(dir, FILES.get(3));
                var deaths = writer(dir, FILES.get(4));
                var inclusions = writer(dir, FILES.get(5));
                var registrations = writer(dir, FILES.get(6))) {
            for (int n = 1; n <= options.persons(); n++) {
                boolean lastPerson = n == options.persons();
                Person person = person(n, random, options, highRiskTargets, lastPerson);
                person = withRegistrations(person, new SplittableRandom(options.seed() * 1_000_003L + n));
                if ("TARGET".equals(person.group()) && "HIGH_RISK".equals(person.subgroup())) {
                    highRiskTargets++;
                }
                persons.write(String.join(",", person.id(), person.birthDate().toString(), person.sex(),
                        person.municipality(), person.education(), person.income(),
                        String.valueOf(person.livingAlone())));
                persons.newLine();
                if (person.included()) {
                    inclusions.write(String.join(",", person.id(), String.valueOf(options.initiativeId()),
                            person.indexDate().toString(), person.group(),
                            person.subgroup() == null ? "" : person.subgroup()));
                    inclusions.newLine();
                }
                if (person.deathDate() != null) {
                    deaths.write(person.id() + "," + person.deathDate());
                    deaths.newLine();
                }
                for (Episode episode : person.episodes()) {
                    for (Contact c : episode.contacts()) {
                        contacts.write(String.join(",", c.id(), person.id(), c.start().format(TS),
                                c.end() == null ? "" : c.end().format(TS), c.acute() ? "ATA1" : "ATA3",
                                c.physical() ? "ALCA00" : "ALCA10", c.actionDiagnosis(), c.secondaryDiagnoses(),
                                String.valueOf(c.drgOre()), "2025", String.valueOf(c.hospice())));
                        contacts.newLine();
                        contactCount++;
                        LocalDateTime last = c.end() == null ? c.start() : c.end();
                        if (last.isAfter(cutoff)) {
                            cutoff = last;
                        }
                    }
                }
                for (long[] gp : person.gpContacts()) {
                    gps.write(person.id() + "," + LocalDate.ofEpochDay(gp[0]) + "," + gp[1]);
                    gps.newLine();
                }
                for (long[] service : person.municipalCosts()) {
                    // {day, type, hundredths of units, unit price}
                    services.write(person.id() + "," + LocalDate.ofEpochDay(service[0]) + ","
                            + MUNICIPAL_SERVICES[(int) service[1]] + "," + hundredths(service[2]) + "," + service[3]);
                    services.newLine();
                }
                for (long[] registration : person.registrations()) {
                    // {day, measure, score in hundredths}
                    registrations.write(person.id() + "," + LocalDate.ofEpochDay(registration[0]) + ","
                            + MEASURES[(int) registration[1]] + "," + hundredths(registration[2]));
                    registrations.newLine();
                }
                if (kept != null) {
                    kept.add(person);
                }
            }
        }
        return new Result(kept == null ? List.of() : kept, cutoff, contactCount);
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

    private static Person person(int n, SplittableRandom random, Options options, int highRiskTargetsSoFar,
            boolean lastPerson) {
        String id = String.format("P%08d", n);
        LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(70 * 365));
        String sex = random.nextBoolean() ? "F" : "M";
        String municipality = MUNICIPALITIES[random.nextInt(MUNICIPALITIES.length)];
        String education = EDUCATION[random.nextInt(EDUCATION.length)];
        String income = INCOME[random.nextInt(INCOME.length)];
        boolean alone = random.nextInt(3) == 0;
        String group = null;
        String subgroup = null;
        LocalDate index = null;
        if (random.nextDouble() < options.includedShare()) {
            group = random.nextBoolean() ? "TARGET" : "COMPARISON";
            subgroup = random.nextInt(5) == 0 ? "HIGH_RISK" : null;
            index = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(366));
        }
        boolean plantedHighRisk = "TARGET".equals(group) && "HIGH_RISK".equals(subgroup);
        // an even number of planted high-risk targets keeps their after-median at exactly 1.5
        if (plantedHighRisk && lastPerson && highRiskTargetsSoFar % 2 == 0) {
            subgroup = null;
            plantedHighRisk = false;
        }
        LocalDate death = null;
        if (!plantedHighRisk && random.nextInt(40) == 0) {
            death = index != null ? index.plusDays(1 + random.nextInt(360))
                    : FIRST_DAY.plusDays(400 + random.nextInt(1000));
        }
        var episodes = new ArrayList<Episode>();
        int contactNo = 0;
        // random episodes, sorted in time, each more than a day after the previous one's end
        int count = poisson(random, options.episodesPerPerson());
        int span = (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay());
        long[] days = new long[count];
        for (int i = 0; i < count; i++) {
            days[i] = FIRST_DAY.toEpochDay() + random.nextInt(span);
        }
        java.util.Arrays.sort(days);
        LocalDateTime previousEnd = LocalDateTime.MIN;
        var planted = plantedHighRisk ? planted(id, index, highRiskTargetsSoFar % 2 == 0) : List.<Episode>of();
        for (long day : days) {
            LocalDate date = LocalDate.ofEpochDay(day);
            if (index != null && Math.abs(date.toEpochDay() - index.toEpochDay()) <= 3) {
                continue; // nothing right at the index date
            }
            if (plantedHighRisk && Math.abs(date.toEpochDay() - index.toEpochDay()) <= 380) {
                continue; // the planted year before and after holds only the planted episodes
            }
            if (death != null && !date.isBefore(death)) {
                continue;
            }
            LocalDateTime start = date.atTime(7 + random.nextInt(12), random.nextInt(4) * 15);
            if (!start.isAfter(previousEnd.plusDays(1))) {
                continue;
            }
            Episode episode = randomEpisode(id, ++contactNo, start, random, death);
            contactNo += episode.contacts().size();
            LocalDateTime end = episodeEnd(episode);
            if (end == null) {
                episodes.add(episode);
                break; // an open contact is the person's last
            }
            if (death != null && end.toLocalDate().isAfter(death)) {
                continue;
            }
            episodes.add(episode);
            previousEnd = end;
        }
        episodes.addAll(planted);
        episodes.sort(java.util.Comparator.comparing(e -> e.contacts().getFirst().start()));
        var gp = new ArrayList<long[]>();
        int gpCount = poisson(random, 6);
        for (int i = 0; i < gpCount; i++) {
            long day = FIRST_DAY.toEpochDay() + random.nextInt(span);
            if (death != null && day >= death.toEpochDay()) {
                continue;
            }
            long fee = 15_000 + 500L * random.nextInt(20);
            if (plantedHighRisk && Math.abs(day - index.toEpochDay()) <= 380) {
                continue; // drawn all the same, so the other persons' data stay as they were
            }
            gp.add(new long[] {day, fee});
        }
        var municipal = new ArrayList<long[]>();
        int serviceCount = random.nextInt(4) == 0 ? poisson(random, 10) : 0;
        for (int i = 0; i < serviceCount; i++) {
            long day = FIRST_DAY.toEpochDay() + random.nextInt(span);
            if (death != null && day >= death.toEpochDay()) {
                continue;
            }
            int type = random.nextInt(MUNICIPAL_SERVICES.length);
            long quantity = 25 + random.nextInt(800);
            if (plantedHighRisk && Math.abs(day - index.toEpochDay()) <= 380) {
                continue;
            }
            municipal.add(new long[] {day, type, quantity, MUNICIPAL_PRICES[type]});
        }
        if (plantedHighRisk) {
            plantGpAndMunicipal(index, gp, municipal);
        }
        return new Person(id, birth, sex, municipality, education, income, alone, group, subgroup, index, death,
                episodes, gp, municipal, List.of());
    }

    /**
     * PRO/experience registrations, drawn from a random source of the person's own (so the other files stay as
     * they were before registrations existed). Planted: every high-risk target person answers EQ-5D once 30 days
     * before the index date with 0.55 and once 180 days after with 0.80, and nothing else; a third of the others
     * answer one to three times, at random days before their death.
     */
    private static Person withRegistrations(Person p, SplittableRandom random) {
        var registrations = new ArrayList<long[]>();
        if ("TARGET".equals(p.group()) && "HIGH_RISK".equals(p.subgroup())) {
            registrations.add(new long[] {p.indexDate().minusDays(30).toEpochDay(), 0, PLANTED_EQ5D_BEFORE});
            registrations.add(new long[] {p.indexDate().plusDays(180).toEpochDay(), 0, PLANTED_EQ5D_AFTER});
        } else if (random.nextInt(3) == 0) {
            int span = (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay());
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                long day = FIRST_DAY.toEpochDay() + random.nextInt(span);
                int measure = random.nextInt(MEASURES.length);
                long score = measure == 0 ? 20 + random.nextInt(81) : 100L * (1 + random.nextInt(5));
                if (p.deathDate() == null || day < p.deathDate().toEpochDay()) {
                    registrations.add(new long[] {day, measure, score});
                }
            }
        }
        return new Person(p.id(), p.birthDate(), p.sex(), p.municipality(), p.education(), p.income(),
                p.livingAlone(), p.group(), p.subgroup(), p.indexDate(), p.deathDate(), p.episodes(), p.gpContacts(),
                p.municipalCosts(), registrations);
    }

    /**
     * The planted general-practice fees and municipal services of a high-risk target person in the year before and
     * after the index date (nothing else of theirs falls within 380 days of it): {@link #PLANTED_GP_CONTACTS_BEFORE}
     * and {@link #PLANTED_GP_CONTACTS_AFTER} contacts at {@link #PLANTED_GP_FEE_ORE}, and one delivery of nursing
     * of {@link #PLANTED_NURSING_HOURS_BEFORE} and {@link #PLANTED_NURSING_HOURS_AFTER} hours (hundredths) at the
     * nursing price.
     */
    private static void plantGpAndMunicipal(LocalDate index, List<long[]> gp, List<long[]> municipal) {
        for (int i = 0; i < PLANTED_GP_CONTACTS_BEFORE; i++) {
            gp.add(new long[] {index.minusDays(20 + 30L * i).toEpochDay(), PLANTED_GP_FEE_ORE});
        }
        for (int i = 0; i < PLANTED_GP_CONTACTS_AFTER; i++) {
            gp.add(new long[] {index.plusDays(20 + 30L * i).toEpochDay(), PLANTED_GP_FEE_ORE});
        }
        municipal.add(new long[] {index.minusDays(90).toEpochDay(), 1, PLANTED_NURSING_HOURS_BEFORE,
            MUNICIPAL_PRICES[1]});
        municipal.add(new long[] {index.plusDays(90).toEpochDay(), 1, PLANTED_NURSING_HOURS_AFTER,
            MUNICIPAL_PRICES[1]});
    }

    /** The planted year before and after of a high-risk target person (see the class comment). */
    private static List<Episode> planted(String id, LocalDate index, boolean withOutpatientVisitAfter) {
        var episodes = new ArrayList<Episode>();
        // before: two acute admissions of 10 bed days (08:00 to 08:00 ten days later) at 70,000 kr. each and two
        // acute visits of 2 h at 5,000 kr. each: 150,000 kr. of DRG value
        episodes.add(single(id + "-B1", index.minusDays(300).atTime(8, 0), index.minusDays(290).atTime(8, 0), "DJ441",
                PLANTED_ADMISSION_BEFORE_ORE));
        episodes.add(single(id + "-B2", index.minusDays(200).atTime(9, 0), index.minusDays(200).atTime(11, 0), "DJ441",
                PLANTED_VISIT_ORE));
        episodes.add(single(id + "-B3", index.minusDays(120).atTime(8, 0), index.minusDays(110).atTime(8, 0), "DI500",
                PLANTED_ADMISSION_BEFORE_ORE));
        episodes.add(single(id + "-B4", index.minusDays(60).atTime(9, 0), index.minusDays(60).atTime(11, 0), "DJ441",
                PLANTED_VISIT_ORE));
        // after: one acute admission of 3 bed days at 17,500 kr., and for every second person one acute visit at
        // 5,000 kr.: 17,500 or 22,500 kr., median and mean 20,000 kr. (130,000 kr. less than before)
        episodes.add(single(id + "-A1", index.plusDays(100).atTime(8, 0), index.plusDays(103).atTime(8, 0), "DJ441",
                PLANTED_ADMISSION_AFTER_ORE));
        if (withOutpatientVisitAfter) {
            episodes.add(single(id + "-A2", index.plusDays(200).atTime(9, 0), index.plusDays(200).atTime(11, 0),
                    "DJ441", PLANTED_VISIT_ORE));
        }
        return episodes;
    }

    private static Episode single(String contactId, LocalDateTime start, LocalDateTime end, String diagnosis,
            long drgOre) {
        return new Episode(List.of(new Contact(contactId, start, end, true, true, diagnosis, "", drgOre, false)));
    }

    private static Episode randomEpisode(String personId, int firstNo, LocalDateTime start, SplittableRandom random,
            LocalDate death) {
        boolean acute = random.nextInt(5) < 2;
        String diagnosis = DIAGNOSES[random.nextInt(DIAGNOSES.length)];
        boolean hospice = random.nextInt(100) == 0;
        int kind = random.nextInt(10);
        var contacts = new ArrayList<Contact>();
        if (kind == 0) { // a virtual contact: no stay
            contacts.add(new Contact(personId + "-" + firstNo, start, start.plusMinutes(20), acute, false, diagnosis,
                    "", 50_000 + 1_000L * random.nextInt(100), false));
            return new Episode(contacts);
        }
        if (kind == 1 && random.nextInt(20) == 0 && start.getYear() == 2025 && start.getMonthValue() == 12) {
            contacts.add(new Contact(personId + "-" + firstNo, start, null, acute, true, diagnosis, "", 0, false));
            return new Episode(contacts);
        }
        int parts = kind < 6 ? 1 : 1 + random.nextInt(3);
        // total length: outpatient (1-11 h) or admission (12 h to 12 days)
        int totalHours = kind < 5 ? 1 + random.nextInt(11) : 12 + random.nextInt(12 * 24 - 12);
        LocalDateTime cursor = start;
        int perPart = Math.max(1, totalHours / parts);
        for (int p = 0; p < parts; p++) {
            LocalDateTime end = cursor.plusHours(perPart);
            boolean partAcute = p == 0 ? acute : random.nextBoolean();
            String dx = p == 0 ? diagnosis : DIAGNOSES[random.nextInt(DIAGNOSES.length)];
            contacts.add(new Contact(personId + "-" + (firstNo + p), cursor, end, partAcute, true, dx,
                    SECONDARY[random.nextInt(SECONDARY.length)], 200_000 + 10_000L * random.nextInt(500), hospice));
            // the next part overlaps by an hour or starts up to 3 hours later: the same stay
            cursor = end.plusHours(random.nextInt(5) - 1);
        }
        return new Episode(contacts);
    }

    private static LocalDateTime episodeEnd(Episode episode) {
        LocalDateTime end = LocalDateTime.MIN;
        for (Contact c : episode.contacts()) {
            if (c.end() == null) {
                return null;
            }
            if (c.end().isAfter(end)) {
                end = c.end();
            }
        }
        return end;
    }

    private static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    public static void check(boolean condition, String message) {
        if (!condition) {
            throw new UncheckedIOException(new IOException(message));
        }
    }
}
