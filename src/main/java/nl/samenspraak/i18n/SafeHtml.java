package nl.samenspraak.i18n;

/** Text that is already HTML-safe (rendered by {@link TextRenderer}); inserting it into a template leaves it as is. */
public record SafeHtml(String html) {
    /**
     * Whether there is no text: a template asks {@code #if(!$x.isEmpty())} of a value that is either "" or this. Not
     * {@code $x != ""}: Velocity compares anything that is not a String with a String as numbers first, turning both
     * into BigDecimals, and so threw (and caught) two NumberFormatExceptions for every such comparison.
     */
    public boolean isEmpty() {
        return html.isEmpty();
    }

    @Override
    public String toString() {
        return html;
    }
}
