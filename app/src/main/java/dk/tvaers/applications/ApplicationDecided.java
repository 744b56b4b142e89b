package dk.tvaers.applications;

/** The Task Force decided on an application; its decision letter is ready to be mailed to the consortium. */
public record ApplicationDecided(long applicationId) {}
