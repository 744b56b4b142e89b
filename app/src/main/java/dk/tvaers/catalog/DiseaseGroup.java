package dk.tvaers.catalog;

/** The disease groups a case can address (the chronic diseases and cancer of the catalogue). */
public enum DiseaseGroup {
    DIABETES,
    CANCER,
    HEART,
    LUNG,
    MENTAL,
    MUSCULOSKELETAL,
    MULTIMORBIDITY,
    OTHER;

    public String messageKey() {
        return "diseaseGroup." + name();
    }
}
