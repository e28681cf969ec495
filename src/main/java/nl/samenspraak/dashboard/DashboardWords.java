package nl.samenspraak.dashboard;

import jakarta.inject.Singleton;
import nl.samenspraak.result.AnswerLabels;
import nl.samenspraak.result.ResultBuilder;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.Step;
import nl.samenspraak.i18n.Moments;
import nl.samenspraak.i18n.SafeHtml;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.i18n.Translations;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard's figures in a manager's language: questions and option labels as the flow words them, score
 * dimensions by name, periods and dates as that language writes them, and the dashboard's own messages.
 */
@Singleton
public class DashboardWords {
    private final FlowLibrary library;
    private final Translations translations;
    private final TextRenderer renderer;
    private final AnswerLabels labels;

    public DashboardWords(FlowLibrary library, TextRenderer renderer) {
        this.library = library;
        this.translations = library.translations();
        this.renderer = renderer;
        this.labels = new AnswerLabels(translations);
    }

    /** A message of the dashboard section with its values filled in, HTML-safe. */
    public SafeHtml message(String language, String key, Map<String, ?> values) {
        return new SafeHtml(renderer.render(translations.message(language, "dashboard." + key), values));
    }

    /**
     * Why a team's flow shows no figures, in the same words on the flow's page and on a question's page. With
     * rounds ({@link TeamDashboards#roundsOnly}) no figures means no closed round of at least k yet: "nobody
     * finished" or "fewer than k finished" would be untrue when people did outside a counted round, and saying how
     * many did would tell a number below k.
     */
    public SafeHtml noFigures(String language, Report.Visibility visibility, int k, boolean roundsOnly) {
        String key = switch (visibility) {
            case NO_RESPONSES -> roundsOnly ? "no_closed_round" : "no_responses";
            case TOO_FEW -> "too_few_team";
            case REFUSED -> "refused";
            case EMPTY -> "empty";
            case SHOWN -> throw new IllegalArgumentException("the figures are shown");
        };
        return message(language, key, Map.of("k", k));
    }

    /** A message of the manager's summary and report (section {@code manager}), HTML-safe. */
    public SafeHtml manager(String language, String key, Map<String, ?> values) {
        return new SafeHtml(renderer.render(translations.message(language, "manager." + key), values));
    }

    /** The same as plain text (a chart's label). */
    public String plainManager(String language, String key, Map<String, ?> values) {
        return unescape(manager(language, key, values).html());
    }

    /**
     * A flow text rendered as a template without a person's answers (a tip for a team), HTML-safe. A tip may name
     * the team's desk or interpreter ({@code $team.desk}, as a resident's result fills in): here no details are
     * known, so it keeps its general advice (the wijkanalyse's tips do, and without it the summary was a 500).
     */
    public SafeHtml flowTemplate(Flow flow, String key, String language) {
        Map<String, Object> answers = new HashMap<>();
        flow.steps().forEach(s -> answers.put(s.id(), "…"));
        return new SafeHtml(renderer.render(translations.flowText(language, flow.id(), key),
                Map.of("answers", answers, "scores", Map.of(), "team", ResultBuilder.noTeamDetails(),
                        "shown", ResultBuilder.shown(flow, List.of()))));
    }

    /**
     * A tip as a team reads it (the summary and the team report): {@code tips.<id>.team_title} and
     * {@code tips.<id>.team} where the flow words the tip for the team in this language, else the tip's
     * {@code title} and {@code text} as the person reads them. A resident flow's tip is written to a parent ("Hier
     * kunt u terecht..."), so the bundled resident flows give every tip a team can get its team words
     * ({@code dashboard.TeamTipWordsTest}). Only the language's own team words count: a Dutch team text is not shown
     * in an Arabic summary.
     */
    public SafeHtml teamTipTitle(Flow flow, String tip, String language) {
        return flowTemplate(flow, teamKey(flow, tip, "team_title", "title", language), language);
    }

    /** The tip's body as a team reads it, see {@link #teamTipTitle}. */
    public SafeHtml teamTipText(Flow flow, String tip, String language) {
        return flowTemplate(flow, teamKey(flow, tip, "team", "text", language), language);
    }

