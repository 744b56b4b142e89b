/**
 * Registrations: quality registrations and patient-reported outcomes (PRO), the quality-database model of
 * HjerteKomMidt and AmbuFlex (ADR 0032). Registration schemes are versioned data (indicators with types, time points,
 * required or optional, a fulfilment rule), belong to an initiative and name the units that register. Professionals
 * register courses per pseudonymous citizen in a form, a file or through the API (one row per course, time point and
 * indicator, whatever the source); citizens answer PRO questionnaires through an expiring personal link, scored and
 * triaged by versioned rules, and a red answer puts the course on the unit's triage list at once
 * ({@link dk.tvaers.registrations.CourseTriagedRed}). Units see their figures against the other units, their cluster
 * and the region ({@link dk.tvaers.registrations.Benchmarks}); registrations leave for Triple Aim in the monitoring
 * import's {@code registrations.csv} shape ({@link dk.tvaers.registrations.RegistrationExport}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registrations")
package dk.tvaers.registrations;
