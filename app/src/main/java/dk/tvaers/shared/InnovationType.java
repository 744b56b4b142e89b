package dk.tvaers.shared;

/**
 * The kind of innovation (Region Hovedstaden's definition): everyday innovation from operations, results within
 * months; research-driven, over years with external partners; breakthrough, 1–3 years with own organisation and
 * funding.
 */
public enum InnovationType {
    EVERYDAY,
    RESEARCH_DRIVEN,
    BREAKTHROUGH;

    public String messageKey() {
        return "innovationType." + name();
    }
}
