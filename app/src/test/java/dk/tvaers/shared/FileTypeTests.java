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

    @Test
    void refusesAZipBombOfNineGibibytesAfterBoundedWork() {
        byte[] bomb = ZipBomb.docx(9);
        assertThat(bomb.length).as("about 9 MB on the wire").isBetween(5_000_000, 15_000_000);

        assertThat(FileType.detect(bomb)).isEmpty();
    }

    @Test
    void theBombIsARealArchiveWhoseFirstGibibyteInflates() throws Exception {
        // the refusal above is the bound, not a broken archive: the first entry really inflates past the bound
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(ZipBomb.docx(1)))) {
            assertThat(zip.getNextEntry().getName()).isEqualTo("word/media/nul0.bin");
            long inflated = 0;
            byte[] buffer = new byte[1 << 20];
            int n;
            while ((n = zip.read(buffer)) > 0 && inflated <= FileType.MAX_INFLATED_BYTES) {
                inflated += n;
            }
            assertThat(inflated).isGreaterThan(FileType.MAX_INFLATED_BYTES);
        }
    }

    @Test
    void refusesAWordDocumentWithTooManyEntries() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < FileType.MAX_ZIP_ENTRIES; i++) {
                zip.putNextEntry(new java.util.zip.ZipEntry("word/tom" + i + ".xml"));
            }
        }
        assertThat(FileType.detect(out.toByteArray())).isEmpty();
        assertThat(FileType.detect(TestFiles.docx())).contains(FileType.DOCX);
    }

    @Test
    void storesASafeNameWithTheExtensionOfTheDetectedType() {
        assertThat(FileType.PDF.safeFileName("rapport.html")).isEqualTo("rapport.pdf");
        assertThat(FileType.PNG.safeFileName("C:\\Users\\x\\billede.exe")).isEqualTo("billede.png");
        assertThat(FileType.PDF.safeFileName("faktura\u202Efdp.exe")).isEqualTo("fakturafdp.pdf");
        assertThat(FileType.DOCX.safeFileName("plan.pdf.exe")).isEqualTo("plan_pdf.docx");
        assertThat(FileType.JPEG.safeFileName("../../etc/<script>.jpg")).isEqualTo("_script_.jpg");
        assertThat(FileType.PDF.safeFileName("Ansøgning (endelig) 2026.PDF")).isEqualTo("Ansøgning (endelig) 2026.pdf");
        assertThat(FileType.PDF.safeFileName("")).isEqualTo("fil.pdf");
        assertThat(FileType.PDF.safeFileName(".htaccess")).isEqualTo("fil.pdf");
        assertThat(FileType.PDF.safeFileName("budget.pdf")).isEqualTo("budget.pdf");
    }
}
