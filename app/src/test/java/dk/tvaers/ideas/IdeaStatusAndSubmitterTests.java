package dk.tvaers.ideas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which idea statuses are outcomes or visible, and which submitters must confirm by e-mail. */
class IdeaStatusAndSubmitterTests {

    @Test
    void knowsWhichStatusesAreOutcomes() {
        assertThat(IdeaStatus.PRIORITISED.isOutcome()).isTrue();
        assertThat(IdeaStatus.REJECTED.isOutcome()).isTrue();
        assertThat(IdeaStatus.IN_REVIEW.isOutcome()).isFalse();
        assertThat(IdeaStatus.UNCONFIRMED.isVisible()).isFalse();
    }

    @Test
    void anonymousSubmittersMustConfirmButAccountsAndAssistedOnesNeedNot() {
        assertThat(Submitter.anonymous("A", "a@b.dk").mustConfirm()).isTrue();
        assertThat(Submitter.account(1, "A", "a@b.dk").mustConfirm()).isFalse();
        assertThat(Submitter.assisted("A", null, 2, "Staff").mustConfirm()).isFalse();
    }
}
