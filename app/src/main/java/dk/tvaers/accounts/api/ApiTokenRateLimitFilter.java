package dk.tvaers.accounts.api;

import dk.tvaers.platform.security.RateLimitExceededException;
import dk.tvaers.platform.security.RateLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The token endpoint is open to anyone who can reach it, so its requests are limited per client address
 * ({@code api-token}, ADR 0016) before a secret is compared: guessing secrets, or making the server hash at speed,
 * stops at the limit with HTTP 429 and {@code Retry-After}.
 */
class ApiTokenRateLimitFilter extends OncePerRequestFilter {

    static final String LIMIT = "api-token";

    private final RateLimits limits;

    ApiTokenRateLimitFilter(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod()) && !allowed(limits, LIMIT, request.getRemoteAddr(), response)) {
            return;
        }
        chain.doFilter(request, response);
    }

    /** Uses one of the limit's tokens for the key, or answers HTTP 429 as OAuth2 and JSON clients read it. */
    static boolean allowed(RateLimits limits, String limit, String key, HttpServletResponse response)
            throws IOException {
        try {
            limits.consume(limit, key);
            return true;
        } catch (RateLimitExceededException e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write("{\"error\":\"too_many_requests\"}".getBytes(StandardCharsets.UTF_8));
            return false;
        }
    }
}
