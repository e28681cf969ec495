package nl.samenspraak.i18n;

/** A language the product speaks: its code (nl, ar, ...), its own name, and its text direction. */
public record Language(String code, String name, String direction) {
    public static final String SOURCE = "nl";

    public boolean rightToLeft() {
        return "rtl".equals(direction);
    }
}
