package nl.samenspraak.result;

import nl.samenspraak.engine.ConversationEngine;
import nl.samenspraak.engine.Progress;
import nl.samenspraak.engine.Status;
import nl.samenspraak.flow.AdviceRule;
import nl.samenspraak.flow.Bands;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Step;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.i18n.SafeHtml;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.i18n.Translations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a finished conversation into its {@link Result}: scores with readings, tips rendered from their
 * templates with the reasons that selected them, the summary by theme, and the HTML that shows all three.
 */
public final class ResultBuilder {
    /** How many tips are shown first; the rest come behind "meer tips". */
    public static final int PROMINENT_TIPS = 5;

    private final ConversationEngine engine;
    private final Translations translations;
    private final TextRenderer renderer;
    private final AnswerLabels labels;
    private final String htmlTemplate;
    private final Sources sources;
    private final ContactBlock contacts;

    public ResultBuilder(ConversationEngine engine, Translations translations, TextRenderer renderer, String htmlTemplate) {
        this.engine = engine;
        this.translations = translations;
        this.renderer = renderer;
        this.labels = new AnswerLabels(translations);
        this.htmlTemplate = htmlTemplate;
        this.sources = new Sources(translations);
        this.contacts = new ContactBlock(translations);
    }

    /** The result as the person who answered reads it. */
    public Result build(Flow flow, Progress progress, String language) {
        return build(flow, progress, language, false);
    }

    /**
     * The result for whoever reads it: {@code professionalReads} when a professional reads along. A flow whose
     * result is for the professional in the talk ({@link Flow#RESULT_FOR_PROFESSIONAL}) gives the person who
     * answered alone a short closing in their language, never the attention points written for the professional.
     */
    public Result build(Flow flow, Progress progress, String language, boolean professionalReads) {
        return build(flow, progress, language, professionalReads, null);
    }

    /**
     * As above, with the contact details of the conversation's team ({@code team}, null: none): a resident's or
     * client's result then says where they can go (see {@link ContactBlock}).
     */
    public Result build(Flow flow, Progress progress, String language, boolean professionalReads, TeamContact team) {
        return build(flow, progress, language, professionalReads, team, null);
    }

    /**
     * As above, someone reading along in {@code readerLanguage} (null: nobody; the same language: no second line).
     * A declined conversation says so in the person's language with the reader's line beneath, as the questions do:
     * the intermediair beside a resident who said "nee" reads in their own words that nothing was stored. A result
     * for the person gives every heading, score, tip and summary line again beneath, in the reader's language (the
     * structured parts stay in the person's). A result for the professional, read by one, gives the person their
     * closing (with the reader's line) and then the attention points in the reader's language, under a heading that
     * says they are for the professional: never the professional's words on the person's side of the screen only.
     */
    public Result build(Flow flow, Progress progress, String language, boolean professionalReads, TeamContact team,
                        String readerLanguage) {
        return build(flow, progress, language, professionalReads, team, readerLanguage, true);
    }

