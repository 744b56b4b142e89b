package dk.tvaers.challenges.web;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The wicked problems' pages moved from the English {@code /wicked-problems} to the Danish {@code /vilde-problemer}
 * (one vocabulary, ADR 0021); a bookmark or an old mail's link gets a permanent redirect to the same page.
 */
@Controller
class WickedProblemOldPaths {

    static final String OLD = "/wicked-problems";

    @GetMapping({OLD, OLD + "/**"})
    @PermitAll
    ResponseEntity<Void> moved(HttpServletRequest request) {
        String rest = request.getRequestURI().substring(request.getContextPath().length() + OLD.length());
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                .location(URI.create(request.getContextPath() + "/vilde-problemer" + rest + query)).build();
    }
}
