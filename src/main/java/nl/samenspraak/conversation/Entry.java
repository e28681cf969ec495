package nl.samenspraak.conversation;

import io.micronaut.core.annotation.Nullable;
import nl.samenspraak.storage.EnteredBy;

/**
 * How an answer came in: who entered it (the respondent, or an intermediair for them) and, for a typed text,
 * the language it was typed in (null: the conversation's language). Only the kind of person, never who.
 */
public record Entry(EnteredBy enteredBy, @Nullable String textLanguage) {
    /** The respondent answering for themselves, in the conversation's language. */
    public static final Entry RESPONDENT = new Entry(EnteredBy.RESPONDENT, null);

    public Entry {
        if (enteredBy == null) {
            throw new IllegalArgumentException("enteredBy is required");
        }
    }

    /** An intermediair entering the resident's answer; a typed text in {@code textLanguage} (null: the resident's). */
    public static Entry intermediair(@Nullable String textLanguage) {
        return new Entry(EnteredBy.INTERMEDIAIR, textLanguage);
    }
}
