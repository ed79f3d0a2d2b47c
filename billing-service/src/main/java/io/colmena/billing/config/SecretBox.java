package io.colmena.billing.config;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Encrypts the secrets tenants hand to billing-service (Stripe restricted keys, webhook signing
 * secrets) with Google Tink's AEAD primitive (AES-256-GCM keyset from
 * {@link BillingProperties.Crypto#keyset()}).
 *
 * <p>The associated data is {@code <tenant id>/<purpose>}, so a ciphertext copied to another tenant's
 * row, or from one column to another, fails to decrypt. Key rotation is Tink's: add a key to the
 * keyset, make it primary; old ciphertexts still decrypt with the key named in their prefix.
 */
@Component
public class SecretBox {

    private final Aead aead;

    public SecretBox(BillingProperties properties) throws GeneralSecurityException {
        AeadConfig.register();
        KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(properties.crypto().keyset(),
                InsecureSecretKeyAccess.get());
        this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    /** The ciphertext of {@code secret} for {@code tenant} and {@code purpose}. */
    public byte[] seal(String secret, UUID tenant, String purpose) {
        try {
            return aead.encrypt(secret.getBytes(StandardCharsets.UTF_8), associatedData(tenant, purpose));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encrypting a " + purpose + " failed", e);
        }
    }

    /** The secret sealed by {@link #seal} for the same tenant and purpose. */
    public String open(byte[] ciphertext, UUID tenant, String purpose) {
        try {
            return new String(aead.decrypt(ciphertext, associatedData(tenant, purpose)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored " + purpose + " cannot be decrypted with the configured keyset", e);
        }
    }

    /** A hint safe to show: the secret's prefix up to its last underscore and its last four characters. */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return null;
        }
        int prefixEnd = secret.lastIndexOf('_', Math.max(0, secret.length() - 5));
        String prefix = prefixEnd > 0 && prefixEnd < 12 ? secret.substring(0, prefixEnd + 1) : "";
        String last = secret.length() > 8 ? secret.substring(secret.length() - 4) : "";
        return prefix + "…" + last;
    }

    private static byte[] associatedData(UUID tenant, String purpose) {
        return (tenant + "/" + purpose).getBytes(StandardCharsets.UTF_8);
    }
}
