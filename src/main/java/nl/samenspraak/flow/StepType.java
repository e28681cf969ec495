package nl.samenspraak.flow;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of step a flow can hold. */
public enum StepType {
    /** A message; the person only acknowledges it. */
    INFO,
    /** One of several options. */
    CHOICE,
    /** Several options, between min and max of them. */
    MULTI,
    /** A number on a scale from min to max with labelled ends, optionally "weet ik niet". */
    SCALE,
    /** Yes or no. */
    YESNO,
    /** Free text up to maxLength characters. */
    TEXT,
    /** A number between min and max. */
    NUMBER,
    /** A calendar date (yyyy-mm-dd). */
    DATE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean hasOptions() {
        return this == CHOICE || this == MULTI || this == SCALE || this == YESNO;
    }

    public static Optional<StepType> fromKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst();
    }
}
