package nl.samenspraak.dashboard;

import nl.samenspraak.engine.Progress;
import nl.samenspraak.engine.ScoreCalculator;
import nl.samenspraak.engine.Status;
import nl.samenspraak.dashboard.Report.Shown;
import nl.samenspraak.dashboard.Report.Visibility;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.TestFlows;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The figures a dashboard may show, counted in memory (the HTTP tests seed through the real service). */
class AggregatorTest {
    static final Flow FLOW = TestFlows.parse("""
            id: proef
            languages: [nl]
            dimensions: [netwerk]
            dashboard: anonymous
            steps:
              - id: welkom
                type: info
                source: s
              - id: samen
                type: choice
                dontKnow: true
                options:
                  - {value: vaak, points: {netwerk: 2}}
                  - {value: soms, points: {netwerk: 1}}
                  - {value: nooit, points: {netwerk: 0}}
                source: s
              - id: talen
                type: multi
                options: [nl, tr, ar]
                source: s
              - id: opmerking
                type: text
                optional: true
                source: s
            """);
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    final Aggregator aggregator = new Aggregator(new MinimumGroupSize(5), ZONE);

    static Response response(String month, String wijk, String version, String samen, String opmerking) {
        Map<String, Object> answers = new HashMap<>();
        answers.put("samen", samen);
        answers.put("talen", List.of("nl", "tr"));
        answers.put("opmerking", opmerking);
        List<String> path = List.of("welkom", "samen", "talen", "opmerking");
        Progress p = new Progress(path, answers, null, Status.DONE);
        return new Response(Instant.parse(month + "-10T12:00:00Z"), version, wijk, opmerking != null && opmerking.startsWith("ش") ? "ar" : "nl",
                p, Map.of(), new ScoreCalculator().scores(FLOW, path, answers));
    }