    /**
     * As above; without {@code withAnswers} the result leaves out the summary of the person's answers and the tips'
     * reasons (which quote answers): what a result handed over to a resident's phone shows (their scores, tips and
     * where to go, not what they said).
     */
    public Result build(Flow flow, Progress progress, String language, boolean professionalReads, TeamContact team,
                        String readerLanguage, boolean withAnswers) {
        if (!withAnswers) {
            Result r = build(flow, progress, language, professionalReads, team, readerLanguage, true);
            if (r.summary().isEmpty() && r.tips().isEmpty()) {
                return r;
            }
            // nor the "why" of a tip, which quotes the answers that led to it (a free text word for word)
            Parts parts = parts(flow, progress, language, team);
            List<Result.Tip> tips = parts.tips().stream()
                    .map(t -> new Result.Tip(t.id(), t.title(), t.text(), "", t.source())).toList();
            Parts without = new Parts(parts.language(), parts.scores(), tips, List.of(), parts.contact());
            return new Result(without.scores(), without.tips(), List.of(), render(flow, language, without, null, true), without.contact(),
                    safety(flow, language));
        }
        boolean lines = readerLanguage != null && !readerLanguage.equals(language);
        if (progress.status() == Status.DECLINED) {
            String message = translations.flowMessage(language, flow.id(), "result.declined");
            Map<String, Object> line = lines ? line(flow, "result.declined", language, readerLanguage) : Map.of();
            return Result.declined(render(flow, language, Map.of(), List.of(), List.of(), message, null, line, false));
        }
        boolean forProfessional = Flow.RESULT_FOR_PROFESSIONAL.equals(flow.resultFor());
        if (forProfessional) {
            String message = translations.flowMessage(language, flow.id(), "result.closing");
            Result.Contact contact = contacts.of(flow, language, team);
            Map<String, Object> line = lines ? line(flow, "result.closing", language, readerLanguage) : Map.of();
            String closing = render(flow, language, Map.of(), List.of(), List.of(), message, contact, line, true);
            if (!professionalReads) {
                return Result.closing(closing, contact, safety(flow, language));
            }
            // the attention points, for the professional, in the language they read; where the client can go is the
            // client's, above (read along in both languages): the professional's part named the desk again in theirs
            String reader = readerLanguage == null ? language : readerLanguage;
            Parts points = parts(flow, progress, reader, team);
            String pointsHtml = render(flow, reader, new Parts(points.language(), points.scores(), points.tips(),
                    points.summary(), null), null, false);
            Language readerLang = translations.languageOrSource(reader);
            String html = closing + "\n<section class=\"for-professional\" lang=\"" + readerLang.code() + "\" dir=\""
                    + readerLang.direction() + "\">\n<h2>" + translations.message(reader, "assisted.for_professional")
                    + "</h2>\n" + pointsHtml + "\n</section>";
            return new Result(points.scores(), points.tips(), points.summary(), html, contact, safety(flow, language));
        }
        return full(flow, progress, language, team, lines ? readerLanguage : null);
    }

    /** {@code key} of the flow's messages again in {@code reader}'s language, for beneath the person's. */
    private Map<String, Object> line(Flow flow, String key, String language, String reader) {
        return Map.of("text", new SafeHtml(translations.flowMessage(reader, flow.id(), key)),
                "lang", reader, "dir", translations.languageOrSource(reader).direction(),
                "originalLang", language, "originalDir", translations.languageOrSource(language).direction());
    }

    /** The whole result in {@code language}: scores, tips, summary, contact; each line again in {@code reader} (null: not). */
    private Result full(Flow flow, Progress progress, String language, TeamContact team, String reader) {
        Parts parts = parts(flow, progress, language, team);
        Parts second = reader == null ? null : parts(flow, progress, reader, team);
        return new Result(parts.scores(), parts.tips(), parts.summary(), render(flow, language, parts, second, true), parts.contact(),
                safety(flow, language));
    }

    /**
     * Where to go when the person, or a child, is not safe, as the flow words it in {@code language} ({@code safety:}
     * in its locale file; HTML-safe), or null for a flow without one. The flows a resident or a client answers have
     * one: a result is built from the closed answers, and a danger told in a free text ("Mijn man slaat mij") reached
     * no rule; every such result said what a calm one says, and a client alone was told that help would be found
     * together, in a conversation nobody else would read (the advice probe of December 2026). So it stands in every
     * such result, whatever was answered, not after some answers.
     */
    private String safety(Flow flow, String language) {
        // a Dutch name in a right-to-left line (Veilig Thuis in Arabic) isolated in its own direction, as sources are
        boolean rtl = "rtl".equals(translations.languageOrSource(language).direction());
        return translations.optionalFlowText(language, flow.id(), Flow.SAFETY).map(TextRenderer::escapeText)
                .map(text -> rtl ? Sources.isolateLatin(text) : text).orElse(null);
    }

