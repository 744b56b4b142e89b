package dk.tvaers.catalog;

import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An organisation has taken up a published catalogue case: since when, what it changed, whom to ask (a work contact
 * of the organisation), and whether it is planned, running or stopped.
 */
public record Adoption(long id, long caseId, String caseTitle, long organisationId, String organisationName,
        Region region, Sector sector, LocalDate startedOn, String changes, String contact, AdoptionStatus status,
        Instant updatedAt) {}
