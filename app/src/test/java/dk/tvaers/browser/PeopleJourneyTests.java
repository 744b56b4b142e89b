package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.challenges.NewWickedProblem;
import dk.tvaers.challenges.WickedProblems;
import dk.tvaers.ideas.IdeaReactions;
import dk.tvaers.ideas.Ideas;
import dk.tvaers.ideas.NewIdea;
import dk.tvaers.ideas.Submitter;
import dk.tvaers.notifications.Delivery;
import dk.tvaers.notifications.Digests;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The people's side, at 1366 px and on a 390 px phone: a citizen who signs up, follows an idea and gets the daily
 * digest; a consultant and a Task Force member who work from their worklists ("Mine sider"). On every page: axe, no
 * sideways overflow, every form control visible; each worklist is saved as a screenshot under target/screenshots/.
 */
class PeopleJourneyTests extends BrowserTest {

    private static final Pattern SIGN_UP_LINK = Pattern.compile("https?://\\S+(/opret-konto/bekraeft\\?token=[A-Za-z0-9_-]+)");

    @Autowired
    Ideas ideas;

    @Autowired
    IdeaReactions reactions;

    @Autowired
    Digests digests;

    @Autowired
    WickedProblems wickedProblems;

    @AfterEach
    void desktopAgain() {
        resize(1366);
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {1366, 390})
    void aCitizenSignsUpFollowsAnIdeaAndGetsTheDailyDigest(int width) throws Exception {
        resize(width);
        int n = unique();
        long idea = ideas.submit(new NewIdea("Fælles medicinliste " + n, "Medicinen står tre steder.",
                "Én liste, som både hospital, kommune og læge ser.", "Borgere med mange præparater",
                Set.of(Sector.REGION, Sector.MUNICIPALITY), InnovationType.EVERYDAY, Region.SYDDANMARK, false, List.of()),
                Submitter.assisted("Bodil", null, 1, "Medarbejder"));

        look("/ideer/" + idea, "idea-anonymous", width);
        assertThat(find(".tvaers-support-account").getText()).contains("For at støtte idéen skal du have en konto");
        clickAndWaitForPage(find(".tvaers-support-account a[href='/opret-konto']"));
        checkPage("sign-up", width);

        String email = "signe" + n + "@borger.test";
        type("#name", "Signe Selv " + n);
        type("#email", email);
        type("#password", "Min-egen-lange-kode-" + n);
        type("#repeat", "Min-egen-lange-kode-" + n);
        submitMainForm();
        assertThat(find("main .alert-success").getText()).contains(email);
        checkPage("sign-up-sent", width);

        String link = awaitLink(email);
        // the mail leaves just before the listener's transaction commits the link's token
        waitUntil(d -> {
            open(link);
            return !currentPath().startsWith("/opret-konto/bekraeft");
        });
        assertThat(currentPath()).isEqualTo("/login?oprettet");
        assertThat(find("main .alert-success").getText()).contains("Din konto er oprettet");
        signIn(email, "Min-egen-lange-kode-" + n);
        assertThat(signedInName()).isEqualTo("Signe Selv " + n);

        look("/ideer/" + idea, "idea-signed-in", width);
        clickAndWaitForPage(find(".tvaers-follow button[type=submit]"));
        assertThat(find("main .alert-success").getText()).contains("Du følger nu med");
        assertThat(find(".tvaers-follow").getText()).contains("Følg ikke længere");

        reactions.comment(idea, "Det har vi savnet på plejecentret.", new Actor(null, "Kaj Kommentar"));
        waitUntil(d -> {
            d.navigate().refresh();
            return !findAll("header .tvaers-badge").isEmpty();
        });
        assertThat(find("header .tvaers-badge").getDomProperty("textContent")).isEqualTo("1");

        digests.run(Delivery.DAILY, Instant.now());
        MimeMessage digest = waitUntil(d -> mailsTo(email).stream()
                .filter(m -> subject(m).startsWith("Tværs: 1 ny notifikation")).findFirst().orElse(null));
        assertThat(body(digest)).contains("ny kommentar til idéen \"Fælles medicinliste " + n + "\"");

        look("/notifikationer", "notifications", width);
        assertThat(find(".tvaers-notices").getText()).contains("Fælles medicinliste " + n);
        clickAndWaitForPage(find(".tvaers-notices a"));
        assertThat(currentPath()).isEqualTo("/ideer/" + idea);
        assertThat(findAll("header .tvaers-badge")).as("read once opened").isEmpty();
        look("/notifikationer/indstillinger", "notification-settings", width);
        look("/mine-sider", "worklist-citizen", width);
        assertThat(find(".tvaers-worklist").getText()).contains("Dine idéer");
        assertNoProblems();
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {1366, 390})
    void aConsultantTakesANewIdeaFromTheWorklist(int width) {
        resize(width);
        TestUser consultant = aUserWithRoles(Role.INNOVATION_CONSULTANT);
        String title = "Hjemmemåling af blodtryk " + unique();
        ideas.submit(new NewIdea(title, "Kontrollerne fylder.", "Mål hjemme.", "Borgere med forhøjet blodtryk",
                Set.of(Sector.GENERAL_PRACTICE), InnovationType.EVERYDAY, Region.SYDDANMARK, false, List.of()),
                Submitter.assisted("Bent", null, 1, "Medarbejder"));
        signIn(consultant.email(), consultant.password());
        assertThat(find("main").getText()).contains("Det venter på dig").contains("Nye idéer, som ingen har taget");
        checkPage("home-consultant", width);

        look("/mine-sider", "worklist-consultant", width);
        WebElement fresh = item("Nye idéer, som ingen har taget");
        assertThat(Long.parseLong(fresh.findElement(By.cssSelector(".tvaers-worklist-count")).getText())).isPositive();
        assertThat(fresh.getText()).contains("det ældste siden");
        clickAndWaitForPage(fresh.findElement(By.tagName("a")));
        assertThat(currentPath()).isEqualTo("/idekliniken?status=SUBMITTED");
        checkPage("clinic-from-worklist", width);
        assertNoProblems();
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {1366, 390})
    void aTaskForceMemberScoresFromTheWorklist(int width) {
        resize(width);
        TestUser taskForce = aUserWithRoles(Role.TASK_FORCE);
        TestUser staff = aUserWithRoles(Role.STAFF);
        wickedProblems.submit(new NewWickedProblem("Ensomhed blandt ældre " + unique(), "Mange ældre er alene.",
                "Ældre og pårørende", Set.of(Sector.MUNICIPALITY, Sector.REGION), Region.SYDDANMARK),
                AccountPrincipal.of(users.find(staff.id()).orElseThrow()));
        signIn(taskForce.email(), taskForce.password());
        look("/mine-sider", "worklist-task-force", width);
        assertThat(find("main").getText()).contains("Indsendte ansøgninger, der venter på jeres afgørelse")
                .contains("Fremdriftsrapporter, der venter på godkendelse");
        WebElement toScore = item("Vilde problemer, du ikke har scoret");
        assertThat(Long.parseLong(toScore.findElement(By.cssSelector(".tvaers-worklist-count")).getText())).isPositive();
        clickAndWaitForPage(toScore.findElement(By.tagName("a")));
        assertThat(currentPath()).isEqualTo("/vilde-problemer/prioritering");
        checkPage("wicked-ranking-from-worklist", width);
        assertNoProblems();
    }

