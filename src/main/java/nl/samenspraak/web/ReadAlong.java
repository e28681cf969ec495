package nl.samenspraak.web;

import io.micronaut.core.annotation.Nullable;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.ResultSummary;
import nl.samenspraak.i18n.SafeHtml;
import nl.samenspraak.i18n.Translations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What someone reading along in their own language (an intermediair beside a resident) reads on a chat page: the
 * conversation's lines stay in the resident's language, marked as theirs, so that a screen reader says an Arabic
 * question on a Dutch page in an Arabic voice, and beneath each one the same in the page's language: the questions
 * of the way so far, "Klaar", the result's one-line summary (as every line of the result). On a page in the
 * conversation's own language (a respondent's) nobody reads along, and each part is {@code false}, which is how
 * the template (views/chat.vm) is told to leave it out.
 */
final class ReadAlong {
    private final Translations t;
    private final ConversationState state;
    private final String pageLanguage;
    /** Whether the page is in another language than the conversation, and both are languages we have words for. */
    private final boolean reading;

    ReadAlong(Translations t, ConversationState state, String pageLanguage) {
        this.t = t;
        this.state = state;
        this.pageLanguage = pageLanguage;
        this.reading = !pageLanguage.equals(state.language()) && t.language(pageLanguage).isPresent()
                && t.language(state.language()).isPresent();
    }

    /** The conversation's language and direction, for marking its lines on the page; false when nobody reads along. */
    Object said() {
        return reading ? Map.of("lang", state.language(), "dir", state.direction()) : false;
    }

    /**
     * Each question of the way so far in the page's language, by position, for the entries of {@code own}: "" where
     * it reads the same, or nobody reads along. {@code again}: the same way in the page's language (null: none).
     */
    List<Object> questions(List<ConversationState.TranscriptEntry> own, @Nullable ConversationState.Transcript again) {
        List<Object> out = new ArrayList<>(own.size());
        List<ConversationState.TranscriptEntry> read = reading && again != null ? again.entries() : List.of();
        for (int i = 0; i < own.size(); i++) {
            ConversationState.TranscriptEntry e = own.get(i);
            boolean same = i >= read.size() || !read.get(i).step().equals(e.step()) || read.get(i).question().equals(e.question());
            out.add(same ? "" : new SafeHtml(read.get(i).question()));
        }
        return out;
    }

    /** "Klaar" in the conversation's language, above the page's own; false when not finished or nobody reads along. */
    Object done() {
        return reading && state.done()
                ? Map.of("text", t.flowMessage(state.language(), state.flow(), "web." + doneKey(state)), "lang", state.language(),
                        "dir", state.direction())
                : false;
    }

    /**
     * Which words say "Klaar" above a finished conversation's result: {@code done}, or {@code done_alone}, which
     * promises nothing below it, where the result is a closing only (one for a professional, answered alone) or has
     * neither scores nor tips: a resident whose answers call for no tip read "Hieronder staan tips die bij uw antwoorden
     * passen" above none (the resident probe of December 2026).
     */
    static String doneKey(ConversationState state) {
        var result = state.result();
        boolean nothingPromised = result != null && (result.closingOnly() || result.tips().isEmpty() && result.scores().isEmpty());
        return nothingPromised ? "done_alone" : "done";
    }

    /**
     * The result's one-line {@code summary} (in the conversation's language) again in the page's, with both marked;
     * false when there is none or nobody reads along.
     */
    Object summary(String summary) {
        return reading && !summary.isEmpty()
                ? Map.of("text", ResultSummary.line(t, state, pageLanguage), "lang", pageLanguage,
                        "dir", t.languageOrSource(pageLanguage).direction(), "originalLang", state.language(),
                        "originalDir", state.direction())
                : false;
    }
}
