package dk.tvaers.initiatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Sector;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class TrialActionsTests {

    @Autowired
    Initiatives initiatives;

    @Autowired
    TrialActions trialActions;

    private static final Actor LISE = new Actor(null, "Lise Sygeplejerske");

    @Test
    void keepsEveryDecisionWithWhatWasObservedAndStopsForGood() {
        long initiative = initiatives.start(new NewInitiative("Trygge forældre", "", InitiativeKind.PROJECT,
                InnovationType.EVERYDAY, null, Set.of(Sector.REGION, Sector.MUNICIPALITY), null), LISE);
        long bib = trialActions.start(initiative,
                "Hvad nu hvis forældrene får en hagesmæk med sundhedsplejens vagtnummer?", LocalDate.of(2013, 9, 1));
        long nurse = trialActions.start(initiative, "Hvad nu hvis sundhedsplejersken deltager i udskrivelsen?",
                LocalDate.of(2013, 8, 15));

        trialActions.decide(bib, "Forældrene ringer i stedet for at tage på skadestuen", TrialAction.Choice.KEEP, LISE);
        trialActions.decide(nurse, "Svært at nå i weekenden", TrialAction.Choice.CHANGE, LISE);
        trialActions.decide(nurse, "Heller ikke med vagtordning", TrialAction.Choice.STOP, LISE);

        assertThat(trialActions.of(initiative)).extracting(TrialAction::hypothesis, TrialAction::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "Hvad nu hvis sundhedsplejersken deltager i udskrivelsen?", TrialAction.Status.STOPPED),
                        org.assertj.core.groups.Tuple.tuple(
                                "Hvad nu hvis forældrene får en hagesmæk med sundhedsplejens vagtnummer?",
                                TrialAction.Status.KEPT));
        assertThat(trialActions.find(nurse).decisions()).extracting(TrialAction.Decision::choice)
                .containsExactly(TrialAction.Choice.CHANGE, TrialAction.Choice.STOP);
        assertThatThrownBy(() -> trialActions.decide(nurse, "Prøv igen", TrialAction.Choice.KEEP, LISE))
                .isInstanceOf(IllegalStateException.class);
        assertThat(trialActions.find(nurse).decisions()).hasSize(2);
    }
}
