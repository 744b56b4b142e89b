package dk.tvaers.catalog;

import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One saved version of a case. */
public record CaseVersion(
        long id,
        long caseId,
        int number,
        String title,
        String summary,
        Region region,
        Set<DiseaseGroup> diseases,
        Set<Theme> themes,
        Set<Sector> sectors,
        List<CaseActor> actors,
        Map<CaseSection, String> sections,
        Long costOre,
        Long fundingOre,
        Long savingOre,
        String savedByName,
        Instant savedAt) {

    public String section(CaseSection section) {
        return sections.getOrDefault(section, "");
    }
}
