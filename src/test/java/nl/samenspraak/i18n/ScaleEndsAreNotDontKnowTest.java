package nl.samenspraak.i18n;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.StepType;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The lowest end of a scale does not read as the button "weet ik niet" beside it: in Arabic, Turkish and Polish "1 =
 * لا أعرف أبدًا / Hiç bilmiyorum / Wcale nie wiem" stood beside "لا أعرف / Bilmiyorum / Nie wiem", a score of 1 and
 * "don't know" in nearly the same words (the resident probe of December 2026). Dutch had "Helemaal niet".
 */
class ScaleEndsAreNotDontKnowTest {

    private static String plain(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
    }

    @Test
    void noScaleEndHoldsTheWordsOfDontKnow() {
        FlowLibrary library = FlowWalk.library();
        Translations t = library.translations();
        List<String> problems = new ArrayList<>();
        for (Flow flow : library.flows()) {
            for (String language : flow.languages()) {
                String dontKnow = plain(t.flowMessage(language, flow.id(), "answer.dont_know"));
                for (Step step : flow.steps()) {
                    if (step.type() != StepType.SCALE || step.options().stream().noneMatch(nl.samenspraak.flow.Option::dontKnow)) {
                        continue;
                    }
                    for (String end : List.of("minLabel", "maxLabel")) {
                        String label = t.flowText(language, flow.id(), "steps." + step.id() + "." + end);
                        if (label != null && plain(label).contains(dontKnow)) {
                            problems.add(flow.id() + " " + language + " " + step.id() + "." + end + ": \"" + label + "\" beside \"" + dontKnow + "\"");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
