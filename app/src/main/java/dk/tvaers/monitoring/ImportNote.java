package dk.tvaers.monitoring;

/**
 * What an OMOP import could not map, or completed (ADR 0046): the message key, how many rows, and up to five
 * examples of the codes or concept ids concerned (never a person), as the analyst reads them on the import's page.
 */
public record ImportNote(String key, long count, String examples) {}
