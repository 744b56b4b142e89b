package dk.tvaers.registrations;

/** A unit that registers under a scheme: an organisation, its code in files and the cluster it belongs to. */
public record Unit(long organisationId, String name, String code, String cluster) {}
