package dk.tvaers.indicators;

import dk.tvaers.indicators.SyntheticData.Contact;
import dk.tvaers.indicators.SyntheticData.Episode;
import dk.tvaers.indicators.SyntheticData.Options;
import dk.tvaers.indicators.SyntheticData.Person;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dk.tvaers.indicators.SyntheticData.DIAGNOSES;
import static dk.tvaers.indicators.SyntheticData.EDUCATION;
import static dk.tvaers.indicators.SyntheticData.FIRST_DAY;
import static dk.tvaers.indicators.SyntheticData.INCOME;
import static dk.tvaers.indicators.SyntheticData.LAST_DAY;
import static dk.tvaers.indicators.SyntheticData.MEASURES;
import static dk.tvaers.indicators.SyntheticData.MUNICIPALITIES;
import static dk.tvaers.indicators.SyntheticData.MUNICIPAL_PRICES;
import static dk.tvaers.indicators.SyntheticData.MUNICIPAL_SERVICES;
import static dk.tvaers.indicators.SyntheticData.PLANTED_ADMISSION_AFTER_ORE;
import static dk.tvaers.indicators.SyntheticData.PLANTED_ADMISSION_BEFORE_ORE;
import static dk.tvaers.indicators.SyntheticData.PLANTED_EQ5D_AFTER;
import static dk.tvaers.indicators.SyntheticData.PLANTED_EQ5D_BEFORE;
import static dk.tvaers.indicators.SyntheticData.PLANTED_VISIT_ORE;
import static dk.tvaers.indicators.SyntheticData.SECONDARY;

/**
 * How the generator draws one person (SyntheticData's class comment: the episodes, the planted effects, the PRO
 * registrations): one person at a time from the seeded random source, so that any number of persons streams.
 */
final class SyntheticPeople {

    private SyntheticPeople() {}

    static Person person(int n, SplittableRandom random, Options options, int highRiskTargetsSoFar,
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
    static Person withRegistrations(Person p, SplittableRandom random) {
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

    /** The planted year before and after of a high-risk target person (see the class comment). */
    /**
     * The planted general-practice fees and municipal services of a high-risk target person in the year before and
     * after the index date (nothing else of theirs falls within 380 days of it): {@code PLANTED_GP_CONTACTS_BEFORE}
     * and {@code PLANTED_GP_CONTACTS_AFTER} contacts at {@code PLANTED_GP_FEE_ORE}, and one delivery of nursing of
     * {@code PLANTED_NURSING_HOURS_BEFORE} and {@code PLANTED_NURSING_HOURS_AFTER} hours (hundredths) at the nursing
     * price ({@link SyntheticData}).
     */
    private static void plantGpAndMunicipal(LocalDate index, List<long[]> gp, List<long[]> municipal) {
        for (int i = 0; i < SyntheticData.PLANTED_GP_CONTACTS_BEFORE; i++) {
            gp.add(new long[] {index.minusDays(20 + 30L * i).toEpochDay(), SyntheticData.PLANTED_GP_FEE_ORE});
        }
        for (int i = 0; i < SyntheticData.PLANTED_GP_CONTACTS_AFTER; i++) {
            gp.add(new long[] {index.plusDays(20 + 30L * i).toEpochDay(), SyntheticData.PLANTED_GP_FEE_ORE});
        }
        municipal.add(new long[] {index.minusDays(90).toEpochDay(), 1, SyntheticData.PLANTED_NURSING_HOURS_BEFORE,
            MUNICIPAL_PRICES[1]});
        municipal.add(new long[] {index.plusDays(90).toEpochDay(), 1, SyntheticData.PLANTED_NURSING_HOURS_AFTER,
            MUNICIPAL_PRICES[1]});
    }

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

}
