package nl.samenspraak.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * What a finished conversation gives back: a score per dimension with a reading in plain words, the tips
 * that apply (most important first), a summary of the answers by theme, and all of it as one HTML fragment.
 * Every text is HTML-safe. {@code closingOnly}: the result is for a professional who does not read along (a
 * cultureel interview answered alone), so the person reads a closing only, and a channel says "done" in words that
 * promise nothing below it for the professional. {@code safety}: where to go when the person, or a child, is not safe
 * (112, Veilig Thuis), for a flow whose locale file words it ({@code safety:}), in the person's language; it stands
 * first in {@code html} too, after the closing words. Not for the professional's part, nor after a "nee".
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Result(Map<String, Score> scores, List<Tip> tips, List<SummaryTheme> summary, String html,
                     @Nullable Contact contact, @Nullable String notice, boolean declined, boolean closingOnly,
                     @Nullable String safety) {

    /** A result without a team's contact details. */
    public Result(Map<String, Score> scores, List<Tip> tips, List<SummaryTheme> summary, String html) {
        this(scores, tips, summary, html, null, null, false, false, null);
    }

    /** A result without a notice. */
    public Result(Map<String, Score> scores, List<Tip> tips, List<SummaryTheme> summary, String html, @Nullable Contact contact) {
        this(scores, tips, summary, html, contact, null, false, false, null);
    }

    /** A result with a team's contact details (or none) and the flow's safety line (or none). */
    public Result(Map<String, Score> scores, List<Tip> tips, List<SummaryTheme> summary, String html, @Nullable Contact contact,
                  @Nullable String safety) {
        this(scores, tips, summary, html, contact, null, false, false, safety);
    }

    /**
     * What a person who answered alone reads of a result that is for a professional ({@code html}: a closing, with
     * the team's {@code contact} details where there are any).
     */
    public static Result closing(String html, @Nullable Contact contact, @Nullable String safety) {
        return new Result(Map.of(), List.of(), List.of(), html, contact, null, false, true, safety);
    }

    /**
     * What a person who said "nee" to consent reads ({@code html}): nothing was kept, so there is nothing to come back
     * to or delete. Said by the engine's state, not by an empty result: a questionnaire brought as a spreadsheet, with
     * no scores, tips or themes, finished with an empty result too, and its page took it for a refusal (no thanks,
     * no "Wis mijn antwoorden", its answers kept).
     */
    public static Result declined(String html) {
        return new Result(Map.of(), List.of(), List.of(), html, null, null, true, false, null);
    }

    /**
     * The same result with {@code notice} (HTML-safe, in the reader's language) above it, also first in its HTML:
     * something about the answers the reader must know before the rest (what the result is built from does not
     * decide it; the use case that shows the result does).
     */
    public Result withNotice(String notice) {
        return new Result(scores, tips, summary, "<p class=\"result-notice\" role=\"note\">" + notice + "</p>\n" + html,
                contact, notice, declined, closingOnly, safety);
    }

    /**
     * As {@link #withNotice(String)}, with the notice again beneath it for someone reading along in another language
     * (an intermediair), as every other line of such a result: they are the one who has to explain it.
     */
    public Result withNotice(InLanguage notice, InLanguage again) {
        return new Result(scores, tips, summary, "<p class=\"result-notice\" role=\"note\">" + notice.span("original")
                + again.span("translation") + "</p>\n" + html, contact, notice.text(), declined, closingOnly, safety);
    }

    /** A text (HTML-safe) with the language it is in and that language's direction ("ltr", "rtl"). */
    public record InLanguage(String text, String language, String direction) {
        String span(String role) {
            return "<span class=\"" + role + "\" lang=\"" + language + "\" dir=\"" + direction + "\">" + text + "</span>";
        }
    }

    /**
     * A dimension's score (0-100, null without counted answers), its name and what it means; flagged when a red flag
     * (an answer the research warns against) is about the part: its label then says one answer needs attention, unless
     * the score is low and says where the most is to gain. A client, a page or a summary tells a flagged part by this
     * field, never by the label's words (a flow or a language may word it any way).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Score(@Nullable Integer value, String label, String name, boolean flagged) {
        @Creator
        public Score {
        }

        /** A score without a red flag on its part. */
        public Score(@Nullable Integer value, String label, String name) {
            this(value, label, name, false);
        }
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

    /**
     * Where the reader can go: the contact details their team wrote (see {@link TeamContact}), under a heading,
     * with a note in the reader's language when some of them are in Dutch only. Null: the team wrote none, or
     * the result is not for a resident or client.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Contact(String heading, List<ContactLine> lines, @Nullable String note) {
    }

    /**
     * One detail: its field ({@code desk}, {@code address}, {@code walk_in}, {@code phone}, {@code email},
     * {@code interpreter}), its label in the reader's language, the team's text (a line break as <code>&lt;br&gt;</code>),
     * and the text's own language and direction, which differ from the reader's when it is the Dutch original.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ContactLine(String field, String label, String text, String language, String direction) {
    }
}
