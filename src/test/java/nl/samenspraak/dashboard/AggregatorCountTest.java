package nl.samenspraak.dashboard;

import org.junit.jupiter.api.Test;

import java.util.List;

import static nl.samenspraak.dashboard.AggregatorTest.FLOW;
import static nl.samenspraak.dashboard.AggregatorTest.ZONE;
import static nl.samenspraak.dashboard.AggregatorTest.all;
import static nl.samenspraak.dashboard.AggregatorTest.times;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The count on a team's page says what the flow's page says for the whole team: the same number shown, and
 * "fewer than k" or nothing exactly when the page shows no figures.
 */
class AggregatorCountTest {
    final Aggregator aggregator = new Aggregator(new MinimumGroupSize(5), ZONE);

    @Test
    void theTeamsCountIsTheWholeTeamsReport() {
        List<List<Response>> cases = List.of(
                List.of(),
                times(4, "2025-03", "Oost", "v1", "vaak"),
                times(5, "2025-03", "Oost", "v1", "vaak"),
                all(times(4, "2025-03", "Oost", "v1", "vaak"), times(3, "2025-04", "West", "v1", "weet-niet")),
                all(times(6, "2025-03", "Oost", "v1", "soms"), times(7, "2025-05", "West", "v2", "nooit")),
                times(9, "2025-03", "Oost", "v1", "weet-niet"));
        for (List<Response> given : cases) {
            Report report = aggregator.report(FLOW, given, java.util.Map.of(), Selection.ALL);
            Aggregator.Count count = aggregator.count(FLOW, given);

            assertEquals(report.visibility(), count.visibility(), "visibility of " + given.size());
            assertEquals(report.respondents(), count.respondents(), "respondents of " + given.size());
        }
        assertEquals(new Aggregator.Count(Report.Visibility.SHOWN, 13),
                aggregator.count(FLOW, all(times(6, "2025-03", "Oost", "v1", "soms"), times(7, "2025-05", "West", "v2", "nooit"))));
        assertEquals(new Aggregator.Count(Report.Visibility.TOO_FEW, 0), aggregator.count(FLOW, times(4, "2025-03", "Oost", "v1", "vaak")));
    }
}
