package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.ideas.IdeaStatus;
import dk.tvaers.ideas.IdeaReactions;
import dk.tvaers.ideas.Ideas;
import dk.tvaers.ideas.NewIdea;
import dk.tvaers.ideas.Submitter;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.Phase;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The idea portal's main journey — a citizen without an account submits an idea with an attachment, seeing similar
 * ideas on the way, confirms it by e-mail; a consultant finds it in the clinic's queue and asks a question; the
 * citizen answers through the follow link; the consultant scores and prioritises it; the citizen sees the outcome by
 * mail and on the follow page; the initiative exists in phase Nyt — and the wrong inputs, refused in Danish.
 */
class IdeaJourneyTests extends BrowserTest {

    private static final Pattern CONFIRM = Pattern.compile("https?://\\S+(/ideer/bekraeft\\?token=[A-Za-z0-9_-]+)");
    private static final Pattern FOLLOW = Pattern.compile("https?://\\S+(/ideer/foelg\\?token=[A-Za-z0-9_-]+)");

    @Autowired
    Ideas ideas;

    @Autowired
    IdeaReactions reactions;

    @Autowired
    Initiatives initiatives;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCitizensIdeaTravelsThroughTheClinicToAnInitiative() throws IOException {
        int n = unique();
        String known = "Hjemmemonitorering af KOL-patienter " + n;
        ideas.submit(new NewIdea(known, "KOL-patienter bliver genindlagt for ofte", "Målinger hjemme",
                "Patienter med KOL", EnumSet.of(Sector.REGION), InnovationType.EVERYDAY, Region.SYDDANMARK, false,
                List.of()), Submitter.assisted("Kaj", null, 1, "Personale"));
        String email = "borger" + n + "@journey.test";
        String title = "Sms før KOL-kontrol " + n;

        open("/ideer/ny");
        type("#title", title);
        type("#problem", "Mange KOL-patienter glemmer kontrollen og bliver genindlagt");
        waitUntil(d -> find("#similar").getText().contains(known));
        type("#proposal", "Kommunen sender en sms dagen før kontrollen");
        type("#beneficiaries", "Patienter med KOL og deres pårørende");
        tick("sectors", "Region/hospital");
        tick("sectors", "Kommune");
        new Select(find("#innovationType")).selectByVisibleText("Hverdagsinnovation");
        type("#name", "Karen Borger");
        type("#email", email);
        find("#attachments").sendKeys(file("plan.pdf", "%PDF-1.4\nplan\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))
                .toString());
        submitMainForm();
        assertThat(heading()).isEqualTo("Bekræft din idé");
        assertThat(find("main").getText()).contains("Vi sender en e-mail til " + email); // the test has a mail server
        assertNoSeriousAccessibilityViolations();
        assertThat(lookedAt("idea-thanks")).isEmpty();
        long id = jdbc.sql("SELECT id FROM idea WHERE title = :t").param("t", title).query(Long.class).single();
        assertThat(ideas.find(id).orElseThrow().status()).isEqualTo(IdeaStatus.UNCONFIRMED);

        open(link(awaitMail(email, 1), CONFIRM));
        assertThat(find("main").getText()).contains("Din idé er bekræftet");
        assertThat(find("#idea-status").getText()).isEqualTo("Indsendt");

        TestUser consultant = aUserWithRoles(Role.INNOVATION_CONSULTANT);
        loginAs(consultant.email(), consultant.password());
        open("/idekliniken");
        clickAndWaitForPage(driver.findElement(By.linkText(title)));
        assertThat(find("main").getText()).contains("plan.pdf");
        type("#body", "Hvilken kommune tænker du på?");
        clickAndWaitForPage(find("form.tvaers-question button[type=submit]"));
        assertThat(find("main").getText()).contains("Spørgsmålet er sendt til indsenderen");
        logout();

        MimeMessage question = awaitMailContaining(email, "Hvilken kommune tænker du på?");
        open(link(question, FOLLOW));
        assertThat(find("main").getText()).contains("Hvilken kommune tænker du på?");
        type("#body", "Odense Kommune");
        submitMainForm();
        assertThat(find("main").getText()).contains("Dit svar er sendt til idéklinikken").contains("Odense Kommune");

        loginAs(consultant.email(), consultant.password());
        open("/idekliniken/" + id);
        assertThat(find("main").getText()).contains("Odense Kommune");
        for (WebElement select : findAll("form.tvaers-scorecard select")) {
            new Select(select).selectByValue("4");
        }
        for (WebElement why : findAll("form.tvaers-scorecard textarea")) {
            why.sendKeys("Stor gevinst for patienterne");
        }
        clickAndWaitForPage(find("form.tvaers-scorecard button[type=submit]"));
        assertThat(find("main").getText()).contains("Scorekortet er gemt");
        open("/idekliniken/prioriteret");
        assertThat(find("main").getText()).contains(title);
        open("/idekliniken/" + id);
        new Select(find("#outcome")).selectByValue("PRIORITISED");
        type("#note", "Vi afprøver idéen i Odense");
        submitMainForm();
        assertThat(find("#idea-status").getText()).isEqualTo("Prioriteret");
        logout();

        MimeMessage outcome = awaitMailContaining(email, "Prioriteret");
        assertThat(subject(outcome)).contains("Prioriteret");
        open(link(outcome, FOLLOW));
        assertThat(find("#idea-status").getText()).isEqualTo("Prioriteret");
        assertThat(find("main").getText()).contains("Vi afprøver idéen i Odense");

        var initiative = initiatives.findBySourceIdea(id).orElseThrow();
        assertThat(initiative.phase()).isEqualTo(Phase.NEW);
        assertThat(initiative.title()).isEqualTo(title);
        open("/ideer/" + id);
        assertThat(driver.findElement(By.partialLinkText("initiativ nr. " + initiative.id())).getDomAttribute("href"))
                .isEqualTo("/initiativer/" + initiative.id());

        // initiatives are for people who are logged in: the consultant sees it in phase Nyt, linked to the idea
        loginAs(consultant.email(), consultant.password());
        open("/initiativer/" + initiative.id());
        assertThat(heading()).isEqualTo(title);
        assertThat(find("main").getText()).contains("Nyt");
        clickAndWaitForPage(driver.findElement(By.linkText("Idé nr. " + id)));
        assertThat(heading()).isEqualTo(title);
        assertThat(currentPath()).isEqualTo("/ideer/" + id);
        logout();
    }

    @Test
    void wrongInputIsRefusedInDanishAndNothingTypedIsLost() throws IOException {
        open("/ideer/ny");
        submitMainForm();
        assertThat(errorSummaryWithFocus()).contains("Udfyld feltet.").contains("Vælg mindst én.")
                .contains("Skriv en e-mailadresse.");

        fillIn("Renamed program " + unique());
        find("#attachments").sendKeys(file("virus.pdf", exe()).toString());
        submitMainForm();
        assertThat(errorSummaryWithFocus()).contains("Filen virus.pdf er ikke en PDF, PNG, JPEG eller Word-fil (DOCX).");
        assertThat(find("#title").getDomProperty("value")).startsWith("Renamed program");
        assertThat(find("#problem").getDomProperty("value")).isEqualTo("Ventetid på hjælpemidler");
        assertThat(find("#email").getDomProperty("value")).isEqualTo("hans@journey.test");

        Path large = Files.createTempFile("tvaers-50mb-", ".pdf");
        try (var raf = new RandomAccessFile(large.toFile(), "rw")) {
            raf.write("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
            raf.setLength(50L * 1024 * 1024);
        }
        try {
            find("#attachments").sendKeys(large.toString());
            submitMainForm();
            assertThat(errorSummaryWithFocus()).contains("er større end 10 MB");
            assertThat(find("#title").getDomProperty("value")).startsWith("Renamed program");
            assertThat(find("#name").getDomProperty("value")).isEqualTo("Hans Hansen");
        } finally {
            Files.deleteIfExists(large);
        }
    }

    @Test
    void aSecondSupportIsRefusedInDanish() {
        long id = ideas.submit(new NewIdea("Støttet idé " + unique(), "Problem", "Forslag", "Borgere",
                EnumSet.of(Sector.MUNICIPALITY), InnovationType.EVERYDAY, null, false, List.of()),
                Submitter.assisted("Bo", null, 1, "Personale"));
        TestUser citizen = aUserWithRoles(Role.CITIZEN);
        loginAs(citizen.email(), citizen.password());
        open("/ideer/" + id);
        // the same person supports it in another tab, then presses the button on this page
        reactions.support(id, citizen.id());
        clickAndWaitForPage(find("form.tvaers-support button"));
        assertThat(find("main [role=alert]").getText())
                .isEqualTo("Du støtter allerede idéen. Man kan kun støtte en idé én gang.");
        assertThat(find("#supports").getText()).isEqualTo("1");
        logout();
    }

    // --- helpers ---

    private void fillIn(String title) {
        type("#title", title);
        type("#problem", "Ventetid på hjælpemidler");
        type("#proposal", "Et fælles lager");
        type("#beneficiaries", "Ældre borgere");
        tick("sectors", "Kommune");
        new Select(find("#innovationType")).selectByVisibleText("Hverdagsinnovation");
        type("#name", "Hans Hansen");
        type("#email", "hans@journey.test");
    }

    /** Ticks a checkbox of a group by its label, unless it is ticked already (the form keeps what was ticked). */
    private void tick(String group, String label) {
        WebElement box = find("#" + group).findElements(By.tagName("label")).stream()
                .filter(candidate -> candidate.getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no checkbox labelled " + label));
        if (!find("#" + box.getDomAttribute("for")).isSelected()) {
            box.click();
        }
        assertThat(find("#" + box.getDomAttribute("for")).isSelected()).isTrue();
    }

    private static Path file(String name, byte[] content) throws IOException {
        Path dir = Files.createTempDirectory("tvaers-upload-");
        Path file = dir.resolve(name);
        Files.write(file, content);
        file.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return file;
    }

    private static byte[] exe() {
        byte[] bytes = new byte[512];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        return bytes;
    }

    private MimeMessage awaitMail(String address, int count) {
        return waitUntil(d -> {
            List<MimeMessage> received = mailsTo(address);
            return received.size() >= count ? received.get(count - 1) : null;
        });
    }

    private MimeMessage awaitMailContaining(String address, String text) {
        return waitUntil(d -> mailsTo(address).stream()
                .filter(m -> body(m).contains(text) || subject(m).contains(text)).findFirst().orElse(null));
    }

    /** The path and query of the link in the mail, on this test's server. */
    private static String link(MimeMessage message, Pattern pattern) {
        Matcher matcher = pattern.matcher(body(message));
        assertThat(matcher.find()).as("a link in: %s", body(message)).isTrue();
        return URI.create(matcher.group(1)).toString();
    }
}
