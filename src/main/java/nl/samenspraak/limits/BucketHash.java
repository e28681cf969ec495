package nl.samenspraak.limits;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * What {@link DatabaseAttemptLog} stores instead of a bucket ({@code start|<address>},
 * {@code login-name|<address>|<typed name>}, ...): its HMAC-SHA256 under a server key, in hex. A plain SHA-256 of
 * such a bucket could be turned back by whoever reads the database or a backup: every IPv4 address is only 2^32
 * hashes, and a dictionary finds a password typed into the name box. Without the key there is nothing to try
 * candidates against.
 *
 * <p>Every instance on one database must name a bucket alike, or each would count on its own; so the key is not
 * random per instance but derived, with a fixed label, from the secret all instances already share
 * ({@code samenspraak.jwt-secret}; the bean is made in {@code security.JwtSecretFactory}, as limits must not depend
 * on security). A new secret names every bucket anew: the counts simply start afresh, and the old rows are pruned
 * within a day.
 */
public final class BucketHash {
    private static final String HMAC = "HmacSHA256";
    /** Keeps this key apart from every other use of the same secret (the login tokens are signed with it). */
    static final String LABEL = "samenspraak limit-buckets";

    private final SecretKeySpec key;

    private BucketHash(byte[] key) {
        this.key = new SecretKeySpec(key, HMAC);
    }

    /** The bucket names of every instance whose server secret is {@code serverSecret}. */
    public static BucketHash derivedFrom(byte[] serverSecret) {
        if (serverSecret == null || serverSecret.length == 0) {
            throw new IllegalArgumentException("a bucket hash needs the server secret");
        }
        return new BucketHash(hmac(new SecretKeySpec(serverSecret, HMAC), LABEL));
    }

    /** The bucket as stored: 64 hex digits. */
    String of(String bucket) {
        return HexFormat.of().formatHex(hmac(key, bucket));
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
