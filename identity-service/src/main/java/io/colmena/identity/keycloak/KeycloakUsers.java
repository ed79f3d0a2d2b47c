package io.colmena.identity.keycloak;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.idm.UserSessionRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Users in the Keycloak realm, driven through the admin REST API as identity-service's service
 * account. Keycloak holds credentials, sessions and the claims that end up in tokens: the
 * {@code tenant_id} and {@code customer_id} user attributes and the realm role (PLATFORM_ADMIN,
 * OWNER, ADMIN, AGENT, CLIENT). Failures become problems ({@link KeycloakErrors}).
 */
@Component
public class KeycloakUsers {

    private static final Logger log = LoggerFactory.getLogger(KeycloakUsers.class);
    static final String TENANT_ID = "tenant_id";
    static final String CUSTOMER_ID = "customer_id";

    private final RealmResource realm;

    public KeycloakUsers(RealmResource colmenaRealm) {
        this.realm = colmenaRealm;
    }

    /**
     * A user to create.
     *
     * @param email         login and e-mail (also the Keycloak username)
     * @param name          full name; the first word becomes Keycloak's first name, the rest its last name
     * @param password      checked against the realm's password policy
     * @param passwordField the request field that carried the password, named in a policy problem
     * @param tenantId      the {@code tenant_id} claim
     * @param role          the realm role
     * @param customerId    the {@code customer_id} claim of a CLIENT user, else {@code null}
     */
    public record NewUser(String email, String name, String password, String passwordField, UUID tenantId,
                          String role, UUID customerId) {}

    /**
     * A user found by e-mail.
     *
     * @param id       Keycloak id
     * @param enabled  whether it may log in
     * @param tenantId its {@code tenant_id}, absent for platform operators
     */
    public record FoundUser(UUID id, boolean enabled, Optional<UUID> tenantId) {}

    /**
     * One Keycloak session of a user.
     *
     * @param id           the session id (the {@code sid} claim of its tokens)
     * @param ipAddress    where it was opened from
     * @param startedAt    when it was opened
     * @param lastAccessAt when it was last used (token issued or refreshed)
     */
    public record Session(String id, String ipAddress, Instant startedAt, Instant lastAccessAt) {}

    /**
     * Creates an enabled user with its password, attributes and realm role; if the role cannot be
     * mapped the user is removed again, so nothing half-made stays in Keycloak.
     *
     * @return the new user's id (the {@code sub} of its tokens)
     */
    public UUID create(NewUser user) {
        UserRepresentation representation = new UserRepresentation();
        representation.setUsername(user.email());
        representation.setEmail(user.email());
        representation.setEmailVerified(true);
        representation.setEnabled(true);
        applyName(representation, user.name());
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put(TENANT_ID, List.of(user.tenantId().toString()));
        if (user.customerId() != null) {
            attributes.put(CUSTOMER_ID, List.of(user.customerId().toString()));
        }
        representation.setAttributes(attributes);
        representation.setCredentials(List.of(password(user.password())));
        UUID id = call(() -> {
            try (Response response = realm.users().create(representation)) {
                if (response.getStatus() != 201) {
                    throw KeycloakErrors.map(response.getStatus(), KeycloakErrors.readBody(response),
                            user.passwordField(), user.email());
                }
                return UUID.fromString(CreatedResponseUtil.getCreatedId(response));
            }
        }, user.passwordField(), user.email());
        try {
            assignRole(id, user.role());
        } catch (RuntimeException e) {
            delete(id);
            throw e;
        }
        return id;
    }

    /** Replaces the user's password; a policy violation is a 400 on {@code passwordField}. */
    public void resetPassword(UUID id, String newPassword, String passwordField) {
        call(() -> {
            user(id).resetPassword(password(newPassword));
            return null;
        }, passwordField, null);
    }

