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

    @Test
    void partsThatShareTheLowestScoreAreListedAsTheReadersLanguageListsThem() {
        Map<String, Result.Score> nl = new LinkedHashMap<>();
        nl.put("kennis", new Result.Score(25, "", "Kennis"));
        nl.put("houding", new Result.Score(25, "", "Houding"));
        nl.put("werkwijze", new Result.Score(31, "", "Werkwijze"));
        assertEquals("Je sterkste punt: Werkwijze. Hier valt het meest te winnen: Kennis, Houding.",
                ResultSummary.line(words, done("nl", "ltr", nl)));

        Map<String, Result.Score> ar = new LinkedHashMap<>();
        ar.put("kennis", new Result.Score(25, "", "المعرفة"));
        ar.put("houding", new Result.Score(25, "", "الموقف"));
        ar.put("werkwijze", new Result.Score(31, "", "أسلوب العمل"));
        // Arabic's own comma: a Latin one between Arabic words reads as a slip
        assertEquals("أقوى جانب لديك: أسلوب العمل. أكثر ما يمكنك تحسينه: المعرفة، الموقف.",
                ResultSummary.line(words, done("ar", "rtl", ar)));
    }
}
