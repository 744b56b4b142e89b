package dk.tvaers.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Every request an anonymous visitor can make that mails someone passes a rate limit per client address. */
class RateLimitFilterTests {

    private static RateLimitFilter filterAllowingOneEach() {
        Map<String, RateLimits.Limit> limits = new HashMap<>();
        for (var rule : RateLimitFilter.RULES) {
            limits.put(rule.limit(), new RateLimits.Limit(1, Duration.ofHours(1)));
        }
        return new RateLimitFilter(new RateLimits(limits, 100));
    }

    @ParameterizedTest
    @CsvSource({
            "POST, /opret-konto", "GET, /opret-konto/bekraeft", "POST, /ideer/nyt-link", "POST, /ideer/tak",
            "POST, /glemt-adgangskode", "POST, /login", "POST, /ideer/ny", "GET, /ideer/bekraeft", "GET, /ideer/foelg",
            // /api/** is limited in the API's own chain (accounts.api.ApiCallFilter, ApiClientsTests), not here
            "GET, /aabne-data/ideer.csv", "GET, /soeg"})
    void theSecondRequestFromOneAddressWithinTheLimitIsRefused(String method, String path) throws Exception {
        RateLimitFilter filter = filterAllowingOneEach();
        assertThat(status(filter, method, path)).isEqualTo(200);
        assertThat(status(filter, method, path)).isEqualTo(429);
    }

    @Test
    void otherPagesAreNotLimited() throws Exception {
        RateLimitFilter filter = filterAllowingOneEach();
        for (int i = 0; i < 5; i++) {
            assertThat(status(filter, "GET", "/ideer")).isEqualTo(200);
        }
    }

    @Test
    void everyOpenDatasetSharesOneLimitPerAddressButThePageIsNotLimited() throws Exception {
        RateLimitFilter filter = filterAllowingOneEach();
        assertThat(status(filter, "GET", "/aabne-data/ideer.csv")).isEqualTo(200);
        assertThat(status(filter, "GET", "/aabne-data/bevillinger.json")).isEqualTo(429);
        assertThat(status(filter, "GET", "/aabne-data")).isEqualTo(200);
        assertThat(status(filter, "GET", "/aabne-data")).isEqualTo(200);
    }

    private static int status(RateLimitFilter filter, String method, String path) throws Exception {
        var request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr("198.51.100.9");
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }
}