    /** The safety line ({@link #safety}) for result.vm, with the reader's beneath it when {@code reader} is another language. */
    private Object safetyModel(Flow flow, String language, String reader) {
        String text = safety(flow, language);
        if (text == null) {
            return false;
        }
        boolean again = reader != null && !reader.equals(language);
        Language original = translations.languageOrSource(language);
        Language theirs = translations.languageOrSource(again ? reader : language);
        return Map.of("text", new SafeHtml(text), "again", again ? new SafeHtml(Objects.requireNonNullElse(safety(flow, reader), "")) : false,
                "originalLang", original.code(), "originalDir", original.direction(), "lang", theirs.code(), "dir", theirs.direction());
    }

    /** A result's parts in one language, as shown (scores only when the flow shows them). */
    private record Parts(String language, Map<String, Result.Score> scores, List<Result.Tip> tips,
                         List<Result.SummaryTheme> summary, Result.Contact contact) {
    }

    /**
     * What a tip's {@code $team} reads where no team's details are known (every name there, all ""), so the tip keeps
     * its general advice: a tip shown outside a resident's result (a team's summary on the dashboard) needs every
     * name its text may use, or the text does not render.
     */
    public static Map<String, Object> noTeamDetails() {
        return ContactBlock.tipModel(null);
    }

    private Parts parts(Flow flow, Progress progress, String language, TeamContact team) {
        Map<String, Object> answers = progress.answersOnPath();
        Map<String, Integer> scoreValues = engine.scores(flow, progress);
        Result.Contact contact = contacts.of(flow, language, team);
        // a tip names the team's own desk, address, walk-in times and interpreter where the team filled them in
        // ($team.desk ...; "" when unknown, and the tip keeps its general advice)
        List<AdviceRule> shownRules = limited(flow, engine.advice(flow, progress));
        // $shown.<tip>: a tip can word a sentence by another tip on the same result (cultureel-interview's family
        // tip beside the one on shame involves no relative without the parent's wish)
        Map<String, Object> model = Map.of("answers", interpolated(labels.all(flow, answers, language), language),
                "scores", scoreValues, "team", ContactBlock.tipModel(contact), "shown", shown(flow, shownRules));

        Map<String, Result.Score> scores = new LinkedHashMap<>();
        scoreValues.forEach((dimension, value) -> {
            PartReading part = PartReading.of(flow, dimension, shownRules, answers, scoreValues,
                    engine.contributions(flow, progress, dimension));
            scores.put(dimension, new Result.Score(value, reading(flow, language, value, part),
                    dimensionName(flow, dimension, language), part.flagged()));
        });

        List<Result.Tip> tips = new ArrayList<>();
        for (AdviceRule rule : shownRules) {
            String key = "tips." + rule.id() + ".";
            tips.add(new Result.Tip(rule.id(),
                    renderer.render(translations.flowText(language, flow.id(), key + "title"), model),
                    renderer.render(translations.flowText(language, flow.id(), key + "text"), model),
                    why(flow, progress, rule, scoreValues, language),
                    readableSource(rule.source(), language)));
        }
        List<Result.SummaryTheme> summary = summary(flow, progress, answers, model, language);
        return new Parts(language, flow.showsScores() ? scores : Map.of(), tips, summary, contact);
    }

    /** Each of the flow's tips, and whether it is among {@code rules} (the ones on this result). */
    public static Map<String, Boolean> shown(Flow flow, List<AdviceRule> rules) {
        Map<String, Boolean> shown = new HashMap<>();
        flow.advice().forEach(rule -> shown.put(rule.id(), false));
        rules.forEach(rule -> shown.put(rule.id(), true));
        return shown;
    }

    /**
     * The tips a flow shows: the most important first, at most its {@code maxTips}. A resident who reads on a phone
     * takes in a few tips, not eight; the ones left out are the least pressing by the flow's own priorities.
     */
    static List<AdviceRule> limited(Flow flow, List<AdviceRule> rules) {
        return flow.maxTips() == null || rules.size() <= flow.maxTips() ? rules : rules.subList(0, flow.maxTips());
    }

    /** An answer as it goes into a sentence of the reader's language (see {@link Translations#inSentence}). */
    private Object interpolated(String answer, String language) {
        return translations.inSentence(answer, language);
    }

