package nl.samenspraak.dashboard;

import java.util.List;

/**
 * What a question's own page ({@link DrillDownController}) shows besides the question's figures (a
 * {@link FlowPage.Question}), as typed view models: a template reads {@code $t.themes} from a record (see
 * {@code web.RecordProperties}) and the compiler, not a test, notices a missing or misspelt field.
 */
final class DrillDownViews {
    private DrillDownViews() {
    }

    /** The dimension the question counts on ("other" for none), the way back to its section of the flow page. */
    record DimensionLink(String id, String name) {
    }

    /** The flow page's selection the page keeps in its forms; "" for a filter not set. */
    record SelectionFields(String period, String wijk, String version) {
    }

    /**
     * A text written in one's own words with the themes the team's managers gave it, and its hash (how a form
     * names it); {@code language} and its name "" when not known or left off.
     */
    record TaggedText(String text, String hash, List<String> themes, String language, String languageName) {
    }

    /** A theme in the filter's drop-down; {@code selected} is "selected" or "". */
    record ThemeOption(String value, String selected) {
    }
}
