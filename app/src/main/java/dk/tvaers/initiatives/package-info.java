/**
 * Initiatives: what is actually done — projects under a grant, standing cross-sector laboratories, existing
 * practices — with their phase (Nyt, Nyttigt, Nyttiggjort) and its history, trial actions, members with their
 * roles, documents, and the progress reports of the grants that pay for them (through
 * {@link dk.tvaers.initiatives.InitiativeFundingSource}, which the funding module implements). Laboratories have
 * the steering group's (Task Force's) priority, with its history.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Initiatives")
package dk.tvaers.initiatives;
