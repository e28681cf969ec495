package nl.samenspraak.security;

/** Turns a password into a hash that can be stored, and checks a password against such a hash. */
public interface PasswordEncoder {

    String encode(String rawPassword);

    boolean matches(String rawPassword, String encodedPassword);
}
