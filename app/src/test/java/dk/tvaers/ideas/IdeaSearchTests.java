package dk.tvaers.ideas;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.IntegrationTest;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The public list's filters, by sector (on the idea's own sectors column) and by kind. */
@IntegrationTest
class IdeaSearchTests {

    @Autowired
    Ideas ideas;

    @Test
    void filtersBySectorAndKind() {
        String marker = "Sektorfilter" + System.nanoTime();
        long practice = ideas.submit(idea(marker + " praksis", Set.of(Sector.GENERAL_PRACTICE, Sector.MUNICIPALITY),
                InnovationType.EVERYDAY), Submitter.account(1, "Lise", "lise@example.dk"));
        long hospital = ideas.submit(idea(marker + " hospital", Set.of(Sector.REGION), InnovationType.BREAKTHROUGH),
                Submitter.account(1, "Lise", "lise@example.dk"));

        assertThat(ids(new Ideas.Filter(marker, null, Sector.GENERAL_PRACTICE, null))).containsExactly(practice);
        assertThat(ids(new Ideas.Filter(marker, null, Sector.MUNICIPALITY, null))).containsExactly(practice);
        assertThat(ids(new Ideas.Filter(marker, null, Sector.REGION, null))).containsExactly(hospital);
        assertThat(ids(new Ideas.Filter(marker, null, null, InnovationType.BREAKTHROUGH))).containsExactly(hospital);
        assertThat(ids(new Ideas.Filter(marker, null, Sector.PATIENT_ORGANISATION, null))).isEmpty();
        assertThat(ideas.search(new Ideas.Filter(marker, null, Sector.REGION, null), Ideas.Sort.NEWEST, 1, 20)
                .items().getFirst().sectors()).containsExactly(Sector.REGION);
    }

    private List<Long> ids(Ideas.Filter filter) {
        return ideas.search(filter, Ideas.Sort.NEWEST, 1, 20).items().stream().map(Idea::id).toList();
    }

    private static NewIdea idea(String title, Set<Sector> sectors, InnovationType type) {
        return new NewIdea(title, "Problemet " + title, "Forslaget " + title, "Borgerne", sectors, type,
                Region.MIDTJYLLAND, false, List.of());
    }
}
