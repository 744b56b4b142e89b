package dk.tvaers.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.tvaers.ideas.Ideas;
import dk.tvaers.ideas.NewIdea;
import dk.tvaers.ideas.Submitter;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The rate limits over real HTTP, at small sizes: 429 with {@code Retry-After} and the Danish page. The client here is
 * not a trusted proxy ({@code tvaers.trusted-proxies} names another address), so the {@code X-Forwarded-For} it sends
 * is ignored and cannot be used to get a fresh bucket per request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = {
        "tvaers.trusted-proxies=10\\.9\\.9\\.9",
        "tvaers.rate-limits.login.capacity=3",
        "tvaers.rate-limits.password-reset.capacity=1000",
        "tvaers.rate-limits.password-reset-address.capacity=2",
        "tvaers.rate-limits.idea-confirmation-address.capacity=2"})
class RateLimitHttpTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Ideas ideas;

    final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void loginAttemptsFromOneClientAreLimitedWhateverItsForwardedForSays() throws Exception {
        for (int i = 0; i < 3; i++) {
            var response = post("/login", "username=ingen@test.tvaers.dk&password=forkert" + i, "203.0.113." + i);
            assertThat(response.statusCode()).isNotEqualTo(429);
        }

        var refused = post("/login", "username=ingen@test.tvaers.dk&password=forkert", "203.0.113.99");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(refused.body()).contains("For mange forsøg på kort tid").contains("lang=\"da\"");
    }

    @Test
    void passwordResetsForOneAddressAreLimited() throws Exception {
        String form = "email=" + URLEncoder.encode("maal@test.tvaers.dk", StandardCharsets.UTF_8);
        assertThat(post("/glemt-adgangskode", form, null).statusCode()).isEqualTo(200);
        assertThat(post("/glemt-adgangskode", form, null).statusCode()).isEqualTo(200);

        var refused = post("/glemt-adgangskode", form.replace("maal", "MAAL"), null);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(post("/glemt-adgangskode", "email=en.anden@test.tvaers.dk", null).statusCode()).isEqualTo(200);
    }

    @Test
    void confirmationMailsToOneStrangersAddressAreLimited() {
        var idea = new NewIdea("Sms-påmindelse", "Glemt medicin", "En sms", "Ældre", EnumSet.of(Sector.REGION),
                InnovationType.EVERYDAY, Region.SYDDANMARK, false, List.of());
        ideas.submit(idea, Submitter.anonymous("Fremmed", "fremmed@test.tvaers.dk"));
        ideas.submit(idea, Submitter.anonymous("Fremmed", "fremmed@test.tvaers.dk"));

        assertThatThrownBy(() -> ideas.submit(idea, Submitter.anonymous("Fremmed", "Fremmed@test.tvaers.dk")))
                .isInstanceOf(RateLimitExceededException.class);
    }

    @Test
    void aBodyOverTheRequestLimitGetsTheDanishPage() throws Exception {
        // a raw request that announces 70 MB and sends a few bytes: the answer must come from the length alone, before
        // anything reads the body (a real client's upload races with the server closing the connection)
        try (var socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            var out = socket.getOutputStream();
            out.write(("POST /ideer/ny HTTP/1.1\r\nHost: localhost:" + port + "\r\nAccept: text/html\r\n"
                    + "Content-Type: multipart/form-data; boundary=tvaersgraense\r\nContent-Length: 70000000\r\n"
                    + "Connection: close\r\n\r\n--tvaersgraense\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response).contains("Det, du sendte, er for stort").contains("lang=\"da\"")
                    .doesNotContain("Apache Tomcat");
        }
    }

    private HttpResponse<String> post(String path, String form, String forwardedFor) throws Exception {
        String page = client.send(HttpRequest.newBuilder(uri(path.equals("/login") ? "/login" : path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).as("the form's CSRF token").isTrue();
        var request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + URLEncoder.encode(csrf.group(1),
                        StandardCharsets.UTF_8)));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
