package dk.tvaers.catalog;

/** An organisation involved in a case: linked to a Tværs organisation where one has the name, free text otherwise. */
public record CaseActor(String name, Long organisationId) {}
