package nl.samenspraak.dashboard;

import nl.samenspraak.flow.AdviceRule;
import nl.samenspraak.flow.DashboardUse;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.load.DataFiles;
import nl.samenspraak.flow.load.FlowLibraryLoader;
import nl.samenspraak.i18n.TextRenderer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A resident's or client's tip is written to the parent ("Hier kunt u terecht met vragen over opvoeden", "Om hulp
 * vragen betekent niet dat u een slechte ouder bent"), and the manager's summary of a closed wijkanalyse round and the
 * team report showed those words as the team's advice for its weakest parts. So every bundled flow that residents or
 * clients answer ({@code audience: resident} or {@code client}) and that a dashboard shows ({@code dashboard:} other
 * than {@code none}) gives every tip {@link TeamAdvice} can pick a title and a text for the team
 * ({@code tips.<id>.team_title}, {@code tips.<id>.team}) in every language it speaks.
 *
 * <p>A test of the bundled flows, not a rule of {@code flow.load.FlowValidator}: an uploaded XLSForm may give a
 * team's words (the advice sheet's {@code team_title} and {@code team} columns, which {@code XlsFormExporter} writes
 * and {@code xlsform.RoundTripTest} reads back) but need not, so the rule would refuse every uploaded resident form
 * with a dashboard whose author left them out. Such a form's summary falls back to the person's words, as before. A flow that professionals answer needs none: its tips already speak to professionals.
 */
class TeamTipWordsTest {
    private static final Map<String, String> FLOWS = DataFiles.read(Path.of("flows"), "flows");
    private static final Map<String, String> LOCALES = DataFiles.read(Path.of("locales"), "locales");
    private static final FlowLibrary LIBRARY = new FlowLibraryLoader(new TextRenderer()).load(FLOWS, LOCALES);

    /** Whether a flow's tips are written to a resident or client and a dashboard shows them to a team's managers. */
    static boolean needsTeamWords(Flow flow) {
        return flow.audience().askedByIntermediair() && flow.dashboard() != DashboardUse.NONE;
    }

    /** The ids of the tips TeamAdvice can pick for one of the flow's dimensions. */
    static Set<String> tipsForATeam(Flow flow) {
        Set<String> ids = new TreeSet<>();
        for (String dimension : flow.dimensions()) {
            TeamAdvice.forDimension(flow, dimension).stream().map(AdviceRule::id).forEach(ids::add);
        }
        return ids;
    }

    /** "flow language key" of every team word a flow that needs them lacks. */
    static List<String> missing(FlowLibrary library) {
        List<String> missing = new ArrayList<>();
        for (Flow flow : library.flows()) {
            if (!needsTeamWords(flow)) {
                continue;
            }
            for (String tip : tipsForATeam(flow)) {
                for (String language : flow.languages()) {
                    Map<String, ?> texts = library.translations().texts(language).orElseThrow().flow(flow.id());
                    for (String part : List.of("team_title", "team")) {
                        String key = "tips." + tip + "." + part;
                        if (!texts.containsKey(key)) {
                            missing.add(flow.id() + " " + language + " " + key);
                        }
                    }
                }
            }
        }
        return missing;
    }

    @Test
    void everyTipATeamCanGetOfAResidentFlowIsWordedForTheTeamInEveryLanguage() {
        assertTrue(LIBRARY.flows().stream().filter(TeamTipWordsTest::needsTeamWords).map(Flow::id).toList().contains("wijkanalyse"),
                "wijkanalyse is checked");
        assertEquals(List.of(), missing(LIBRARY));
    }

    /**
     * The wijkanalyse reads answers, not scores: a tip is a part's when every question its rule reads counts on that
     * part. Five are; the interpreter tip (language and the fear of not being understood), the one to bring someone
     * along (network and trust), the invitation to think along (open questions) and the praise read several parts
     * or none, and no team gets them.
     */
    @Test
    void theWijkanalyseTipsATeamCanGet() {
        Flow wijkanalyse = LIBRARY.flow("wijkanalyse").orElseThrow();
        assertEquals(Set.of("waar_hulp_vinden", "wat_hulp_is", "vertrouwelijk", "hulp_dichtbij", "zeg_wat_u_nodig_heeft"),
                tipsForATeam(wijkanalyse));
        assertEquals(List.of("waar_hulp_vinden"), TeamAdvice.forDimension(wijkanalyse, "bekendheid").stream().map(AdviceRule::id).toList());
    }

    /** The check finds a resident flow whose team words one language lacks: the Polish wijkanalyse without them. */
    @Test
    void aResidentFlowWithoutTeamWordsIsFound() {
        Map<String, String> locales = new HashMap<>(LOCALES);
        String file = "locales/pl/flows/wijkanalyse.yaml";
        String stripped = Pattern.compile("(?m)^    team(_title)?:.*\\n(?:      .*\\n)*").matcher(locales.get(file)).replaceAll("");
        assertFalse(stripped.contains("team:"), stripped);
        locales.put(file, stripped);
        FlowLibrary without = new FlowLibraryLoader(new TextRenderer()).load(FLOWS, locales);
        List<String> missing = missing(without);
        assertEquals(10, missing.size(), missing.toString());
        assertTrue(missing.contains("wijkanalyse pl tips.wat_hulp_is.team"), missing.toString());
        assertTrue(missing.contains("wijkanalyse pl tips.waar_hulp_vinden.team_title"), missing.toString());

        // and the summary then words that tip in Polish as the resident reads it, not in the Dutch team words
        DashboardWords words = new DashboardWords(without, new TextRenderer());
        Flow flow = without.flow("wijkanalyse").orElseThrow();
        assertEquals(words.flowTemplate(flow, "tips.wat_hulp_is.title", "pl").html(), words.teamTipTitle(flow, "wat_hulp_is", "pl").html());
    }

    /** Every team word of the wijkanalyse, in Dutch, speaks to the team and not to a parent ("u", "uw"). */
    @Test
    void theDutchTeamWordsAddressTheTeam() {
        Flow wijkanalyse = LIBRARY.flow("wijkanalyse").orElseThrow();
        DashboardWords words = new DashboardWords(LIBRARY, new TextRenderer());
        Pattern addressed = Pattern.compile("(?<![\\p{L}\\p{M}])(u|uw|uzelf)(?![\\p{L}\\p{M}])", Pattern.CASE_INSENSITIVE);
        List<String> problems = new ArrayList<>();
        for (String tip : tipsForATeam(wijkanalyse)) {
            String title = words.teamTipTitle(wijkanalyse, tip, "nl").html();
            String text = words.teamTipText(wijkanalyse, tip, "nl").html();
            assertEquals(LIBRARY.translations().flowText("nl", "wijkanalyse", "tips." + tip + ".team_title"), title);
            if (addressed.matcher(title + " " + text).find()) {
                problems.add(tip + ": " + title + " " + text);
            }
        }
        assertEquals(List.of(), problems);
    }
}
