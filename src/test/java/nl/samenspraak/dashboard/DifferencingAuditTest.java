package nl.samenspraak.dashboard;

import nl.samenspraak.engine.Progress;
import nl.samenspraak.engine.ScoreCalculator;
import nl.samenspraak.engine.Status;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.round.SurveyRound;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The curious manager's subtraction, tried on every figure at once: for random teams (seeded, so a failure comes back
 * the same), every group of people a figure is about, as the manager can read it (the flow page under each filter the
 * page offers, each question's answered count and each changed question's parts, the free texts' language labels,
 * each dimension, each trend point, each export column's value, each wijk column side by side, each round and each
 * round's scores) is collected with what it measures. Two groups of one measure where one holds the other and the
 * rest is 1 to k-1 people tell something about fewer than k; so do two disjoint groups inside a third that leave 1
 * to k-1 over. The test fails on the first such pair or triple and names the views and the team.
 *
 * <p>Written from the manager probe's audit, which found two such leaks the cases of {@link SmallCellAttacksTest} had
 * not (wijken side by side beside a version filter at trial 16; language labels beside the export's language column
 * at trial 1186). {@value #TRIALS} trials take a few seconds; {@code -Ddifferencing.trials=20000} tries more.
 * What it does not model, the README's cell rule names: a round of exactly k with the manager in it. A withdrawal
 * after a round closed takes the whole round off the pages ({@link RoundsAsFirstShown}, {@code CompareTest}).
 */
class DifferencingAuditTest {
    static final Flow FLOW = AggregatorTest.FLOW;
    static final int K = 3;
    static final int TRIALS = 1500;
    static final long SEED = 1;

    /** A figure the manager can read: which view, what it measures (a count, a question, a dimension), about whom. */
    record Published(String view, String measure, BitSet people) {
    }

    @Test
    void noTwoOrThreeFiguresOfOneMeasureDifferByFewerThanKPeople() {
        int trials = Integer.getInteger("differencing.trials", TRIALS);
        Random random = new Random(SEED);
        List<String> problems = new ArrayList<>();
        for (int trial = 0; trial < trials && problems.isEmpty(); trial++) {
            List<List<Response>> counted = team(random);
            List<Response> all = counted.stream().flatMap(List::stream).toList();
            if (all.isEmpty()) {
                continue;
            }
            List<Published> figures = figures(counted, all, random.nextBoolean() ? versions() : Map.of());
            String found = pairOrTriple(figures);
            if (found != null) {
                problems.add("trial " + trial + ": " + found + describe(counted));
            }
        }
        assertEquals(List.of(), problems);
    }

    /** A team's counted rounds: one to three, each of k to 5k finished conversations, only rounds of k that say something. */
    private static List<List<Response>> team(Random random) {
        String[] wijken = {"Noord", "Zuid", "West", null};
        String[] versions = {"v1", "v2", "v3"};
        String[] months = {"2025-01", "2025-02", "2025-04", "2025-07"};
        String[] samen = {"vaak", "soms", "nooit", "weet-niet", null};
        int rounds = 1 + random.nextInt(3);
        int wijkCount = 2 + random.nextInt(3);
        int versionCount = 1 + random.nextInt(3);
        int monthCount = 1 + random.nextInt(4);
        MinimumGroupSize size = new MinimumGroupSize(K);
        List<List<Response>> counted = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            List<Response> round = new ArrayList<>();
            int n = K + random.nextInt(4 * K);
            for (int i = 0; i < n; i++) {
                Map<String, Object> answers = new HashMap<>();
                String s = samen[random.nextInt(samen.length)];
                answers.put("samen", s == null && random.nextBoolean() ? "vaak" : s);
                answers.put("talen", List.of("nl"));
                if (random.nextInt(3) == 0) {
                    answers.put("opmerking", "t" + random.nextInt(5));
                }
                List<String> path = List.of("welkom", "samen", "talen", "opmerking");
                round.add(new Response(Instant.parse(months[random.nextInt(monthCount)] + "-10T12:00:00Z"),
                        versions[random.nextInt(versionCount)], wijken[random.nextInt(wijkCount)],
                        random.nextInt(4) == 0 ? "ar" : "nl", new Progress(path, answers, null, Status.DONE),
                        random.nextInt(5) == 0 ? Map.of("opmerking", "pl") : Map.of(),
                        new ScoreCalculator().scores(FLOW, path, answers)));
            }
            // as TeamDashboards counts: a round's conversations that say something, when there are at least k
            List<Response> in = round.stream().filter(x -> Information.in(FLOW, x)).toList();
            if (size.shows(in.size())) {
                counted.add(in);
            }
        }
        return counted;
    }

    /** Three recorded versions, the third with another question under "samen": its figures split by version. */
    private static Map<String, FlowVersions.Version> versions() {
        return Map.of(
                "v1", new FlowVersions.Version("v1", Instant.parse("2024-01-01T00:00:00Z"), Map.of("samen", "A", "talen", "T", "opmerking", "O")),
                "v2", new FlowVersions.Version("v2", Instant.parse("2024-02-01T00:00:00Z"), Map.of("samen", "A", "talen", "T2", "opmerking", "O")),
                "v3", new FlowVersions.Version("v3", Instant.parse("2024-03-01T00:00:00Z"), Map.of("samen", "B", "talen", "T2", "opmerking", "O")));
    }

    /** Every figure the pages, the exports, the wijk comparison and the rounds show of this team, with whom it is about. */
    private static List<Published> figures(List<List<Response>> counted, List<Response> all,
                                           Map<String, FlowVersions.Version> stored) {
        Map<Response, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            index.put(all.get(i), i);
        }
        List<Published> figures = new ArrayList<>();
        Recorder add = (view, measure, people) -> {
            BitSet set = new BitSet();
            people.forEach(x -> set.set(index.get(x)));
            figures.add(new Published(view, measure, set));
        };
        MinimumGroupSize size = new MinimumGroupSize(K);
        Aggregator aggregator = new Aggregator(size, AggregatorTest.ZONE);
        Report whole = aggregator.reportOfRounds(FLOW, counted, stored, Selection.ALL);
        if (whole.visibility() != Report.Visibility.SHOWN) {
            return figures;
        }
        for (Selection selection : selections(whole)) {
            Report report = aggregator.reportOfRounds(FLOW, counted, stored, selection);
            if (report.visibility() == Report.Visibility.SHOWN) {
                page(report, selection, add);
            }
        }
        WijkComparison.Table table = WijkComparison.of(FLOW, size, counted, aggregator.splitsBesideWijk(whole));
        if (table.comparable()) {
            List<String> named = table.columns().stream().filter(c -> !c.others()).map(WijkComparison.Column::wijk).toList();
            for (WijkComparison.Column column : table.columns()) {
                List<Response> in = all.stream().filter(x -> column.others() ? !named.contains(x.wijk()) : column.wijk().equals(x.wijk())).toList();
                add.record("wijk column " + column.wijk(), "count", in);
                for (String d : table.dimensions()) {
                    add.record("wijk column " + column.wijk() + " " + d, "d:" + d, in.stream().filter(x -> x.scores().get(d) != null).toList());
                }
            }
        }
        if (counted.size() > 1) {
            List<TeamDashboards.CountedRound> rounds = new ArrayList<>();
            for (int r = 0; r < counted.size(); r++) {
                add.record("round " + r, "count", counted.get(r));
                rounds.add(new TeamDashboards.CountedRound(new SurveyRound((long) r, 1L, "proef", 0,
                        Instant.parse("2025-0" + (r + 1) + "-01T00:00:00Z"), null, Instant.parse("2024-01-01T00:00:00Z")), counted.get(r)));
            }
            RoundComparison comparison = RoundComparison.of(FLOW, size, rounds);
            for (int r = 0; r < counted.size(); r++) {
                List<Response> round = counted.get(r);
                for (String d : comparison.rounds().get(r).scores().keySet()) {
                    add.record("round " + r + " " + d, "d:" + d, round.stream().filter(x -> x.scores().get(d) != null).toList());
                }
            }
        }
        return figures;
    }

    /** Every combination of the filters the unfiltered page offers, "all" included. */
    static List<Selection> selections(Report whole) {
        List<String> wijken = new ArrayList<>(whole.filters().wijken());
        wijken.add(null);
        List<String> versions = new ArrayList<>(whole.filters().versions().stream().map(Report.Version::version).toList());
        versions.add(null);
        List<String> periods = new ArrayList<>(whole.filters().periods());
        periods.add(null);
        List<Selection> selections = new ArrayList<>();
        for (String w : wijken) {
            for (String v : versions) {
                for (String p : periods) {
                    selections.add(new Selection(p, w, v));
                }
            }
        }
        return selections;
    }

    /** The figures of one flow page (and its export) under {@code selection}. */
    private static void page(Report report, Selection selection, Recorder add) {
        List<Response> selected = report.export().rows();
        add.record("page " + selection, "count", selected);
        for (Report.Question q : report.questions()) {
            String step = q.step().id();
            if (q.shown() == Report.Shown.SHOWN) {
                add.record("answered " + step + " " + selection, "q:" + step, selected.stream().filter(x -> x.answer(step) != null).toList());
                if (q.changed()) {
                    for (Report.Part part : q.parts()) {
                        add.record("part " + part.versions() + " " + step + " " + selection, "q:" + step, selected.stream()
                                .filter(x -> x.answer(step) != null && part.versions().contains(x.version())).toList());
                    }
                }
            }
            for (Report.Part part : q.parts()) {
                Set<String> labels = new HashSet<>();
                part.texts().forEach(text -> {
                    if (text.language() != null) {
                        labels.add(text.language());
                    }
                });
                for (String language : labels) {
                    add.record("texts labelled " + language + " " + step + " " + selection, "count", selected.stream()
                            .filter(x -> x.answer(step) != null && language.equals(x.languageOf(step))).toList());
                }
            }
        }
        for (Report.Dimension d : report.dimensions()) {
            if (d.shown() == Report.Shown.SHOWN) {
                add.record("scored " + d.id() + " " + selection, "d:" + d.id(), selected.stream().filter(x -> x.scores().get(d.id()) != null).toList());
            }
        }
        Report.Export export = report.export();
        List<Function<Response, Object>> columns = new ArrayList<>();
        if (export.language()) {
            columns.add(Response::language);
        }
        if (export.version()) {
            columns.add(Response::version);
        }
        if (export.wijk()) {
            columns.add(Response::wijk);
        }
        if (export.period() != null) {
            columns.add(x -> export.period().period(x.startedAt(), AggregatorTest.ZONE));
        }
        for (Function<Response, Object> column : columns) {
            Set<Object> values = new HashSet<>();
            selected.forEach(x -> values.add(column.apply(x)));
            for (Object value : values) {
                List<Response> in = selected.stream().filter(x -> Objects.equals(column.apply(x), value)).toList();
                add.record("export rows " + value + " " + selection, "count", in);
                for (Report.Question q : export.questions()) {
                    add.record("export rows " + value + " answered " + q.step().id() + " " + selection, "q:" + q.step().id(),
                            in.stream().filter(x -> x.answer(q.step().id()) != null).toList());
                }
            }
        }
        if (report.trend() != null) {
            Granularity granularity = report.trend().granularity();
            for (Report.Point point : report.trend().points()) {
                List<Response> in = selected.stream()
                        .filter(x -> granularity.period(x.startedAt(), AggregatorTest.ZONE).equals(point.period())).toList();
                add.record("trend " + point.period() + " " + selection, "count", in);
                for (String d : report.trend().dimensions()) {
                    add.record("trend " + d + " " + point.period() + " " + selection, "d:" + d, in.stream().filter(x -> x.scores().get(d) != null).toList());
                }
            }
        }
    }

    /** The first pair (one inside the other) or triple (two disjoint inside a third) that leaves 1 to k-1 people. */
    private static String pairOrTriple(List<Published> figures) {
        Map<String, List<Published>> byMeasure = new HashMap<>();
        for (Published f : figures) {
            List<Published> same = byMeasure.computeIfAbsent(f.measure(), m -> new ArrayList<>());
            if (same.stream().noneMatch(g -> g.people().equals(f.people()))) {
                same.add(f);
            }
        }
        for (List<Published> same : byMeasure.values()) {
            for (Published whole : same) {
                List<Published> inside = new ArrayList<>();
                for (Published part : same) {
                    BitSet outside = (BitSet) part.people().clone();
                    outside.andNot(whole.people());
                    if (outside.isEmpty() && !part.people().equals(whole.people())) {
                        inside.add(part);
                    }
                }
                for (Published part : inside) {
                    if (few(whole.people(), part.people(), new BitSet())) {
                        return "[" + whole.view() + "] minus [" + part.view() + "]";
                    }
                }
                for (int i = 0; i < inside.size(); i++) {
                    for (int j = i + 1; j < inside.size(); j++) {
                        BitSet a = inside.get(i).people();
                        BitSet b = inside.get(j).people();
                        if (!a.intersects(b) && few(whole.people(), a, b)) {
                            return "[" + whole.view() + "] minus [" + inside.get(i).view() + "] minus [" + inside.get(j).view() + "]";
                        }
                    }
                }
            }
        }
        return null;
    }

    /** Whether {@code whole} without {@code a} and {@code b} is 1 to k-1 people. */
    private static boolean few(BitSet whole, BitSet a, BitSet b) {
        BitSet rest = (BitSet) whole.clone();
        rest.andNot(a);
        rest.andNot(b);
        return rest.cardinality() > 0 && rest.cardinality() < K;
    }

    /** The team, round by round: wijk/version/month/language/answer to "samen"/wrote a remark. */
    private static String describe(List<List<Response>> counted) {
        StringBuilder s = new StringBuilder();
        for (int r = 0; r < counted.size(); r++) {
            s.append("\n round ").append(r).append(':');
            for (Response x : counted.get(r)) {
                s.append("  ").append(x.wijk()).append('/').append(x.version()).append('/').append(x.startedAt().toString(), 0, 7)
                        .append('/').append(x.language()).append('/').append(x.answer("samen")).append('/')
                        .append(x.answer("opmerking") != null ? "T" : "-");
            }
        }
        return s.toString();
    }

    private interface Recorder {
        void record(String view, String measure, Collection<Response> people);
    }
}
