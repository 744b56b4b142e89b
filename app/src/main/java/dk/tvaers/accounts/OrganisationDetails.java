package dk.tvaers.accounts;

import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;

/** What an administrator enters for an organisation. */
public record OrganisationDetails(String name, Sector sector, Region region, String cvr) {}
