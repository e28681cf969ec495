package nl.samenspraak.i18n;

import nl.samenspraak.result.Result;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Step;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import nl.samenspraak.support.Translated;

import static nl.samenspraak.support.Translated.assertTranslated;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every flow, walked in every language it declares, shows that language only: no question, option, error,
 * tip, reason or summary heading falls back to Dutch. Arabic (and any right-to-left language) says so.
 */
class NoDutchLeaksTest {

    static Stream<Arguments> flowsAndLanguages() {
        List<Arguments> cases = new ArrayList<>();
        for (Flow flow : FlowWalk.library().flows()) {
            flow.languages().stream().filter(l -> !l.equals(Language.SOURCE)).forEach(l -> cases.add(Arguments.of(flow.id(), l)));
        }
        return cases.stream();
    }

    /** A valid answer, the same whatever the language: the last option (often the weakest), or something typed. */
    private static Object answer(Flow flow, ConversationState.StepView step) {
        Step s = flow.requireStep(step.id());
        if (s.consent()) {
            return "ja";
        }
        return switch (s.type()) {
            case INFO -> null;
            case CHOICE, YESNO, SCALE -> step.options().get(step.options().size() - 1).value();
            case MULTI -> List.of(step.options().get(0).value());
            case TEXT -> "…";
            case NUMBER -> step.min() == null ? 1 : step.min();
            case DATE -> "2024-03-01";
        };
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("flowsAndLanguages")
    void showsNoDutch(String flowId, String language) {
        FlowWalk dutch = FlowWalk.start(flowId, Language.SOURCE);
        FlowWalk other = FlowWalk.start(flowId, language);
        String direction = FlowWalk.library().translations().language(language).orElseThrow().direction();
        while (!other.progress().ended()) {
            ConversationState shown = other.state();
            ConversationState.StepView nl = dutch.state().step();
            ConversationState.StepView step = shown.step();
            assertEquals(direction, shown.direction());
            assertEquals(nl.id(), step.id(), "both walks take the same way");
            assertTranslated(language, nl.text(), step.text(), "text of " + step.id());
            for (int i = 0; i < step.options().size(); i++) {
                assertTranslated(language, nl.options().get(i).label(), step.options().get(i).label(),
                        "option " + step.options().get(i).value() + " of " + step.id());
            }
            Object value = answer(other.flow(), step);
            other.answer(step.id(), value);
            dutch.answer(step.id(), value);
        }
        Result nl = dutch.result();
        Result result = other.result();
        assertEquals(dutch.tipIds(), other.tipIds());
        for (int i = 0; i < result.tips().size(); i++) {
            Result.Tip tip = result.tips().get(i);
            assertTranslated(language, nl.tips().get(i).title(), tip.title(), "title of tip " + tip.id());
            assertTranslated(language, nl.tips().get(i).text(), tip.text(), "text of tip " + tip.id());
            assertTranslated(language, nl.tips().get(i).why(), tip.why(), "why of tip " + tip.id());
        }
        for (String dimension : result.scores().keySet()) {
            assertTranslated(language, nl.scores().get(dimension).name(), result.scores().get(dimension).name(), "dimension " + dimension);
            assertTranslated(language, nl.scores().get(dimension).label(), result.scores().get(dimension).label(), "reading of " + dimension);
        }
        for (int t = 0; t < result.summary().size(); t++) {
            assertTranslated(language, nl.summary().get(t).title(), result.summary().get(t).title(), "theme " + result.summary().get(t).theme());
        }
        if ("rtl".equals(direction)) {
            // the whole result page, headings included, but for the sources (they cite the Dutch reports)
            String page = result.html();
            for (Result.Tip tip : result.tips()) {
                page = page.replace(tip.source(), " ");
            }
            String text = page.replaceAll("<[^>]+>", " ").replaceAll("&#?\\w+;", " ").replace("…", " ");
            if (!text.isBlank()) {
                Translated.assertArabic(text, "the result page of " + flowId);
            }
        }
    }
}
