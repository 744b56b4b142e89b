package dk.tvaers.applications;

import static dk.tvaers.applications.ApplicationFixtures.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dk.tvaers.IntegrationTest;
import dk.tvaers.TestSmtp;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.challenges.Challenges;
import dk.tvaers.funding.Funding;
import dk.tvaers.funding.Tranches;
import dk.tvaers.funding.GrantDecision;
import dk.tvaers.funding.PoolFigures;
import dk.tvaers.initiatives.Initiative;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.shared.Money;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Task Force's decision: a grant books the pool and starts a project in one transaction, with its letter. */
@IntegrationTest
class DecisionTests {

    /** The fixtures' calls are open (deadline in 30 days): deciding now needs a stated reason. */
    static final String EARLY = "Projektet skal starte før sommerferien";

    @Autowired
    OrganisationDirectory organisations;

    @Autowired
    UserDirectory users;

    @Autowired
    Challenges challenges;

    @Autowired
    Funding funding;

    @Autowired
    Tranches trancheCycle;

    @Autowired
    Consortia consortia;

    @Autowired
    Applications applications;

    @Autowired
    Decisions decisions;

    @Autowired
    Initiatives initiatives;

    @Autowired
    dk.tvaers.initiatives.InitiativeMembers members;

    @Autowired
    dk.tvaers.initiatives.TrialActions trialActions;

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(TestSmtp.serverSetup());

    ApplicationFixtures fixtures;
    private Actor writer;

    @BeforeEach
    void fixtures() {
        fixtures = new ApplicationFixtures(organisations, users, challenges, funding, consortia, applications);
    }

    @Test
    void aReducedGrantBooksThePoolStartsAProjectAndMakesTheLetter() throws Exception {
        long pool = fixtures.pool(2_000_000);
        long application = submitted(pool);

        assertThatThrownBy(() -> decisions.decide(application, Outcome.REDUCED, Money.ofKroner(600_000), " ",
                tranches(300_000, 300_000), EARLY, ApplicationFixtures.TASK_FORCE))
                .isInstanceOfSatisfying(ApplicationRuleException.class, e -> assertThat(e.messageKeys())
                        .containsExactly("decision.error.reasonRequired"));

        decisions.decide(application, Outcome.REDUCED, Money.ofKroner(600_000), "Løft innovationshøjden først",
                tranches(300_000, 300_000), EARLY, ApplicationFixtures.TASK_FORCE);

        Decision decision = decisions.of(application).orElseThrow();
        assertThat(decision.outcome()).isEqualTo(Outcome.REDUCED);
        assertThat(decision.applied()).isEqualTo(Money.ofKroner(1_000_000));
        assertThat(decision.granted()).isEqualTo(Money.ofKroner(600_000));
        PoolFigures figures = funding.figures(pool);
        assertThat(figures.granted()).isEqualTo(Money.ofKroner(600_000));
        assertThat(figures.remaining()).isEqualTo(Money.ofKroner(1_400_000));
        assertThat(funding.grantById(decision.grantId()).reason()).isEqualTo("Løft innovationshøjden først");
        assertThat(trancheCycle.tranches(decision.grantId())).hasSize(2);
        assertThat(funding.grantById(decision.grantId()).initiativeId()).as("the grant pays for the project")
                .isEqualTo(decision.initiativeId());
        Initiative project = initiatives.find(decision.initiativeId()).orElseThrow();
        assertThat(project.kind()).isEqualTo(InitiativeKind.PROJECT);
        assertThat(project.title()).isEqualTo("Hjemmemonitorering");
        assertThat(project.sectors()).contains(Sector.REGION, Sector.MUNICIPALITY);
        assertThat(applications.find(application).status()).isEqualTo(ApplicationStatus.DECIDED);
        // nothing the application knew is lost: members, trial actions, and who reports on the grant
        var version = applications.version(application, 1);
        var consortium = consortia.find(applications.find(application).consortiumId());
        assertThat(members.of(project.id())).filteredOn(m -> m.organisationId() != null)
                .extracting(m -> m.organisationId())
                .containsExactlyInAnyOrderElementsOf(consortium.members().stream().map(m -> m.organisationId()).toList());
        assertThat(members.of(project.id())).filteredOn(m -> m.userId() != null).extracting(m -> m.userId())
                .containsExactly(writer.id());
        assertThat(trialActions.of(project.id())).extracting(t -> t.hypothesis())
                .containsExactlyInAnyOrderElementsOf(version.trialActions());
        assertThat(version.trialActions()).isNotEmpty();
        assertThat(funding.grantById(decision.grantId()).contactEmail())
                .isEqualTo(consortium.contacts().getFirst().email());

        byte[] letter = decisions.letter(application).orElseThrow();
        assertThat(new String(Arrays.copyOf(letter, 4), StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        try (var pdf = Loader.loadPDF(letter)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Hjemmemonitorering").contains("600.000,00 kr.").contains("1.000.000,00 kr.")
                    .contains("Løft innovationshøjden først").doesNotContain("kr..");
            // rendered as every PDF of the application (PdfDocuments): tagged, in Danish, its title shown
            assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).as("structure tree").isNotNull();
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("da");
            assertThat(pdf.getDocumentInformation().getTitle()).contains("Hjemmemonitorering");
        }

        // mailed to the consortium's contact, after the commit, with the same letter attached
        String address = fixtures.login(writer);
        MimeMessage sent = awaitMail(address);
        assertThat(sent.getSubject()).contains("Hjemmemonitorering").contains("Bevilget et reduceret beløb");
        var parts = (MimeMultipart) sent.getContent();
        byte[] attached = null;
        for (int i = 0; i < parts.getCount(); i++) {
            if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                attached = parts.getBodyPart(i).getInputStream().readAllBytes();
            }
        }
        assertThat(attached).isEqualTo(letter);
    }