    /** Updates the user's name and, for CLIENT users, its {@code customer_id} ({@code null} removes it). */
    public void updateProfile(UUID id, String name, UUID customerId) {
        call(() -> {
            UserResource resource = user(id);
            UserRepresentation representation = resource.toRepresentation();
            applyName(representation, name);
            Map<String, List<String>> attributes = new HashMap<>(
                    representation.getAttributes() == null ? Map.of() : representation.getAttributes());
            if (customerId == null) {
                attributes.remove(CUSTOMER_ID);
            } else {
                attributes.put(CUSTOMER_ID, List.of(customerId.toString()));
            }
            representation.setAttributes(attributes);
            resource.update(representation);
            return null;
        }, "password", null);
    }

    /** Replaces realm role {@code from} with {@code to}. */
    public void changeRole(UUID id, String from, String to) {
        call(() -> {
            UserResource resource = user(id);
            resource.roles().realmLevel().add(List.of(role(to)));
            resource.roles().realmLevel().remove(List.of(role(from)));
            return null;
        }, "password", null);
    }

    /** Disables the user and ends all its sessions; its refresh tokens stop working at once. */
    public void disable(UUID id) {
        call(() -> {
            UserResource resource = user(id);
            UserRepresentation representation = resource.toRepresentation();
            representation.setEnabled(false);
            resource.update(representation);
            resource.logout();
            return null;
        }, "password", null);
    }

    /** Ends all sessions of the user. */
    public void logoutEverywhere(UUID id) {
        call(() -> {
            user(id).logout();
            return null;
        }, "password", null);
    }

    /** Removes the user; used to undo a creation whose database half failed. Failures are only logged. */
    public void delete(UUID id) {
        try {
            user(id).remove();
        } catch (WebApplicationException | ProcessingException e) {
            log.error("Could not remove Keycloak user {} after a failed creation; remove it by hand", id, e);
        }
    }

    /** The user registered with {@code email} (exact match), if any. */
    public Optional<FoundUser> findByEmail(String email) {
        List<UserRepresentation> found = call(() -> realm.users().searchByEmail(email, true), "password", null);
        return found.stream().findFirst().map(user -> new FoundUser(UUID.fromString(user.getId()),
                Boolean.TRUE.equals(user.isEnabled()), attribute(user, TENANT_ID)));
    }

    /** The user's open sessions, oldest first. */
    public List<Session> sessions(UUID id) {
        List<UserSessionRepresentation> sessions = call(() -> user(id).getUserSessions(), "password", null);
        List<Session> result = new ArrayList<>();
        for (UserSessionRepresentation session : sessions) {
            result.add(new Session(session.getId(), session.getIpAddress(),
                    Instant.ofEpochMilli(session.getStart()), Instant.ofEpochMilli(session.getLastAccess())));
        }
        result.sort(java.util.Comparator.comparing(Session::startedAt));
        return result;
    }

    /** Ends one session; its refresh tokens stop working. */
    public void deleteSession(String sessionId) {
        call(() -> {
            realm.deleteSession(sessionId, false);
            return null;
        }, "password", null);
    }

    private void assignRole(UUID id, String role) {
        call(() -> {
            user(id).roles().realmLevel().add(List.of(role(role)));
            return null;
        }, "password", null);
    }

    private RoleRepresentation role(String name) {
        return realm.roles().get(name).toRepresentation();
    }

    private UserResource user(UUID id) {
        return realm.users().get(id.toString());
    }

    private static Optional<UUID> attribute(UserRepresentation user, String name) {
        if (user.getAttributes() == null || user.getAttributes().get(name) == null
                || user.getAttributes().get(name).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(user.getAttributes().get(name).getFirst()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void applyName(UserRepresentation representation, String name) {
        String trimmed = name.strip();
        int space = trimmed.indexOf(' ');
        representation.setFirstName(space < 0 ? trimmed : trimmed.substring(0, space));
        representation.setLastName(space < 0 ? "" : trimmed.substring(space + 1).strip());
    }

    private static CredentialRepresentation password(String value) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(value);
        credential.setTemporary(false);
        return credential;
    }

    private static <T> T call(Supplier<T> work, String passwordField, String email) {
        try {
            return work.get();
        } catch (WebApplicationException e) {
            throw KeycloakErrors.map(e, passwordField, email);
        } catch (ProcessingException e) {
            log.warn("Keycloak's admin API could not be reached: {}", e.getMessage());
            throw KeycloakErrors.unavailable();
        }
    }
}
