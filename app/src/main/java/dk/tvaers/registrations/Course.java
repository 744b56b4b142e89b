package dk.tvaers.registrations;

import java.time.LocalDate;

/** A citizen's course at a unit under a scheme version; the citizen is known only by a pseudonymous id. */
public record Course(long id, long schemeId, long unitId, String unitName, String personRef, LocalDate startDate,
        Source source, long missing) {}
