package nl.samenspraak.keys;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The one way a stored hash is keyed: HMAC-SHA256 under a key that is HMAC-SHA256 of the secret over a label. The
 * limits' bucket names and the Telegram chat hashes were written this way before they used it, so rows stored
 * before stay found; two labels on one secret never share a key.
 */
class KeyedHashTest {
    private static final byte[] SECRET = "a secret of at least thirty-two bytes, shared".getBytes(StandardCharsets.UTF_8);

    private static byte[] hmac(byte[] key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDerivedKeyIsTheSecretsHmacOverTheLabel() throws Exception {
        assertEquals(HexFormat.of().formatHex(hmac(hmac(SECRET, "samenspraak limit-buckets"), "start|192.0.2.1")),
                KeyedHash.derived(SECRET, "samenspraak limit-buckets").of("start|192.0.2.1"));
        assertEquals(HexFormat.of().formatHex(hmac("key".getBytes(StandardCharsets.UTF_8), "42")),
                KeyedHash.withKey("key".getBytes(StandardCharsets.UTF_8)).of("42"));
    }

    @Test
    void twoUsesOfOneSecretShareNoKey() {
        assertNotEquals(KeyedHash.derived(SECRET, "one use").of("ja"), KeyedHash.derived(SECRET, "another use").of("ja"));
    }

    @Test
    void thereIsNoKeyWithoutASecret() {
        assertThrows(IllegalArgumentException.class, () -> KeyedHash.derived(new byte[0], "label"));
        assertThrows(IllegalArgumentException.class, () -> KeyedHash.withKey(null));
    }
}
