package nl.samenspraak.i18n;

/** Text that is already HTML-safe (rendered by {@link TextRenderer}); inserting it into a template leaves it as is. */
public record SafeHtml(String html) {
    @Override
    public String toString() {
        return html;
    }
}
