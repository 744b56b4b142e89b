package dk.tvaers.accounts.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Checks a JSON value against a schema of an OpenAPI 3.1 description (JSON Schema 2020-12), for the keywords the
 * description uses: {@code $ref} into the document, {@code type} (one or several, with {@code integer}), {@code enum},
 * {@code required}, {@code properties}, {@code additionalProperties: false}, {@code items}, {@code minimum},
 * {@code maximum}. An unknown keyword fails loudly rather than passing silently.
 */
final class SchemaCheck {

    private static final List<String> KNOWN = List.of("$ref", "type", "types", "enum", "required", "properties",
            "additionalProperties", "items", "minimum", "maximum", "format", "default", "description", "title");

    private final JsonNode document;

    SchemaCheck(JsonNode document) {
        this.document = document;
    }

    void validate(JsonNode schema, JsonNode value, String where, List<String> problems) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (!ref.startsWith("#")) {
                throw new IllegalArgumentException("only local references: " + ref);
            }
            JsonNode target = document.at(ref.substring(1));
            if (target.isMissingNode()) {
                problems.add(where + ": the reference " + ref + " names nothing");
                return;
            }
            validate(target, value, where, problems);
            return;
        }
        for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
            String keyword = names.next();
            if (!KNOWN.contains(keyword)) {
                throw new IllegalArgumentException(where + ": the check does not know the keyword " + keyword);
            }
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            problems.add(where + ": " + kind(value) + " where the description says " + schema.get("type"));
            return;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode allowed : schema.get("enum")) {
                found |= allowed.equals(value);
            }
            if (!found) {
                problems.add(where + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
                problems.add(where + ": " + value + " is below " + schema.get("minimum"));
            }
            if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
                problems.add(where + ": " + value + " is above " + schema.get("maximum"));
            }
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    problems.add(where + ": the field " + required.asText() + " is missing");
                }
            }
            JsonNode properties = schema.path("properties");
            List<String> extra = new ArrayList<>();
            for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (properties.has(name)) {
                    validate(properties.get(name), value.get(name), where + "." + name, problems);
                } else if (schema.path("additionalProperties").isBoolean()
                        && !schema.path("additionalProperties").asBoolean()) {
                    extra.add(name);
                }
            }
            if (!extra.isEmpty()) {
                problems.add(where + ": fields the description does not name: " + extra);
            }
        }
        if (value.isArray() && schema.has("items")) {
            int i = 0;
            for (JsonNode item : value) {
                validate(schema.get("items"), item, where + "[" + i++ + "]", problems);
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (typeMatches(one, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase();
    }
}
