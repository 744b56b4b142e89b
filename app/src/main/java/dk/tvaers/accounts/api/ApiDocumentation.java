package dk.tvaers.accounts.api;

import dk.tvaers.accounts.ApiScope;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.OpenApiLocaleCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The API's OpenAPI 3 description (springdoc, ADR 0039), generated from the controllers at {@code /api/openapi} with its
 * UI at {@code /api/dokumentation}: title, the OAuth2 client-credentials security scheme with the scopes of
 * {@link ApiScope}, and on every operation whose controller asks for a scope ({@code @PreAuthorize("hasAuthority(
 * 'SCOPE_…')")}) that requirement and its 401/403 answers. Every text is a message key of the {@code accounts} bundle,
 * resolved for the request's language: Danish by default, English with {@code ?lang=en}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String SCHEME = "oauth2";
    private static final Pattern SCOPE = Pattern.compile("SCOPE_([A-Za-z0-9._-]+)");
    private static final Pattern KEY = Pattern.compile("api\\.doc\\.[A-Za-z0-9._]+|openData\\.[A-Za-z0-9._]+");

    /** Operations that need a scope: the requirement and the refusals, as keys (resolved per language below). */
    @Bean
    OperationCustomizer apiScopesOfOperations() {
        return (operation, handler) -> {
            PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
            if (rule == null) {
                return operation;
            }
            Matcher scope = SCOPE.matcher(rule.value());
            var requirement = new SecurityRequirement();
            while (scope.find()) {
                requirement.addList(SCHEME, scope.group(1));
            }
            if (!requirement.isEmpty()) {
                operation.addSecurityItem(requirement);
                operation.getResponses().addApiResponse("401", new ApiResponse().description("api.doc.response.401"));
                operation.getResponses().addApiResponse("403", new ApiResponse().description("api.doc.response.403"));
                operation.getResponses().addApiResponse("429", new ApiResponse().description("api.doc.response.429"));
            }
            return operation;
        };
    }

    /** Title, licence, security scheme, and every text key resolved in the request's language. */
    @Bean
    OpenApiLocaleCustomizer apiDescriptionInLanguage(MessageSource messages) {
        return (openApi, locale) -> {
            openApi.info(new Info().title(text(messages, "api.doc.title", locale)).version("1")
                    .description(text(messages, "api.doc.description", locale))
                    .license(new License().name("CC BY 4.0").url("https://creativecommons.org/licenses/by/4.0/")));
            var scopes = new Scopes();
            for (ApiScope scope : ApiScope.values()) {
                scopes.addString(scope.value(), text(messages, "api.doc.scope." + scope.name(), locale));
            }
            Components old = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
            schemes.put(SCHEME, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                    .description(text(messages, "api.doc.security", locale))
                    .flows(new OAuthFlows().clientCredentials(new OAuthFlow()
                            .tokenUrl(ApiSecurityConfiguration.TOKEN_ENDPOINT).scopes(scopes))));
            openApi.components(new Components().schemas(old.getSchemas()).securitySchemes(schemes));
            if (openApi.getTags() != null) {
                openApi.setTags(openApi.getTags().stream().map(tag -> new Tag().name(tag.getName())
                        .description(text(messages, tag.getDescription(), locale)))
                        .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new)));
            }
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().forEach(path -> path.readOperations()
                        .forEach(operation -> resolve(operation, messages, locale)));
            }
        };
    }

    private static void resolve(Operation operation, MessageSource messages, Locale locale) {
        operation.setSummary(text(messages, operation.getSummary(), locale));
        operation.setDescription(text(messages, operation.getDescription(), locale));
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(parameter ->
                    parameter.setDescription(text(messages, parameter.getDescription(), locale)));
        }
        if (operation.getResponses() != null) {
            operation.getResponses().values().forEach(response -> {
                response.setDescription(text(messages, response.getDescription(), locale));
                Content content = response.getContent();
                if (content != null) {
                    content.values().stream().map(MediaType::getSchema).filter(java.util.Objects::nonNull)
                            .forEach(schema -> describe(schema, messages, locale));
                }
            });
        }
    }

    private static void describe(Schema<?> schema, MessageSource messages, Locale locale) {
        schema.setDescription(text(messages, schema.getDescription(), locale));
    }

    /** The message of a text that is one of the API description's keys; any other text as it is. */
    static String text(MessageSource messages, String text, Locale locale) {
        if (text == null || !KEY.matcher(text).matches()) {
            return text;
        }
        return messages.getMessage(text, null, text, locale);
    }
}
