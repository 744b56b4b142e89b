package dk.tvaers.accounts;

import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;

/** A region, hospital, municipality, general practice, company, knowledge institution or patient organisation. */
public record Organisation(long id, String name, Sector sector, Region region, String cvr, boolean active) {}
