package nl.samenspraak.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A guided conversation: its steps in file order, the ways between them, score dimensions and advice rules.
 * Immutable; the version is a hash of the flow file and all its texts, so a changed question is a new version.
 */
public final class Flow {
    private final String id;
    private final String file;
    private final String version;
    private final Audience audience;
    private final List<String> languages;
    private final List<String> dimensions;
    private final boolean consent;
    private final boolean showsScores;
    private final DashboardUse dashboard;
    private final Map<String, Step> steps;
    private final List<Step> stepList;
    private final List<AdviceRule> advice;
    private final boolean demo;
    private final Integer minimumGroupSize;
    private final Retention retention;
    private final Bands bands;
    private final String resultFor;
    private final Integer maxTips;

    /**
     * The most steps a flow may have. A conversation keeps the steps it passed, each once ({@code Progress}), joined
     * by commas in {@code conversation.path VARCHAR(20000)}: 300 steps with the longest names ({@link Names#PART_MAX})
     * take 19,499 characters, so no conversation, however it goes round the flow's loops, makes more than its
     * column keeps. A flow longer than this is refused at its 301st step, not failing answers later.
     */
    public static final int MOST_STEPS = 300;

    /** The result is read by the person who answered. */
    public static final String RESULT_FOR_PERSON = "person";
    /**
     * The text key, in a flow's locale files, of the line that says where to go when the person or a child is not safe
     * (112, Veilig Thuis): every result of the flow shows it, first after the closing words; optional per flow, and
     * then in every language.
     */
    public static final String SAFETY = "safety";
    /** The result is read by the professional in the talk; the person who answered gets a closing only. */
    public static final String RESULT_FOR_PROFESSIONAL = "professional";

    public Flow(String id, String file, String version, Audience audience, List<String> languages,
                List<String> dimensions, boolean consent, boolean showsScores, DashboardUse dashboard, List<Step> steps,
                List<AdviceRule> advice) {
        this(id, file, version, audience, languages, dimensions, consent, showsScores, dashboard, steps, advice, false);
    }

    /** As the other constructor; {@code demo}: an example of the format, offered on the start page only when configured. */
    public Flow(String id, String file, String version, Audience audience, List<String> languages,
                List<String> dimensions, boolean consent, boolean showsScores, DashboardUse dashboard, List<Step> steps,
                List<AdviceRule> advice, boolean demo) {
        this(id, file, version, audience, languages, dimensions, consent, showsScores, dashboard, steps, advice, demo,
                null, Retention.DEFAULT);
    }

    /**
     * As the other constructors; {@code minimumGroupSize}: the flow's own k for its dashboard figures (e.g. 10
     * for residents, who are many and answer at meetings where others may watch), null for the service's;
     * {@code retention}: how long its conversations are kept (see {@link Retention}).
     */
    public Flow(String id, String file, String version, Audience audience, List<String> languages,
                List<String> dimensions, boolean consent, boolean showsScores, DashboardUse dashboard, List<Step> steps,
                List<AdviceRule> advice, boolean demo, Integer minimumGroupSize, Retention retention) {
        this(id, file, version, audience, languages, dimensions, consent, showsScores, dashboard, steps, advice, demo,
                minimumGroupSize, retention, null, RESULT_FOR_PERSON);
    }

    /**
     * As the other constructors; {@code bands}: where scores count as low, middle and high (null for a flow without
     * scores); {@code resultFor}: who reads the result, {@link #RESULT_FOR_PERSON} or {@link #RESULT_FOR_PROFESSIONAL}.
     */
    public Flow(String id, String file, String version, Audience audience, List<String> languages,
                List<String> dimensions, boolean consent, boolean showsScores, DashboardUse dashboard, List<Step> steps,
                List<AdviceRule> advice, boolean demo, Integer minimumGroupSize, Retention retention, Bands bands,
                String resultFor) {
        this(id, file, version, audience, languages, dimensions, consent, showsScores, dashboard, steps, advice, demo,
                minimumGroupSize, retention, bands, resultFor, null);
    }

    /**
     * As the other constructors; {@code maxTips}: at most this many tips in a result ({@code maxTips} in the file),
     * the most important first; null for no limit. A resident reading on a phone stops reading long before eight.
     */
    public Flow(String id, String file, String version, Audience audience, List<String> languages,
                List<String> dimensions, boolean consent, boolean showsScores, DashboardUse dashboard, List<Step> steps,
                List<AdviceRule> advice, boolean demo, Integer minimumGroupSize, Retention retention, Bands bands,
                String resultFor, Integer maxTips) {
        this.maxTips = maxTips;
        this.minimumGroupSize = minimumGroupSize;
        this.retention = retention;
        this.demo = demo;
        this.bands = bands;
        this.resultFor = resultFor;
        this.id = id;
        this.file = file;
        this.version = version;
        this.audience = audience;
        this.languages = List.copyOf(languages);
        this.dimensions = List.copyOf(dimensions);
        this.consent = consent;
        this.showsScores = showsScores;
        this.dashboard = dashboard;
        this.stepList = List.copyOf(steps);
        Map<String, Step> byId = new LinkedHashMap<>();
        for (Step s : steps) {
            byId.putIfAbsent(s.id(), s);
        }
        this.steps = byId;
        this.advice = List.copyOf(advice);
    }

