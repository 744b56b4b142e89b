package dk.tvaers.catalog;

import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one save of a case holds; every save becomes a new version. Money is in øre; {@code null} when not known.
 * {@code actors} are names: those that match an organisation in Tværs are linked to it.
 */
public record CaseDraft(
        String title,
        String summary,
        Region region,
        Set<DiseaseGroup> diseases,
        Set<Theme> themes,
        Set<Sector> sectors,
        List<String> actors,
        Map<CaseSection, String> sections,
        Long costOre,
        Long fundingOre,
        Long savingOre) {}