    /** ADR 0034: a citizen reports a comment, a moderator hides it from the queue; the public no longer sees it. */
    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {1366, 390})
    void aModeratorHidesACommentThatACitizenReported(int width) {
        resize(width);
        int n = unique();
        TestUser author = aUserWithRoles(Role.CITIZEN);
        TestUser reporter = aUserWithRoles(Role.CITIZEN);
        TestUser moderator = aUserWithRoles(Role.INNOVATION_CONSULTANT);
        long idea = ideas.submit(new NewIdea("Træningshold i boligområdet " + n, "Ingen motion efter udskrivning.",
                "Hold i fælleshuset.", "Ældre efter indlæggelse", Set.of(Sector.MUNICIPALITY), InnovationType.EVERYDAY,
                Region.SYDDANMARK, false, List.of()), Submitter.assisted("Bodil", null, 1, "Medarbejder"));
        String spam = "Køb billige kosttilskud på vores webshop " + n;
        reactions.comment(idea, spam, new Actor(author.id(), author.name()));

        signIn(reporter.email(), reporter.password());
        look("/ideer/" + idea, "moderation-idea-before", width);
        WebElement reportLink = find(".tvaers-thread .tvaers-report-link a");
        ((ChromeDriver) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", reportLink);
        clickAndWaitForPage(reportLink);
        checkPage("moderation-report-form", width);
        type("#reason", "Reklame for en webshop");
        submitMainForm();
        assertThat(find("main .alert-success").getText()).contains("En moderator ser på din anmeldelse");
        startLoggedOut();

        signIn(moderator.email(), moderator.password());
        look("/mine-sider", "moderation-worklist", width);
        WebElement reports = item("Anmeldte idéer og kommentarer, der venter på en moderator");
        clickAndWaitForPage(reports.findElement(By.tagName("a")));
        checkPage("moderation-queue", width);
        WebElement row = findAll("#results tbody tr").stream().filter(tr -> tr.getText().contains("Træningshold i boligområdet " + n))
                .findFirst().orElseThrow();
        // the title wraps over several lines in the phone's table, where a click on the box's centre can fall between
        // them: the link is followed by its address
        open(URI.create(row.findElement(By.tagName("a")).getDomProperty("href")).getRawPath());
        checkPage("moderation-report", width);
        assertThat(find("main").getText()).contains(spam).contains("Reklame for en webshop");
        type("#reason", "Reklame er ikke tilladt i kommentarerne.");
        clickAndWaitForPage(find("main form[action$='/skjul'] button[type=submit]"));
        assertThat(find("main .alert-success").getText()).contains("Indholdet er skjult");
        checkPage("moderation-hidden", width);
        startLoggedOut();

        look("/ideer/" + idea, "moderation-idea-after", width);
        assertThat(find("main").getText()).doesNotContain(spam);
        assertNoProblems();
    }

    // --- looking as a person does ---

    /**
     * Logs in on the login page at any width. The header's name is read from the DOM: on a phone DKFDS hides it
     * (the phone header is issue 11's item 2, another helper's work).
     */
    private void signIn(String email, String password) {
        if (!currentPath().startsWith("/login")) {
            open("/login");
        }
        type("#username", email);
        type("#password", password);
        submitMainForm();
        assertThat(findAll("[data-error-summary]")).as("login as %s", email).isEmpty();
        assertThat(signedInName()).isNotBlank();
    }

    private String signedInName() {
        return findAll("header .user-name strong").stream().map(e -> e.getDomProperty("textContent").strip())
                .findFirst().orElse("");
    }

    private WebElement item(String label) {
        return findAll(".tvaers-worklist-items li").stream().filter(li -> li.getText().contains(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no worklist line " + label));
    }

    private void resize(int width) {
        driver.manage().window().setSize(new Dimension(width, 1000));
        Object inner = ((ChromeDriver) driver).executeScript("return window.innerWidth");
        if (Math.abs(((Number) inner).intValue() - width) > 20) {
            // the window's frame takes some pixels: make the viewport itself the width asked for
            int frame = 1366 - ((Number) inner).intValue();
            driver.manage().window().setSize(new Dimension(width + Math.max(frame, 0), 1000));
        }
    }

    private void look(String path, String name, int width) {
        open(path);
        checkPage(name, width);
    }

    /** axe, no sideways overflow, every form control a visible box, and a full-page screenshot of what the user sees. */
    private void checkPage(String name, int width) {
        record(name + " at " + width + " px (" + currentPath() + ")");
        var chrome = (ChromeDriver) driver;
        Number overflow = (Number) chrome.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("%s at %d px overflows sideways", name, width).isLessThanOrEqualTo(0);
        @SuppressWarnings("unchecked")
        List<String> hidden = (List<String>) chrome.executeScript("""
                return Array.from(document.querySelectorAll('main input:not([type=hidden]), main select, main textarea, main button'))
                  .filter(el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
                    const label = el.id ? document.querySelector('label[for="' + el.id + '"]') : null;
                    const boxOf = x => { const b = x.getBoundingClientRect(); return b.width > 0 && b.height > 0; };
                    const seen = boxOf(el) && s.visibility !== 'hidden' && s.opacity !== '0';
                    return !(seen || (label && boxOf(label)));
                  })
                  .map(el => el.outerHTML.substring(0, 120));""");
        assertThat(hidden).as("form controls without a visible box on %s at %d px", name, width).isEmpty();
        savePage(name + "-" + width);
    }

    private void savePage(String name) {
        var chrome = (ChromeDriver) driver;
        Number height = (Number) chrome.executeScript("return document.documentElement.scrollHeight");
        Number widthNow = (Number) chrome.executeScript("return document.documentElement.clientWidth");
        Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", widthNow, "height", Math.min(height.intValue(), 6000), "scale", 1)));
        try {
            Path dir = Path.of("target/screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String awaitLink(String email) {
        MimeMessage message = waitUntil(d -> mailsTo(email).stream().findFirst().orElse(null));
        Matcher matcher = SIGN_UP_LINK.matcher(body(message));
        assertThat(matcher.find()).as("a sign-up link in %s", body(message)).isTrue();
        return URI.create(matcher.group()).getRawPath() + "?" + URI.create(matcher.group()).getRawQuery();
    }
}
