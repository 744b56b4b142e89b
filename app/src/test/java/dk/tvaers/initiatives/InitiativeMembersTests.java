package dk.tvaers.initiatives;

import dk.tvaers.shared.FileType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.Organisation;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Who may add members and upload documents, a member organisation's sector, and the documents' type and size. */
@IntegrationTest
class InitiativeMembersTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    Initiatives initiatives;

    @Autowired
    InitiativeMembers members;

    @Autowired
    InitiativeDocuments documents;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    UserDirectory users;

    @Test
    void theOwnersStaffAndConsultantsManageMembersButOthersStaffMayNot() {
        Organisation hospital = anOrganisation(Sector.REGION);
        Organisation municipality = anOrganisation(Sector.MUNICIPALITY);
        long project = aProject(hospital);

        Editor ownersStaff = editor(hospital, Role.STAFF);
        Editor othersStaff = editor(municipality, Role.STAFF);
        Editor consultant = editor(null, Role.INNOVATION_CONSULTANT);

        assertThatThrownBy(() -> members.addOrganisation(project, municipality.id(), MemberRole.PARTICIPANT,
                othersStaff)).isInstanceOf(AccessDeniedException.class);
        assertThat(members.of(project)).isEmpty();

        long lead = members.addOrganisation(project, hospital.id(), MemberRole.PROJECT_LEAD, ownersStaff);
        members.addOrganisation(project, municipality.id(), MemberRole.PARTICIPANT, consultant);
        long person = members.addPerson(project, othersStaff.userId(), MemberRole.CONTACT, consultant);

        assertThat(members.of(project)).extracting(Member::name, Member::role).containsExactly(
                org.assertj.core.groups.Tuple.tuple(hospital.name(), MemberRole.PROJECT_LEAD),
                org.assertj.core.groups.Tuple.tuple(municipality.name(), MemberRole.PARTICIPANT),
                org.assertj.core.groups.Tuple.tuple(othersStaff.name(), MemberRole.CONTACT));
        assertThatThrownBy(() -> members.addOrganisation(project, hospital.id(), MemberRole.CONTACT, consultant))
                .isInstanceOf(IllegalStateException.class);

        assertThatThrownBy(() -> members.remove(project, lead, othersStaff)).isInstanceOf(AccessDeniedException.class);
        members.remove(project, person, ownersStaff);
        assertThat(members.of(project)).hasSize(2);
    }

    @Test
    void aMemberOrganisationsSectorJoinsTheInitiative() {
        Organisation hospital = anOrganisation(Sector.REGION);
        long project = aProject(hospital);
        assertThat(initiatives.find(project).orElseThrow().crossSector()).isFalse();

        members.addOrganisation(project, anOrganisation(Sector.GENERAL_PRACTICE).id(), MemberRole.PARTICIPANT,
                editor(null, Role.TASK_FORCE));

        assertThat(initiatives.find(project).orElseThrow().sectors())
                .containsExactlyInAnyOrder(Sector.REGION, Sector.GENERAL_PRACTICE);
        assertThat(initiatives.find(project).orElseThrow().crossSector()).isTrue();
    }

    @Test
    void membersAndManagersUploadDocumentsAndOthersMayNot() {
        Organisation hospital = anOrganisation(Sector.REGION);
        Organisation municipality = anOrganisation(Sector.MUNICIPALITY);
        Organisation stranger = anOrganisation(Sector.PRIVATE_COMPANY);
        long project = aProject(hospital);
        Editor consultant = editor(null, Role.INNOVATION_CONSULTANT);
        Editor municipalityStaff = editor(municipality, Role.STAFF);
        Editor strangersStaff = editor(stranger, Role.STAFF);
        Editor citizen = editor(null, Role.CITIZEN);

        assertThatThrownBy(() -> documents.upload(project, "plan.pdf", PDF, municipalityStaff))
                .isInstanceOf(AccessDeniedException.class);
        members.addOrganisation(project, municipality.id(), MemberRole.PARTICIPANT, consultant);
        members.addPerson(project, citizen.userId(), MemberRole.PARTICIPANT, consultant);

        long plan = documents.upload(project, "plan.pdf", PDF, municipalityStaff);
        documents.upload(project, "borgerpanel.pdf", PDF, citizen);
        documents.upload(project, "notat.pdf", PDF, editor(hospital, Role.STAFF));
        assertThatThrownBy(() -> documents.upload(project, "x.pdf", PDF, strangersStaff))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.addOrganisation(project, stranger.id(), MemberRole.PARTICIPANT,
                municipalityStaff)).as("a member contributes but does not manage members")
                .isInstanceOf(AccessDeniedException.class);

        assertThat(documents.of(project)).extracting(InitiativeDocument::filename)
                .containsExactlyInAnyOrder("plan.pdf", "borgerpanel.pdf", "notat.pdf");
        assertThat(documents.of(project)).allMatch(d -> d.contentType().equals("application/pdf"));
        assertThat(documents.content(project, plan)).hasValue(PDF);
        assertThat(documents.content(aProject(hospital), plan)).as("only through its own initiative").isEmpty();
    }

    @Test
    void refusesDocumentsOfOtherTypesAndTooLargeOnesJudgingByContent() {
        Organisation hospital = anOrganisation(Sector.REGION);
        long project = aProject(hospital);
        Editor consultant = editor(null, Role.INNOVATION_CONSULTANT);

        assertThatThrownBy(() -> documents.upload(project, "plan.pdf",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), consultant))
                .isInstanceOf(DocumentRejectedException.class)
                .extracting(e -> ((DocumentRejectedException) e).messageKey()).isEqualTo("document.error.type");
        byte[] tooLarge = new byte[(int) FileType.MAX_BYTES + 1];
        System.arraycopy(PDF, 0, tooLarge, 0, PDF.length);
        assertThatThrownBy(() -> documents.upload(project, "stor.pdf", tooLarge, consultant))
                .isInstanceOf(DocumentRejectedException.class)
                .extracting(e -> ((DocumentRejectedException) e).messageKey()).isEqualTo("document.error.tooLarge");
        assertThatThrownBy(() -> documents.upload(project, "tom.pdf", new byte[0], consultant))
                .isInstanceOf(DocumentRejectedException.class);
        assertThat(documents.of(project)).isEmpty();

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};
        documents.upload(project, "billede.pdf", png, consultant);
        assertThat(documents.of(project)).extracting(InitiativeDocument::contentType).containsExactly("image/png");
    }

    private long aProject(Organisation owner) {
        return initiatives.start(new NewInitiative("Medlemsprojekt " + SEQUENCE.incrementAndGet(), "",
                InitiativeKind.PROJECT, InnovationType.EVERYDAY, owner.id(), EnumSet.of(owner.sector()), null),
                Actor.SYSTEM);
    }

    private Organisation anOrganisation(Sector sector) {
        return organisations.create(new OrganisationDetails("Medlemsorganisation " + SEQUENCE.incrementAndGet() + " "
                + System.nanoTime(), sector, Region.SYDDANMARK, null), Actor.SYSTEM);
    }

    /** A user with the role: a citizen belongs to no organisation, anyone else to the given or a new one. */
    private Editor editor(Organisation given, Role role) {
        Organisation organisation = role == Role.CITIZEN ? null
                : given != null ? given : anOrganisation(Sector.REGION);
        String name = "Medlem " + SEQUENCE.incrementAndGet() + " " + System.nanoTime();
        long id = users.create(new UserAttributes(System.nanoTime() + "@medlem.dk", name,
                organisation == null ? null : organisation.id(), EnumSet.of(role)), "Hemmelig-kode-1234", false,
                Actor.SYSTEM);
        return new Editor(id, name, organisation == null ? null : organisation.id(), Set.of(role));
    }
}
