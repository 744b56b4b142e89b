package dk.tvaers.ideas;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.shared.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo ideas: one in every state of the clinic, with supports and comments, loaded once (issue 11). */
@IntegrationTest
class IdeasDemoDataTests {

    @Autowired
    Ideas ideas;

    @Autowired
    IdeaReactions reactions;

    @Autowired
    IdeaClinic clinic;

    @Autowired
    UserDirectory users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dk.tvaers.accounts.OrganisationDirectory organisations;

    @Test
    void loadsAnIdeaInEveryStateWithSupportsAndCommentsOnce() {
        // the demo users IdeasDemoData reads, made as accounts' DemoData makes them (staff in a municipality and in
        // general practice, the same password as DemoDataTests; outside Midtjylland, whose organisations DemoDataTests
        // counts), so that either test may run first in the shared context
        long municipality = organisation("Demokommunen", dk.tvaers.shared.Sector.MUNICIPALITY);
        long practice = organisation("Demolægehuset", dk.tvaers.shared.Sector.GENERAL_PRACTICE);
        long region = organisation("Demoregionen", dk.tvaers.shared.Sector.REGION);
        for (String login : List.of("borger", "medarbejder", "laege", "konsulent")) {
            if (users.findByLogin(login + "@demo.tvaers.dk").isEmpty()) {
                Role role = switch (login) {
                    case "borger" -> Role.CITIZEN;
                    case "konsulent" -> Role.INNOVATION_CONSULTANT;
                    default -> Role.STAFF;
                };
                Long organisation = switch (login) {
                    case "borger" -> null;
                    case "medarbejder" -> municipality;
                    case "laege" -> practice;
                    default -> region;
                };
                users.create(new UserAttributes(login + "@demo.tvaers.dk", "Demo " + login, organisation,
                        Set.of(role)), "Demo-adgangskode-2026", false, Actor.SYSTEM);
            }
        }
        var demo = new IdeasDemoData(ideas, reactions, clinic, users, jdbc);
        demo.run(null);
        demo.run(null);

        List<String> states = jdbc.sql("""
                SELECT DISTINCT status FROM idea WHERE title IN ('Sms-påmindelse dagen før KOL-kontrollen',
                  'Én fælles medicinliste for egen læge og hjemmeplejen', 'Telefonlinje til forældre med syge børn om aftenen',
                  'Bedre skilte på sygehusets parkeringsplads', 'Påmindelse om lægekontrol på sms',
                  'Gratis parkering for alle pårørende', 'Gåhold for borgere med hjertesvigt')""")
                .query(String.class).list();
        assertThat(states).containsExactlyInAnyOrderElementsOf(
                EnumSet.allOf(IdeaStatus.class).stream().map(Enum::name).toList());
        long first = jdbc.sql("SELECT id FROM idea WHERE title = :t").param("t", IdeasDemoData.FIRST)
                .query(Long.class).single();
        assertThat(ideas.find(first).orElseThrow().supports()).isGreaterThanOrEqualTo(3);
        assertThat(reactions.comments(first)).hasSize(2);
    }

    private long organisation(String name, dk.tvaers.shared.Sector sector) {
        return organisations.create(new dk.tvaers.accounts.OrganisationDetails(name + " " + System.nanoTime(), sector,
                dk.tvaers.shared.Region.NORDJYLLAND, null), Actor.SYSTEM).id();
    }
}