    private Map<String, Object> interpolated(Map<String, Object> answers, String language) {
        Map<String, Object> out = new HashMap<>();
        answers.forEach((step, words) -> out.put(step, words instanceof String s ? interpolated(s, language) : words));
        return out;
    }

    /** Where a tip comes from, for a reader (see {@link Sources}). */
    String readableSource(String source, String language) {
        return sources.readable(source, language);
    }

    /**
     * An answer in the summary as the chat repeated it: a point between a scale's ends as "2 van 5" (a bare "2" stood
     * below "5 · Heel makkelijk", and a reader could not tell 2 of what), an end with its label, the rest as said.
     */
    private String inSummary(Flow flow, Step step, Object value, String language) {
        boolean between = step.type() == nl.samenspraak.flow.StepType.SCALE && step.option(String.valueOf(value))
                .filter(o -> !o.dontKnow() && !o.value().equals(String.valueOf(step.min().longValue()))
                        && !o.value().equals(String.valueOf(step.max().longValue()))).isPresent();
        return between ? renderer.renderPlain(translations.message(language, "answer.scale_value"),
                Map.of("value", value, "max", step.max().longValue())) : labels.said(flow, step, value, language);
    }

    static String isolateLatin(String text) {
        return Sources.isolateLatin(text);
    }

    /**
     * A score's reading; a high one beside a tip on the same part says so ("A strong point, with one thing to look at
     * in the tips"): "Een sterk punt" stood beside "Sta stil bij vooroordelen" when one answer on attitude was the
     * weakest and the others strong; a tip that praises its high answers is no such thing (see {@link PartReading}).
     * Beside a red flag on the part ({@code flag: true}) a middle or high one praises nothing ("One answer needs
     * attention: see the tips"): "Een sterk punt, met één ding om naar te kijken" and "Op weg" stood beside "Laat geen
     * kinderen tolken" (the December 2026 probe). A low one says the most is to gain, as ever; one without a score has
     * nothing to say.
     */
    private String reading(Flow flow, String language, Integer value, PartReading part) {
        return translations.flowMessage(language, flow.id(), "score." + part.key(flow.band(value)));
    }

    private String dimensionName(Flow flow, String dimension, String language) {
        return translations.flowText(language, flow.id(), "dimensions." + dimension);
    }

    /**
     * Why a tip appears, in words: the answers and scores {@link TipReasons} picks, each answer quoted with its
     * question, each score with its value.
     */
    private String why(Flow flow, Progress progress, AdviceRule rule, Map<String, Integer> scores, String language) {
        Map<String, Object> answers = progress.answersOnPath();
        List<String> reasons = new ArrayList<>();
        for (TipReasons.Reason reason : TipReasons.of(flow, rule, answers, scores,
                dimension -> engine.contributions(flow, progress, dimension))) {
            if (reason instanceof TipReasons.Answer answer) {
                reasons.add(quote(flow, answer.step(), answers, language));
            } else if (reason instanceof TipReasons.Score score) {
                Integer value = scores.get(score.dimension());
                Map<String, Object> m = new HashMap<>();
                m.put("dimension", dimensionName(flow, score.dimension(), language));
                m.put("score", value == null ? "-" : value);
                reasons.add(renderer.render(translations.flowMessage(language, flow.id(), "result.why_score"), m));
            }
        }
        return String.join(". ", reasons) + (reasons.isEmpty() ? "" : ".");
    }

    private String quote(Flow flow, String stepId, Map<String, Object> answers, String language) {
        Step step = flow.requireStep(stepId);
        Map<String, Object> m = new HashMap<>();
        m.put("question", new SafeHtml(questionText(flow, step, answers, language)));
        if (answers.get(stepId) == null) {
            // a question skipped is said so ("U sloeg ... over"): not quoted as the answer "overgeslagen"
            return renderer.render(translations.flowMessage(language, flow.id(), "result.why_skipped"), m);
        }
        // as the summary says it: a point between a scale's ends "2 van 5", where the tip's why quoted a bare "2"
        m.put("answer", interpolated(inSummary(flow, step, answers.get(stepId), language), language));
        return renderer.render(translations.flowMessage(language, flow.id(), "result.why_answer"), m);
    }

