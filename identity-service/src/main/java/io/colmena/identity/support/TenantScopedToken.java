package io.colmena.identity.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * A secret for an e-mailed link (invitation, password reset) that also names its tenant.
 *
 * <p>The text is 64 URL-safe Base64 characters: the tenant id (16 bytes, not a secret: every token
 * of the tenant carries it) followed by 32 random bytes from {@link SecureRandom} (256 bits). The
 * link is opened without a token, so the tenant it names is what lets the service bind that tenant
 * and find the row under row-level security. Only the SHA-256 of the text is stored.
 *
 * @param tenantId the tenant the link belongs to
 * @param text     what the e-mail carries; never stored
 */
public record TenantScopedToken(UUID tenantId, String text) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECRET_BYTES = 32;

    /** A fresh token for {@code tenantId}. */
    public static TenantScopedToken issue(UUID tenantId) {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        ByteBuffer bytes = ByteBuffer.allocate(16 + SECRET_BYTES)
                .putLong(tenantId.getMostSignificantBits())
                .putLong(tenantId.getLeastSignificantBits())
                .put(secret);
        return new TenantScopedToken(tenantId, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array()));
    }

    /** Reads a token received from a link; empty when it is not one of ours. */
    public static Optional<TenantScopedToken> parse(String text) {
        if (text == null || text.length() != 64) {
            return Optional.empty();
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(text));
            return Optional.of(new TenantScopedToken(new UUID(bytes.getLong(), bytes.getLong()), text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The hex SHA-256 of the text: what the database keeps and looks up. */
    public String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a mandatory JDK algorithm", e);
        }
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "TenantScopedToken[tenantId=" + tenantId + "]";
    }
}
