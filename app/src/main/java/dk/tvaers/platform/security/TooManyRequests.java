package dk.tvaers.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * HTTP 429 with {@code Retry-After} for a used-up rate limit, from the filter or from any controller or service
 * ({@link RateLimitExceededException}); the error page {@code error/429} says it in Danish.
 */
@ControllerAdvice
class TooManyRequests {

    /** Request attribute with the whole minutes to wait, for the page. */
    static final String MINUTES = "retryAfterMinutes";

    @ExceptionHandler(RateLimitExceededException.class)
    void handle(RateLimitExceededException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        answer(e, request, response);
    }

    static void answer(RateLimitExceededException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        request.setAttribute(MINUTES, Math.max(1, (e.retryAfterSeconds() + 59) / 60));
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
    }
}