    @Test
    void aGrantBeyondThePoolIsRefusedAndNothingIsDecided() {
        long pool = fixtures.pool(500_000);
        long application = submitted(pool);
        long projects = projects();

        assertThatThrownBy(() -> decisions.decide(application, Outcome.FULL, null, null,
                tranches(500_000, 500_000), EARLY, ApplicationFixtures.TASK_FORCE))
                .isInstanceOfSatisfying(ApplicationRuleException.class, e -> assertThat(e.messageKeys())
                        .containsExactly("funding.error.overdraw"));

        assertThat(decisions.of(application)).isEmpty();
        assertThat(applications.find(application).status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(funding.figures(pool).granted()).isEqualTo(Money.ZERO);
        assertThat(projects()).as("no project started").isEqualTo(projects);
    }

    /** While the call is open others may still apply: a decision then needs a stated reason, which is kept. */
    @Test
    void aDecisionBeforeTheCallsDeadlineNeedsAReasonThatIsKept() {
        long pool = fixtures.pool(2_000_000);
        long application = submitted(pool);
        assertThatThrownBy(() -> decisions.decide(application, Outcome.REJECTED, null, "Ikke nyt nok", List.of(),
                ApplicationFixtures.TASK_FORCE))
                .isInstanceOfSatisfying(ApplicationRuleException.class, e -> assertThat(e.messageKeys())
                        .containsExactly("decision.error.beforeDeadline"));
        assertThatThrownBy(() -> decisions.decide(application, Outcome.REJECTED, null, "Ikke nyt nok", List.of(),
                "  ", ApplicationFixtures.TASK_FORCE))
                .isInstanceOf(ApplicationRuleException.class);
        assertThat(decisions.of(application)).isEmpty();

        decisions.decide(application, Outcome.REJECTED, null, "Ikke nyt nok", List.of(), EARLY,
                ApplicationFixtures.TASK_FORCE);
        assertThat(decisions.of(application).orElseThrow().earlyReason()).isEqualTo(EARLY);
    }

    @Test
    void aRejectionNeedsAReasonAndGrantsNothing() {
        long pool = fixtures.pool(2_000_000);
        long application = submitted(pool);
        decisions.decide(application, Outcome.REJECTED, null, "Effekten på borgertilfredshed er ikke sandsynliggjort",
                List.of(), EARLY, ApplicationFixtures.TASK_FORCE);
        Decision decision = decisions.of(application).orElseThrow();
        assertThat(decision.grantId()).isNull();
        assertThat(decision.initiativeId()).isNull();
        assertThat(funding.figures(pool).granted()).isEqualTo(Money.ZERO);
        assertThatThrownBy(() -> decisions.decide(application, Outcome.FULL, null, null, tranches(500_000, 500_000),
                EARLY, ApplicationFixtures.TASK_FORCE))
                .isInstanceOfSatisfying(ApplicationRuleException.class, e -> assertThat(e.messageKeys())
                        .containsExactly("application.error.decided"));
    }

    private static MimeMessage awaitMail(String address) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : mail.getReceivedMessages()) {
                try {
                    if (message.getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
                        return message;
                    }
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + address);
    }

    private long projects() {
        return initiatives.search(new Initiatives.Filter(null, null, InitiativeKind.PROJECT, null), 1, 1).total();
    }

    private long submitted(long pool) {
        long hospital = fixtures.organisation("Regionshospitalet", Sector.REGION);
        long municipality = fixtures.organisation("Kommune", Sector.MUNICIPALITY);
        writer = fixtures.user(hospital, Role.STAFF);
        long consortium = consortia.create("Hospital og kommune", hospital, writer.id(), writer);
        consortia.addMember(consortium, municipality);
        long application = applications.start(consortium, fixtures.challenge(pool), writer);
        applications.saveDraft(application, content("Hjemmemonitorering", hospital, municipality), List.of(), writer);
        applications.submit(application, writer);
        return application;
    }

    private static List<GrantDecision.NewTranche> tranches(long first, long second) {
        return List.of(new GrantDecision.NewTranche(Money.ofKroner(first), LocalDate.now().plusMonths(6)),
                new GrantDecision.NewTranche(Money.ofKroner(second), LocalDate.now().plusMonths(12)));
    }
}