    public String id() {
        return id;
    }

    /** Where this flow's scores count as low, middle and high; null for a flow that scores nothing. */
    public Bands bands() {
        return bands;
    }

    /** The band of {@code score} in this flow ("none" without a score or without bands). */
    public String band(Integer score) {
        return bands == null ? Bands.NONE : bands.of(score);
    }

    /** Who reads the result: {@link #RESULT_FOR_PERSON} or {@link #RESULT_FOR_PROFESSIONAL}. */
    /**
     * Whether the answers are recorded for the professional in the talk ({@code result: professional}, the cultureel
     * interview): only they read them, so a voice answer is played for them alone and only in such a flow.
     */
    public boolean answersForProfessional() {
        return RESULT_FOR_PROFESSIONAL.equals(resultFor);
    }

    public String resultFor() {
        return resultFor;
    }

    /** At most this many tips in a result ({@code maxTips} in the file), or null for every tip that applies. */
    public Integer maxTips() {
        return maxTips;
    }

    /** The file the flow was read from, as named in problem reports. */
    public String file() {
        return file;
    }

    public String version() {
        return version;
    }

    /** The flow's own minimum group size ({@code minimumGroupSize} in its file), null for the service's. */
    public Integer minimumGroupSize() {
        return minimumGroupSize;
    }

    public Audience audience() {
        return audience;
    }

    /** Whether the flow only shows how a conversation works ({@code demo: true}), rather than asking for real. */
    public boolean demo() {
        return demo;
    }

    /**
     * Whether a team's join link (web and Telegram) offers this flow: one for professionals about their own work,
     * counted anonymously; never a demo, which asks nothing for real and whose answers would be counted under the
     * team, nor a record (the manager reads each conversation word for word), which the join page's "anonymous"
     * would then belie: an uploaded form could set {@code dashboard: record} on a professionals' flow.
     */
    public boolean joinsByTeamLink() {
        return !demo && dashboard != DashboardUse.RECORD && audience.joinsByTeamLink();
    }

    /** How long conversations of this flow are kept and a finished result can be opened ({@code retention:}). */
    public Retention retention() {
        return retention;
    }

    public List<String> languages() {
        return languages;
    }

    public boolean speaks(String language) {
        return language != null && languages.contains(language);
    }

    public List<String> dimensions() {
        return dimensions;
    }

    /** Whether the flow opens with a consent step, before which nothing may be stored. */
    public boolean asksConsent() {
        return consent;
    }

    /**
     * Whether the person sees the scores at the end. A resident flow may score only for the team's overview
     * ({@code showScores: false}): the resident then gets tips, not a verdict.
     */
    public boolean showsScores() {
        return showsScores;
    }

    /** How the flow's finished conversations appear to a team's managers. */
    public DashboardUse dashboard() {
        return dashboard;
    }

    public List<Step> steps() {
        return stepList;
    }

    public Step first() {
        return stepList.get(0);
    }

    public Optional<Step> step(String stepId) {
        return Optional.ofNullable(steps.get(stepId));
    }

    public Step requireStep(String stepId) {
        Step s = steps.get(stepId);
        if (s == null) {
            throw new IllegalArgumentException("flow " + id + " has no step " + stepId);
        }
        return s;
    }

    public List<AdviceRule> advice() {
        return advice;
    }

    /**
     * Where a step leads: the target of the first transition whose condition holds, the step below when
     * the step names no transitions, or {@link Transition#END}.
     */
    public String nextAfter(Step step, Map<String, Object> answers, Map<String, Integer> scores) {
        if (step.next().isEmpty()) {
            int index = stepList.indexOf(step);
            return index + 1 < stepList.size() ? stepList.get(index + 1).id() : Transition.END;
        }
        for (Transition t : step.next()) {
            if (t.condition() == null || t.condition().test(answers, scores)) {
                return t.target();
            }
        }
        return Transition.END;
    }

    /** All targets a step may lead to, whatever the answers. */
    public List<String> possibleTargets(Step step) {
        List<String> targets = new ArrayList<>();
        if (step.next().isEmpty()) {
            int index = stepList.indexOf(step);
            targets.add(index + 1 < stepList.size() ? stepList.get(index + 1).id() : Transition.END);
            return targets;
        }
        boolean unconditional = false;
        for (Transition t : step.next()) {
            targets.add(t.target());
            unconditional |= t.condition() == null;
        }
        if (!unconditional) {
            targets.add(Transition.END);
        }
        return targets;
    }
}
