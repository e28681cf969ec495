package nl.samenspraak.storage;

import java.util.Locale;

/**
 * Who entered an answer: the respondent themselves, or an intermediair for them (reading the question out,
 * tapping or typing what the resident says). Never which person: only the kind.
 */
public enum EnteredBy {
    RESPONDENT, INTERMEDIAIR;

    /** As stored in {@code answer.entered_by}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
