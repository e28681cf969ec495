package nl.samenspraak.security;

import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** BCrypt (cost 10, a random salt per password), as the Micronaut guides do it, through Spring Security Crypto. */
@Singleton
public class BCryptPasswordEncoderService implements PasswordEncoder {
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);

    @Override
    public String encode(String rawPassword) {
        return bcrypt.encode(rawPassword);
    }

    @Override
    public boolean matches(String rawPassword, String encodedPassword) {
        return rawPassword != null && encodedPassword != null && bcrypt.matches(rawPassword, encodedPassword);
    }
}
