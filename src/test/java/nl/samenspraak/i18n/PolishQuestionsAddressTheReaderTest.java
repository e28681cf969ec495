package nl.samenspraak.i18n;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A resident question that in Dutch asks about the reader ("Bent u bang dat een hulpverlener u niet goed begrijpt?")
 * asks about the reader in Polish too. The Polish resident flows keep the polite register with impersonal forms,
 * and a question worded wholly impersonally asks about nobody: "Czy jest obawa, że osoba udzielająca pomocy nie
 * zrozumie dobrze?" (is there a fear that the helper will not understand well?), "Czy osoby udzielające pomocy
 * rozumieją rodzinę?" (the family, where Dutch asks about "u"), "Od jak dawna trwa pobyt w Holandii?" (how long
 * has the stay lasted). Such a question names the reader ("Państwo", as the consent does) or asks them
 * ("proszę"). While this test was written it failed on 37 questions of wijkanalyse and cultureel-interview.
 */
class PolishQuestionsAddressTheReaderTest {
    private static final Pattern DUTCH_YOU = Pattern.compile("(?iu)(?<!\\p{L})(?:u|uw|uzelf)(?!\\p{L})");
    private static final Pattern POLISH_YOU = Pattern.compile("(?iu)(?<!\\p{L})(?:państw\\p{L}*|pan|pani|pana|panu|proszę)(?!\\p{L})");

    @Test
    void everyQuestionThatAsksAboutTheReaderInDutchDoesSoInPolish() {
        List<String> problems = new ArrayList<>();
        for (Flow flow : ResidentTexts.residentFlows(FlowWalk.library())) {
            if (!flow.speaks("pl")) {
                continue;
            }
            Map<String, String> dutch = ResidentTexts.of(FlowWalk.library(), flow, "nl");
            ResidentTexts.of(FlowWalk.library(), flow, "pl").forEach((key, text) -> {
                if (key.startsWith("steps.") && key.endsWith(".text") && dutch.containsKey(key)
                        && DUTCH_YOU.matcher(dutch.get(key)).find() && !POLISH_YOU.matcher(text).find()) {
                    problems.add(flow.id() + " " + key + ": " + text + "  (nl: " + dutch.get(key) + ")");
                }
            });
        }
        assertEquals(List.of(), problems, problems.size() + " Polish questions ask about nobody where Dutch asks about the reader");
    }
}
