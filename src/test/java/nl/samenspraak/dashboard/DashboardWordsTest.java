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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The manager's summary shows, for a round's weakest dimensions, the research's tips in the words a person gets
 * at the end of a conversation. Those words may name the team's desk or interpreter ({@code $team.desk}); the
 * summary of a resident round (wijkanalyse) was a 500 for every manager because the dashboard gave them no
 * {@code $team}. Every tip a summary can show, of every bundled flow, in every language it speaks, must render.
 */
class DashboardWordsTest {
    private static final FlowLibrary LIBRARY = new FlowLibraryLoader(new TextRenderer())
            .load(DataFiles.read(Path.of("flows"), "flows"), DataFiles.read(Path.of("locales"), "locales"));
    private final DashboardWords words = new DashboardWords(LIBRARY, new TextRenderer());

    @Test
    void everyTipASummaryCanShowRendersInEveryLanguageOfItsFlow() {
        List<String> failures = new ArrayList<>();
        int rendered = 0;
        for (Flow flow : LIBRARY.flows()) {
            if (flow.dashboard() != DashboardUse.ANONYMOUS) {
                continue;
            }
            for (String dimension : flow.dimensions()) {
                for (AdviceRule rule : TeamAdvice.forDimension(flow, dimension)) {
                    for (String language : flow.languages()) {
                        try {
                            String title = words.teamTipTitle(flow, rule.id(), language).html();
                            String body = words.teamTipText(flow, rule.id(), language).html();
                            assertFalse(title.isBlank() || body.isBlank(), flow.id() + " " + rule.id() + " " + language);
                            rendered++;
                        } catch (RuntimeException e) {
                            failures.add(flow.id() + " " + rule.id() + " " + language + ": " + e.getMessage());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(rendered > 0, "no tip was rendered: the bundled flows have none for a team?");
    }

    @Test
    void aTipThatNamesTheTeamsDeskKeepsItsGeneralAdviceOnTheDashboard() {
        Flow wijkanalyse = LIBRARY.flow("wijkanalyse").orElseThrow();
        String text = words.flowTemplate(wijkanalyse, "tips.waar_hulp_vinden.text", "nl").html();
        // no desk is known here: the tip says where to ask instead of naming an empty desk
        assertTrue(text.contains("Weet u niet waar het wijkteam zit?"), text);
        assertFalse(text.contains("Het wijkteam voor uw wijk:"), text);
        assertFalse(text.contains("$team"), text);
    }
}
