package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.shared.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * Every list page drawn by fragments/list, on a desktop (1366 px) and a phone (390 px): the count or the list's own
 * "nothing matches" (never "Viser 0–0 af 0"), and nothing wider than the window. Screenshots go to
 * target/screenshots/ for a person to look at.
 */
class ListPagesLayoutTests extends BrowserTest {

    private static final List<String> STAFF_LISTS = List.of("/ideer", "/idekliniken", "/initiativer", "/katalog",
            "/katalog/redaktion", "/historier", "/udfordringer", "/vilde-problemer", "/konsortier", "/ansoegninger");

    private static final List<String> ADMIN_LISTS = List.of("/admin/organisationer", "/admin/brugere",
            "/admin/revisionslog");

    @Test
    void everyListShowsItsCountAndFitsADesktopAndAPhone() throws IOException {
        TestUser user = aUserWithRoles(Role.STAFF, Role.INNOVATION_CONSULTANT, Role.TASK_FORCE, Role.ANALYST);
        loginAs(user.email(), user.password());
        for (String path : STAFF_LISTS) {
            check(path);
        }
        driver.manage().window().setSize(new Dimension(1280, 1000));
        logout();
        loginAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        for (String path : ADMIN_LISTS) {
            check(path);
        }
        open("/admin/organisationer?q=ingen-organisation-hedder-sådan");
        assertThat(find(".tvaers-count").getText()).isEqualTo("Ingen resultater passer til din søgning.");
        assertThat(find("main").getText()).doesNotContain("Viser 0");
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    private void check(String path) throws IOException {
        for (int width : new int[] {1366, 390}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            open(path);
            String count = find(".tvaers-count").getText();
            assertThat(count).as("the count of %s", path).isNotBlank().doesNotContain("Viser 0");
            long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as("%s is no wider than %d px", path, width).isLessThanOrEqualTo(0);
            Path file = Path.of("target", "screenshots",
                    "list" + path.replace('/', '-') + "-" + width + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        }
    }
}
