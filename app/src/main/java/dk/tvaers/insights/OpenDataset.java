package dk.tvaers.insights;

import java.util.List;

/**
 * The open datasets (issue 15), each described as DCAT-AP-DK describes a dataset: title and description (message
 * keys), publisher, licence, update frequency and formats; its columns are the stable names of the CSV header and
 * the JSON fields. The slug is the stable URL: {@code /aabne-data/<slug>.csv} and {@code .json}.
 */
public enum OpenDataset {
    IDEAS("ideer", List.of("id", "title", "problem", "proposal", "beneficiaries", "innovation_type", "region",
            "status", "sectors", "submitted_at", "initiative_id", "supporters")),
    CHALLENGES("udfordringer", List.of("id", "kind", "title", "question", "region", "published_at", "calls",
            "latest_deadline")),
    GRANTS("bevillinger", List.of("id", "title", "recipient", "amount_kr", "decided_at", "pool", "region")),
    INITIATIVES("initiativer", List.of("id", "title", "kind", "innovation_type", "phase", "sectors", "started_at")),
    CASES("cases", List.of("id", "title", "summary", "region", "evidence_level", "published_at", "theory",
            "effect", "description", "goals", "transferability", "adoptions")),
    STORIES("historier", List.of("id", "title", "lead", "case_id", "published_at")),
    ADOPTIONS("udbredelser", List.of("id", "case_id", "case_title", "organisation", "region", "sector",
            "started_on", "status", "changes")),
    CAPACITY("innovationskapacitet", List.of("figure", "value"));

    /** Open data under the Creative Commons Attribution 4.0 licence. */
    public static final String LICENCE = "https://creativecommons.org/licenses/by/4.0/";

    private final String slug;
    private final List<String> columns;

    OpenDataset(String slug, List<String> columns) {
        this.slug = slug;
        this.columns = columns;
    }

    public String slug() {
        return slug;
    }

    public List<String> columns() {
        return columns;
    }

    public String titleKey() {
        return "openData." + name() + ".title";
    }

    public String descriptionKey() {
        return "openData." + name() + ".description";
    }

    public String frequencyKey() {
        return this == CAPACITY ? "openData.frequency.onRequest" : "openData.frequency.continuous";
    }

    public static java.util.Optional<OpenDataset> bySlug(String slug) {
        for (OpenDataset dataset : values()) {
            if (dataset.slug.equals(slug)) {
                return java.util.Optional.of(dataset);
            }
        }
        return java.util.Optional.empty();
    }
}
