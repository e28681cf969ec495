package nl.samenspraak.web;

import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.i18n.Translations;
import nl.samenspraak.result.Result;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An intermediair's page in Dutch beside a resident answering in Arabic: beneath each of the resident's lines the
 * intermediair reads the same in Dutch, and the resident's lines are marked Arabic, right to left. A respondent's
 * own page, in the conversation's language, has nothing beneath.
 */
class ReadAlongTest {
    private final Translations words = FlowWalk.library().translations();

    private static ConversationState finished(String language, String direction) {
        Map<String, Result.Score> scores = new LinkedHashMap<>();
        scores.put("kennis", new Result.Score(25, "low", "المعرفة"));
        scores.put("werkwijze", new Result.Score(56, "middle", "أسلوب العمل"));
        return new ConversationState("id", "werk-jij-diversiteitsproof", language, direction, "", true, null,
                new ConversationState.ProgressView(20, 20), new Result(scores, List.of(), List.of(), "<section></section>"));
    }

    private static ConversationState.TranscriptEntry asked(String step, String question) {
        return new ConversationState.TranscriptEntry(step, "choice", question, "نعم", false);
    }

    @Test
    void aDutchReaderReadsEachArabicLineAgainInDutchBeneathIt() {
        ConversationState arabic = finished("ar", "rtl");
        ReadAlong along = new ReadAlong(words, arabic, "nl");

        assertEquals(Map.of("lang", "ar", "dir", "rtl"), along.said());
        assertEquals(Map.of("text", words.flowMessage("ar", arabic.flow(), "web.done"), "lang", "ar", "dir", "rtl"), along.done());
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) along.summary("أقوى جانب لديك: أسلوب العمل.");
        assertEquals("Je sterkste punt: Werkwijze. Hier valt het meest te winnen: Kennis.", summary.get("text"));
        assertEquals(List.of("nl", "ltr", "ar", "rtl"), List.of(summary.get("lang"), summary.get("dir"),
                summary.get("originalLang"), summary.get("originalDir")));
    }

    /**
     * The way so far, by position: a question that reads differently gets the reader's words, one that reads the same
     * (a name, a number) nothing, and a reader's way that no longer matches step for step (the flow changed between the
     * two readings) nothing rather than a wrong question beneath.
     */
    @Test
    void eachQuestionOfTheWaySoFarGetsTheReadersWordsOnlyWhereTheyDiffer() {
        ReadAlong along = new ReadAlong(words, finished("ar", "rtl"), "nl");
        List<ConversationState.TranscriptEntry> own = List.of(asked("rol", "ما هو دورك؟"), asked("naam", "Samenspraak"),
                asked("talen", "ما هي اللغات؟"));
        ConversationState.Transcript dutch = new ConversationState.Transcript("id", "nl", "ltr", List.of(
                asked("rol", "In welke rol werk je?"), asked("naam", "Samenspraak"), asked("tolk", "Werk je met een tolk?")));

        List<Object> again = along.questions(own, dutch);

        assertEquals(List.of("In welke rol werk je?", "", ""), again.stream().map(Object::toString).toList());
        assertEquals(List.of("", "", ""), along.questions(own, null).stream().map(Object::toString).toList());
    }

    @Test
    void aRespondentsOwnPageHasNothingBeneathItsLines() {
        ConversationState dutch = finished("nl", "ltr");
        ReadAlong own = new ReadAlong(words, dutch, "nl");

        assertEquals(false, own.said());
        assertEquals(false, own.done());
        assertEquals(false, own.summary("Je sterkste punt: Werkwijze."));
        assertEquals(List.of(""), own.questions(List.of(asked("rol", "In welke rol werk je?")),
                new ConversationState.Transcript("id", "nl", "ltr", List.of(asked("rol", "In welke rol werk je?")))));
    }

    @Test
    void beforeTheEndThereIsNoKlaarAndNoSummaryToReadAgain() {
        ConversationState going = new ConversationState("id", "werk-jij-diversiteitsproof", "ar", "rtl", "", false, null,
                new ConversationState.ProgressView(3, 20), null);
        ReadAlong along = new ReadAlong(words, going, "nl");

        assertEquals(Map.of("lang", "ar", "dir", "rtl"), along.said());
        assertEquals(false, along.done());
        assertEquals(false, along.summary(""));
    }
}
