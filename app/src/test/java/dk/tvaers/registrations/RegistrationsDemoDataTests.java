package dk.tvaers.registrations;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo's synthetic HjerteKomMidt courses pass the import's own rules for all 19 municipalities and have the gaps
 * the demo promises: completeness below 100 % and different between units, fewer complete at the end than at the start.
 * (Run against a scheme of fresh organisations carrying the municipalities' codes, so the shared test database's
 * demo organisations are left to accounts' demo data test.)
 */
@IntegrationTest
class RegistrationsDemoDataTests {

    @Autowired
    Schemes schemes;

    @Autowired
    Initiatives initiatives;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    RegistrationImport imports;

    @Autowired
    Registrations registrations;

    @Autowired
    Benchmarks benchmarks;

    @Test
    void theSyntheticCoursesOfThe19MunicipalitiesImportAndHaveRealisticGaps() {
        long stamp = System.nanoTime();
        long initiative = initiatives.start(new NewInitiative("HjerteKomMidt-test " + stamp, "", InitiativeKind.PROJECT,
                InnovationType.EVERYDAY, null, EnumSet.of(Sector.MUNICIPALITY), null), Actor.SYSTEM);
        var units = new ArrayList<Schemes.NewUnit>();
        for (var m : RegistrationsDemoData.MUNICIPALITIES) {
            long org = organisations.create(new OrganisationDetails(m.name() + " (test " + stamp + ")",
                    Sector.MUNICIPALITY, Region.MIDTJYLLAND, null), Actor.SYSTEM).id();
            units.add(new Schemes.NewUnit(org, m.code(), m.cluster()));
        }
        long id = schemes.define(new Schemes.NewScheme(initiative, "DEMO_TEST_" + (stamp % 1_000_000_000L),
                "Hjerterehabilitering", Map.of(TimePoint.START, 0, TimePoint.DURING, 42, TimePoint.END, 84), units,
                RegistrationsDemoData.indicators()), Actor.SYSTEM);
        String csv = RegistrationsDemoData.courses(schemes.get(id), registrations.today());
        assertThat(csv).isEqualTo(RegistrationsDemoData.courses(schemes.get(id), registrations.today()));

        var summary = imports.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), id, null,
                Source.DEMO, Actor.SYSTEM);

        assertThat(summary.courses()).isGreaterThan(2_000);
        Benchmarks.Benchmark b = benchmarks.of(id);
        assertThat(b.fulfilment()).extracting(f -> f.indicator().code())
                .containsExactly("ATTENDANCE", "SCREENING", "CAPACITY", "IN_TRAINING", "TRAINING");
        Benchmarks.Figures start = b.completeness().stream().filter(f -> f.timePoint() == TimePoint.START)
                .findFirst().orElseThrow();
        Benchmarks.Figures end = b.completeness().stream().filter(f -> f.timePoint() == TimePoint.END)
                .findFirst().orElseThrow();
        assertThat(start.units()).hasSize(19);
        assertThat(start.region().share()).isBetween(0.4, 0.98);
        assertThat(end.region().share()).isLessThan(start.region().share());
        var shares = start.units().stream().filter(u -> !u.cell().hidden()).mapToDouble(u -> u.cell().share())
                .summaryStatistics();
        assertThat(shares.getMax() - shares.getMin()).as("units differ in completeness").isGreaterThan(0.1);
        assertThat(start.units()).as("Samsø's few courses are hidden").anySatisfy(u -> assertThat(u.cell().hidden())
                .isTrue());
        var capacity = b.fulfilment().stream().filter(f -> f.indicator().code().equals("CAPACITY")).findFirst()
                .orElseThrow();
        assertThat(capacity.region().median().doubleValue()).isBetween(8.0, 22.0);
    }
}
