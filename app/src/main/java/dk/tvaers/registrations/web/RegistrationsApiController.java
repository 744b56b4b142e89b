package dk.tvaers.registrations.web;

import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.ApiCaller;
import dk.tvaers.registrations.Problem;
import dk.tvaers.registrations.RegistrationImport;
import dk.tvaers.registrations.RegistrationsRejectedException;
import dk.tvaers.registrations.Source;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registrations from a care-record system: the body is a file of {@code docs/registrations-format-v1.md} (text/csv),
 * checked and loaded exactly as an uploaded file (all or nothing, problems by line). Only a client holding the scope
 * {@code registrations.write} (authority {@code SCOPE_registrations.write}, OAuth2 client credentials, the API's
 * security chain); a signed-in person of the web pages has no such authority and is refused. The client writes only
 * its own organisation's units' rows ({@link ApiCaller#organisationOf}); a line for another unit is refused.
 */
@RestController
class RegistrationsApiController {

    private final RegistrationImport imports;
    private final MessageSource messages;

    RegistrationsApiController(RegistrationImport imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @PostMapping(path = "/api/v1/registrations", consumes = {"text/csv", "text/plain",
            "application/vnd.apache.parquet"})
    @PreAuthorize("hasAuthority('SCOPE_registrations.write')")
    ResponseEntity<Map<String, Object>> register(Authentication client, HttpServletRequest request)
            throws IOException {
        long organisation = ApiCaller.organisationOf(client)
                .orElseThrow(() -> new AccessDeniedException("an API client without an organisation"));
        try (InputStream in = request.getInputStream()) {
            RegistrationImport.Summary summary = imports.importFile(in, null, organisation, Source.API,
                    new Actor(null, "API: " + client.getName()));
            return ResponseEntity.ok(Map.of("rows", summary.rows(), "courses", summary.courses(),
                    "newCourses", summary.newCourses()));
        } catch (RegistrationsRejectedException rejected) {
            List<Map<String, Object>> problems = rejected.problems().stream().map(this::describe).toList();
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(Map.of("problems", problems));
        }
    }

    private Map<String, Object> describe(Problem problem) {
        return Map.of("line", problem.line(), "column", problem.field(), "message",
                messages.getMessage(problem.messageKey(), problem.arguments().toArray(), problem.messageKey(),
                        Locale.of("da")));
    }
}
