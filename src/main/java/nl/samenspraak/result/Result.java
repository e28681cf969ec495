package nl.samenspraak.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * What a finished conversation gives back: a score per dimension with a reading in plain words, the tips
 * that apply (most important first), a summary of the answers by theme, and all of it as one HTML fragment.
 * Every text is HTML-safe.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Result(Map<String, Score> scores, List<Tip> tips, List<SummaryTheme> summary, String html) {

    /** A dimension's score (0-100, null without counted answers), its name and what it means. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Score(@Nullable Integer value, String label, String name) {
    }

    /** A tip, with why it appears (the answers that led to it) and where in the research it comes from. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Tip(String id, String title, String text, String why, String source) {
    }

    /** The answers of one theme, in the order they were given. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SummaryTheme(String theme, String title, List<SummaryItem> items) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SummaryItem(String step, String question, String answer) {
    }
}
