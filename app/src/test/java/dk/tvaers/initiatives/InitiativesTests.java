package dk.tvaers.initiatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Sector;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class InitiativesTests {

    @Autowired
    Initiatives initiatives;

    private static final Actor KARIN = new Actor(null, "Karin Konsulent");

    @Test
    void startsInPhaseNewAndRemembersEveryMoveWithWhoAndWhy() {
        long id = initiatives.start(new NewInitiative("Virtuel klinik for KOL", "Sygeplejersker følger borgere hjemme",
                InitiativeKind.PROJECT, InnovationType.EVERYDAY, null,
                EnumSet.of(Sector.REGION, Sector.MUNICIPALITY), null), KARIN);

        initiatives.movePhase(id, Phase.USEFUL, "Gevinster dokumenteret i en business case", KARIN);

        Initiative initiative = initiatives.find(id).orElseThrow();
        assertThat(initiative.phase()).isEqualTo(Phase.USEFUL);
        assertThat(initiative.crossSector()).isTrue();
        assertThat(initiatives.history(id))
                .extracting(PhaseChange::from, PhaseChange::to, PhaseChange::byName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(null, Phase.NEW, "Karin Konsulent"),
                        org.assertj.core.groups.Tuple.tuple(Phase.NEW, Phase.USEFUL, "Karin Konsulent"));
        assertThat(initiatives.history(id).get(1).note()).isEqualTo("Gevinster dokumenteret i en business case");
    }

    @Test
    void refusesToMoveToThePhaseItIsAlreadyIn() {
        long id = initiatives.start(new NewInitiative("Sårbehandling med video", "", InitiativeKind.LABORATORY,
                InnovationType.EVERYDAY, null, Set.of(Sector.MUNICIPALITY), null), KARIN);

        assertThatThrownBy(() -> initiatives.movePhase(id, Phase.NEW, null, KARIN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(initiatives.history(id)).hasSize(1);
    }

    @Test
    void anIdeaBecomesAtMostOneInitiative() {
        long ideaId = 4242;
        var fromIdea = new NewInitiative("Tryg udskrivelse", "", InitiativeKind.PROJECT, InnovationType.EVERYDAY, null,
                Set.of(Sector.REGION, Sector.GENERAL_PRACTICE), ideaId);

        long first = initiatives.start(fromIdea, KARIN);
        long second = initiatives.start(fromIdea, KARIN);

        assertThat(second).isEqualTo(first);
        assertThat(initiatives.findBySourceIdea(ideaId)).map(Initiative::id).contains(first);
    }

    @Test
    void findsInitiativesByTextPhaseKindAndSector() {
        initiatives.start(new NewInitiative("Demens i eget hjem", "Laboratorium om demens", InitiativeKind.LABORATORY,
                InnovationType.RESEARCH_DRIVEN, null, Set.of(Sector.MUNICIPALITY, Sector.GENERAL_PRACTICE), null),
                KARIN);

        var byText = initiatives.search(new Initiatives.Filter("DEMENS", null, null, null), 1, 20);
        var byAll = initiatives.search(new Initiatives.Filter("demens", Phase.NEW, InitiativeKind.LABORATORY,
                Sector.GENERAL_PRACTICE), 1, 20);
        var wrongSector = initiatives.search(new Initiatives.Filter("demens", null, null, Sector.REGION), 1, 20);

        assertThat(byText.items()).extracting(Initiative::title).contains("Demens i eget hjem");
        assertThat(byAll.items()).extracting(Initiative::title).contains("Demens i eget hjem");
        assertThat(wrongSector.items()).extracting(Initiative::title).doesNotContain("Demens i eget hjem");
    }
}
