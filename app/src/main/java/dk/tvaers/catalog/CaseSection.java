package dk.tvaers.catalog;

/** The standard sections of a case, in the order a case page shows them. */
public enum CaseSection {
    TARGET_GROUP("targetGroup", "target_group"),
    PURPOSE("purpose", "purpose"),
    SOCIAL_INEQUALITY("socialInequality", "social_inequality"),
    TECHNOLOGY("technology", "technology"),
    CONTENT("content", "content"),
    ORGANISATION("organisation", "organisation"),
    CROSS_SECTOR("crossSector", "cross_sector"),
    RESULTS("results", "results"),
    ECONOMY("economy", "economy"),
    IMPLEMENTATION("implementation", "implementation"),
    CONTEXT("context", "context"),
    SPREAD("spread", "spread");

    private final String field;
    private final String column;

    CaseSection(String field, String column) {
        this.field = field;
        this.column = column;
    }

    /** The name of the section's field in forms. */
    public String field() {
        return field;
    }

    String column() {
        return column;
    }

    public String messageKey() {
        return "caseSection." + name();
    }

    public String hintKey() {
        return "caseSection." + name() + ".hint";
    }
}
