package nl.samenspraak.i18n;

/**
 * What someone typed into a one-line field (a team's name, a wijk, an intermediair's label for a conversation) as it
 * is stored and shown: direction controls gone ({@link BidiControls}: one would turn every sentence that shows the
 * text around), every other control character and run of white space one space, none at either end. PostgreSQL
 * refuses a NUL in a text outright, which made the team form a 500.
 */
public final class TypedLine {
    private TypedLine() {
    }

    /** {@code typed} on one line ("" for null). */
    public static String of(String typed) {
        return typed == null ? "" : BidiControls.strip(typed).replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }
}
