package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The administrator's API clients (ADR 0039): the form's Danish errors, creating a client whose secret is shown once
 * and gets a real token from {@code /oauth2/token}, revoking it (confirmed) after which the secret gets nothing; every
 * page looked at at 1366 and 390 px and scanned by axe-core.
 */
class ApiClientJourneyTests extends BrowserTest {

    @Test
    void createsAClientUsesItsSecretOnceAndRevokesIt() throws Exception {
        String organisation = anOrganisation().name();
        String name = "Journalsystem " + unique();
        List<String> seen = new ArrayList<>();

        loginAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        followMenuLink("API-klienter");
        assertThat(heading()).isEqualTo("API-klienter");
        record("API clients");
        clickAndWaitForPage(find("main").findElement(By.linkText("Opret API-klient")));
        assertThat(currentPath()).isEqualTo("/admin/api-klienter/ny");

        type("#name", name);
        submitMainForm();
        String errors = errorSummaryWithFocus();
        assertThat(errors).contains("Vælg en værdi.", "Vælg mindst én rettighed.");
        assertThat(find("#name").getDomProperty("value")).as("kept").isEqualTo(name);
        record("API client form with errors");
        for (int width : List.of(WIDE, NARROW)) {
            atWidth(width);
            seen.addAll(lookedAt("api-client-form-errors").stream().map(p -> "form " + width + ": " + p).toList());
        }
        atWidth(WIDE);

        new Select(find("#organisationId")).selectByVisibleText(organisation);
        WebElement scope = find("#scopes").findElements(By.tagName("label")).getFirst();
        scope.click();
        submitMainForm();
        assertThat(heading()).isEqualTo("Hemmelighed for " + name);
        String clientId = find("#client-id").getText();
        String secret = find("#client-secret").getText();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
        assertThat(find("main").getText()).contains("vises kun denne ene gang").contains("curl -u " + clientId);
        record("API client secret");
        for (int width : List.of(WIDE, NARROW)) {
            atWidth(width);
            seen.addAll(lookedAt("api-client-secret").stream().map(p -> "secret " + width + ": " + p).toList());
        }
        atWidth(WIDE);
        assertThat(token(clientId, secret)).as("the shown secret gets a token").isEqualTo(200);

        clickAndWaitForPage(find("main").findElement(By.linkText("Tilbage til klienten")));
        assertThat(find("main").getText()).contains(clientId).doesNotContain(secret);
        for (int width : List.of(WIDE, NARROW)) {
            atWidth(width);
            seen.addAll(lookedAt("api-client-edit").stream().map(p -> "edit " + width + ": " + p).toList());
        }
        atWidth(WIDE);
        record("API client page");

        confirmAction("form[action$='/tilbagekald']");
        clickAndWaitForPage(find("form[action$='/tilbagekald'] button"));
        assertThat(find("main [role=status]").getText()).contains("er tilbagekaldt");
        assertThat(token(clientId, secret)).as("a revoked client gets no token").isEqualTo(401);

        open("/admin/revisionslog?q=" + clientId);
        assertThat(find("main").getText()).contains("API-klient oprettet").contains("API-klient tilbagekaldt")
                .contains("Adgangstoken udstedt til API-klient");
        assertThat(seen).as("what a person sees").isEmpty();
        assertNoProblems();
    }

    private int token(String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=registrations.write"))
                .build();
        try (var http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        }
    }
}
