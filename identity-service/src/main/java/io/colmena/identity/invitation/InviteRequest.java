package io.colmena.identity.invitation;

import io.colmena.identity.user.UserRole;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * An invitation to send ({@code POST /api/users/invite}).
 *
 * @param email      where to send it; becomes the login
 * @param name       the invitee's full name, up to 120 characters
 * @param role       ADMIN, AGENT or CLIENT (an ADMIN may invite AGENT and CLIENT only)
 * @param customerId the CRM customer a CLIENT user will be; required for CLIENT, refused otherwise
 */
public record InviteRequest(@NotBlank @Email @Size(max = 254) String email,
                            @NotBlank @Size(max = 120) String name,
                            @NotNull UserRole role,
                            UUID customerId) {}
