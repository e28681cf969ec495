package nl.samenspraak.security;

/**
 * The secret this start runs with ({@link JwtSecretFactory}): the configured {@code samenspraak.jwt-secret}, or the
 * random one made when there is none. One bean, so everything keyed with it (the login tokens' signature, the limits'
 * bucket names) uses the same bytes; asked for twice, a missing secret would otherwise be made up twice.
 */
final class JwtSecret {
    private final byte[] bytes;

    JwtSecret(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    byte[] bytes() {
        return bytes.clone();
    }
}
