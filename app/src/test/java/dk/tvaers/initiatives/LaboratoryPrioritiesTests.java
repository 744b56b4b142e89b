package dk.tvaers.initiatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Sector;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The steering group's order of the laboratories: a place moves the others, no ties or gaps, and a history. */
@IntegrationTest
class LaboratoryPrioritiesTests {

    private static final Actor STEERING_GROUP = new Actor(null, "Styregruppen");

    @Autowired
    Initiatives initiatives;

    @Autowired
    LaboratoryPriorities priorities;

    @Test
    void aNewPlaceMovesTheOthersAndEveryChangeIsKept() {
        long demens = aLaboratory("Demens");
        long saar = aLaboratory("Sårbehandling");
        long kol = aLaboratory("KOL i eget hjem");

        priorities.prioritise(demens, 1, "Udviklingsdagen", STEERING_GROUP);
        priorities.prioritise(saar, 1, "Udviklingsdagen", STEERING_GROUP);
        priorities.prioritise(kol, 1, "Størst gevinst for borgerne", STEERING_GROUP);
        priorities.prioritise(demens, 2, "Demensstrategien kræver fremdrift", STEERING_GROUP);

        assertThat(order(List.of(demens, saar, kol))).containsExactly(kol, demens, saar);
        List<Integer> ranks = priorities.ranked().stream().map(LaboratoryPriority::rank).filter(r -> r > 0).toList();
        assertThat(ranks).as("1..n without gaps or ties")
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, ranks.size()).boxed().toList());
        assertThat(priorities.history(demens)).extracting(LaboratoryPriority.Change::fromRank,
                LaboratoryPriority.Change::toRank, LaboratoryPriority.Change::note).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(null, 1, "Udviklingsdagen"),
                        org.assertj.core.groups.Tuple.tuple(3, 2, "Demensstrategien kræver fremdrift"));
        assertThat(priorities.history(demens)).allMatch(c -> c.byName().equals("Styregruppen"));
    }

    @Test
    void aPlaceBeyondTheEndPutsTheLaboratoryLast() {
        long first = aLaboratory("Geriatri");
        priorities.prioritise(first, 1, null, STEERING_GROUP);
        long late = aLaboratory("Rehabilitering");

        priorities.prioritise(late, 999, null, STEERING_GROUP);

        int last = priorities.ranked().stream().mapToInt(LaboratoryPriority::rank).max().orElseThrow();
        assertThat(priorities.rankOf(late)).hasValue(last);
        assertThat(priorities.history(late).getFirst().toRank()).isEqualTo(last);
    }

    @Test
    void onlyLaboratoriesArePrioritised() {
        long project = initiatives.start(new NewInitiative("Et projekt", "", InitiativeKind.PROJECT,
                InnovationType.EVERYDAY, null, EnumSet.of(Sector.REGION), null), STEERING_GROUP);

        assertThatThrownBy(() -> priorities.prioritise(project, 1, null, STEERING_GROUP))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> priorities.prioritise(aLaboratory("Demens"), 0, null, STEERING_GROUP))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(priorities.rankOf(project)).isEmpty();
    }

    private List<Long> order(List<Long> ids) {
        return priorities.ranked().stream().map(p -> p.laboratory().id()).filter(ids::contains).toList();
    }

    private long aLaboratory(String title) {
        return initiatives.start(new NewInitiative(title + " " + System.nanoTime(), "", InitiativeKind.LABORATORY,
                InnovationType.EVERYDAY, null, EnumSet.of(Sector.REGION, Sector.MUNICIPALITY), null), STEERING_GROUP);
    }
}
