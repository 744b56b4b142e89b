/**
 * Challenges: the innovation questions, wicked problems and experiments a Task Force poses, and their calls for
 * cross-sector consortia (deadline, funding pool, re-opening when no one applied). Consortia, applications,
 * reviews and decisions are in the applications module, which implements {@link ApplicantCounter}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Challenges")
package dk.tvaers.challenges;
