package nl.samenspraak.limits;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bucket's stored name is keyed: not the plain SHA-256 anyone could recompute for every IPv4 address or a dictionary
 * of typed names, the same on every instance with the same secret, another under another secret.
 */
class BucketHashTest {
    private static final byte[] SECRET = "a secret of at least thirty-two bytes, shared".getBytes(StandardCharsets.UTF_8);
    private static final String BUCKET = "login-name|192.0.2.1|mys3cretpassw0rd";

    @Test
    void theStoredNameIsNotThePlainSha256OfTheBucket() throws Exception {
        String plain = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(BUCKET.getBytes(StandardCharsets.UTF_8)));
        String stored = BucketHash.derivedFrom(SECRET).of(BUCKET);
        assertNotEquals(plain, stored);
        assertTrue(stored.matches("[0-9a-f]{64}"), "64 hex digits, as the column and the advisory lock expect: " + stored);
    }

    @Test
    void twoInstancesWithOneSecretNameABucketAlike() {
        assertEquals(BucketHash.derivedFrom(SECRET).of(BUCKET), BucketHash.derivedFrom(SECRET.clone()).of(BUCKET));
    }

    @Test
    void anotherSecretNamesEveryBucketAnew() {
        byte[] other = "another secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8);
        assertNotEquals(BucketHash.derivedFrom(SECRET).of(BUCKET), BucketHash.derivedFrom(other).of(BUCKET));
        assertNotEquals(BucketHash.derivedFrom(SECRET).of(BUCKET), BucketHash.derivedFrom(SECRET).of("login-client|192.0.2.1"));
    }

    /** Pinned, so an instance of another version counts in the same buckets: HMAC(HMAC(secret, label), bucket). */
    @Test
    void theKeyIsTheSecretsHmacOfAFixedLabel() throws Exception {
        byte[] key = hmac(SECRET, "samenspraak limit-buckets");
        assertEquals(HexFormat.of().formatHex(hmac(key, BUCKET)), BucketHash.derivedFrom(SECRET).of(BUCKET));
        assertNotEquals(HexFormat.of().formatHex(hmac(SECRET, BUCKET)), BucketHash.derivedFrom(SECRET).of(BUCKET),
                "not keyed with the secret itself, which signs the login tokens");
    }

    @Test
    void thereIsNoHashWithoutASecret() {
        assertThrows(IllegalArgumentException.class, () -> BucketHash.derivedFrom(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> BucketHash.derivedFrom(null));
    }

    private static byte[] hmac(byte[] key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }
}
