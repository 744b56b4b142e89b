package dk.tvaers.applications;

import dk.tvaers.shared.Sector;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A lead organisation and its members (the lead included), the contact people and the assigned consultants. */
public record Consortium(long id, String name, long leadOrganisationId, String leadName, List<Member> members,
        List<Person> contacts, List<Person> consultants, Instant createdAt) {

    /** A member organisation with its sector. */
    public record Member(long organisationId, String name, Sector sector) {}

    /** A contact person or consultant. */
    public record Person(long userId, String name, String email, String organisationName) {}

    /** The sectors of the health-care triangle its members cover. */
    public Set<Sector> healthSectors() {
        Set<Sector> covered = EnumSet.noneOf(Sector.class);
        members.stream().map(Member::sector).filter(Sector::isHealthCare).forEach(covered::add);
        return covered;
    }

    /** The health-care sectors none of its members is from. */
    public Set<Sector> missingHealthSectors() {
        Set<Sector> missing = Sector.healthCare();
        missing.removeAll(healthSectors());
        return missing;
    }

    /** Cross-sector: members from at least two of the three health-care sectors. */
    public boolean crossSector() {
        return healthSectors().size() >= 2;
    }

    public boolean hasMember(Long organisationId) {
        return organisationId != null && members.stream().anyMatch(m -> m.organisationId() == organisationId);
    }
}
