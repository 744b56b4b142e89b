package dk.tvaers.insights.web;

import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.OrganisationInitiatives;
import dk.tvaers.initiatives.Phase;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Sector;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springdoc.core.customizers.OpenApiLocaleCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The organisation's own reads in the OpenAPI description (ADR 0045): springdoc describes the operation from the
 * controller (path, parameters, and — from its {@code @PreAuthorize} — the scope with the 401/403/429 answers,
 * {@code accounts.api.ApiDocumentation}); the answer is a map, so this gives its exact schema: every field of
 * {@link OrganisationApiController#INITIATIVE_FIELDS} with its type, required, and no other
 * ({@code additionalProperties: false}: a person's name added to the answer breaks the contract tests). Texts in the
 * request's language.
 */
@Component
class OrganisationApiDescription implements OpenApiLocaleCustomizer {

    private static final String TAG = "organisation";

    private final MessageSource messages;

    OrganisationApiDescription(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void customise(OpenAPI openApi, Locale locale) {
        Function<String, String> text = key -> messages.getMessage(key, null, key, locale);
        PathItem path = openApi.getPaths() == null ? null : openApi.getPaths().get(OrganisationApiController.INITIATIVES);
        if (path == null || path.getGet() == null) {
            return;
        }
        var components = openApi.getComponents() == null ? new io.swagger.v3.oas.models.Components()
                : openApi.getComponents();
        components.addSchemas("OwnInitiativesPage", page());
        Operation operation = path.getGet().operationId("own_initiatives").tags(List.of(TAG))
                .summary(text.apply("api.doc.own.initiatives.summary"))
                .description(text.apply("api.doc.own.initiatives.description"));
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if ("efter".equals(parameter.getName())) {
                    parameter.description(text.apply("api.doc.param.after"))
                            .schema(new IntegerSchema().format("int64").minimum(BigDecimal.ZERO)._default(0));
                } else if ("antal".equals(parameter.getName())) {
                    parameter.description(text.apply("api.doc.param.size"))
                            .schema(new IntegerSchema().minimum(BigDecimal.ONE)
                                    .maximum(BigDecimal.valueOf(ApiController.MAX_PAGE))
                                    ._default(ApiController.DEFAULT_PAGE));
                }
            }
        }
        operation.getResponses().addApiResponse("200", new ApiResponse()
                .description(text.apply("api.doc.own.response.page"))
                .content(new Content().addMediaType("application/json", new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/OwnInitiativesPage")))));
        openApi.components(components);
        var tags = new java.util.ArrayList<io.swagger.v3.oas.models.tags.Tag>();
        if (openApi.getTags() != null) {
            openApi.getTags().stream().filter(tag -> !TAG.equals(tag.getName())).forEach(tags::add);
        }
        tags.add(new io.swagger.v3.oas.models.tags.Tag().name(TAG).description(text.apply("api.doc.own.tag")));
        openApi.setTags(tags);
    }

    /** The page: the organisation, its initiatives (exactly the controller's fields), the next page's address. */
    static Schema<?> page() {
        Map<String, Schema<?>> fields = new LinkedHashMap<>();
        fields.put("id", new IntegerSchema().format("int64"));
        fields.put("title", new StringSchema());
        fields.put("summary", new StringSchema());
        fields.put("kind", names(InitiativeKind.values()));
        fields.put("innovation_type", names(InnovationType.values()));
        fields.put("phase", names(Phase.values()));
        fields.put("sectors", new ArraySchema().items(names(Sector.values())));
        fields.put("started_at", new StringSchema().format("date-time"));
        fields.put("owner_organisation", nullable("string"));
        fields.put("part", names(OrganisationInitiatives.Part.values()));
        fields.put("source_idea_id", nullable("integer"));
        Map<String, Schema<?>> step = new LinkedHashMap<>();
        step.put("from_phase", nullable("string"));
        step.put("to_phase", names(Phase.values()));
        step.put("changed_at", new StringSchema().format("date-time"));
        step.put("note", nullable("string"));
        fields.put("phases", new ArraySchema().items(strict(step, OrganisationApiController.STEP_FIELDS)));
        return new ObjectSchema()
                .addProperty("organisation", new IntegerSchema().format("int64"))
                .addProperty("items", new ArraySchema().items(strict(fields, OrganisationApiController.INITIATIVE_FIELDS)))
                .addProperty("next", nullable("string"))
                .required(List.of("organisation", "items", "next")).additionalProperties(false);
    }

    /** An object of exactly these fields, each required; the controller's list and the schemas must name the same. */
    private static Schema<?> strict(Map<String, Schema<?>> fields, List<String> names) {
        if (!List.copyOf(fields.keySet()).equals(names)) {
            throw new IllegalStateException("the description's fields " + fields.keySet() + " are not the answer's "
                    + names);
        }
        var object = new ObjectSchema().additionalProperties(false);
        fields.forEach(object::addProperty);
        return object.required(names);
    }

    private static Schema<?> names(Enum<?>[] values) {
        return new StringSchema()._enum(Arrays.stream(values).map(Enum::name).toList());
    }

    private static Schema<?> nullable(String type) {
        return new Schema<>().types(Set.of(type, "null"));
    }
}
