package nl.samenspraak.dashboard;

import nl.samenspraak.dashboard.Report.Shown;
import nl.samenspraak.dashboard.Report.Visibility;
import nl.samenspraak.engine.Progress;
import nl.samenspraak.engine.ScoreCalculator;
import nl.samenspraak.engine.Status;
import nl.samenspraak.flow.Flow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A question asked differently in two versions is shown per way it was asked, and the version filter counts each
 * version's people: the whole team's page then held two breaches that {@code ScoreFromQuestionsAuditTest} found (k = 5,
 * one round, the version filter usable).
 * <ul>
 *   <li>The part "v1" of {@code talen} said 5 answered, and the v1 page said 7 people: two under v1 skipped it, which
 *   the v1 page hid ("wie deze vraag wel en wie haar niet beantwoordde"). Only those who answered were split by the way
 *   of asking; those who did not are split by it now too.</li>
 *   <li>The part "v1" of {@code samen}, the only question of netwerk, said "vaak 5, weet ik niet 1", and the v1 page
 *   said 6 people: the netwerk spread of v1 (five at 100) and the one without a score, which the v1 page hid, netwerk
 *   and samen both. The score was judged per round only; it is judged per way of asking of its changed questions now,
 *   on the flow page, its trend and its export, so netwerk and samen leave the whole team's page too.</li>
 * </ul>
 */
class ChangedQuestionCellsTest {
    static final Flow FLOW = AggregatorTest.FLOW;
    final Aggregator aggregator = new Aggregator(new MinimumGroupSize(5), AggregatorTest.ZONE);

    /** Versions v1 and v2, the second asking {@code step} anew. */
    static Map<String, FlowVersions.Version> askedAnew(String step) {
        Map<String, String> before = new HashMap<>(Map.of("samen", "A", "talen", "T", "opmerking", "O"));
        Map<String, String> after = new HashMap<>(before);
        after.put(step, after.get(step) + "2");
        return Map.of("v1", new FlowVersions.Version("v1", Instant.parse("2024-01-01T00:00:00Z"), before),
                "v2", new FlowVersions.Version("v2", Instant.parse("2024-06-01T00:00:00Z"), after));
    }

    /** {@code n} conversations under {@code version} with these answers to samen and talen (null: skipped). */
    static List<Response> times(int n, String version, String samen, List<String> talen) {
        List<Response> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> answers = new HashMap<>();
            answers.put("samen", samen);
            answers.put("talen", talen);
            List<String> path = List.of("welkom", "samen", "talen", "opmerking");
            list.add(new Response(Instant.parse("2025-03-10T12:00:00Z"), version, null, "nl",
                    new Progress(path, answers, null, Status.DONE), Map.of(), new ScoreCalculator().scores(FLOW, path, answers)));
        }
        return list;
    }

    static Report.Question question(Report report, String step) {
        return report.questions().stream().filter(q -> q.step().id().equals(step)).findFirst().orElseThrow();
    }

    static Report.Dimension netwerk(Report report) {
        return report.dimensions().stream().filter(d -> d.id().equals("netwerk")).findFirst().orElseThrow();
    }

    @Test
    void aPartBesideItsVersionsCountTellsNoFewSkipped() {
        // v1: 7, of whom 5 answered talen; v2: 8, of whom 5 did; 5 skipped it in all, so the team's page may show that
        List<Response> team = AggregatorTest.all(times(5, "v1", "vaak", List.of("nl")), times(2, "v1", "vaak", null),
                times(5, "v2", "vaak", List.of("tr")), times(3, "v2", "vaak", null));
        Map<String, FlowVersions.Version> versions = askedAnew("talen");

        Report v1 = aggregator.report(FLOW, team, versions, new Selection(null, null, "v1"));
        assertEquals(Visibility.SHOWN, v1.visibility(), "the version filter may be used");
        assertEquals(7, v1.respondents());
        assertTrue(question(v1, "talen").shown().hides(), "the v1 page hides talen: two under v1 skipped it");

        Report whole = aggregator.report(FLOW, team, versions, Selection.ALL);
        Report.Question talen = question(whole, "talen");
        assertEquals(Shown.FEW_LEFT_OUT, talen.shown(),
                "the part \"v1\" (5 answered) beside the v1 page (7 people) told that two under v1 skipped it: " + talen.parts());
        assertEquals(List.of(), talen.parts());
        assertTrue(whole.export().questions().stream().noneMatch(q -> q.step().id().equals("talen")), "nor in the export");
        assertEquals(Shown.SHOWN, question(whole, "samen").shown(), "samen, asked one way and answered by all, stays");
    }

    @Test
    void aScoreIsJudgedPerWayItsQuestionWasAsked() {
        // v1: 5 "vaak" and 1 "weet ik niet" (no netwerk score); v2: 5 "soms" and 4 "weet ik niet"; 5 without a score in
        // all, so the team's page may show netwerk as such; samen is asked anew in v2
        List<Response> team = AggregatorTest.all(times(5, "v1", "vaak", List.of("nl")), times(1, "v1", "weet-niet", List.of("nl")),
                times(5, "v2", "soms", List.of("nl")), times(4, "v2", "weet-niet", List.of("nl")));
        Map<String, FlowVersions.Version> versions = askedAnew("samen");

        Report v1 = aggregator.report(FLOW, team, versions, new Selection(null, null, "v1"));
        assertEquals(6, v1.respondents());
        assertTrue(netwerk(v1).shown().hides(), "the v1 page hides netwerk: one under v1 has none");
        assertEquals(Shown.SCORE_HIDDEN, question(v1, "samen").shown(), "and samen with it");

        Report whole = aggregator.report(FLOW, team, versions, Selection.ALL);
        Report.Question samen = question(whole, "samen");
        assertEquals(Shown.SCORE_HIDDEN, samen.shown(), "the part \"v1\" (vaak 5, weet ik niet 1) beside the v1 page (6 people) "
                + "gave v1's netwerk and the one without: " + samen.parts());
        assertEquals(List.of(), samen.parts());
        assertEquals(Shown.FEW_LEFT_OUT, netwerk(whole).shown(), "netwerk, judged per way samen was asked: 5 and 1 under v1");
        assertTrue(whole.trend() == null || !whole.trend().dimensions().contains("netwerk"), "no trend line either");
        assertTrue(whole.export().questions().stream().noneMatch(q -> q.step().id().equals("samen")), "nor an export column");
        assertEquals(Shown.SHOWN, question(whole, "talen").shown(), "talen, asked one way, stays");
    }
}
