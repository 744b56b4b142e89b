package dk.tvaers.registrations;

/**
 * A citizen's PRO answer was triaged red: the course is on its unit's triage list. Published in the answer's
 * transaction; the notifications module may listen and tell the unit's professionals by their preferences.
 */
public record CourseTriagedRed(long triageCaseId, long courseId, long unitId, long schemeId, String questionnaire) {}
