package nl.samenspraak.keys;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * What is stored instead of something that must not be read back (a client's address, a Telegram chat id, the words
 * of a free text): its HMAC-SHA256 under a key, in hex. A plain SHA-256 could be turned back by whoever has a copy of
 * the database or a backup, by hashing every candidate (all 2^32 IPv4 addresses, a dictionary of names or of likely
 * answers); without the key there is nothing to try candidates against.
 *
 * <p>The one home for how such a key is derived from a secret: HMAC of the secret over a fixed label, one label per
 * use, so that no two uses of one secret share a key (the login tokens are signed with the same secret).
 */
public final class KeyedHash {
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    private KeyedHash(byte[] key) {
        this.key = new SecretKeySpec(key, HMAC);
    }

    /** Hashes under {@code key} as given (a key configured for this one use). */
    public static KeyedHash withKey(byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("a keyed hash needs a key");
        }
        return new KeyedHash(key);
    }

    /** Hashes under the key derived from {@code secret} for the use named {@code label}. */
    public static KeyedHash derived(byte[] secret, String label) {
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("a derived key needs a secret");
        }
        return new KeyedHash(hmac(new SecretKeySpec(secret, HMAC), label));
    }

    /** {@code text} as stored: 64 hex digits. */
    public String of(String text) {
        return HexFormat.of().formatHex(hmac(key, text));
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
