package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import dk.tvaers.TestSmtp;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.Organisation;
import dk.tvaers.accounts.OrganisationDetails;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.accounts.UserAttributes;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The base of every browser journey: the whole application on a random port (one Spring context for all browser
 * tests, so keep these annotations the only configuration), GreenMail on the free SMTP port of {@link TestSmtp}, and one
 * headless Chromium per test class. Every test starts logged out, in Danish.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestSmtp.MailPort.class)
@ActiveProfiles("test")
abstract class BrowserTest {

    static final String ADMIN_EMAIL = "admin@test.tvaers.dk";
    static final String ADMIN_PASSWORD = "Skift-mig-aldrig-2026!";
    static final String ADMIN_NAME = "Administrator";

    // how long a page may take to load before a journey fails: generous, because CI shares two cores with the
    // server, the browser and the test (a wait, not a speed assertion: speed is measured in bench/)
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Pattern RESET_LINK = Pattern.compile("https?://\\S+/nulstil-adgangskode\\?token=[A-Za-z0-9_-]+");

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(TestSmtp.serverSetup()).withPerMethodLifecycle(false);

    static WebDriver driver;
    private static ChromeDriverService service;
    private static Path profileDir;

    @LocalServerPort
    int port;

    @Autowired
    UserDirectory users;

    @Autowired
    OrganisationDirectory organisations;

