package nl.samenspraak.i18n;

/** A text as written in a locale file, with the line it stands on. */
public record Text(String text, int line) {
}
