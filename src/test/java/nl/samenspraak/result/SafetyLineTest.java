package nl.samenspraak.result;

import nl.samenspraak.engine.ConversationEngine;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where to go when someone is not safe (112, Veilig Thuis) stands in every result a resident or a client reads,
 * whatever they answered, right after the closing words: the advice probe of December 2026 wrote "Mijn man slaat mij
 * en de kinderen. Ik durf niet naar huis." into the cultural interview, answered alone, and was told "Dat helpt om samen
 * hulp te vinden die bij u past", in a conversation nobody else would read; the neighbourhood analysis answered the
 * same with four ordinary tips. A result is built from closed answers; no rule reads a free text. Plain Java.
 */
class SafetyLineTest {
    private final ResultBuilder results = new ResultBuilder(new ConversationEngine(), FlowWalk.library().translations(),
            new TextRenderer(), TeamContactResultTest.template());

    private static FlowWalk finished(String flowId, String language) {
        FlowWalk walk = FlowWalk.start(flowId, language);
        return walk.answerAll(step -> TeamContactResultTest.answer(walk.flow(), step));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "ar", "tr", "pl", "en"})
    void aResidentsResultSaysWhereToGoWhenSomeoneIsNotSafeFirstInTheirLanguage(String language) {
        FlowWalk walk = finished("wijkanalyse", language);
        Result result = results.build(walk.flow(), walk.progress(), language, false);
        assertNotNull(result.safety(), "the API's result says it too");
        assertTrue(result.safety().contains("112") && result.safety().contains("0800-2000"), result.safety());
        String html = result.html();
        int safety = html.indexOf("<p class=\"safety\" role=\"note\">");
        assertTrue(safety > 0, html);
        assertTrue(safety < html.indexOf("<h2>"), "before the scores and tips: " + html);
        String own = FlowWalk.library().translations().flowText(language, "wijkanalyse", "safety");
        assertTrue(html.contains(result.safety()), html);
        assertEquals(TextRenderer.escapeText(own), result.safety().replaceAll("[\u2068\u2069]", ""), "in the resident's own words");
        if (language.equals("ar")) {
            assertTrue(result.safety().contains("\u2068Veilig Thuis\u2069"), "the Dutch name isolated in the Arabic line: " + result.safety());
        }
        if (!language.equals("nl")) {
            assertFalse(html.contains("Bent u of is iemand in uw gezin niet veilig?"), "no Dutch beside them: " + html);
        }
    }

    @Test
    void aClientWhoAnsweredTheInterviewAloneReadsItUnderTheClosing() {
        FlowWalk walk = finished("cultureel-interview", "ar");
        Result result = results.build(walk.flow(), walk.progress(), "ar", false);
        assertTrue(result.closingOnly());
        assertTrue(result.safety().contains("Veilig Thuis"), result.safety());
        assertTrue(result.html().indexOf("class=\"result-message\"") < result.html().indexOf("class=\"safety\""), result.html());
        assertTrue(result.html().contains("class=\"safety\""), result.html());
    }

    /**
     * With an intermediair reading along: the client's line in the client's language with the intermediair's beneath,
     * as every line of the client's; the professional's attention points do not say it again.
     */
    @Test
    void readAlongItStandsInBothLanguagesOnceOnTheClientsSide() {
        FlowWalk walk = FlowWalk.assisted("cultureel-interview", "tr");
        walk.answerAll(step -> TeamContactResultTest.answer(walk.flow(), step));
        Result result = results.build(walk.flow(), walk.progress(), "tr", true, null, "nl");
        String html = result.html();
        assertEquals(1, count(html, "class=\"safety\""), html);
        String line = html.substring(html.indexOf("class=\"safety\""), html.indexOf("</p>", html.indexOf("class=\"safety\"")));
        assertTrue(line.contains("lang=\"tr\"") && line.contains("güvende değil mi"), line);
        assertTrue(line.contains("class=\"translation\" lang=\"nl\"") && line.contains("Bij direct gevaar: bel 112"), line);
        assertTrue(html.indexOf("class=\"safety\"") < html.indexOf("class=\"for-professional\""), "on the client's side: " + html);
    }

    @Test
    void aProfessionalsSelfReflectionAndANoHaveNone() {
        FlowWalk reflection = finished("werk-jij-diversiteitsproof", "nl");
        Result own = results.build(reflection.flow(), reflection.progress(), "nl", false);
        assertNull(own.safety());
        assertFalse(own.html().contains("class=\"safety\""), own.html());
        FlowWalk declined = FlowWalk.start("wijkanalyse", "nl").answer("welkom", null).answer("toestemming", "nee");
        Result no = results.build(declined.flow(), declined.progress(), "nl", false);
        assertNull(no.safety(), "nothing was stored; the refusal says so and no more");
    }

    /** A result handed over to a resident's phone (no answers quoted) keeps it. */
    @Test
    void aResultHandedOverKeepsIt() {
        FlowWalk walk = finished("wijkanalyse", "tr");
        Result handed = results.build(walk.flow(), walk.progress(), "tr", false, null, null, false);
        assertTrue(handed.html().contains("class=\"safety\""), handed.html());
        assertNotNull(handed.safety());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
