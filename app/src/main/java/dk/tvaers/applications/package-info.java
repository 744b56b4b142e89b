/**
 * Applications: consortia of organisations from the health-care sectors, their applications to a challenge's call
 * (drafts, submission by the server's clock, frozen versions), reviewers per call with the conflict-of-interest
 * rule, scores and recommendations, and the Task Force's decision that grants money (funding) and starts a project
 * (initiatives), with a decision letter as PDF mailed to the consortium. Implements challenges'
 * {@link dk.tvaers.challenges.ApplicantCounter} so that a call with applicants is not re-opened.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Applications")
package dk.tvaers.applications;
