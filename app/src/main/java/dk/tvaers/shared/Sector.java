package dk.tvaers.shared;

import java.util.EnumSet;
import java.util.Set;

/**
 * The sector an organisation belongs to. The first three form the health-care triangle
 * (sundhedstrekanten); "cross-sector" means parties from at least two of them.
 */
public enum Sector {
    REGION,
    MUNICIPALITY,
    GENERAL_PRACTICE,
    PRIVATE_COMPANY,
    KNOWLEDGE_INSTITUTION,
    PATIENT_ORGANISATION;

    private static final Set<Sector> HEALTH_CARE = EnumSet.of(REGION, MUNICIPALITY, GENERAL_PRACTICE);

    /** The sectors of the health-care triangle. */
    public static Set<Sector> healthCare() {
        return EnumSet.copyOf(HEALTH_CARE);
    }

    public boolean isHealthCare() {
        return HEALTH_CARE.contains(this);
    }

    /** Message key of the Danish/English name of the sector. */
    public String messageKey() {
        return "sector." + name();
    }
}
