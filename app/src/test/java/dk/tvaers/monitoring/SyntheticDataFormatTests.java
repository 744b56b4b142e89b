package dk.tvaers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.indicators.SyntheticData;
import org.junit.jupiter.api.Test;

/** The generator (in the indicators module, without the application) writes exactly the import format's files. */
class SyntheticDataFormatTests {

    @Test
    void theGeneratorsFilesAreTheImportFormats() {
        assertThat(SyntheticData.FILES).extracting(SyntheticData.File::fileName)
                .containsExactlyElementsOf(ImportFormat.FILES.stream().map(ImportFormat.FileSpec::fileName).toList());
        for (int i = 0; i < ImportFormat.FILES.size(); i++) {
            assertThat(SyntheticData.FILES.get(i).columns()).as(SyntheticData.FILES.get(i).fileName())
                    .containsExactlyElementsOf(ImportFormat.FILES.get(i).columns());
        }
    }
}
