package dk.tvaers.insights.web;

import dk.tvaers.accounts.ApiCaller;
import dk.tvaers.initiatives.OrganisationInitiatives;
import dk.tvaers.initiatives.OrganisationInitiatives.OwnInitiative;
import dk.tvaers.initiatives.OrganisationInitiatives.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API's reads for a machine client's own organisation (issue 15, ADR 0045): what the organisation's staff read on
 * the web pages beyond the open data. {@code GET /api/v1/egne/initiativer} (scope {@code initiatives.read}) pages
 * through the initiatives the client's organisation owns or is a member organisation of, with their summary, owner,
 * the organisation's part, the idea they came from and the phase history with its notes; never a person. The
 * organisation is the token's, checked against the client on every call ({@link ApiCaller}); the call is audited and
 * rate-limited per client in the API's chain. Described in OpenAPI by {@link OrganisationApiDescription}.
 */
@RestController
class OrganisationApiController {

    static final String INITIATIVES = "/api/v1/egne/initiativer";

    /** The fields of an initiative, in the answer's order; the description names exactly these. */
    static final List<String> INITIATIVE_FIELDS = List.of("id", "title", "summary", "kind", "innovation_type", "phase",
            "sectors", "started_at", "owner_organisation", "part", "source_idea_id", "phases");

    /** The fields of a step of the phase history. */
    static final List<String> STEP_FIELDS = List.of("from_phase", "to_phase", "changed_at", "note");

    private final OrganisationInitiatives initiatives;

    OrganisationApiController(OrganisationInitiatives initiatives) {
        this.initiatives = initiatives;
    }

    @GetMapping(value = INITIATIVES, produces = "application/json")
    @PreAuthorize("hasAuthority('SCOPE_initiatives.read')")
    ResponseEntity<Map<String, Object>> initiatives(Authentication client,
            @RequestParam(name = "efter", defaultValue = "0") long after,
            @RequestParam(name = "antal", defaultValue = "100") int size) {
        long organisation = ApiCaller.organisationOf(client)
                .orElseThrow(() -> new AccessDeniedException("an API client without an organisation"));
        int limit = Math.max(1, Math.min(ApiController.MAX_PAGE, size));
        List<OwnInitiative> page = initiatives.of(organisation, Math.max(0, after), limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organisation", organisation);
        body.put("items", page.stream().map(OrganisationApiController::item).toList());
        body.put("next", page.size() == limit
                ? INITIATIVES + "?efter=" + page.getLast().id() + "&antal=" + limit : null);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate()).body(body);
    }

    private static Map<String, Object> item(OwnInitiative i) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", i.id());
        item.put("title", i.title());
        item.put("summary", i.summary());
        item.put("kind", i.kind().name());
        item.put("innovation_type", i.innovationType().name());
        item.put("phase", i.phase().name());
        item.put("sectors", i.sectors().stream().map(Enum::name).toList());
        item.put("started_at", i.startedAt().toString());
        item.put("owner_organisation", i.ownerOrganisation());
        item.put("part", i.part().name());
        item.put("source_idea_id", i.sourceIdeaId());
        item.put("phases", i.phases().stream().map(OrganisationApiController::step).toList());
        return item;
    }

    private static Map<String, Object> step(Step step) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("from_phase", step.from() == null ? null : step.from().name());
        item.put("to_phase", step.to().name());
        item.put("changed_at", step.changedAt().toString());
        item.put("note", step.note());
        return item;
    }
}
