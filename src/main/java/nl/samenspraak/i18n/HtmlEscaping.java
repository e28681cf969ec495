package nl.samenspraak.i18n;

import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;

/**
 * Velocity's guard against markup injection: every value a template inserts is HTML-escaped, except a
 * {@link SafeHtml} value, which was rendered (and escaped) already.
 */
public final class HtmlEscaping implements ReferenceInsertionEventHandler {

    @Override
    public Object referenceInsert(Context context, String reference, Object value) {
        if (value == null || value instanceof SafeHtml) {
            return value;
        }
        return TextRenderer.escape(String.valueOf(value));
    }
}
