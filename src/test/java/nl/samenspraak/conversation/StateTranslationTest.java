package nl.samenspraak.conversation;

import nl.samenspraak.result.ResultBuilder;
import nl.samenspraak.engine.ConversationEngine;
import nl.samenspraak.engine.Outcome;
import nl.samenspraak.engine.Progress;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.i18n.Translations;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * An intermediair reads along in their own language: the question comes in the resident's language and,
 * when the two differ, also in the intermediair's (text and options, the same values in the same order).
 */
class StateTranslationTest {
    private final FlowLibrary library = FlowWalk.library();
    private final Translations words = library.translations();
    private final ConversationEngine engine = new ConversationEngine();
    private final TextRenderer text = new TextRenderer();
    private final StateRenderer renderer;

    StateTranslationTest() throws Exception {
        renderer = new StateRenderer(engine, words, text,
                new ResultBuilder(engine, words, text, Files.readString(Path.of("src/main/resources/views/result.vm"))));
    }

    private Progress at(Flow flow, String step, Object... answers) {
        Progress p = engine.start(flow);
        for (Object value : answers) {
            p = ((Outcome.Accepted) engine.answer(flow, p, p.current(), value)).progress();
        }
        assertEquals(step, p.current());
        return p;
    }

    private ConversationState.StepView render(Flow flow, Progress p, String language, String alsoIn) {
        return renderer.render("id", "K7PM2QXD", flow, p, language, alsoIn).step();
    }

    @Test
    void aTurkishQuestionCarriesItsDutchLineWhenTheIntermediairReadsDutch() {
        Flow flow = library.flow("wijkanalyse").orElseThrow();
        Progress consent = at(flow, "toestemming", (Object) null);

        ConversationState.StepView step = render(flow, consent, "tr", "nl");
        assertTrue(step.text().startsWith("Bu sorular mahalle ekibi tarafından soruluyor."), step.text());
        assertEquals(List.of("Evet", "Hayır"), step.options().stream().map(ConversationState.OptionView::label).toList());
        ConversationState.Translation dutch = step.translation();
        assertNotNull(dutch);
        assertEquals("nl", dutch.language());
        assertEquals("ltr", dutch.direction());
        assertTrue(dutch.text().startsWith("Deze vragen komen van het wijkteam."), dutch.text());
        assertTrue(dutch.text().endsWith("Zegt u nee? Dan bewaren wij niets en stopt het gesprek."), dutch.text());
        assertEquals(List.of("ja", "nee"), dutch.options().stream().map(ConversationState.OptionView::value).toList());
        assertEquals(List.of("Ja", "Nee"), dutch.options().stream().map(ConversationState.OptionView::label).toList());
    }

    @Test
    void aScaleKeepsItsValuesAndNamesBothEndsInBothLanguages() {
        Flow flow = library.flow("wijkanalyse").orElseThrow();
        Progress scale = at(flow, "weet_waar_hulp", null, "ja", null);

        ConversationState.StepView step = render(flow, scale, "ar", "nl");
        assertEquals("rtl", renderer.render("id", "K7PM2QXD", flow, scale, "ar", "nl").direction());
        assertEquals(step.options().stream().map(ConversationState.OptionView::value).toList(),
                step.translation().options().stream().map(ConversationState.OptionView::value).toList());
        assertEquals(words.flowText("nl", "wijkanalyse", "steps.weet_waar_hulp.minLabel"), step.translation().minLabel());
        assertEquals(words.flowText("nl", "wijkanalyse", "steps.weet_waar_hulp.maxLabel"), step.translation().maxLabel());
        assertEquals(words.flowText("ar", "wijkanalyse", "steps.weet_waar_hulp.minLabel"), step.minLabel());
        assertEquals("1", step.options().get(0).label());
        assertEquals(words.message("nl", "answer.dont_know"), step.translation().options().get(5).label());
    }

    @Test
    void noTranslationLineWhenBothReadTheSameLanguageOrNobodyReadsAlong() {
        Flow flow = library.flow("wijkanalyse").orElseThrow();
        Progress consent = at(flow, "toestemming", (Object) null);

        assertNull(render(flow, consent, "tr", "tr").translation(), "the intermediair speaks Turkish too");
        assertNull(render(flow, consent, "nl", "nl").translation());
        assertNull(render(flow, consent, "tr", null).translation(), "a resident on their own phone");
        assertNull(render(flow, consent, "tr", "xx").translation(), "a language the project does not have");
        Flow example = library.flow("voorbeeld").orElseThrow();
        assertNull(render(example, engine.start(example), "nl", "tr").translation(), "a language the flow does not speak");
    }

    @Test
    void theTranslationOfAnInfoStepIsItsWholeText() {
        Flow flow = library.flow("cultureel-interview").orElseThrow();
        ConversationState.StepView step = render(flow, engine.start(flow), "pl", "en");
        assertEquals("info", step.type());
        assertEquals(text.render(words.flowText("pl", "cultureel-interview", "steps.welkom.text"), java.util.Map.of()), step.text());
        assertEquals(text.render(words.flowText("en", "cultureel-interview", "steps.welkom.text"), java.util.Map.of()),
                step.translation().text());
    }
}
