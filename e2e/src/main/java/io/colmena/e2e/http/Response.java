package io.colmena.e2e.http;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A response of the gateway.
 *
 * @param method  the request's method
 * @param path    the request's path and query
 * @param status  the status code
 * @param headers the response headers
 * @param body    the body bytes
 */
public record Response(String method, String path, int status, HttpHeaders headers, byte[] body) {

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body parsed as JSON; an empty body is an empty object. */
    public JsonNode json() {
        return body.length == 0 ? Json.object() : Json.parse(text());
    }

    /** The text at {@code field} of the JSON body, or {@code null}. */
    public String field(String field) {
        return Json.text(json(), field);
    }

    /** A response header. */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The {@code Content-Type} without parameters. */
    public String contentType() {
        return header("Content-Type").map(v -> v.split(";")[0].strip()).orElse("");
    }

    /** For an RFC 9457 problem, the last segment of its {@code type} ({@code plan-limit-reached}); else empty. */
    public String problemType() {
        if (!contentType().equals("application/problem+json")) {
            return "";
        }
        String type = field("type");
        return type == null ? "" : type.substring(type.lastIndexOf('/') + 1);
    }
}
