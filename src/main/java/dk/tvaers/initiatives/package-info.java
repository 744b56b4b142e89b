/**
 * Initiatives: what is actually done — projects under a grant, standing cross-sector laboratories, existing
 * practices — with their phase (Nyt, Nyttigt, Nyttiggjort) and its history. Trial actions, members, documents
 * and progress reports follow with the funding issue.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Initiatives")
package dk.tvaers.initiatives;
