package nl.samenspraak.engine;

import java.util.Locale;

/** Where a conversation stands. */
public enum Status {
    ACTIVE,
    DONE,
    /** The person did not give consent: the conversation ended and nothing they said was kept. */
    DECLINED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
