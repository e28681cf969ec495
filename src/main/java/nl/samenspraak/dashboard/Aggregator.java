package nl.samenspraak.dashboard;

import nl.samenspraak.dashboard.MinimumGroupSize.Key;
import nl.samenspraak.dashboard.Report.Dimension;
import nl.samenspraak.dashboard.Report.Filters;
import nl.samenspraak.dashboard.Report.FreeText;
import nl.samenspraak.dashboard.Report.Part;
import nl.samenspraak.dashboard.Report.Question;
import nl.samenspraak.dashboard.Report.Shown;
import nl.samenspraak.dashboard.Report.Visibility;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Option;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.StepType;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Counts one team's finished conversations of one flow for a selection, under the minimum group size (see
 * {@link MinimumGroupSize} for the rule). The filters that may be used are the same for every selection (they
 * follow from all of the team's answers), so every figure shown anywhere describes a union of groups of at
 * least k, and so does any difference between two of them. The survey rounds the conversations come from are
 * a key of every cell whether or not anyone filters by them: each round has figures of its own (its summary,
 * rounds side by side, this page before the next round closed), so a wijk of 13 made of 10 in one round and 3 in
 * another is 3 people by subtraction, and its filter, its export column and its figures are refused. Plain Java:
 * the caller reads the answers and the stored versions.
 */
public final class Aggregator {
    private final MinimumGroupSize k;
    private final ZoneId zone;

    public Aggregator(MinimumGroupSize k, ZoneId zone) {
        this.k = k;
        this.zone = zone;
    }

    /** The whole team's count: how {@link #report} with {@link Selection#ALL} decides whether figures show, and for how many. */
    public record Count(Visibility visibility, int respondents) {
    }

    /**
     * What {@link #report} with {@link Selection#ALL} says about the whole team (its visibility, and its respondents
     * when shown), without working out the figures: the same filter (see {@link Information}) and the same rule.
     */
    public Count count(Flow flow, List<Response> given) {
        return count((int) given.stream().filter(r -> Information.in(flow, r)).count());
    }

    /**
     * As {@link #count(Flow, List)}, given how many of the conversations say something (see {@link Information}):
     * for a caller that knows it without reading their answers.
     */
    public Count count(int all) {
        if (all == 0) {
            return new Count(Visibility.NO_RESPONSES, 0);
        }
        // Selection.ALL filters nothing, so it is always allowed and selects everyone
        return k.shows(all) ? new Count(Visibility.SHOWN, all) : new Count(Visibility.TOO_FEW, 0);
    }

    /** As {@link #reportOfRounds}, for conversations that come from one round (or from no rounds at all). */
    public Report report(Flow flow, List<Response> given, Map<String, FlowVersions.Version> versions, Selection selection) {
        return reportOfRounds(flow, List.of(given), versions, selection);
    }

    /**
     * @param rounds   the conversations counted, per survey round (each round's figures are shown on their own
     *                 elsewhere, so every cell is a cell per round)
     * @param versions the stored versions of the flow (see {@link FlowVersions}); a version missing here counts
     *                 as different from every other for every question
     */
    public Report reportOfRounds(Flow flow, List<List<Response>> rounds, Map<String, FlowVersions.Version> versions,
                                 Selection selection) {
        return reportOfRounds(flow, rounds, null, versions, selection);
    }

    /**
     * As above, the rounds numbered {@code numbers} in the export's rows (null, or a 0 in it: by their place in the
     * list); see {@link TeamDashboards.CountedRound#number}.
     */
    public Report reportOfRounds(Flow flow, List<List<Response>> rounds, List<Integer> numbers,
                                 Map<String, FlowVersions.Version> versions, Selection selection) {
        // a conversation with nothing but "weet ik niet" and skips says nothing, and counting it would let
        // anyone pad a group up to k around one real respondent
        List<Response> all = new ArrayList<>();
        Map<Response, Integer> roundOf = new java.util.IdentityHashMap<>();
        for (int i = 0; i < rounds.size(); i++) {
            for (Response r : rounds.get(i)) {
                if (Information.in(flow, r)) {
                    all.add(r);
                    roundOf.put(r, i);
                }
            }
        }
        List<Key<Response>> apart = List.of(new Key<>("round", roundOf::get));
        Key<Response> wijk = new Key<>("wijk", Response::wijk);
        Key<Response> version = new Key<>("version", Response::version);
        Key<Response> language = new Key<>("language", Response::language);
        List<Key<Response>> times = List.of(time(Granularity.MONTH), time(Granularity.QUARTER), time(Granularity.YEAR));
        List<Key<Response>> usable = k.usableKeys(all, apart, List.of(List.of(wijk), List.of(version), times, List.of(language)));
        Granularity granularity = times.stream().filter(usable::contains).findFirst()
                .map(t -> Granularity.valueOf(t.name())).orElse(null);

        Filters filters = filters(all, versions, usable.contains(wijk), usable.contains(version), granularity);
        Report.Export noExport = new Report.Export(List.of(), List.of(), false, false, false, null, Map.of());
        if (all.isEmpty()) {
            return new Report(k.k(), Visibility.NO_RESPONSES, 0, filters, List.of(), List.of(), null, noExport);
        }
        if (!k.shows(all.size())) {
            Filters none = new Filters(List.of(), false, List.of(), false, null, List.of());
            return new Report(k.k(), Visibility.TOO_FEW, 0, none, List.of(), List.of(), null, noExport);
        }
        if (!allowed(selection, filters)) {
            return new Report(k.k(), Visibility.REFUSED, 0, filters, List.of(), List.of(), null, noExport);
        }
        List<Response> selected = all.stream().filter(matches(selection)).toList();
        if (selected.isEmpty() || !k.shows(selected.size())) {
            return new Report(k.k(), Visibility.EMPTY, 0, filters, List.of(), List.of(), null, noExport);
        }
        boolean filtered = selection.filtered();
        Map<String, Key<Response>> asked = asked(flow, all, versions);
        List<Dimension> dimensions = flow.dimensions().stream()
                .map(d -> dimension(flow, d, all, selected, ScoreCells.withWays(flow, d, apart, asked), usable, filtered)).toList();
        List<Question> questions = new ArrayList<>();
        for (Step step : flow.steps()) {
            if (step.asksSomething() && !step.consent()) {
                questions.add(hiddenWithItsScore(step, dimensions,
                        question(flow, step, all, selected, versions, asked.get(step.id()), apart, usable, filtered)));
            }
        }
        Report.Trend trend = granularity == null ? null : trend(flow, granularity, all, selected, with(apart, usable), asked);
        List<Question> exported = exported(flow, all, questions, asked, with(apart, usable));
        // which round each row is from, when there are several: a manager took the export to a round's meeting and
        // could not tell its 7 rows among the 26
        Map<Response, Integer> numbered = new java.util.IdentityHashMap<>();
        if (rounds.size() > 1) {
            roundOf.forEach((r, i) -> numbered.put(r, numbers == null || numbers.get(i) == 0 ? i + 1 : numbers.get(i)));
        }
        Report.Export export = new Report.Export(selected, exported, usable.contains(version), usable.contains(wijk),
                usable.contains(language), granularity, numbered);
        return new Report(k.k(), Visibility.SHOWN, selected.size(), filters, questions, dimensions, trend, export);
    }

    /**
     * The question columns an export may hold, whatever its selection: the questions shown that every cell of the
     * usable filters ({@code cells}, the rounds among them) answered often enough (those who answered and those who
     * did not, per way of asking). An export's rows can always be told apart by filter: another selection's export
     * holds the same rows, found again by their other answers, and a filter's figures narrow them down. So the whole
     * team's export of a question that one wijk answered too rarely, beside Zuid's own export of its other answers,
     * put the one Zuid resident's answer in a row known to be Zuid's, with or without a Wijk column. With only these
     * questions, every describing column of a usable filter (version, wijk, period, language) is harmless beside them.
     * For the same reason a question is left out when a score it counts on may not be shown in every such cell
     * ({@link ScoreCells}): Zuid's page hides that score (and so the question) while the whole team's shows it, and
     * the whole team's file, linked row by row to Zuid's, would hold the column Zuid's leaves out.
     */
    private List<Question> exported(Flow flow, List<Response> all, List<Question> questions,
                                    Map<String, Key<Response>> asked, List<Key<Response>> cells) {
        return questions.stream().filter(q -> q.shown() == Shown.SHOWN).filter(q ->
                k.harmless(all, keys(answeredBy(q.step()), cells, asked.get(q.step().id())))
                        && flow.dimensions().stream().filter(q.step()::countsOn)
                        .allMatch(d -> ScoreCells.harmless(k, flow, d, all, r -> r, ScoreCells.withWays(flow, d, cells, asked)))).toList();
    }

    /**
     * The way each changed question was asked (its fingerprint in the version answered in; see {@link #ways}), by step
     * id; a question asked one way by all who answered it is not here. Its parts are figures per way, and a way's
     * people are counted elsewhere (the version filter's pages, or a period that began with a new version), so the way
     * is a cell of the question for those who answered it and those who did not ({@link #keys}), and of every score it
     * counts on ({@link ScoreCells#withWays}). Decided once per report, over all rounds, so every selection splits alike.
     */
    private static Map<String, Key<Response>> asked(Flow flow, List<Response> all, Map<String, FlowVersions.Version> versions) {
        Map<String, Key<Response>> asked = new LinkedHashMap<>();
        for (Step step : flow.steps()) {
            if (step.asksSomething() && !step.consent() && ways(step, all, versions).size() > 1) {
                asked.put(step.id(), new Key<>("asked " + step.id(), r -> askedAs(step, r.version(), versions)));
            }
        }
        return asked;
    }

    /** The ways {@code step} was asked among those who answered it, oldest first: per version, in the order recorded. */
    private static Set<Object> ways(Step step, List<Response> all, Map<String, FlowVersions.Version> versions) {
        Set<String> answeredIn = new LinkedHashSet<>();
        all.stream().filter(r -> r.answer(step.id()) != null).forEach(r -> answeredIn.add(r.version()));
        Set<Object> ways = new LinkedHashSet<>();
        answeredIn.stream().sorted(Comparator.comparing(v -> recorded(v, versions)))
                .forEach(v -> ways.add(askedAs(step, v, versions)));
        return ways;
    }

    /**
     * The keys besides the wijk that {@code report} (the whole team's, {@link Selection#ALL}) splits the team's
     * conversations by, through its filters and its export: the version and period filters it offers and the export's
     * language column. A figure made elsewhere of wijken ({@link WijkComparison}) stands beside these on the manager's
     * screen, so each of its columns must keep every cell of these harmless too: the wijken side by side showed Noord
     * (12) while the version filter showed "oud" (11, all of them Noord's), so Noord minus "oud" was the one Noord
     * resident under the new version, their scores included.
     */
    public List<Key<Response>> splitsBesideWijk(Report report) {
        List<Key<Response>> splits = new ArrayList<>();
        if (report.filters().versionUsable()) {
            splits.add(new Key<>("version", Response::version));
        }
        if (report.filters().granularity() != null) {
            splits.add(time(report.filters().granularity()));
        }
        if (report.export().language()) {
            splits.add(new Key<>("language", Response::language));
        }
        return splits;
    }

    private Key<Response> time(Granularity g) {
        // each response's period is asked for in every check of the cell rule: worked out once per report
        Map<Response, String> periods = new java.util.IdentityHashMap<>();
        return new Key<>(g.name(), r -> periods.computeIfAbsent(r, x -> g.period(x.startedAt(), zone)));
    }

    private Filters filters(List<Response> all, Map<String, FlowVersions.Version> stored, boolean wijkUsable,
                            boolean versionUsable, Granularity granularity) {
        // a drop-down lists values only when its filter may be used (then every value has at least k): an option
        // tells that someone has it, and the options of a refused filter beside the team's count told how many had
        // none of them (13 people, only Centrum's 10 listed: 3 elsewhere)
        Map<String, Long> perWijk = wijkUsable ? count(all, Response::wijk) : Map.of();
        Map<String, Long> perVersion = versionUsable ? count(all, Response::version) : Map.of();
        List<String> wijken = perWijk.keySet().stream().filter(w -> k.shows(perWijk.get(w))).sorted().toList();
        List<Report.Version> present = perVersion.keySet().stream().filter(v -> k.shows(perVersion.get(v)))
                .map(v -> new Report.Version(v, stored.containsKey(v) ? stored.get(v).recordedAt() : null))
                .sorted(Comparator.comparing(Report.Version::recordedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Report.Version::version))
                .toList();
        List<String> periods = new ArrayList<>();
        if (granularity != null) {
            // per year, newest first: the year, then its quarters, then its months
            Set<String> found = new TreeSet<>(Comparator.comparing((String p) -> p.substring(0, 4)).reversed()
                    .thenComparing(p -> Granularity.of(p).orElseThrow(), Comparator.reverseOrder())
                    .thenComparing(Comparator.reverseOrder()));
            Set<String> finests = new java.util.HashSet<>();
            all.forEach(r -> finests.add(granularity.period(r.startedAt(), zone)));
            for (String finest : finests) { // each period once: thousands of answers fall in a few dozen months
                for (Granularity g : Granularity.values()) {
                    if (g.atLeastAsCoarseAs(granularity)) {
                        found.add(g.coarsen(finest));
                    }
                }
            }
            periods.addAll(found);
        }
        return new Filters(wijken, wijkUsable, present, versionUsable, granularity, periods);
    }

    private static Map<String, Long> count(List<Response> all, java.util.function.Function<Response, String> of) {
        Map<String, Long> counts = new TreeMap<>();
        all.stream().map(of).filter(Objects::nonNull).forEach(v -> counts.merge(v, 1L, Long::sum));
        return counts;
    }

    /** A selection may only use filters that keep every group large enough, at the granularity found for time. */
    private static boolean allowed(Selection s, Filters f) {
        if (s.wijk() != null && !f.wijkUsable() || s.version() != null && !f.versionUsable()) {
            return false;
        }
        if (s.period() == null) {
            return true;
        }
        return f.granularity() != null && Granularity.of(s.period()).filter(g -> g.atLeastAsCoarseAs(f.granularity())).isPresent();
    }

    private Predicate<Response> matches(Selection s) {
        return r -> (s.wijk() == null || s.wijk().equals(r.wijk()))
                && (s.version() == null || s.version().equals(r.version()))
                && (s.period() == null || Granularity.of(s.period()).map(g -> g.period(r.startedAt(), zone))
                .filter(s.period()::equals).isPresent());
    }

    /**
     * Whether a measure (a question, a score) may be shown: for the whole team, when in each round those who answered
     * it and those who did not are each nobody or at least k (when its answers are split by version, per split part
     * too); in a filtered selection, only when every group the usable filters (and the split) make is so. A filtered
     * page hidden only per filter says so ({@code NOT_PER_SELECTION}); one the whole team's page hides too gives that
     * page's reason ("only for the whole team" stood on the period pages of a question the whole team's page hid).
     * Nobody answering, in cells that are all harmless, is {@code NOBODY}: nothing is kept back.
     */
    private Shown shown(List<Response> all, List<Response> selected, Predicate<Response> has, List<Key<Response>> apart,
                        List<Key<Response>> usable, Key<Response> split, boolean filtered) {
        if (!k.harmless(all, keys(has, filtered ? with(apart, usable) : apart, split))) {
            if (filtered && k.harmless(all, keys(has, apart, split))) {
                return Shown.NOT_PER_SELECTION;
            }
            List<Key<Response>> answeredApart = split == null ? apart : with(apart, List.of(split));
            return k.harmless(all.stream().filter(has).toList(), answeredApart) ? Shown.FEW_LEFT_OUT : Shown.TOO_FEW;
        }
        // every cell is nobody or at least k, and the selection is a union of them: nobody, or at least k
        long answered = selected.stream().filter(has).count();
        return answered == 0 ? Shown.NOBODY : k.shows(answered) ? Shown.SHOWN : Shown.TOO_FEW;
    }

    /** The keys of {@code first}, then those of {@code then}, in a new list. */
    private static List<Key<Response>> with(List<Key<Response>> first, List<Key<Response>> then) {
        List<Key<Response>> keys = new ArrayList<>(first);
        keys.addAll(then);
        return keys;
    }

    /**
     * The cells a measure's figures must keep harmless: the given keys, split into those who have the measure
     * and those who do not (so "16 people" beside "12 answered" cannot tell that 4 skipped it), and by {@code split}
     * (the way a changed question was asked), those who answered and those who did not alike. Splitting only those who
     * answered was not enough: the whole team's page showed a part "v1" answered by 5, and the v1 page counted 7, so
     * two under v1 had skipped the question the v1 page hid for them ({@code ScoreFromQuestionsAuditTest}).
     */
    static <T> List<Key<T>> keys(Predicate<T> has, List<Key<T>> keys, Key<T> split) {
        List<Key<T>> all = new ArrayList<>(keys);
        all.add(new Key<>("has", has::test));
        if (split != null) {
            all.add(split);
        }
        return all;
    }

    /** @param asked how each version asked {@code step}, when it was asked differently ({@link #asked}); else null */
    private Question question(Flow flow, Step step, List<Response> all, List<Response> selected,
                              Map<String, FlowVersions.Version> versions, Key<Response> asked, List<Key<Response>> apart,
                              List<Key<Response>> usable, boolean filtered) {
        List<Response> answeredSelected = selected.stream().filter(r -> r.answer(step.id()) != null).toList();
        // the ways it was asked, oldest first: how each version asked it, the versions in the order they were recorded
        Set<Object> ways = ways(step, all, versions);
        boolean changed = asked != null;
        Shown shown = shown(all, selected, answeredBy(step), apart, usable, asked, filtered);
        if (shown != Shown.SHOWN) {
            return new Question(step, shown, 0, changed, List.of());
        }
        String current = askedAs(step, flow.version(), versions);
        // every cell of the usable filters, filtered or not: a text is the same words on every page that lists it
        boolean labelled = step.type() == StepType.TEXT
                && languagesTellNobodyApart(step, all, with(apart, usable), changed ? asked : null);
        List<Part> parts = new ArrayList<>();
        for (Object way : changed ? ways : Set.of(ways.iterator().next())) {
            List<Response> these = answeredSelected.stream().filter(r -> !changed || way.equals(asked.of().apply(r))).toList();
            if (these.isEmpty()) {
                continue;
            }
            // the versions that asked it this way, whoever answered: the versions those who answered were asked in
            // told that someone answered under a version whose group the refused version filter keeps hidden
            Set<String> askedSo = new LinkedHashSet<>();
            versions.keySet().stream().filter(v -> way.equals(askedAs(step, v, versions))).forEach(askedSo::add);
            these.forEach(r -> askedSo.add(r.version())); // a version never recorded asks in a way of its own
            List<String> inVersions = askedSo.stream().sorted(Comparator.comparing(v -> recorded(v, versions))).toList();
            parts.add(part(step, these, inVersions, way.equals(current), labelled));
        }
        return new Question(step, shown, answeredSelected.size(), changed, parts);
    }

    /**
     * A question that counts on a score hidden in this selection is not shown either, whatever its own cells:
     * its answers are what the score is worked out from. A round of eight in which two said "weet ik niet" to every
     * netwerk question hid netwerk on its summary, while the flow page counted "Ja, regelmatig 6, Weet ik niet 2" and
     * 5 six times on the scales: everyone there with a score had 100. Over several rounds the same counts less the
     * other round's (its summary's mean, the period filter, the export's rows of that round) gave it again. A score is
     * hidden over several rounds whenever one round hides it ({@link #dimension}), so its questions are too, on every
     * page and in every export ({@link #exported} holds only questions shown). The mirror, a score hidden where a
     * question it counts on has too few answers, is {@link ScoreCells}. A score nobody has hides nothing. A question
     * a filter alone hides says the whole team's reason when the whole team's page hides its score (a filtered page
     * hides a score per filter only while the whole team's shows it, see {@link #scoreShown}).
     */
    private static Question hiddenWithItsScore(Step step, List<Dimension> dimensions, Question question) {
        boolean scoreHidden = dimensions.stream().filter(d -> step.countsOn(d.id())).map(Dimension::shown)
                .anyMatch(score -> question.shown() == Shown.SHOWN ? score.hides()
                        // hidden by a filter alone, while the whole team's page hides its score: that page's reason
                        : question.shown() == Shown.NOT_PER_SELECTION && score.hides() && score != Shown.NOT_PER_SELECTION);
        return scoreHidden ? new Question(step, Shown.SCORE_HIDDEN, 0, question.changed(), List.of()) : question;
    }

    static Predicate<Response> answeredBy(Step step) {
        return r -> r.answer(step.id()) != null;
    }

    /** How a version asked the step: its fingerprint there, or the version itself when it was never recorded. */
    private static String askedAs(Step step, String version, Map<String, FlowVersions.Version> versions) {
        FlowVersions.Version v = versions.get(version);
        String fingerprint = v == null ? null : v.fingerprints().get(step.id());
        return fingerprint != null ? fingerprint : "version " + version;
    }

    private static String recorded(String version, Map<String, FlowVersions.Version> versions) {
        FlowVersions.Version v = versions.get(version);
        return (v == null ? "" : v.recordedAt().toString()) + " " + version;
    }

    /**
     * Whether the free texts of {@code step} may say which language each was written in: only when, among those who
     * wrote one, every language has nobody or at least k in every cell (each round, each usable filter, each way of
     * asking). Labelling only the languages k wrote in was not enough: one text without a label among labelled ones
     * is the one person who wrote in another language, and the export's row with that text is then theirs. Nor was
     * checking the usable filters on filtered pages only: the whole team's page labelled k Polish texts, and Noord's
     * page (unlabelled) listed two of them by the same words, so two people in Noord wrote Polish. Nor was looking at
     * those who wrote one only: the labels count the writers per language, and beside the export's language column
     * (a usable key) k Dutch labels and k+2 Dutch rows told that two who answered in Dutch wrote nothing. So those who
     * wrote none are nobody or at least k in every cell too.
     */
    private boolean languagesTellNobodyApart(Step step, List<Response> all, List<Key<Response>> cells, Key<Response> split) {
        Predicate<Response> wroteText = r -> r.answer(step.id()) != null && !Step.isVoice(r.answer(step.id()));
        List<Key<Response>> keys = new ArrayList<>(cells);
        if (split != null) {
            keys.add(split);
        }
        keys.add(new Key<>("language", r -> r.languageOf(step.id())));
        return k.harmless(all.stream().filter(wroteText).toList(), keys) && k.harmless(all, keys(wroteText, cells, split));
    }

    private static Part part(Step step, List<Response> answered, List<String> versions, boolean current, boolean labelled) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<FreeText> texts = new ArrayList<>();
        if (step.type().hasOptions()) {
            step.options().forEach(o -> counts.put(o.value(), 0));
        }
        Map<String, Integer> other = new TreeMap<>();
        for (Response r : answered) {
            Object value = r.answer(step.id());
            if (step.type() == StepType.TEXT) {
                if (Step.isVoice(value)) {
                    continue; // a voice message has no words to show, and its audio is never in an overview
                }
                texts.add(new FreeText(String.valueOf(value), r.languageOf(step.id())));
                continue;
            }
            List<?> values = value instanceof List<?> list ? list : List.of(value);
            for (Object v : values) {
                String key = plain(v);
                (counts.containsKey(key) ? counts : other).merge(key, 1, Integer::sum);
            }
        }
        counts.putAll(other);
        if (!labelled) {
            texts.replaceAll(t -> new FreeText(t.text(), null));
        }
        texts.sort(Comparator.comparing(FreeText::text).thenComparing(FreeText::language, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Part(versions, current, answered.size(), counts, texts);
    }

    /** An answer value as text: a whole number without ".0". */
    private static String plain(Object v) {
        if (v instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(v);
    }

    private Dimension dimension(Flow flow, String d, List<Response> all, List<Response> selected, List<Key<Response>> apart,
                                List<Key<Response>> usable, boolean filtered) {
        List<Response> scoredSelected = selected.stream().filter(r -> r.scores().get(d) != null).toList();
        Shown shown = scoreShown(flow, d, all, selected, apart, usable, filtered);
        if (shown != Shown.SHOWN) {
            return new Dimension(d, shown, 0, 0, List.of());
        }
        Integer[] bands = {0, 0, 0, 0};
        double sum = 0;
        for (Response r : scoredSelected) {
            int score = r.scores().get(d);
            sum += score;
            bands[Math.min(3, score / 25)]++;
        }
        return new Dimension(d, Shown.SHOWN, scoredSelected.size(), sum / scoredSelected.size(), List.of(bands));
    }

    /**
     * Whether a score is shown in the selection, and if not why: its own cells as for a question ({@link #shown}),
     * then the cells of the questions it counts on ({@link ScoreCells}). {@code apart}: the rounds, and the way each
     * changed question it counts on was asked ({@link ScoreCells#withWays}). A filtered page gives the whole team's
     * reason when the whole team's page hides the score too.
     */
    private Shown scoreShown(Flow flow, String d, List<Response> all, List<Response> selected, List<Key<Response>> apart,
                             List<Key<Response>> usable, boolean filtered) {
        if (filtered) {
            Shown whole = scoreShown(flow, d, all, all, apart, usable, false);
            if (whole.hides()) {
                return whole;
            }
        }
        Shown shown = shown(all, selected, r -> r.scores().get(d) != null, apart, usable, null, filtered);
        if (shown != Shown.SHOWN
                || ScoreCells.questionsHarmless(k, flow, d, all, r -> r, filtered ? with(apart, usable) : apart)) {
            return shown;
        }
        return filtered ? Shown.NOT_PER_SELECTION : Shown.QUESTION_FEW;
    }

    /**
     * Respondents and mean scores per period of the selection. The periods are groups of the usable filters,
     * so each has 0 or at least k respondents; a dimension gets a line only when its score may be shown in every
     * group ({@code cells}: the rounds and the usable filters), see {@link ScoreCells}.
     */
    private Report.Trend trend(Flow flow, Granularity g, List<Response> all, List<Response> selected, List<Key<Response>> cells,
                               Map<String, Key<Response>> asked) {
        List<String> lines = flow.dimensions().stream()
                .filter(d -> ScoreCells.harmless(k, flow, d, all, r -> r, ScoreCells.withWays(flow, d, cells, asked))).toList();
        Map<String, List<Response>> byPeriod = new TreeMap<>();
        selected.forEach(r -> byPeriod.computeIfAbsent(g.period(r.startedAt(), zone), p -> new ArrayList<>()).add(r));
        List<Report.Point> points = new ArrayList<>();
        byPeriod.forEach((period, responses) -> {
            Map<String, Double> means = new LinkedHashMap<>();
            for (String d : lines) {
                List<Integer> scores = responses.stream().map(r -> r.scores().get(d)).filter(Objects::nonNull).toList();
                means.put(d, scores.isEmpty() ? null : scores.stream().mapToInt(Integer::intValue).average().orElse(0));
            }
            points.add(new Report.Point(period, responses.size(), means));
        });
        return new Report.Trend(g, lines, points);
    }
}
