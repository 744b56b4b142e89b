package dk.tvaers.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.shared.FigureFilter;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

/** Spread (issue 15): adoptions of published cases, their rights on rows, the case page's list and map. */
@IntegrationTest
class AdoptionsTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    Adoptions adoptions;

    @Autowired
    CaseCatalog catalog;

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    UserDirectory users;

    @Autowired
    MockMvc mvc;

    @Test
    void anOrganisationsStaffRecordAnAdoptionThatTheCasePageListsAndMaps() throws Exception {
        long caseId = publishedCase();
        long odsherred = organisation("Odsherred", Sector.MUNICIPALITY, Region.SJAELLAND);
        var staff = person(odsherred, Role.STAFF);

        mvc.perform(post("/katalog/" + caseId + "/udbredelse/ny").with(csrf()).with(authentication(staff))
                        .param("status", "RUNNING").param("startedOn", "2026-03-01")
                        .param("changes", "Vi bruger vores egne sygeplejersker").param("contact", "Hanne, sygeplejerske"))
                .andExpect(status().is3xxRedirection());

        List<Adoption> listed = adoptions.ofCase(caseId);
        assertThat(listed).singleElement().satisfies(a -> {
            assertThat(a.organisationId()).isEqualTo(odsherred);
            assertThat(a.status()).isEqualTo(AdoptionStatus.RUNNING);
            assertThat(a.startedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
        });
        String page = mvc.perform(get("/katalog/" + caseId)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("data-adoption-map").contains("Vi bruger vores egne sygeplejersker")
                .contains("data-region=\"SJAELLAND\" data-count=\"1\"");
    }

    @Test
    void onlyTheOrganisationsOwnStaffChangeItsAdoption() throws Exception {
        long caseId = publishedCase();
        long owner = organisation("Ejer", Sector.MUNICIPALITY, Region.MIDTJYLLAND);
        long other = organisation("Anden", Sector.MUNICIPALITY, Region.MIDTJYLLAND);
        long id = adoptions.record(caseId, owner, new NewAdoption(LocalDate.of(2026, 1, 1), "", "Kontakt",
                AdoptionStatus.PLANNED), Actor.SYSTEM);

        assertThatThrownBy(() -> adoptions.update(id, other, new NewAdoption(LocalDate.of(2026, 1, 1), "", "X",
                AdoptionStatus.STOPPED))).isInstanceOf(NotFoundException.class);
        mvc.perform(post("/udbredelse/" + id).with(csrf()).with(authentication(person(other, Role.STAFF)))
                        .param("status", "STOPPED").param("startedOn", "2026-01-01").param("contact", "X"))
                .andExpect(status().isNotFound());
        assertThat(adoptions.ofCase(caseId).getFirst().status()).isEqualTo(AdoptionStatus.PLANNED);

        mvc.perform(post("/udbredelse/" + id).with(csrf()).with(authentication(person(owner, Role.STAFF)))
                        .param("status", "RUNNING").param("startedOn", "2026-02-01").param("contact", "Y"))
                .andExpect(status().is3xxRedirection());
        assertThat(adoptions.ofCase(caseId).getFirst().status()).isEqualTo(AdoptionStatus.RUNNING);
    }

    @Test
    void aMissingDateIsRefusedWithWhatWasTypedKept() throws Exception {
        long caseId = publishedCase();
        var staff = person(organisation("Form", Sector.REGION, Region.NORDJYLLAND), Role.STAFF);
        String page = mvc.perform(post("/katalog/" + caseId + "/udbredelse/ny").with(csrf()).with(authentication(staff))
                        .param("status", "RUNNING").param("startedOn", "").param("changes", "Min tekst")
                        .param("contact", "Kirsten"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Startdato").contains("Min tekst").contains("Kirsten").contains("form-error");
        assertThat(adoptions.ofCase(caseId)).isEmpty();
    }

    @Test
    void anUnpublishedCaseCannotBeAdopted() {
        long draft = catalog.create(new CaseDraft("Kladde " + next(), "", null, Set.of(), Set.of(), Set.of(),
                List.of(), Map.of(), null, null, null), null, Actor.SYSTEM);
        long org = organisation("Kladde", Sector.REGION, Region.MIDTJYLLAND);
        assertThatThrownBy(() -> adoptions.record(draft, org, new NewAdoption(LocalDate.now(), "", "K",
                AdoptionStatus.PLANNED), Actor.SYSTEM)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void spreadCountsAdoptionsByTheOrganisationsRegionAndSector() {
        long caseId = publishedCase();
        // a region no other test of this class uses for adoptions in 1999: the count is ours alone
        long a = organisation("Spredning A", Sector.PATIENT_ORGANISATION, Region.NATIONAL);
        long b = organisation("Spredning B", Sector.PATIENT_ORGANISATION, Region.NATIONAL);
        var filter = new FigureFilter(Region.NATIONAL, Sector.PATIENT_ORGANISATION, null, 1999, 1999);
        var before = adoptions.spread(filter);
        adoptions.record(caseId, a, new NewAdoption(LocalDate.of(1999, 5, 1), "", "K", AdoptionStatus.RUNNING), Actor.SYSTEM);
        adoptions.record(caseId, b, new NewAdoption(LocalDate.of(1999, 6, 1), "", "K", AdoptionStatus.STOPPED), Actor.SYSTEM);
        var after = adoptions.spread(filter);
        assertThat(after.adoptions() - before.adoptions()).isEqualTo(2);
        assertThat(after.running() - before.running()).isEqualTo(1);
    }

    private long publishedCase() {
        long id = catalog.create(new CaseDraft("Udbredt case " + next(), "Resumé", Region.SJAELLAND, Set.of(),
                Set.of(), Set.of(Sector.REGION), List.of(), Map.of(), null, null, null), null, Actor.SYSTEM);
        catalog.publish(id, 1, null, Actor.SYSTEM);
        return id;
    }

    private long organisation(String name, Sector sector, Region region) {
        return organisations.create(new OrganisationDetails(name + " " + next() + " " + System.nanoTime(), sector,
                region, null), Actor.SYSTEM).id();
    }

    private UsernamePasswordAuthenticationToken person(long organisation, Role role) {
        int n = next();
        long id = users.create(new UserAttributes("udbredelse-" + n + "-" + System.nanoTime() + "@test.tvaers.dk",
                "Person " + n, organisation, EnumSet.of(role)), "Rolig-Rød-Cykel-" + n, false, Actor.SYSTEM);
        var principal = AccountPrincipal.of(users.find(id).orElseThrow());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    private static int next() {
        return SEQUENCE.incrementAndGet();
    }
}
