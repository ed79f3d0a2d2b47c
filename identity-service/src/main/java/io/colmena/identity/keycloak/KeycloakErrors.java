package io.colmena.identity.keycloak;

import io.colmena.identity.support.ValidationProblems;
import io.colmena.platform.web.ProblemException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns Keycloak admin API failures into the service's problems.
 *
 * <p>Keycloak answers a password that breaks the realm's password policy with 400 and
 * {@code {"error": "invalidPassword<Rule>Message", "error_description": "Invalid password: ..."}}
 * (for example {@code invalidPasswordMinLengthMessage}, "minimum length 12."); that becomes a 400
 * {@code validation} problem on the password field with Keycloak's description, which says what is
 * wrong. A user-profile violation ({@code {"field": ..., "errorMessage": ...}}) becomes a 400 on
 * that field; 409 (e-mail already registered) becomes {@code email-taken}.
 */
public final class KeycloakErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KeycloakErrors() {}

    /** 503 {@code identity-provider-unavailable}: Keycloak failed or could not be reached. */
    public static ProblemException unavailable() {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable",
                "Identity provider unavailable", "The identity provider did not answer as expected; try again shortly");
    }

    /** 409 {@code email-taken}. */
    public static ProblemException emailTaken(String email) {
        return ProblemException.conflict("email-taken", "A user with e-mail " + email + " already exists");
    }

    /**
     * Maps a failed admin call.
     *
     * @param passwordField the request field that carried the password, for the validation problem
     */
    static ProblemException map(WebApplicationException e, String passwordField, String email) {
        Response response = e.getResponse();
        return map(response == null ? 500 : response.getStatus(), readBody(response), passwordField, email);
    }

    /** Maps an admin call's non-success {@code status} and {@code body}, read before the response was closed. */
    static ProblemException map(int status, String body, String passwordField, String email) {
        if (status == 409) {
            return emailTaken(email);
        }
        if (status == 400) {
            JsonNode error = parse(body);
            String code = error.path("error").asString("");
            if (code.startsWith("invalidPassword")) {
                return ValidationProblems.field(passwordField,
                        error.path("error_description").asString("The password does not meet the password policy"));
            }
            if (error.has("field")) {
                return ValidationProblems.field(error.path("field").asString(),
                        "Refused by the identity provider: " + error.path("errorMessage").asString("invalid value"));
            }
        }
        if (status == 404) {
            return ProblemException.notFound("User", "in the identity provider");
        }
        org.slf4j.LoggerFactory.getLogger(KeycloakErrors.class)
                .warn("Keycloak admin API answered {}: {}", status, body);
        return unavailable();
    }

    static String readBody(Response response) {
        if (response == null || !response.hasEntity()) {
            return "";
        }
        try {
            return response.readEntity(String.class);
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (RuntimeException e) {
            return JSON.createObjectNode();
        }
    }
}
