package io.colmena.identity.partner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of {@code /api/partner-clients}. */
public final class PartnerClientDtos {

    private PartnerClientDtos() {}

    /**
     * A partner client to create.
     *
     * @param name   what the tenant calls it ("Shop integration"), up to 120 characters
     * @param scopes scopes it may use, each one of {@code colmena.identity.partner-scopes}
     *               ({@code users:read}, {@code crm:read}, ...); may be empty
     */
    public record CreatePartnerClient(@NotBlank @Size(max = 120) String name,
                                      @NotNull @Size(max = 20) List<@NotBlank String> scopes) {}

    /**
     * A partner client.
     *
     * @param id        this service's id of it
     * @param clientId  its OAuth2 {@code client_id}
     * @param name      its name
     * @param scopes    the scopes in its tokens
     * @param createdBy the user who created it
     * @param createdAt when
     */
    public record PartnerClientResponse(UUID id, String clientId, String name, List<String> scopes, UUID createdBy,
                                        Instant createdAt) {

        static PartnerClientResponse of(PartnerClient client) {
            return new PartnerClientResponse(client.id(), client.clientId(), client.name(), client.scopes(),
                    client.createdBy(), client.createdAt());
        }
    }

    /**
     * A new partner client with its secret: the only time the secret is shown.
     *
     * @param client        the client
     * @param clientSecret  its secret; store it now, it cannot be read again
     * @param tokenEndpoint where to get tokens: {@code POST} with {@code grant_type=client_credentials},
     *                      {@code client_id} and {@code client_secret} (RFC 6749 §4.4)
     */
    public record CreatedPartnerClient(PartnerClientResponse client, String clientSecret, String tokenEndpoint) {}
}
