package nl.samenspraak.conversation;

import nl.samenspraak.i18n.Translations;
import nl.samenspraak.result.Result;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals("Je sterkste punt: Werkwijze. Hier valt het meest te winnen: Kennis en Houding.",
                ResultSummary.line(words, done("nl", "ltr", twoWeakestAndOneStrong("Kennis", "Houding", "Werkwijze"))));
        // Arabic's "and" takes the next word
        assertEquals("أقوى جانب لديك: أسلوب العمل. أكثر ما يمكنك تحسينه: المعرفة والموقف.",
                ResultSummary.line(words, done("ar", "rtl", twoWeakestAndOneStrong("المعرفة", "الموقف", "أسلوب العمل"))));
    }

    /**
     * An intermediair reads along in Dutch beneath a resident's Arabic: the same line in Dutch, the parts named as the
     * flow's Dutch words name them (the result itself holds only the Arabic names), and the tips counted alike.
     */
    @Test
    void theSameLineInTheLanguageOfSomeoneReadingAlong() {
        ConversationState arabic = done("ar", "rtl", twoWeakestAndOneStrong("المعرفة", "الموقف", "أسلوب العمل"));
        assertEquals("Je sterkste punt: Werkwijze. Hier valt het meest te winnen: Kennis en Houding.",
                ResultSummary.line(words, arabic, "nl"));
        ConversationState tipsOnly = new ConversationState("id", "werk-jij-diversiteitsproof", "ar", "rtl", "", true, null,
                new ConversationState.ProgressView(20, 20), new Result(Map.of(), List.of(new Result.Tip("a", "", "", "", ""),
                new Result.Tip("b", "", "", "", "")), List.of(), ""));
        assertEquals("Aantal tips hieronder: 2. De belangrijkste staan bovenaan.", ResultSummary.line(words, tipsOnly, "nl"));
    }

    /** Parts in this order with these scores, each named as given, read "Op weg" (the label plays no part in ties). */
    private static ConversationState scored(String language, String direction, String[] names, int... values) {
        Map<String, Result.Score> scores = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            scores.put("part" + i, new Result.Score(values[i], values[i] >= 75 ? "Een sterk punt." : "Hier valt het meest te winnen.", names[i]));
        }
        return new ConversationState("id", "topiclijst", language, direction, "", true, null,
                new ConversationState.ProgressView(20, 20), new Result(scores, List.of(new Result.Tip("a", "", "", "", ""),
                new Result.Tip("b", "", "", "", "")), List.of(), ""));
    }

    private static final String[] SIX = {"Bereik", "Voortijdige uitval", "Inzet", "Doelgroep", "Samenwerking", "Borging"};

    /**
     * topiclijst's line named five parts that shared the top score as "Je sterkste punt: Bereik, Voortijdige uitval,
     * ..." (eleven lines on a 320 px phone, singling nothing out): more than three tied say nothing of that side.
     */
    @Test
    void moreThanThreePartsSharingTheTopAreNoStrongestPoint() {
        assertEquals("Hier valt het meest te winnen: Borging.",
                ResultSummary.line(words, scored("nl", "ltr", SIX, 100, 100, 100, 100, 100, 40)));
        // and the other way round: four share the bottom, one stands out
        assertEquals("Je sterkste punt: Bereik.",
                ResultSummary.line(words, scored("nl", "ltr", SIX, 90, 60, 20, 20, 20, 20)));
        // neither side can be named: the tips are counted instead
        assertEquals("Aantal tips hieronder: 2. De belangrijkste staan bovenaan.",
                ResultSummary.line(words, scored("nl", "ltr", new String[]{"A", "B", "C", "D", "E", "F", "G", "H"},
                        100, 100, 100, 100, 20, 20, 20, 20)));
    }

    /** Two or three parts sharing the top or the bottom are named together, in the plural, in every language. */
    @Test
    void twoOrThreeTiedPartsAreNamedInThePluralInEveryLanguage() {
        String[] two = {"Bereik", "Inzet", "Borging"};
        assertEquals("Je sterkste punten: Bereik en Inzet. Hier valt het meest te winnen: Borging.",
                ResultSummary.line(words, scored("nl", "ltr", two, 90, 90, 30)));
        assertEquals("Je sterkste punt: Bereik. Hier valt het meest te winnen: Inzet, Doelgroep en Samenwerking.",
                ResultSummary.line(words, scored("nl", "ltr", SIX, 95, 80, 20, 20, 20, 60)));
        // a part whose name holds the "en" itself is listed with commas: "Houding en Netwerk en randvoorwaarden" read as three
        assertEquals("Je sterkste punten: Houding, Netwerk en randvoorwaarden. Hier valt het meest te winnen: Kennis.",
                ResultSummary.line(words, scored("nl", "ltr", new String[]{"Houding", "Netwerk en randvoorwaarden", "Kennis"}, 90, 90, 30)));
        assertEquals("Your strongest points: Reach and Effort. Most to gain: Continuity.",
                ResultSummary.line(words, scored("en", "ltr", new String[]{"Reach", "Effort", "Continuity"}, 90, 90, 30)));
        assertEquals("En güçlü yanlarınız: Erişim ve Katılım. En çok gelişebileceğiniz alan: Süreklilik.",
                ResultSummary.line(words, scored("tr", "ltr", new String[]{"Erişim", "Katılım", "Süreklilik"}, 90, 90, 30)));
        assertEquals("Twoje najmocniejsze strony: Zasięg i Zaangażowanie. Najwięcej do poprawy: Ciągłość.",
                ResultSummary.line(words, scored("pl", "ltr", new String[]{"Zasięg", "Zaangażowanie", "Ciągłość"}, 90, 90, 30)));
        assertEquals("أقوى جوانبك: الوصول والمشاركة. أكثر ما يمكنك تحسينه: الاستمرارية.",
                ResultSummary.line(words, scored("ar", "rtl", new String[]{"الوصول", "المشاركة", "الاستمرارية"}, 90, 90, 30)));
    }

    /** A resident flow keeps its polite plural: "Uw sterkste punten", "أقوى جوانبكم", "Najmocniejsze strony". */
    @Test
    void aResidentFlowsPluralIsPolite() {
        for (String[] c : new String[][]{{"nl", "Uw sterkste punten: "}, {"ar", "أقوى جوانبكم: "}, {"pl", "Najmocniejsze strony: "},
                {"tr", "En güçlü yanlarınız: "}}) {
            Map<String, Result.Score> scores = new LinkedHashMap<>();
            scores.put("bekendheid", new Result.Score(90, "Een sterk punt.", "A"));
            scores.put("vertrouwen", new Result.Score(90, "Een sterk punt.", "B"));
            scores.put("kwaliteit", new Result.Score(10, "Hier valt het meest te winnen.", "C"));
            ConversationState state = new ConversationState("id", "wijkanalyse", c[0], "ltr", "", true, null,
                    new ConversationState.ProgressView(15, 15), new Result(scores, List.of(), List.of(), ""));
            String line = ResultSummary.line(words, state);
            assertTrue(line.startsWith(c[1]), line);
        }
    }
}
