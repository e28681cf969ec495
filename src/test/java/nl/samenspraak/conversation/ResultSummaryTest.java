package nl.samenspraak.conversation;

import nl.samenspraak.i18n.Translations;
import nl.samenspraak.result.Result;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ResultSummaryTest {
    private final Translations words = FlowWalk.library().translations();

    private static ConversationState done(String language, String direction, Map<String, Result.Score> scores) {
        return new ConversationState("id", "werk-jij-diversiteitsproof", language, direction, "", true, null,
                new ConversationState.ProgressView(20, 20), new Result(scores, List.of(), List.of(), "<section></section>"));
    }

    /** Three parts in the flow's order: the first two share the lowest score (25), the third is the strongest (56). */
    private static Map<String, Result.Score> twoWeakestAndOneStrong(String first, String second, String strong) {
        Map<String, Result.Score> scores = new LinkedHashMap<>();
        scores.put("kennis", new Result.Score(25, "Hier valt het meest te winnen.", first));
        scores.put("houding", new Result.Score(25, "Hier valt het meest te winnen.", second));
        scores.put("werkwijze", new Result.Score(56, "Op weg, met ruimte om te groeien.", strong));
        return scores;
    }

    /**
     * Every part low (0 to 18 of 100, each "Hier valt het meest te winnen."): no "strongest point" above them, the
     * tips are counted instead. It said "Je sterkste punt: Vaardigheden" for an 18.
     */
    @Test
    void partsThatAllReadTheSameHaveNoStrongestPoint() {
        Map<String, Result.Score> low = new LinkedHashMap<>();
        low.put("kennis", new Result.Score(0, "Hier valt het meest te winnen.", "Kennis"));
        low.put("vaardigheden", new Result.Score(18, "Hier valt het meest te winnen.", "Vaardigheden"));
        ConversationState state = new ConversationState("id", "werk-jij-diversiteitsproof", "nl", "ltr", "", true, null,
                new ConversationState.ProgressView(20, 20), new Result(low, List.of(new Result.Tip("a", "", "", "", ""),
                new Result.Tip("b", "", "", "", "")), List.of(), ""));
        assertEquals("Aantal tips hieronder: 2. De belangrijkste staan bovenaan.", ResultSummary.line(words, state));
        ConversationState one = new ConversationState("id", "werk-jij-diversiteitsproof", "en", "ltr", "", true, null,
                new ConversationState.ProgressView(20, 20), new Result(low, List.of(new Result.Tip("a", "", "", "", "")), List.of(), ""));
        assertEquals("One tip below.", ResultSummary.line(words, one), "one tip is no list with the most important first");
    }

    /**
     * A part a red flag is about is nobody's strongest point, told by its flag and not by its reading's words: a flow
     * may word that reading its own way, and the line said "Je sterkste punt: Werkwijze" above the red flag's tip
     * when the words were not the shared ones.
     */
    @Test
    void aFlaggedPartIsNotTheStrongestWhateverItsReadingSays() {
        Map<String, Result.Score> scores = new LinkedHashMap<>();
        scores.put("kennis", new Result.Score(25, "Hier valt het meest te winnen.", "Kennis"));
        scores.put("houding", new Result.Score(60, "Op weg, met ruimte om te groeien.", "Houding"));
        scores.put("werkwijze", new Result.Score(87, "Let op: kijk naar de tips.", "Werkwijze", true));
        assertEquals("Je sterkste punt: Houding. Hier valt het meest te winnen: Kennis.",
                ResultSummary.line(words, done("nl", "ltr", scores)));
    }

    @Test
    void partsThatShareTheLowestScoreAreListedAsTheReadersLanguageListsThem() {
        assertEquals("Je sterkste punt: Werkwijze. Hier valt het meest te winnen: Kennis, Houding.",
                ResultSummary.line(words, done("nl", "ltr", twoWeakestAndOneStrong("Kennis", "Houding", "Werkwijze"))));
        // Arabic's own comma: a Latin one between Arabic words reads as a slip
        assertEquals("أقوى جانب لديك: أسلوب العمل. أكثر ما يمكنك تحسينه: المعرفة، الموقف.",
                ResultSummary.line(words, done("ar", "rtl", twoWeakestAndOneStrong("المعرفة", "الموقف", "أسلوب العمل"))));
    }

    /**
     * An intermediair reads along in Dutch beneath a resident's Arabic: the same line in Dutch, the parts named as the
     * flow's Dutch words name them (the result itself holds only the Arabic names), and the tips counted alike.
     */
    @Test
    void theSameLineInTheLanguageOfSomeoneReadingAlong() {
        ConversationState arabic = done("ar", "rtl", twoWeakestAndOneStrong("المعرفة", "الموقف", "أسلوب العمل"));
        assertEquals("Je sterkste punt: Werkwijze. Hier valt het meest te winnen: Kennis, Houding.",
                ResultSummary.line(words, arabic, "nl"));
        ConversationState tipsOnly = new ConversationState("id", "werk-jij-diversiteitsproof", "ar", "rtl", "", true, null,
                new ConversationState.ProgressView(20, 20), new Result(Map.of(), List.of(new Result.Tip("a", "", "", "", ""),
                new Result.Tip("b", "", "", "", "")), List.of(), ""));
        assertEquals("Aantal tips hieronder: 2. De belangrijkste staan bovenaan.", ResultSummary.line(words, tipsOnly, "nl"));
    }
}
