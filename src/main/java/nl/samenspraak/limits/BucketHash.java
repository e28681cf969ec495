package nl.samenspraak.limits;

import nl.samenspraak.keys.KeyedHash;

/**
 * What {@link DatabaseAttemptLog} stores instead of a bucket ({@code start|<address>},
 * {@code login-name|<address>|<typed name>}, ...): its keyed hash ({@link KeyedHash}: HMAC-SHA256 under a server key, in hex). A plain SHA-256 of
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
    /** Keeps this key apart from every other use of the same secret (the login tokens are signed with it). */
    static final String LABEL = "samenspraak limit-buckets";

    private final KeyedHash hash;

    private BucketHash(KeyedHash hash) {
        this.hash = hash;
    }

    /** The bucket names of every instance whose server secret is {@code serverSecret}. */
    public static BucketHash derivedFrom(byte[] serverSecret) {
        if (serverSecret == null || serverSecret.length == 0) {
            throw new IllegalArgumentException("a bucket hash needs the server secret");
        }
        return new BucketHash(KeyedHash.derived(serverSecret, LABEL));
    }

    /** The bucket as stored: 64 hex digits. */
    String of(String bucket) {
        return hash.of(bucket);
    }
}
