package dk.tvaers.accounts.api;

import dk.tvaers.accounts.ApiCaller;
import dk.tvaers.accounts.AuditKind;
import dk.tvaers.accounts.AuditLog;
import dk.tvaers.platform.security.RateLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every call of the API after its token is read (ADR 0039): a client's call counts against the client's own rate limit
 * ({@code api-client}, by client id) and is written to the audit log with the client, its organisation, the method, the
 * path and the answer's status; an anonymous read counts against {@code api}, per client address (ADR 0016). It sits
 * before the exception translation, so the status it records is the one the client gets, a refusal (401/403) too.
 */
class ApiCallFilter extends OncePerRequestFilter {

    static final String CLIENT_LIMIT = "api-client";
    static final String ANONYMOUS_LIMIT = "api";

    private final RateLimits limits;
    private final AuditLog audit;

    ApiCallFilter(RateLimits limits, AuditLog audit) {
        this.limits = limits;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Optional<String> client = ApiCaller.clientIdOf(authentication);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (client.isEmpty()) {
            if (!ApiTokenRateLimitFilter.allowed(limits, ANONYMOUS_LIMIT, request.getRemoteAddr(), response)) {
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        int status = 500;
        try {
            if (!ApiTokenRateLimitFilter.allowed(limits, CLIENT_LIMIT, client.get(), response)) {
                status = response.getStatus();
                return;
            }
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            String organisation = ApiCaller.organisationOf(authentication).map(String::valueOf).orElse("");
            audit.record(AuditKind.API_CALL, null, "API: " + client.get(), request.getMethod() + " " + path,
                    "client=" + client.get() + " organisation=" + organisation + " status=" + status);
        }
    }
}
