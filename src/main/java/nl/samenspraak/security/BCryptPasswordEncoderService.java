package nl.samenspraak.security;

import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * BCrypt (a random salt per password), as the Micronaut guides do it, through Spring Security Crypto. Its cost is
 * {@code samenspraak.security.password-hash-cost} (10 in application.yml); a hash keeps the cost it was made with,
 * so hashes made at another cost still match.
 */
@Singleton
public class BCryptPasswordEncoderService implements PasswordEncoder {
    private final BCryptPasswordEncoder bcrypt;

    public BCryptPasswordEncoderService(SecuritySettings settings) {
        this.bcrypt = new BCryptPasswordEncoder(settings.passwordHashCost());
    }

    @Override
    public String encode(String rawPassword) {
        return bcrypt.encode(rawPassword);
    }

    @Override
    public boolean matches(String rawPassword, String encodedPassword) {
        return rawPassword != null && encodedPassword != null && bcrypt.matches(rawPassword, encodedPassword);
    }
}
