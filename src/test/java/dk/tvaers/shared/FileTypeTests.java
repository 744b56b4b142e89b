package dk.tvaers.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.ideas.TestFiles;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileTypeTests {

    @Test
    void recognisesEachAllowedKindFromItsContent() {
        assertThat(FileType.detect(TestFiles.pdf())).contains(FileType.PDF);
        assertThat(FileType.detect(TestFiles.png())).contains(FileType.PNG);
        assertThat(FileType.detect(TestFiles.jpeg())).contains(FileType.JPEG);
        assertThat(FileType.detect(TestFiles.docx())).contains(FileType.DOCX);
    }

    @Test
    void refusesAProgramWhateverItIsCalled() {
        assertThat(FileType.detect(TestFiles.exe())).isEmpty();
    }

    @Test
    void refusesAZipThatIsNotAWordDocument() {
        assertThat(FileType.detect(TestFiles.otherZip())).isEmpty();
    }

    @Test
    void refusesTextEmptyAndTruncatedFiles() {
        assertThat(FileType.detect("Hej med dig".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(FileType.detect(new byte[0])).isEmpty();
        assertThat(FileType.detect(null)).isEmpty();
        assertThat(FileType.detect(new byte[] {'%', 'P', 'D'})).isEmpty();
        assertThat(FileType.detect(new byte[] {'P', 'K', 3, 4, 0, 0})).isEmpty();
    }
}
