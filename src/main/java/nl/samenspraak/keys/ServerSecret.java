package nl.samenspraak.keys;

/**
 * The secret every instance on one database shares ({@code samenspraak.jwt-secret}; the bean is made in
 * {@code security.JwtSecretFactory}), as the features that key what they store with it see it: only the keyed hashes
 * derived from it, one per label, never the secret itself. A feature asks for this rather than for security's
 * secret, so that it need not depend on security.
 */
public final class ServerSecret {
    private final byte[] secret;

    public ServerSecret(byte[] secret) {
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("the server secret is empty");
        }
        this.secret = secret.clone();
    }

    /** The keyed hash of the use named {@code label}: the same on every instance with the same secret. */
    public KeyedHash keyedHash(String label) {
        return KeyedHash.derived(secret, label);
    }
}