    @BeforeAll
    static void startBrowser() throws IOException {
        profileDir = Files.createTempDirectory("tvaers-chromium-");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profileDir);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (service != null) {
                service.stop();
            }
            if (profileDir != null) {
                try (Stream<Path> files = Files.walk(profileDir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    /** Logged out and in Danish: the session and language cookies of the previous test are gone. */
    @BeforeEach
    void startLoggedOut() {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        if (driver.getCurrentUrl().startsWith(baseUrl())) {
            driver.manage().deleteAllCookies();
        }
    }

    // --- navigation ---

    String baseUrl() {
        return "http://localhost:" + port;
    }

    void open(String path) {
        driver.get(baseUrl() + path);
    }

    /** The path and query of the page the browser shows. */
    String currentPath() {
        URI uri = URI.create(driver.getCurrentUrl());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String heading() {
        return find("h1").getText();
    }

    String htmlLang() {
        return find("html").getDomAttribute("lang");
    }

    <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Clears a field and types into it. */
    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks something that loads a new page (a submit button or link), and waits until the new page is there. */
    void clickAndWaitForPage(WebElement element) {
        WebElement html = find("html");
        // into the middle of the viewport first, as a person scrolls to what they read: WebDriver's own scrolling puts
        // the element at the viewport's edge, where on a phone the click can miss it
        ((ChromeDriver) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
        waitForPageAfter(html);
    }

    /** Presses Enter in a field that submits its form, and waits until the new page is there. */
    void pressEnterAndWaitForPage(WebElement field) {
        WebElement html = find("html");
        field.sendKeys(Keys.ENTER);
        waitForPageAfter(html);
    }

    private void waitForPageAfter(WebElement oldHtml) {
        waitUntil(d -> isGone(oldHtml));
        waitUntil(d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
    }

    /**
     * Whether the page the element belonged to has been replaced. Chromium sometimes answers a question about a node
     * of the old page with "Node with given id does not belong to the document" instead of a stale-element error,
     * while the new page loads; that means the same.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Runs the steps with JavaScript switched off in the page, as a browser without it would see Tværs. */
    void withoutJavaScript(Runnable steps) {
        var chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        try {
            steps.run();
        } finally {
            chrome.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        }
    }

    /** Submits the form of the main content with its primary button. */
    void submitMainForm() {
        clickAndWaitForPage(find("main form button[type=submit].button-primary"));
    }

    /** Ticks the checkbox of a role in the user form, by its label (DKFDS draws the box on the label). */
    void checkRole(String label) {
        WebElement box = find("#roles").findElements(By.tagName("label")).stream()
                .filter(candidate -> candidate.getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no role labelled " + label));
        box.click();
        assertThat(find("#" + box.getDomAttribute("for")).isSelected()).as("%s is ticked", label).isTrue();
    }

    /** Ticks the confirmation of an irreversible action in the form (fragments/forms :: confirm), as a person does. */
    void confirmAction(String formCss) {
        WebElement label = find(formCss + " .tvaers-confirm label");
        label.click();
        assertThat(find("#" + label.getDomAttribute("for")).isSelected()).as("confirmed in %s", formCss).isTrue();
    }

    // --- logging in and out ---

    void loginAs(String login, String password) {
        open("/login");
        type("#username", login);
        type("#password", password);
        submitMainForm();
        assertThat(findAll("[data-error-summary]")).as("login as %s should succeed", login).isEmpty();
        assertThat(loggedInName()).isNotEmpty();
    }

    void logout() {
        clickAndWaitForPage(find("form.tvaers-logout button[type=submit]"));
        assertThat(findAll("form.tvaers-logout")).isEmpty();
    }

    /** The name the header shows for the signed-in user, or empty when nobody is logged in. */
    String loggedInName() {
        return findAll("header .user-name strong").stream().map(WebElement::getText).findFirst().orElse("");
    }

    /** The links of the header's main navigation. */
    List<String> navigationLinks() {
        return findAll("header nav a").stream().map(link -> URI.create(link.getDomAttribute("href")).getPath()).toList();
    }

    // --- forms with errors (DKFDS error summary) ---

    /** Waits for the error summary, checks that it has focus, and returns its text. */
    String errorSummaryWithFocus() {
        WebElement summary = waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-error-summary]")));
        waitUntil(d -> summary.equals(d.switchTo().activeElement()));
        assertThat(driver.switchTo().activeElement()).as("focus on the error summary").isEqualTo(summary);
        return summary.getText();
    }

    /**
     * The lines of the error summary, checked as a person reads them: each links to a field of the page, names it by
     * its label (or legend) before the message, and the lines follow the fields' order on the page.
     */
    List<String> errorSummaryLinesNamingTheirFields() {
        errorSummaryWithFocus();
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) script("""
                var problems = [], last = null;
                document.querySelectorAll('[data-error-summary] a[href^="#"]').forEach(function (link) {
                  var id = decodeURIComponent(link.getAttribute('href').substring(1));
                  var field = document.getElementById(id);
                  if (!field) { problems.push(link.textContent + ': links to nothing'); return; }
                  var label = field.tagName === 'FIELDSET' ? field.querySelector('legend')
                    : document.querySelector('label[for="' + id + '"]');
                  var name = label ? label.textContent.replace(/\\(frivilligt\\)/, '').trim() : null;
                  if (!name || link.textContent.trim().indexOf(name + ':') !== 0) {
                    problems.push(link.textContent.trim() + ': does not name its field ' + name);
                  }
                  if (last && (last.compareDocumentPosition(field) & Node.DOCUMENT_POSITION_PRECEDING)) {
                    problems.push(link.textContent.trim() + ': out of page order');
                  }
                  last = field;
                });
                return problems;
                """);
        assertThat(problems).as("the error summary of %s", currentPath()).isEmpty();
        return findAll("[data-error-summary] li").stream().map(WebElement::getText).toList();
    }

    // --- test data ---

    /** A number unique within the run, for names and e-mail addresses (the context and its database are shared). */
    static int unique() {
        return SEQUENCE.incrementAndGet();
    }

    record TestUser(long id, String email, String name, String password) {}

    Organisation anOrganisation() {
        int n = unique();
        return organisations.create(new OrganisationDetails("Testkommune " + n, Sector.MUNICIPALITY,
                Region.SYDDANMARK, null), Actor.SYSTEM);
    }

    /** A user with a password, straight through the accounts API (for journeys that are not about creating users). */
    TestUser aUserWithRoles(Role... roles) {
        int n = unique();
        String email = "bruger" + n + "@kommune.test";
        String name = "Birthe Bruger " + n;
        String password = "Rolig-Rød-Cykel-" + n;
        Set<Role> roleSet = roles.length == 0 ? EnumSet.of(Role.STAFF) : EnumSet.copyOf(Arrays.asList(roles));
        Long organisation = roleSet.contains(Role.CITIZEN) ? null : anOrganisation().id();
        long id = users.create(new UserAttributes(email, name, organisation, roleSet), password, false, Actor.SYSTEM);
        return new TestUser(id, email, name, password);
    }

    // --- mail ---

    /** The mails GreenMail received for this address, oldest first. */
    List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(message -> isFor(message, address)).toList();
    }

    /**
     * Waits for mail number {@code count} to the address (mail goes out after the transaction, asynchronously) and
     * returns the path and query of the password link in it, on this test's server (the mail's own link uses the
     * configured base URL).
     */
    String awaitPasswordLink(String address, int count) {
        MimeMessage message = waitUntil(d -> {
            List<MimeMessage> received = mailsTo(address);
            return received.size() >= count ? received.get(count - 1) : null;
        });
        String body = body(message);
        Matcher link = RESET_LINK.matcher(body);
        if (!link.find()) {
            fail("no password link in the mail to " + address + ":\n" + body);
        }
        URI uri = URI.create(link.group());
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    static String body(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients)
                    .anyMatch(r -> r instanceof InternetAddress a && a.getAddress().equalsIgnoreCase(address));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- accessibility ---

    /**
     * Follows a link of the header's menu as a person does: DKFDS moves the items that do not fit the width into its
     * "Mere" menu, so that is opened first when the link is not in sight.
     */
    void followMenuLink(String text) {
        WebElement nav = find("header .navigation-menu nav");
        if (nav.findElements(By.linkText(text)).isEmpty()) {
            nav.findElement(By.cssSelector(".more-button")).click();
            waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#fds-more-menu")));
        }
        clickAndWaitForPage(nav.findElement(By.linkText(text)));
    }

    /** Runs axe-core on the page as it is and fails listing every serious or critical violation. */
    // --- scanning many pages, failing once with every page that has a problem ---

    private final Map<String, String> accessibilityProblems = new LinkedHashMap<>();

    /** Opens a page, checks that it is the expected one, and records what axe-core finds on it. */
    void scan(String path, String expectedHeading) {
        open(path);
        assertThat(heading()).as("the page %s", path).isEqualTo(expectedHeading);
        record(path);
    }

    /** Submits the form, checks that it came back with its error summary, and records what axe-core finds. */
    void submitAndScan(String what) {
        submitMainForm();
        assertThat(errorSummaryWithFocus()).as(what).isNotBlank();
        record(what + " (" + currentPath() + ")");
    }

    /** Records what axe-core finds on the page shown, under the given name. */
    void record(String page) {
        try {
            assertNoSeriousAccessibilityViolations();
        } catch (AssertionError found) {
            accessibilityProblems.put(page, found.getMessage());
        }
    }

    /** Fails, naming every recorded page with a serious or critical violation. */
    void assertNoProblems() {
        if (!accessibilityProblems.isEmpty()) {
            var report = new StringBuilder("axe-core found serious or critical violations on ")
                    .append(accessibilityProblems.size()).append(" page(s):");
            accessibilityProblems.forEach((page, found) -> report.append("\n\n").append(page).append('\n').append(found));
            org.assertj.core.api.Assertions.fail(report.toString());
        }
    }

    void assertNoSeriousAccessibilityViolations() {
        String problems = seriousAccessibilityViolations();
        if (!problems.isEmpty()) {
            fail("axe-core found serious or critical violations on " + currentPath() + ":\n" + problems);
        }
    }

    /** The serious and critical axe-core violations of the page as it is, one per line; empty when there are none. */
    String seriousAccessibilityViolations() {
        // axe-core checks every node of the page in the browser: the Triple Aim dashboard's many tables take it over
        // Selenium's default 30 s script time on a busy two-core machine, which is a limit of the tool, not of the page
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(180));
        // AxeBuilder sets the script timeout itself (30 s by default), over the driver's: give it the same 180 s
        Results results = new AxeBuilder().setTimeout(180).analyze(driver);
        if (results.isErrored()) {
            throw new IllegalStateException("axe-core failed on " + currentPath() + ": " + results.getErrorMessage());
        }
        assertThat(results.getPasses()).as("axe-core ran its rules on %s", currentPath()).isNotEmpty();
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(BrowserTest::describe)
                .collect(Collectors.joining("\n"));
    }

    private static String describe(Rule rule) {
        String targets = rule.getNodes().stream()
                .map(node -> String.valueOf(node.getTarget()) + " " + node.getHtml())
                .collect(Collectors.joining("\n      "));
        return "  [" + rule.getImpact() + "] " + rule.getId() + ": " + rule.getHelp() + " (" + rule.getHelpUrl()
                + ")\n      " + targets;
    }

    // --- looking at a page as a person does (ADR 0020) ---

    /** The widths every page is looked at: a laptop and a phone. */
    static final int WIDE = 1366;
    static final int NARROW = 390;

    /** Shows pages as a screen of this width would (a phone below 600 px: mobile viewport, touch-sized). */
    void atWidth(int width) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", width < 600 ? 844 : 900, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    int width() {
        return ((Number) script("return window.innerWidth")).intValue();
    }

    Object script(String js, Object... args) {
        return ((ChromeDriver) driver).executeScript(js, args);
    }

    /**
     * Opens the page at 1366 px and at 390 px, and at each looks at it as a person does: {@link #lookedAt}. Saves
     * {@code target/screenshots/<name>-1366.png} and {@code -390.png}.
     */
    void lookAt(String path, String name) {
        List<String> problems = new ArrayList<>();
        for (int width : List.of(WIDE, NARROW)) {
            atWidth(width);
            open(path);
            problems.addAll(lookedAt(name).stream().map(problem -> path + " at " + width + " px: " + problem).toList());
        }
        atWidth(WIDE);
        assertThat(problems).as("what a person sees on %s", path).isEmpty();
    }

    /**
     * The problems a person would see on the page as shown, at the present width, and saves its screenshot: a form
     * control without a visible box (zero size, hidden by CSS, or a DKFDS checkbox or radio whose label draws no box),
     * a control the keyboard does not reach or that shows no focus, a page wider than the screen, a menu that cannot
     * be reached (on a phone: the menu button opens the drawer with the navigation and "Log ind"/"Log af").
     */
    List<String> lookedAt(String name) {
        waitUntil(d -> "complete".equals(script("return document.readyState")));
        List<String> problems = new ArrayList<>();
        problems.addAll(invisibleControls());
        problems.addAll(overflow());
        problems.addAll(keyboardProblems());
        screenshot(name);
        problems.addAll(menuProblems());
        return problems;
    }

    private static final String CONTROLS = """
            var controls = Array.from(document.querySelectorAll(
                'main input:not([type=hidden]), main select, main textarea, main button'))
              .filter(function (el) { return !el.closest('details:not([open])'); });
            function describe(el) {
              return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.name ? '[name=' + el.name + ']' : '')
                + ((el.type === 'checkbox' || el.type === 'radio') ? '[value=' + el.value + ']' : '')
                + (el.tagName === 'BUTTON' ? ' "' + el.textContent.trim() + '"' : '');
            }
            function hiddenByCss(el) {
              for (var e = el; e; e = e.parentElement) {
                var s = getComputedStyle(e);
                if (s.display === 'none' || s.visibility === 'hidden' || parseFloat(s.opacity) === 0) { return true; }
              }
              return false;
            }
            function box(el) { var r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; }
            function dkfdsBox(el) { return el.classList.contains('form-checkbox') || el.classList.contains('form-radio'); }
            function drawnBox(el) {
              var label = el.nextElementSibling;
              if (!label || label.tagName !== 'LABEL' || label.htmlFor !== el.id) { return null; }
              var before = getComputedStyle(label, '::before');
              if (before.content === 'none' || parseFloat(before.width) <= 0) { return null; }
              return label;
            }
            """;

    private List<String> invisibleControls() {
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) script(CONTROLS + """
                var problems = [];
                controls.forEach(function (el) {
                  if (dkfdsBox(el)) {
                    var label = drawnBox(el);
                    if (!label) { problems.push(describe(el) + ': DKFDS draws no box (the label does not follow the input)'); }
                    else if (hiddenByCss(label) || !box(label)) { problems.push(describe(el) + ': its label is not visible'); }
                  } else if (hiddenByCss(el) || !box(el)) {
                    problems.push(describe(el) + ': not visible');
                  }
                });
                return problems;
                """);
        return found;
    }

    private List<String> overflow() {
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) script("""
                var root = document.documentElement, limit = root.clientWidth;
                if (root.scrollWidth <= limit) { return []; }
                var widest = Array.from(document.querySelectorAll('body *'))
                  .filter(function (e) { return e.getBoundingClientRect().right > limit + 1 && !e.closest('.mobile-drawer'); })
                  .filter(function (e) { return !Array.from(e.children).some(function (c) { return c.getBoundingClientRect().right > limit + 1; }); })
                  .slice(0, 5).map(function (e) { return e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : ''); });
                return ['the page is ' + root.scrollWidth + ' px wide on a ' + limit + ' px screen: ' + widest.join(', ')];
                """);
        return found;
    }

    /**
     * Tabs through the page from its start: every visible, enabled form control (one radio per group) must receive
     * focus, and show it (an outline or shadow; for a DKFDS checkbox or radio, on the box its label draws).
     */
    private List<String> keyboardProblems() {
        @SuppressWarnings("unchecked")
        List<String> expected = (List<String>) script(CONTROLS + """
                var keys = [];
                controls.forEach(function (el) {
                  var shown = dkfdsBox(el) ? drawnBox(el) && !hiddenByCss(drawnBox(el)) : !hiddenByCss(el) && box(el);
                  if (!shown || el.disabled || el.getAttribute('tabindex') === '-1') { return; }
                  var key = el.type === 'radio' ? 'radio:' + el.name : describe(el);
                  el.setAttribute('data-look', key);
                  if (keys.indexOf(key) < 0) { keys.push(key); }
                });
                if (document.activeElement) { document.activeElement.blur(); }
                window.scrollTo(0, 0);
                return keys;
                """);
        if (expected.isEmpty()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        List<String> reached = new ArrayList<>();
        find("body");
        int limit = 3 * ((Number) script("return document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]').length")).intValue() + 10;
        for (int step = 0; step < limit && !reached.containsAll(expected); step++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            @SuppressWarnings("unchecked")
            List<Object> focus = (List<Object>) script("""
                    var el = document.activeElement;
                    if (!el || !el.getAttribute('data-look')) { return null; }
                    function ring(e, pseudo) {
                      var s = getComputedStyle(e, pseudo);
                      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (pseudo == null && s.boxShadow !== 'none');
                    }
                    var shown = (el.type === 'checkbox' || el.type === 'radio') && el.nextElementSibling
                      ? ring(el.nextElementSibling, '::before') : ring(el, null);
                    return [el.getAttribute('data-look'), shown];
                    """);
            if (focus == null) {
                continue;
            }
            String key = (String) focus.get(0);
            if (!reached.contains(key)) {
                reached.add(key);
                if (!Boolean.TRUE.equals(focus.get(1))) {
                    problems.add(key + ": keyboard focus is not visible");
                }
            }
        }
        expected.stream().filter(key -> !reached.contains(key))
                .forEach(key -> problems.add(key + ": not reached with the Tab key"));
        return problems;
    }

    private List<String> menuProblems() {
        List<String> problems = new ArrayList<>();
        boolean loggedIn = !findAll("form.tvaers-logout").isEmpty();
        if (width() >= 992) {
            if (findAll("header nav a").stream().noneMatch(WebElement::isDisplayed)) {
                problems.add("no menu link is visible in the header");
            }
            return problems;
        }
        List<WebElement> openers = findAll("header .js-menu-open");
        if (openers.isEmpty() || !openers.getFirst().isDisplayed()) {
            problems.add("no menu button in the header");
            return problems;
        }
        if (!loggedIn && findAll("header .tvaers-header-login").stream().noneMatch(WebElement::isDisplayed)) {
            problems.add("no \"Log ind\" in the header");
        }
        openers.getFirst().click();
        try {
            waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".mobile-drawer.is-visible")));
        } catch (RuntimeException notOpened) {
            problems.add("the menu button does not open the menu");
            return problems;
        }
        WebElement drawer = find(".mobile-drawer");
        waitUntil(d -> drawer.getRect().getX() + drawer.getRect().getWidth() <= width() + 1);
        if (drawer.findElements(By.cssSelector("nav a")).stream().noneMatch(WebElement::isDisplayed)) {
            problems.add("the menu shows no navigation");
        }
        String account = loggedIn ? ".log-off" : ".log-on";
        if (drawer.findElements(By.cssSelector(account)).stream().noneMatch(WebElement::isDisplayed)) {
            problems.add("the menu does not offer " + (loggedIn ? "\"Log af\"" : "\"Log ind\""));
        }
        screenshot(currentScreenshotName + "-menu");
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        try {
            waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".mobile-drawer")));
        } catch (RuntimeException notClosed) {
            problems.add("the Escape key does not close the menu");
        }
        return problems;
    }

    private String currentScreenshotName = "page";

    /** Saves the whole page, as shown at the present width, as target/screenshots/<name>-<width>.png. */
    void screenshot(String name) {
        currentScreenshotName = name;
        int width = width();
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + "-" + width + ".png"),
                    ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
            int height = Math.min(8000, ((Number) script("return document.documentElement.scrollHeight")).intValue());
            var chrome = (ChromeDriver) driver;
            @SuppressWarnings("unchecked")
            Map<String, Object> shot = (Map<String, Object>) (Map<?, ?>) chrome.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true,
                            "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            Files.write(dir.resolve(name + "-" + width + "-full.png"),
                    java.util.Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
