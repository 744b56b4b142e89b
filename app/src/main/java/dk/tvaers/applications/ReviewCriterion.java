package dk.tvaers.applications;

/** What a reviewer scores, 1–5: how plausible each of the three effects is, and the level of innovation. */
public enum ReviewCriterion {
    ECONOMY,
    HEALTH,
    CITIZENS,
    INNOVATION;

    public String messageKey() {
        return "reviewCriterion." + name();
    }
}
