package dk.tvaers.registrations;

import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh schemes for tests (also RowCoverageTests): every call makes its own initiative, organisations and a scheme
 * code of its own, so tests sharing the database never see each other's rows.
 */
public final class RegistrationFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private RegistrationFixtures() {}

    /** The test scheme: START (day 0) and END (day 84). */
    public static List<Indicator> indicators() {
        return List.of(
                new Indicator("SCREEN", 0, "Screenet for angst og depression", ValueType.YES_NO, "", null, null, "",
                        Set.of(TimePoint.START), true, FulfilmentRule.SHARE_YES, TimePoint.START, null),
                new Indicator("WATT", 1, "Fysisk arbejdskapacitet", ValueType.DECIMAL, "W", BigDecimal.ZERO,
                        BigDecimal.valueOf(400), "", Set.of(TimePoint.START, TimePoint.END), true,
                        FulfilmentRule.MEDIAN_CHANGE, null, null),
                new Indicator("SESSIONS", 2, "Fremmøde til træning", ValueType.WHOLE, "gange", BigDecimal.ZERO,
                        BigDecimal.valueOf(24), "", Set.of(TimePoint.END), true, FulfilmentRule.SHARE_AT_LEAST,
                        TimePoint.END, BigDecimal.valueOf(16)),
                new Indicator("REFERRAL", 3, "Henvist fra", ValueType.CHOICE, "", null, null,
                        "HOSPITAL=Hospital|GP=Egen læge", Set.of(TimePoint.START), false, FulfilmentRule.NONE, null,
                        null));
    }

    public record Made(long schemeId, String code, List<Long> units, List<String> unitCodes) {}

    /** A scheme with the given clusters of units (each a fresh municipality), e.g. {"A", "A", "B"}. */
    public static Made scheme(Schemes schemes, Initiatives initiatives, OrganisationDirectory organisations,
            String... clusters) {
        return scheme(schemes, initiatives, organisations, indicators(), clusters);
    }

    /** The same with other indicators. */
    public static Made scheme(Schemes schemes, Initiatives initiatives, OrganisationDirectory organisations,
            List<Indicator> indicators, String... clusters) {
        int n = SEQUENCE.incrementAndGet();
        long stamp = System.nanoTime() % 1_000_000_000L;
        long initiative = initiatives.start(new NewInitiative("Registreringsprojekt " + n + " " + stamp, "",
                InitiativeKind.PROJECT, InnovationType.EVERYDAY, null, EnumSet.of(Sector.MUNICIPALITY), null),
                Actor.SYSTEM);
        var units = new java.util.ArrayList<Long>();
        var codes = new java.util.ArrayList<String>();
        var newUnits = new java.util.ArrayList<Schemes.NewUnit>();
        for (int i = 0; i < clusters.length; i++) {
            long org = organisations.create(new OrganisationDetails("Enhed " + n + "-" + i + " " + stamp,
                    Sector.MUNICIPALITY, Region.MIDTJYLLAND, null), Actor.SYSTEM).id();
            units.add(org);
            codes.add("U" + i);
            newUnits.add(new Schemes.NewUnit(org, "U" + i, clusters[i]));
        }
        String code = "TEST_" + n + "_" + stamp;
        long id = schemes.define(new Schemes.NewScheme(initiative, code, "Testskema " + n,
                Map.of(TimePoint.START, 0, TimePoint.END, 84), newUnits, indicators), Actor.SYSTEM);
        return new Made(id, code, units, codes);
    }

    /** A professional of the unit (a viewer; the services need no account for it). */
    public static Viewer staffOf(long unit) {
        int n = SEQUENCE.incrementAndGet();
        return new Viewer(800_000 + n, "Fysioterapeut " + n, unit, Set.of(Role.STAFF));
    }

    /** The test questionnaire: five EQ-5D-5L-style items (scored) and an experience item (not scored). */
    public static long questionnaire(Pro pro, long schemeId) {
        List<String> five = List.of("Ingen problemer", "Lette problemer", "Moderate problemer", "Svære problemer",
                "Ekstreme problemer");
        return pro.define(new Pro.NewQuestionnaire(schemeId, "PRO_" + SEQUENCE.incrementAndGet() + "_"
                + System.nanoTime() % 1_000_000_000L, "Hjerterehabilitering, sådan har du det", 5, 10, true,
                "EQ5D_INDEX", List.of(
                        new Questionnaire.Item(0, "MOBILITY", "Gang", five, true, null),
                        new Questionnaire.Item(1, "SELFCARE", "Personlig pleje", five, true, null),
                        new Questionnaire.Item(2, "ACTIVITIES", "Sædvanlige aktiviteter", five, true, null),
                        new Questionnaire.Item(3, "PAIN", "Smerter og ubehag", five, true, null),
                        new Questionnaire.Item(4, "ANXIETY", "Angst og depression", five, true, null),
                        new Questionnaire.Item(5, "EXPERIENCE", "Hvordan oplever du dit forløb samlet set?",
                                List.of("Meget dårligt", "Dårligt", "Nogenlunde", "Godt", "Meget godt"), false,
                                "PATIENT_EXPERIENCE"))));
    }
}
