/**
 * Ideas and the idea clinic: anyone submits an idea (with an e-mail confirmation when they have no account),
 * sees similar ideas while writing, supports and comments on published ideas; innovation consultants handle them
 * in a queue with a two-way thread, a configurable scorecard and an outcome (prioritised as an initiative,
 * referred, merged, rejected). Submitters can take out their data and delete their account.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ideas")
package dk.tvaers.ideas;
