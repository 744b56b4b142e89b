package dk.tvaers.ideas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AttachmentTypeTests {

    @Test
    void recognisesEachAllowedKindFromItsContent() {
        assertThat(AttachmentType.detect(TestFiles.pdf())).contains(AttachmentType.PDF);
        assertThat(AttachmentType.detect(TestFiles.png())).contains(AttachmentType.PNG);
        assertThat(AttachmentType.detect(TestFiles.jpeg())).contains(AttachmentType.JPEG);
        assertThat(AttachmentType.detect(TestFiles.docx())).contains(AttachmentType.DOCX);
    }

    @Test
    void refusesAProgramWhateverItIsCalled() {
        assertThat(AttachmentType.detect(TestFiles.exe())).isEmpty();
    }

    @Test
    void refusesAZipThatIsNotAWordDocument() {
        assertThat(AttachmentType.detect(TestFiles.otherZip())).isEmpty();
    }

    @Test
    void refusesTextEmptyAndTruncatedFiles() {
        assertThat(AttachmentType.detect("Hej med dig".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(AttachmentType.detect(new byte[0])).isEmpty();
        assertThat(AttachmentType.detect(null)).isEmpty();
        assertThat(AttachmentType.detect(new byte[] {'%', 'P', 'D'})).isEmpty();
        assertThat(AttachmentType.detect(new byte[] {'P', 'K', 3, 4, 0, 0})).isEmpty();
    }

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
