package nl.samenspraak.limits;

import io.micronaut.context.annotation.Property;
import jakarta.inject.Inject;
import nl.samenspraak.support.SharedService;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The service names its buckets with a key derived from SAMENSPRAAK_JWT_SECRET, the secret every instance on a
 * database already shares: so another instance started with the same secret counts in the same buckets.
 */
@SharedService
@Property(name = "samenspraak.jwt-secret", value = BucketHashFromSecretTest.SECRET)
class BucketHashFromSecretTest {
    static final String SECRET = "the secret every instance of this test shares, 32+ bytes";

    @Inject
    BucketHash buckets;

    @Test
    void bucketsAreNamedWithTheSharedSecret() {
        String bucket = "start|192.0.2.1";
        assertEquals(BucketHash.derivedFrom(SECRET.getBytes(StandardCharsets.UTF_8)).of(bucket), buckets.of(bucket));
    }
}