    private String teamKey(Flow flow, String tip, String teamPart, String personPart, String language) {
        String team = "tips." + tip + "." + teamPart;
        boolean own = translations.texts(language).map(t -> t.flow(flow.id()).containsKey(team)).orElse(false);
        return own ? team : "tips." + tip + "." + personPart;
    }

    /** The same message as plain text (for CSV and XLSX). */
    public String plain(String language, String key, Map<String, ?> values) {
        return unescape(message(language, key, values).html());
    }

    /** A question as the flow asks it (an earlier answer it quotes shows as "…"), HTML-safe. */
    public SafeHtml question(Flow flow, Step step, String language) {
        Map<String, Object> answers = new HashMap<>();
        flow.steps().forEach(s -> answers.put(s.id(), "…"));
        return new SafeHtml(renderer.render(translations.flowText(language, flow.id(), "steps." + step.id() + ".text"),
                Map.of("answers", answers)));
    }

    /** What an answer value (an option, a number) means, in words; a value the current flow lacks as it is. */
    public String answer(Flow flow, Step step, String value, String language) {
        return step.option(value).map(o -> labels.optionLabel(flow, step, o, language)).orElse(value);
    }

    /** A whole answer (a list for a multi step) in words, for an export. */
    public String answer(Flow flow, Step step, Object value, String language) {
        return value == null ? "" : labels.answer(flow, step, value, language);
    }

    /**
     * An answer as an export's cell: a scale's point as its number, its ends too ("1", not "1 · helemaal niet", which a
     * spreadsheet took for text: AVERAGE over the column left out every 1 and 5, and a manager's mean of "hoe vaak"
     * disagreed with the page, 3.15 against 3.44; the manager probe of December 2026); "weet ik niet" and every other
     * answer in words.
     */
    public String cell(Flow flow, Step step, Object value, String language) {
        if (value != null && step.type() == nl.samenspraak.flow.StepType.SCALE) {
            var point = step.option(String.valueOf(value)).filter(o -> !o.dontKnow());
            if (point.isPresent()) {
                return point.get().value();
            }
        }
        return answer(flow, step, value, language);
    }

    public String flowText(Flow flow, String key, String language) {
        return translations.flowText(language, flow.id(), key);
    }

    public String title(Flow flow, String language) {
        return flowText(flow, "title", language);
    }

    public String dimension(Flow flow, String dimension, String language) {
        return flowText(flow, "dimensions." + dimension, language);
    }

    /** A language by its own name ("Türkçe"), or its code when the service does not know it. */
    public String languageName(String code) {
        return translations.language(code).map(l -> l.name()).orElse(code);
    }

    /** "maart 2025", "2e kwartaal 2025", "2025" in the manager's language. */
    public String period(String period, String language) {
        Locale locale = Locale.forLanguageTag(language);
        return switch (Granularity.of(period).orElseThrow()) {
            case MONTH -> DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(YearMonth.parse(period));
            case QUARTER -> plain(language, "quarter", Map.of("quarter", period.substring(6), "year", period.substring(0, 4)));
            case YEAR -> period;
        };
    }

    /** A flow version as managers see it: its short hash and since when this service ran it. */
    public String version(Report.Version v, ZoneId zone, String language) {
        return v.recordedAt() == null ? plain(language, "version_unknown", Map.of("version", v.version()))
                : plain(language, "version_since", Map.of("version", v.version(), "date", Moments.longDay(v.recordedAt(), zone, language)));
    }

    /**
     * A question's column head in an export (the rows' and the free texts' alike): its id, and for a question asked
     * differently in different versions the versions of {@code part}.
     */
    public String column(Report.Question q, Report.Part part, String language) {
        return !q.changed() ? q.step().id() : q.step().id() + " (" + plain(language, "col_versions",
                Map.of("versions", list(part.versions()))) + ")";
    }

    /** The flows' and languages' list as plain text: "a, b". */
    public static String list(List<String> items) {
        return String.join(", ", items);
    }

    /** HTML-safe text as plain text (for CSV and XLSX). */
    static String plainText(String html) {
        return unescape(html);
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    /**
     * A research source as a reader sees it on a page: report and part in the reader's language, no file name, each
     * Dutch title in a right-to-left page kept whole (see {@code Sources.forPage}).
     */
    String source(String source, String language) {
        return nl.samenspraak.result.Sources.forPage(new nl.samenspraak.result.Sources(translations).readable(source, language));
    }
}