    private String questionText(Flow flow, Step step, Map<String, Object> answers, String language) {
        return renderer.render(translations.flowText(language, flow.id(), "steps." + step.id() + ".text"),
                Map.of("answers", labels.all(flow, answers, language)));
    }

    private List<Result.SummaryTheme> summary(Flow flow, Progress progress, Map<String, Object> answers,
                                              Map<String, Object> model, String language) {
        Map<String, List<Result.SummaryItem>> byTheme = new LinkedHashMap<>();
        for (String stepId : progress.path()) {
            // a question a version published since has dropped is left out (its answer stays stored, as the
            // transcript leaves it out too): it made every result of those who answered it a 500, finished ones too
            Step step = flow.step(stepId).orElse(null);
            if (step == null || step.theme() == null || !step.asksSomething()) {
                continue;
            }
            Object value = answers.get(stepId);
            // element content only (result.vm's <dd>, the PDF, Telegram): escaped as the API's echo is, so an
            // apostrophe reads as typed or as the label ("I don't know"), not "I don&#39;t know" in the JSON
            String answer = value == null ? translations.flowMessage(language, flow.id(), "answer.skipped")
                    : TextRenderer.escapeText(inSummary(flow, step, value, language));
            byTheme.computeIfAbsent(step.theme(), k -> new ArrayList<>())
                    .add(new Result.SummaryItem(stepId, questionText(flow, step, answers, language), answer));
        }
        List<Result.SummaryTheme> summary = new ArrayList<>();
        byTheme.forEach((theme, items) -> summary.add(new Result.SummaryTheme(theme,
                translations.flowText(language, flow.id(), "themes." + theme), List.copyOf(items))));
        return summary;
    }

    /**
     * The parts in their language, each line with {@code second}'s beneath it when there is a second language;
     * {@code person}: the person's own result, with the flow's safety line (not the professional's part).
     */
    private String render(Flow flow, String language, Parts parts, Parts second, boolean person) {
        Map<String, Object> model = model(flow, language, parts.scores(), parts.tips(), parts.summary(), null, parts.contact(), Map.of());
        model.put("safety", person ? safetyModel(flow, language, second == null ? null : second.language()) : false);
        if (second == null) {
            model.put("r", false);
            return renderer.renderOwnTemplate(htmlTemplate, model).strip();
        }
        Language original = translations.languageOrSource(language);
        Language reader = translations.languageOrSource(second.language());
        model.put("contact", parts.contact() == null ? Map.of() : contacts.model(flow, parts.contact(), language, reader.code()));
        model.put("r", Map.of("lang", reader.code(), "dir", reader.direction(), "originalLang", original.code(),
                "originalDir", original.direction(), "t", headings(flow, reader.code())));
        attach(model, model(flow, second.language(), second.scores(), second.tips(), second.summary(), null, null, Map.of()));
        return renderer.renderOwnTemplate(htmlTemplate, model).strip();
    }

    /**
     * Puts each item of the second language's model beside the same item of the first as {@code r} (same rules, same
     * order: the lists match one to one), so result.vm can write it beneath.
     */
    @SuppressWarnings("unchecked")
    private static void attach(Map<String, Object> model, Map<String, Object> second) {
        for (String list : List.of("scores", "tips", "moreTips", "summary")) {
            List<Map<String, Object>> mine = (List<Map<String, Object>>) model.get(list);
            List<Map<String, Object>> theirs = (List<Map<String, Object>>) second.get(list);
            List<Map<String, Object>> joined = new ArrayList<>();
            for (int i = 0; i < mine.size(); i++) {
                Map<String, Object> item = new HashMap<>(mine.get(i));
                item.put("r", i < theirs.size() ? theirs.get(i) : false);
                if ("summary".equals(list) && i < theirs.size()) {
                    List<Map<String, Object>> items = new ArrayList<>();
                    List<Map<String, Object>> a = (List<Map<String, Object>>) mine.get(i).get("items");
                    List<Map<String, Object>> b = (List<Map<String, Object>>) theirs.get(i).get("items");
                    for (int j = 0; j < a.size(); j++) {
                        Map<String, Object> one = new HashMap<>(a.get(j));
                        one.put("r", j < b.size() ? b.get(j) : false);
                        items.add(one);
                    }
                    item.put("items", items);
                }
                joined.add(item);
            }
            model.put(list, joined);
        }
    }

