package dk.tvaers.challenges;

/**
 * What a Task Force member scores a wicked problem on, 1–5 each: how big the problem is (people, money, harm),
 * how far it reaches across the sectors of the health-care triangle, and how urgent it is.
 */
public enum WickedCriterion {
    SIZE,
    REACH,
    URGENCY;

    public String messageKey() {
        return "wickedCriterion." + name();
    }
}