    static List<Response> times(int n, String month, String wijk, String version, String samen) {
        List<Response> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(response(month, wijk, version, samen, null));
        }
        return list;
    }

    @SafeVarargs
    static List<Response> all(List<Response>... groups) {
        List<Response> all = new ArrayList<>();
        for (List<Response> g : groups) {
            all.addAll(g);
        }
        return all;
    }

    Report report(List<Response> responses, Selection selection) {
        return aggregator.report(FLOW, responses, Map.of(), selection);
    }

    @Test
    void fourResponsesShowNothingFiveShowTheFigures() {
        Report four = report(times(4, "2025-03", null, FLOW.version(), "vaak"), Selection.ALL);
        assertEquals(Visibility.TOO_FEW, four.visibility());
        assertEquals(0, four.respondents());
        assertTrue(four.questions().isEmpty() && four.dimensions().isEmpty() && four.trend() == null);
        assertTrue(four.export().rows().isEmpty());
        assertTrue(four.filters().wijken().isEmpty() && four.filters().periods().isEmpty(), "not even which wijken or months");

        Report five = report(all(times(3, "2025-03", null, FLOW.version(), "vaak"), times(2, "2025-03", null, FLOW.version(), "nooit")),
                Selection.ALL);
        assertEquals(Visibility.SHOWN, five.visibility());
        assertEquals(5, five.respondents());
        Report.Question samen = five.questions().get(0);
        assertEquals(Shown.SHOWN, samen.shown());
        assertEquals(Map.of("vaak", 3, "soms", 0, "nooit", 2, "weet-niet", 0), samen.parts().get(0).counts());
        assertEquals(Map.of("nl", 5, "tr", 5, "ar", 0), five.questions().get(1).parts().get(0).counts());
        Report.Dimension netwerk = five.dimensions().get(0);
        assertEquals(60.0, netwerk.mean(), 0.001);
        assertEquals(List.of(2, 0, 0, 3), netwerk.bands());
    }

    @Test
    void allMinusAllButOneWijkIsRefused() {
        List<Response> team = all(times(5, "2025-03", "Oost", FLOW.version(), "vaak"), times(1, "2025-03", "West", FLOW.version(), "nooit"));
        assertEquals(Visibility.SHOWN, report(team, Selection.ALL).visibility());
        assertEquals(6, report(team, Selection.ALL).respondents());
        Report oost = report(team, new Selection(null, "Oost", null));
        assertEquals(Visibility.REFUSED, oost.visibility(), "all (6) minus Oost (5) would be West's one answer");
        assertFalse(oost.filters().wijkUsable());
        assertTrue(oost.questions().isEmpty() && oost.export().rows().isEmpty());

        List<Response> enough = all(team, times(4, "2025-03", "West", FLOW.version(), "soms"));
        Report westNow = report(enough, new Selection(null, "West", null));
        assertEquals(Visibility.SHOWN, westNow.visibility());
        assertEquals(5, westNow.respondents());
        assertEquals(4, westNow.questions().get(0).parts().get(0).counts().get("soms"));
    }

    /**
     * Each round has figures of its own (its summary, rounds side by side, the page before the next round closed):
     * a wijk of 7 made of 5 in one round and 2 in the other is those 2 by subtraction (round 1 minus Centrum, or
     * Haven minus round 2), so neither its filter nor an export column may tell it apart. Over all rounds
     * together the same answers would allow the filter.
     */
    @Test
    void aWijkLargeEnoughOverAllRoundsButSmallInOneIsRefused() {
        List<Response> first = all(times(5, "2025-03", "Centrum", FLOW.version(), "vaak"),
                times(2, "2025-03", "Haven", FLOW.version(), "nooit"));
        List<Response> second = times(5, "2025-06", "Haven", FLOW.version(), "soms");
        List<List<Response>> rounds = List.of(first, second);

        Report whole = aggregator.reportOfRounds(FLOW, rounds, Map.of(), Selection.ALL);
        assertEquals(Visibility.SHOWN, whole.visibility());
        assertEquals(12, whole.respondents());
        assertFalse(whole.filters().wijkUsable(), "Haven's 2 of the first round would show by difference");
        assertFalse(whole.export().wijk(), "no Wijk column that marks the first round's 2 Haven rows");
        assertEquals(List.of(), whole.filters().wijken(), "no wijk listed under a refused filter: Centrum's 5 beside the team's 12 "
                + "would tell how many are elsewhere");
        Report haven = aggregator.reportOfRounds(FLOW, rounds, Map.of(), new Selection(null, "Haven", null));
        assertEquals(Visibility.REFUSED, haven.visibility());
        assertTrue(haven.questions().isEmpty() && haven.export().rows().isEmpty());

        // the same twelve as one group: the filter was allowed, which is what the rounds' own figures undo
        assertTrue(report(all(first, second), Selection.ALL).filters().wijkUsable());
        // once Haven has nobody or at least 5 in every round, it may be chosen again
        List<List<Response>> enough = List.of(all(first, times(3, "2025-03", "Haven", FLOW.version(), "soms")), second);
        assertEquals(Visibility.SHOWN, aggregator.reportOfRounds(FLOW, enough, Map.of(), new Selection(null, "Haven", null)).visibility());
    }

    /** A round that runs across a month's end: its month groups are its own figures' parts, so months are refused. */
    @Test
    void aPeriodIsOnlyOfferedWhenEveryRoundHasNobodyOrEnoughInIt() {
        List<Response> first = all(times(5, "2025-03", null, FLOW.version(), "vaak"), times(2, "2025-04", null, FLOW.version(), "nooit"));
        List<Response> second = times(5, "2025-04", null, FLOW.version(), "soms");
        Report byRound = aggregator.reportOfRounds(FLOW, List.of(first, second), Map.of(), Selection.ALL);
        assertEquals(Granularity.YEAR, byRound.filters().granularity(), "March 5 and April 7 over all, but April has 2 of the first round");
        assertEquals(Granularity.MONTH, report(all(first, second), Selection.ALL).filters().granularity());
        assertEquals(Visibility.REFUSED, aggregator.reportOfRounds(FLOW, List.of(first, second), Map.of(),
                new Selection("2025-04", null, null)).visibility());
    }

    /** Within a round, those who answered a question and those who did not are each nobody or at least k. */
    @Test
    void aQuestionFewSkippedInOneRoundIsHiddenThoughEnoughSkippedOverAll() {
        List<Response> first = times(6, "2025-03", null, FLOW.version(), "vaak");
        first.addAll(List.of(response("2025-03", null, FLOW.version(), "soms", "a"), response("2025-03", null, FLOW.version(), "soms", "b")));
        List<Response> second = times(5, "2025-06", null, FLOW.version(), "soms");
        second.addAll(List.of(response("2025-06", null, FLOW.version(), "soms", "c"), response("2025-06", null, FLOW.version(), "soms", "d"),
                response("2025-06", null, FLOW.version(), "soms", "e")));
        // 5 of 16 wrote one over all (and 11 did not); per round, only 2 and 3 did
        Report.Question opmerking = aggregator.reportOfRounds(FLOW, List.of(first, second), Map.of(), Selection.ALL).questions().get(2);
        assertEquals("opmerking", opmerking.step().id());
        assertNotEquals(Shown.SHOWN, opmerking.shown(), "the first round's 2 texts would be told apart from the second's 3");
        assertEquals(Shown.SHOWN, report(all(first, second), Selection.ALL).questions().get(2).shown());
    }

    @Test
    void aQuestionFewAnsweredIsHiddenWhileTheRestShows() {
        List<Response> team = times(5, "2025-03", null, FLOW.version(), "vaak");
        team.add(response("2025-03", null, FLOW.version(), "soms", "Meer tijd graag"));
        team.add(response("2025-03", null, FLOW.version(), "soms", "شكرا"));
        Report report = report(team, Selection.ALL);
        Report.Question opmerking = report.questions().get(2);
        assertEquals("opmerking", opmerking.step().id());
        assertEquals(Shown.TOO_FEW, opmerking.shown(), "two wrote something: their texts stay hidden");
        assertTrue(opmerking.parts().isEmpty());

        for (int i = 0; i < 3; i++) {
            team.add(response("2025-03", null, FLOW.version(), "soms", "Tekst " + i));
        }
        Report.Question now = report(team, Selection.ALL).questions().get(2);
        assertEquals(Shown.SHOWN, now.shown());
        assertEquals(List.of(new Report.FreeText("Meer tijd graag", null), new Report.FreeText("Tekst 0", null),
                new Report.FreeText("Tekst 1", null), new Report.FreeText("Tekst 2", null), new Report.FreeText("شكرا", null)),
                now.parts().get(0).texts(), "four wrote in Dutch, one in Arabic: no language label tells either");

        // five wrote in Dutch, one in Arabic: a label on the five would leave the one unlabelled text as the one
        // person who wrote in another language (the language a text was typed in, not the one it reads in)
        team.add(response("2025-03", null, FLOW.version(), "soms", "Tekst 3"));
        assertTrue(report(team, Selection.ALL).questions().get(2).parts().get(0).texts().stream()
                .allMatch(t -> t.language() == null), "no label while the Arabic writer is one");

        for (int i = 0; i < 4; i++) {
            team.add(response("2025-03", null, FLOW.version(), "soms", "شكرا " + i));
        }
        List<Report.FreeText> labelled = report(team, Selection.ALL).questions().get(2).parts().get(0).texts();
        assertEquals(10, labelled.size());
        assertEquals(5, labelled.stream().filter(t -> "nl".equals(t.language())).count());
        assertEquals(5, labelled.stream().filter(t -> "ar".equals(t.language())).count(), "five in Dutch and five in Arabic: every text says its language");
    }

    @Test
    void sixteenPeopleBesideTwelveAnsweredWouldTellThatFourSkipped() {
        List<Response> team = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            team.add(response("2025-03", null, FLOW.version(), "vaak", "Tekst " + i));
        }
        team.addAll(times(4, "2025-03", null, FLOW.version(), "vaak"));
        Report report = report(team, Selection.ALL);
        assertEquals(16, report.respondents());
        assertEquals(Shown.FEW_LEFT_OUT, report.questions().get(2).shown(), "12 texts beside 16 people: hidden");
        assertTrue(report.questions().get(2).parts().isEmpty());
        assertFalse(report.export().questions().stream().anyMatch(q -> q.step().id().equals("opmerking")), "and not exported");

        team.add(response("2025-03", null, FLOW.version(), "vaak", null));
        assertEquals(Shown.SHOWN, report(team, Selection.ALL).questions().get(2).shown(), "12 beside 17: five did not write");
    }

    @Test
    void conversationsWithOnlyDontKnowCountNowhere() {
        List<Response> team = times(1, "2025-03", null, FLOW.version(), "vaak");
        for (int i = 0; i < 4; i++) {
            Map<String, Object> answers = new HashMap<>();
            answers.put("samen", "weet-niet");
            List<String> path = List.of("welkom", "samen", "talen", "opmerking");
            team.add(new Response(Instant.parse("2025-03-10T12:00:00Z"), FLOW.version(), null, "nl",
                    new Progress(path, answers, null, Status.DONE), Map.of(), new ScoreCalculator().scores(FLOW, path, answers)));
        }
        assertEquals(Visibility.TOO_FEW, report(team, Selection.ALL).visibility(), "four padded conversations do not reach k");
        team.addAll(times(4, "2025-03", null, FLOW.version(), "soms"));
        assertEquals(5, report(team, Selection.ALL).respondents(), "only the five with an answer are counted");
    }

    @Test
    void perWijkAQuestionIsShownOnlyWhenEveryWijkAnsweredItOftenEnough() {
        List<Response> team = all(times(6, "2025-03", "Oost", FLOW.version(), "vaak"), times(6, "2025-03", "West", FLOW.version(), "vaak"));
        for (int i = 0; i < 5; i++) {
            team.add(response("2025-03", "Oost", FLOW.version(), "soms", "Oost " + i));
        }
        team.add(response("2025-03", "West", FLOW.version(), "soms", "West"));
        assertEquals(Shown.SHOWN, report(team, Selection.ALL).questions().get(2).shown(), "six wrote something");
        Report oost = report(team, new Selection(null, "Oost", null));
        assertEquals(Visibility.SHOWN, oost.visibility());
        assertEquals(Shown.NOT_PER_SELECTION, oost.questions().get(2).shown(), "all minus Oost's five would be West's one text");
        assertEquals(Shown.SHOWN, oost.questions().get(0).shown());
    }

    @Test
    void aQuestionAskedDifferentlyInTwoVersionsIsKeptApart() {
        Map<String, FlowVersions.Version> versions = Map.of(
                "oud", new FlowVersions.Version("oud", Instant.parse("2025-01-01T00:00:00Z"),
                        Map.of("samen", "f-old", "talen", "f-talen", "opmerking", "f-opm")),
                FLOW.version(), new FlowVersions.Version(FLOW.version(), Instant.parse("2025-06-01T00:00:00Z"),
                        Map.of("samen", "f-new", "talen", "f-talen", "opmerking", "f-opm")));
        List<Response> team = all(times(5, "2025-03", null, "oud", "vaak"), times(6, "2025-07", null, FLOW.version(), "nooit"));
        Report report = aggregator.report(FLOW, team, versions, Selection.ALL);
        Report.Question samen = report.questions().get(0);
        assertTrue(samen.changed());
        assertEquals(2, samen.parts().size());
        assertEquals(List.of("oud"), samen.parts().get(0).versions());
        assertFalse(samen.parts().get(0).current());
        assertEquals(5, samen.parts().get(0).counts().get("vaak"));
        assertEquals(List.of(FLOW.version()), samen.parts().get(1).versions());
        assertTrue(samen.parts().get(1).current());
        assertEquals(6, samen.parts().get(1).counts().get("nooit"));
        Report.Question talen = report.questions().get(1);
        assertFalse(talen.changed(), "asked the same way in both versions");
        assertEquals(11, talen.parts().get(0).answered());

        List<Response> fewOld = all(times(3, "2025-03", null, "oud", "vaak"), times(6, "2025-07", null, FLOW.version(), "nooit"));
        Report few = aggregator.report(FLOW, fewOld, versions, Selection.ALL);
        assertEquals(Shown.TOO_FEW, few.questions().get(0).shown(), "three answered the old question: not shown, nor the new by difference");
        assertEquals(Shown.SHOWN, few.questions().get(1).shown());
        assertFalse(few.filters().versionUsable());
    }

    /**
     * "oud" and "tussen" asked `samen` the same way, today's version differently; five answered under "oud", one under
     * "tussen", six today. The version filter is refused (one under "tussen"), and its drop-down lists no version;
     * the old way's part said "asked like this in versions oud, tussen", the versions of those who answered, which
     * told that someone answered under "tussen". A part names the versions that asked it that way, whoever answered.
     */
    @Test
    void aPartNamesTheVersionsThatAskedItSoNotThoseSomeoneAnsweredIn() {
        Map<String, String> old = Map.of("samen", "f-old", "talen", "f-talen", "opmerking", "f-opm");
        Map<String, FlowVersions.Version> versions = Map.of(
                "oud", new FlowVersions.Version("oud", Instant.parse("2025-01-01T00:00:00Z"), old),
                "tussen", new FlowVersions.Version("tussen", Instant.parse("2025-02-01T00:00:00Z"), old),
                "ongebruikt", new FlowVersions.Version("ongebruikt", Instant.parse("2025-02-15T00:00:00Z"), old),
                FLOW.version(), new FlowVersions.Version(FLOW.version(), Instant.parse("2025-06-01T00:00:00Z"),
                        Map.of("samen", "f-new", "talen", "f-talen", "opmerking", "f-opm")));
        List<Response> oneInBetween = all(times(5, "2025-03", null, "oud", "vaak"), times(1, "2025-03", null, "tussen", "soms"),
                times(6, "2025-03", null, FLOW.version(), "nooit"));
        List<Response> noneInBetween = all(times(6, "2025-03", null, "oud", "vaak"), times(6, "2025-03", null, FLOW.version(), "nooit"));
        Report one = aggregator.report(FLOW, oneInBetween, versions, Selection.ALL);
        Report none = aggregator.report(FLOW, noneInBetween, versions, Selection.ALL);
        assertFalse(one.filters().versionUsable());
        assertTrue(one.filters().versions().isEmpty(), "the drop-down lists no version");
        Report.Question samen = one.questions().get(0);
        assertEquals(Shown.SHOWN, samen.shown());
        assertEquals(none.questions().get(0).parts().get(0).versions(), samen.parts().get(0).versions(),
                "the old way's versions, with or without someone under \"tussen\"");
        assertEquals(List.of("oud", "tussen", "ongebruikt"), samen.parts().get(0).versions(), "every version that asked it so, oldest first");
        assertEquals(List.of(FLOW.version()), samen.parts().get(1).versions());
        assertEquals(6, samen.parts().get(0).answered());
    }

    @Test
    void aVersionNeverRecordedCountsAsAskedDifferently() {
        Map<String, FlowVersions.Version> versions = Map.of(FLOW.version(), new FlowVersions.Version(FLOW.version(),
                Instant.parse("2025-06-01T00:00:00Z"), Map.of("samen", "f", "talen", "f", "opmerking", "f")));
        List<Response> team = all(times(5, "2025-03", null, "onbekend", "vaak"), times(5, "2025-07", null, FLOW.version(), "vaak"));
        Report report = aggregator.report(FLOW, team, versions, Selection.ALL);
        assertTrue(report.questions().get(0).changed());
        assertNull(report.filters().versions().get(0).recordedAt(), "the unknown version comes first, without a date");
    }

    @Test
    void theTrendIsPerMonthWhenEveryMonthHasEnoughElsePerQuarterOrYear() {
        List<Response> monthly = all(times(5, "2025-01", null, FLOW.version(), "vaak"), times(5, "2025-02", null, FLOW.version(), "nooit"));
        Report.Trend trend = report(monthly, Selection.ALL).trend();
        assertEquals(Granularity.MONTH, trend.granularity());
        assertEquals(List.of("2025-01", "2025-02"), trend.points().stream().map(Report.Point::period).toList());
        assertEquals(100.0, trend.points().get(0).means().get("netwerk"));
        assertEquals(0.0, trend.points().get(1).means().get("netwerk"));

        List<Response> uneven = all(times(5, "2025-01", null, FLOW.version(), "vaak"), times(2, "2025-02", null, FLOW.version(), "nooit"),
                times(5, "2025-04", null, FLOW.version(), "soms"));
        Report report = report(uneven, Selection.ALL);
        assertEquals(Granularity.QUARTER, report.trend().granularity());
        assertEquals(List.of(7, 5), report.trend().points().stream().map(Report.Point::respondents).toList());
        assertEquals(List.of("2025", "2025-Q2", "2025-Q1"), report.filters().periods());
        assertEquals(Visibility.REFUSED, report(uneven, new Selection("2025-02", null, null)).visibility(), "a month is finer than allowed");
        Report q1 = report(uneven, new Selection("2025-Q1", null, null));
        assertEquals(Visibility.SHOWN, q1.visibility());
        assertEquals(7, q1.respondents());
    }
}
