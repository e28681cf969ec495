package nl.samenspraak.security;

import java.util.Map;

/**
 * A change that was refused for a reason the person can fix: the key of a message in locales/<lang>/messages.yaml
 * and the values it names. Pages show it in the person's language; commands in English.
 */
public final class Refused extends RuntimeException {
    private final String key;
    private final transient Map<String, Object> parameters;

    public Refused(String key) {
        this(key, Map.of());
    }

    public Refused(String key, Map<String, Object> parameters) {
        super(key, null, false, false);
        this.key = key;
        this.parameters = Map.copyOf(parameters);
    }

    public String key() {
        return key;
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