    /** {@code line}: the message again for someone reading along ({@code text}, {@code lang}, {@code dir}), or empty. */
    private String render(Flow flow, String language, Map<String, Result.Score> scores, List<Result.Tip> tips,
                          List<Result.SummaryTheme> summary, String message, Result.Contact contact, Map<String, Object> line,
                          boolean person) {
        Map<String, Object> model = model(flow, language, scores, tips, summary, message, contact, line);
        model.put("r", false);
        model.put("safety", person ? safetyModel(flow, language, line.isEmpty() ? null : (String) line.get("lang")) : false);
        // a closing read along (the client's, beside an intermediair): where to go in both languages too, as its message
        if (contact != null && !line.isEmpty()) {
            model.put("contact", contacts.model(flow, contact, language, (String) line.get("lang")));
        }
        return renderer.renderOwnTemplate(htmlTemplate, model).strip();
    }

    private Map<String, Object> model(Flow flow, String language, Map<String, Result.Score> scores, List<Result.Tip> tips,
                                      List<Result.SummaryTheme> summary, String message, Result.Contact contact, Map<String, Object> line) {
        Map<String, Object> model = new HashMap<>();
        model.put("readerLine", line.isEmpty() ? false : line);
        // a part a red flag is about reads "needs attention": its bar is the attention colour, not the green of a
        // strong point beside it (the probe of December 2026); told by the flag, not by the reading's words, which a
        // flow may word as another reading
        model.put("scores", scores.values().stream().map(s -> Map.<String, Object>of("name", new SafeHtml(s.name()),
                "value", s.value() == null ? "" : s.value(), "label", new SafeHtml(s.label()),
                "hasValue", s.value() != null,
                "band", s.flagged() && Bands.HIGH.equals(flow.band(s.value())) ? Bands.MIDDLE : flow.band(s.value()))).toList());
        List<Map<String, Object>> tipModels = tips.stream().map(t -> Map.<String, Object>of("id", t.id(),
                "title", new SafeHtml(t.title()), "text", new SafeHtml(t.text()), "why", new SafeHtml(t.why()),
                "source", new SafeHtml(Sources.forPage(t.source())))).toList();
        model.put("tips", tipModels.subList(0, Math.min(PROMINENT_TIPS, tipModels.size())));
        model.put("moreTips", tipModels.subList(Math.min(PROMINENT_TIPS, tipModels.size()), tipModels.size()));
        model.put("summary", summary.stream().map(t -> Map.<String, Object>of("title", new SafeHtml(t.title()),
                "items", t.items().stream().map(i -> Map.<String, Object>of("question", new SafeHtml(i.question()),
                        "answer", new SafeHtml(i.answer()))).toList())).toList());
        model.put("message", message == null ? "" : new SafeHtml(message));
        model.put("contact", contact == null ? Map.of() : contacts.model(flow, contact, language, null));
        model.put("hasContact", contact != null);
        model.put("t", headings(flow, language));
        // the result in its own language, whatever the page around it speaks (an intermediair's Dutch page with a
        // resident's Arabic result: its tips were read left to right, with a Dutch voice)
        Language own = translations.languageOrSource(language);
        model.put("lang", own.code());
        model.put("dir", own.direction());
        return model;
    }

    private Map<String, Object> headings(Flow flow, String language) {
        Map<String, Object> words = new HashMap<>();
        for (String key : List.of("scores", "tips", "more_tips", "summary", "why", "source")) {
            words.put(key, new SafeHtml(translations.flowMessage(language, flow.id(), "result.heading_" + key)));
        }
        return words;
    }
}
