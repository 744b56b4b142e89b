package dk.tvaers.catalog;

import dk.tvaers.shared.Region;
import java.time.Instant;
import java.util.Set;

/** A published case as lists, searches and exports show it. {@code assessment} is null when not assessed. */
public record CaseSummary(long id, String title, String summary, Region region, Set<DiseaseGroup> diseases,
        Set<Theme> themes, EvidenceLevel evidenceLevel, Assessment assessment, Instant publishedAt) {}
