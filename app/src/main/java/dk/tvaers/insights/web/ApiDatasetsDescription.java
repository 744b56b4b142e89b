package dk.tvaers.insights.web;

import dk.tvaers.insights.OpenDataset;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import org.springdoc.core.customizers.OpenApiLocaleCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The open datasets in the OpenAPI description (ADR 0039): the controller serves every dataset from one mapping and
 * streams its JSON, so springdoc sees neither the datasets nor the answers' shape. This writes one path per dataset
 * ({@code /api/v1/ideer}, …) with its paging parameters and the exact schema of its page: the dataset's columns as the
 * only properties of an item ({@code additionalProperties: false}, so a new field, a name or an e-mail, breaks the
 * contract tests), and the index {@code /api/v1}; its texts in the request's language.
 */
@Component
class ApiDatasetsDescription implements OpenApiLocaleCustomizer {

    private static final String TAG = "opendata";

    private final MessageSource messages;

    ApiDatasetsDescription(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void customise(OpenAPI openApi, Locale locale) {
        java.util.function.Function<String, String> text = key -> messages.getMessage(key, null, key, locale);
        Paths paths = openApi.getPaths() == null ? new Paths() : openApi.getPaths();
        paths.remove("/api/v1/{slug}");
        var components = openApi.getComponents() == null ? new io.swagger.v3.oas.models.Components()
                : openApi.getComponents();
        components.addSchemas("DatasetIndex", new ObjectSchema()
                .addProperty("version", new IntegerSchema())
                .addProperty("datasets", new ArraySchema().items(new ObjectSchema()
                        .addProperty("name", new StringSchema())
                        .addProperty("href", new StringSchema())
                        .addProperty("csv", new StringSchema())
                        .required(List.of("name", "href", "csv")).additionalProperties(false)))
                .required(List.of("version", "datasets")).additionalProperties(false));
        paths.addPathItem("/api/v1", new PathItem().get(new Operation().operationId("datasets").addTagsItem(TAG)
                .summary(text.apply("api.doc.index.summary")).description(text.apply("api.doc.index.description"))
                .responses(new ApiResponses().addApiResponse("200", json(text.apply("api.doc.response.index"),
                        "DatasetIndex")))));
        for (OpenDataset dataset : OpenDataset.values()) {
            String name = "Page_" + dataset.slug();
            var item = new ObjectSchema().additionalProperties(false);
            for (String column : dataset.columns()) {
                item.addProperty(column, new Schema<>());
            }
            item.required(dataset.columns());
            components.addSchemas(name, new ObjectSchema()
                    .addProperty("dataset", new StringSchema()._enum(List.of(dataset.slug())))
                    .addProperty("items", new ArraySchema().items(item))
                    .addProperty("next", new Schema<String>().types(Set.of("string", "null")))
                    .required(List.of("dataset", "items", "next")).additionalProperties(false));
            var operation = new Operation().operationId("dataset_" + dataset.slug()).addTagsItem(TAG)
                    .summary(text.apply(dataset.titleKey())).description(text.apply(dataset.descriptionKey()))
                    .responses(new ApiResponses()
                            .addApiResponse("200", json(text.apply("api.doc.response.page"), name))
                            .addApiResponse("304", new ApiResponse().description(text.apply("api.doc.response.304")))
                            .addApiResponse("429", new ApiResponse().description(text.apply("api.doc.response.429"))));
            if (dataset != OpenDataset.CAPACITY) {
                operation.addParametersItem(new Parameter().in("query").name("efter")
                                .description(text.apply("api.doc.param.after"))
                                .schema(new IntegerSchema().format("int64").minimum(BigDecimal.ZERO)._default(0)))
                        .addParametersItem(new Parameter().in("query").name("antal")
                                .description(text.apply("api.doc.param.size"))
                                .schema(new IntegerSchema().minimum(BigDecimal.ONE)
                                        .maximum(BigDecimal.valueOf(ApiController.MAX_PAGE))
                                        ._default(ApiController.DEFAULT_PAGE)));
            }
            paths.addPathItem("/api/v1/" + dataset.slug(), new PathItem().get(operation));
        }
        openApi.paths(paths).components(components);
        var tags = new java.util.ArrayList<io.swagger.v3.oas.models.tags.Tag>();
        if (openApi.getTags() != null) {
            openApi.getTags().stream().filter(tag -> !TAG.equals(tag.getName())).forEach(tags::add);
        }
        tags.add(new io.swagger.v3.oas.models.tags.Tag().name(TAG)
                .description(text.apply("api.doc.tag.datasets.description")));
        openApi.setTags(tags);
    }

    private static ApiResponse json(String description, String schema) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema))));
    }

}
