package nl.samenspraak.i18n;

import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Option;
import nl.samenspraak.flow.Step;
import nl.samenspraak.result.Result;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Residents read at B1: the resident flows use plain words (no "Wijkanalyse" in a title, no "tekortschieten",
 * "inloop", "spreekuur" or "gaan zorgvuldig om met", nor the same difficult words in the translations), no chat text
 * of any flow points at text "above" (in a chat it has scrolled away), a resident's result holds at most four
 * tips, and even the weakest answers give a result a resident reads in a few minutes.
 */
class ResidentPlainLanguageTest {
    /**
     * The most words of advice (tip titles and texts) in a resident's result. Eight tips of the weakest answers came
     * to about 500 words, too long to read on a phone; four tips come to 230-350 (Arabic and Turkish say the same
     * in fewer words than English). The reasons and sources under each tip come on top of this (smaller, and for
     * who wants to know why).
     */
    static final int MOST_WORDS = 350;

    private static Pattern words(String... words) {
        return Pattern.compile("(?<![\\p{L}\\p{M}])(?:" + String.join("|", words) + ")",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Words above B1 for a resident, and their counterparts where the translation had the same difficulty. */
    private static final Map<String, Pattern> DIFFICULT = Map.of(
            "nl", words("wijkanalyse", "tekortschiet", "tekort schiet", "inloop", "spreekuur", "zorgvuldig"),
            "en", words("drop-in", "consultation hour", "neighbourhood survey", "fall short", "handle with care"),
            "tr", words("danışma saati", "mahalle anketi"),
            "ar", words("ساعة استشارة", "استقبال مفتوح", "استبيان الحي"),
            "pl", words("dyżur", "godziny otwarte", "ankieta w dzielnicy"));

    /** A reference to text further up the chat. */
    private static final Map<String, Pattern> ABOVE = Map.of(
            "nl", words("hierboven", "boven staat", "zoals boven"),
            "en", words("above"),
            "tr", words("yukarıda"),
            "ar", words("أعلاه", "في الأعلى"),
            "pl", words("powyż"));

    /**
     * Every language the service speaks: a new one in {@code locales/} is checked here, and fails with that said until
     * {@link #DIFFICULT} and {@link #ABOVE} have its words (as {@code RegisterTest} asks for its markers).
     */
    static java.util.stream.Stream<String> languages() {
        return nl.samenspraak.support.FlowWalk.library().translations().languages().stream()
                .map(nl.samenspraak.i18n.Language::code);
    }

    private static Pattern wordsOf(Map<String, Pattern> list, String name, String language) {
        Pattern words = list.get(language);
        assertNotNull(words, "a new language, " + language + ": give its words in " + name + " here (README, \"Adding a language\")");
        return words;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void residentFlowsUsePlainWords(String language) {
        List<String> problems = new ArrayList<>();
        for (Flow flow : ResidentTexts.residentFlows(FlowWalk.library())) {
            if (flow.speaks(language)) {
                ResidentTexts.of(FlowWalk.library(), flow, language).forEach((key, text) -> {
                    if (wordsOf(DIFFICULT, "DIFFICULT", language).matcher(ResidentTexts.plain(text)).find()) {
                        problems.add(flow.id() + " " + key + ": " + text);
                    }
                });
            }
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void noChatTextPointsAtTextAbove(String language) {
        List<String> problems = new ArrayList<>();
        for (Flow flow : FlowWalk.library().flows()) {
            if (flow.speaks(language)) {
                FlowWalk.library().translations().texts(language).orElseThrow().flow(flow.id()).forEach((key, text) -> {
                    if (wordsOf(ABOVE, "ABOVE", language).matcher(ResidentTexts.plain(text.text())).find()) {
                        problems.add(flow.id() + " " + key + ": " + text.text());
                    }
                });
                FlowWalk.library().translations().messages(language, "web.", flow.id()).forEach((key, text) -> {
                    if (wordsOf(ABOVE, "ABOVE", language).matcher(ResidentTexts.plain(text)).find()) {
                        problems.add(flow.id() + " web." + key + ": " + text);
                    }
                });
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aResidentFlowShowsAtMostFourTips() {
        for (Flow flow : ResidentTexts.residentFlows(FlowWalk.library())) {
            if (Flow.RESULT_FOR_PERSON.equals(flow.resultFor()) && !flow.advice().isEmpty()) {
                assertNotNull(flow.maxTips(), flow.id() + " sets maxTips");
                assertTrue(flow.maxTips() <= 4, flow.id() + " maxTips " + flow.maxTips());
            }
        }
    }

    /** The weakest answer to every question: the option with the fewest points, the lowest number. */
    private static Object weakest(Flow flow, ConversationState.StepView view) {
        Step step = flow.requireStep(view.id());
        if (step.consent()) {
            return "ja";
        }
        return switch (step.type()) {
            case INFO -> null;
            case SCALE -> step.min().intValue();
            case CHOICE, YESNO -> step.options().stream().filter(o -> !o.dontKnow())
                    .min(Comparator.comparingDouble(o -> o.points().values().stream().mapToDouble(Double::doubleValue).sum()))
                    .map(Option::value).orElseThrow();
            case MULTI -> List.of(view.options().get(0).value());
            case TEXT -> "Meer hulp in de buurt.";
            case NUMBER -> step.min() == null ? 1 : step.min();
            case DATE -> "2024-03-01";
        };
    }

    static int wordCount(Result result) {
        StringBuilder b = new StringBuilder();
        for (Result.Tip tip : result.tips()) {
            b.append(tip.title()).append(' ').append(tip.text()).append(' ');
        }
        String text = b.toString().replaceAll("<[^>]+>", " ").replaceAll("&#?\\w+;", " ").strip();
        return text.isEmpty() ? 0 : text.split("\\s+").length;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void theWeakestAnswersGiveAShortResult(String language) {
        for (Flow flow : ResidentTexts.residentFlows(FlowWalk.library())) {
            if (!flow.speaks(language)) {
                continue;
            }
            FlowWalk walk = FlowWalk.start(flow.id(), language).answerAll(step -> weakest(flow, step));
            Result result = walk.result();
            if (flow.maxTips() != null) {
                assertEquals(flow.maxTips(), result.tips().size(), flow.id() + ": the weakest answers call for every tip there is");
            }
            int words = wordCount(result);
            assertTrue(words <= MOST_WORDS, flow.id() + " in " + language + ": " + words + " words, at most " + MOST_WORDS);
        }
    }
}
