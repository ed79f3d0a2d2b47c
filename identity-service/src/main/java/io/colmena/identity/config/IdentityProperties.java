package io.colmena.identity.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * identity-service's own rules ({@code colmena.identity.*}).
 *
 * @param trialLength           how long a new tenant stays in TRIAL (14 days)
 * @param invitationValidity    how long an e-mailed invitation can be accepted (7 days)
 * @param passwordResetValidity how long an e-mailed password-reset link works (1 hour)
 * @param appUrl                base URL of the web app that serves {@code /accept-invitation} and
 *                              {@code /reset-password}; e-mailed links point there
 * @param mailFrom              the {@code From} of identity e-mails
 * @param partnerScopes         the scopes a partner client may be granted; each is a client scope of
 *                              the realm
 */
@Validated
@ConfigurationProperties("colmena.identity")
public record IdentityProperties(
        @NotNull Duration trialLength,
        @NotNull Duration invitationValidity,
        @NotNull Duration passwordResetValidity,
        @NotBlank String appUrl,
        @NotBlank String mailFrom,
        List<String> partnerScopes) {

    public IdentityProperties {
        appUrl = appUrl == null ? null : appUrl.replaceAll("/+$", "");
        partnerScopes = partnerScopes == null ? List.of() : List.copyOf(partnerScopes);
    }
}
