package nl.samenspraak.i18n;

import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;

/**
 * Velocity's guard against markup injection: every value a template inserts is HTML-escaped, except a
 * {@link SafeHtml} value, which was rendered (and escaped) already; its tags are marked as inserted
 * ({@link TextRenderer#INSERTED_TAG}), so a text's own {@code <} can be told from them.
 */
public final class HtmlEscaping implements ReferenceInsertionEventHandler {
    private final boolean markTags;

    /** For the pages' own templates (the views engine makes it by its class name): a {@link SafeHtml} goes in as it is. */
    public HtmlEscaping() {
        this(false);
    }

    /** {@code markTags}: a {@link SafeHtml}'s tags go in marked, for {@link TextRenderer}, which escapes every other "<". */
    HtmlEscaping(boolean markTags) {
        this.markTags = markTags;
    }

    @Override
    public Object referenceInsert(Context context, String reference, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof SafeHtml safe) {
            if (!markTags) {
                return safe.html();
            }
            // its tags marked as the value's, so that what stays a "<" after rendering is the template's own; a mark it
            // holds already is no tag of the caller's (an uploaded label's own U+E001, say) and is taken out first
            String html = TextRenderer.unmarked(safe.html());
            return html.indexOf('<') < 0 ? html : html.replace('<', TextRenderer.INSERTED_TAG);
        }
        return TextRenderer.escape(String.valueOf(value));
    }
}
