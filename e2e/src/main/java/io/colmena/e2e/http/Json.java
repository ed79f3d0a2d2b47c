package io.colmena.e2e.http;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the scenarios, and small readers that treat missing and null alike. */
public final class Json {

    /** Shared mapper (thread-safe). */
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    /** A new empty object. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A new empty array. */
    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Parses {@code text}. */
    public static JsonNode parse(String text) {
        return MAPPER.readTree(text);
    }

    /** Serialises {@code node} compactly. */
    public static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /** The text at {@code field} of {@code node}, or {@code null} when missing or JSON null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isMissingNode() ? null : value.asString();
    }
}
