package nl.samenspraak.flow.load;

import nl.samenspraak.flow.AdviceRule;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Option;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.StepType;
import nl.samenspraak.flow.Transition;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.i18n.LanguageTexts;
import nl.samenspraak.i18n.RenderProblem;
import nl.samenspraak.i18n.Text;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.i18n.Translations;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks what a single step can't show: that every step can be reached, that every reachable step can
 * still reach the end, that nothing is asked before consent, and that every declared language has every
 * text the flow needs (and no text for something the flow lacks), each a template that renders. Each problem is
 * worded by a message key ({@code flowcheck.*}), said in English here and in its reader's language on a page.
 */
public final class FlowValidator {
    /** A language's code, as its folder under locales/ is named: two or three lower-case letters (FlowLibraryLoader). */
    private static final java.util.regex.Pattern LANGUAGE_CODE = java.util.regex.Pattern.compile("[a-z]{2,3}");
    private final TextRenderer renderer;

    public FlowValidator(TextRenderer renderer) {
        this.renderer = renderer;
    }

    /** Checks {@code flow}, leaving out the languages and texts whose files are there but unreadable. */
    void check(Flow flow, Map<String, LanguageTexts> languages, UnreadableLocales unreadable, List<Problem> problems) {
        checkGraph(flow, problems);
        checkConsent(flow, problems);
        checkTexts(flow, languages, unreadable, problems);
    }

    private void checkGraph(Flow flow, List<Problem> problems) {
        Set<String> reachable = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(flow.first().id()));
        Map<String, Set<String>> leadsHere = new HashMap<>();
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (!reachable.add(id)) {
                continue;
            }
            flow.step(id).ifPresent(step -> {
                for (String target : flow.possibleTargets(step)) {
                    leadsHere.computeIfAbsent(target, k -> new HashSet<>()).add(id);
                    if (!Transition.END.equals(target) && flow.step(target).isPresent()) {
                        todo.push(target);
                    }
                }
            });
        }
        for (Step step : flow.steps()) {
            if (!reachable.contains(step.id())) {
                problems.add(Problem.worded(flow.file(), step.line(), "flowcheck.unreachable", Map.of("step", step.id())));
            }
        }
        Set<String> canFinish = new HashSet<>();
        Deque<String> back = new ArrayDeque<>(leadsHere.getOrDefault(Transition.END, Set.of()));
        while (!back.isEmpty()) {
            String id = back.pop();
            if (canFinish.add(id)) {
                back.addAll(leadsHere.getOrDefault(id, Set.of()));
            }
        }
        for (Step step : flow.steps()) {
            if (reachable.contains(step.id()) && !canFinish.contains(step.id())) {
                problems.add(Problem.worded(flow.file(), step.line(), "flowcheck.loop", Map.of("step", step.id())));
            }
        }
    }

    private void checkConsent(Flow flow, List<Problem> problems) {
        List<Step> consentSteps = flow.steps().stream().filter(Step::consent).toList();
        if (consentSteps.size() > 1) {
            problems.add(Problem.worded(flow.file(), consentSteps.get(1).line(), "flowcheck.consent_twice", Map.of()));
        }
        if (consentSteps.isEmpty()) {
            return;
        }
        String consentId = consentSteps.get(0).id();
        Set<String> seen = new HashSet<>();
        Deque<Step> todo = new ArrayDeque<>(List.of(flow.first()));
        while (!todo.isEmpty()) {
            Step step = todo.pop();
            if (step.id().equals(consentId) || !seen.add(step.id())) {
                continue;
            }
            if (step.asksSomething()) {
                problems.add(Problem.worded(flow.file(), step.line(), "flowcheck.before_consent",
                        Map.of("step", step.id(), "consent", consentId)));
            }
            flow.possibleTargets(step).forEach(t -> flow.step(t).ifPresent(todo::push));
        }
    }

    private void checkTexts(Flow flow, Map<String, LanguageTexts> languages, UnreadableLocales unreadable, List<Problem> problems) {
        Map<String, Integer> needed = neededKeys(flow);
        // the safety line (where to go when someone is not safe) is the flow's choice; once its first language has
        // one, every language needs its own: falling back to the first language's words, it was the one line of a
        // Turkish result a Turkish resident could not read
        LanguageTexts first = flow.languages().isEmpty() ? null : languages.get(flow.languages().get(0));
        if (first != null && first.flow(flow.id()).containsKey(Flow.SAFETY)) {
            needed.put(Flow.SAFETY, 1);
        }
        Map<String, Object> sample = sampleModel(flow);
        int languagesLine = 1;
        for (String code : flow.languages()) {
            if (!LANGUAGE_CODE.matcher(code).matches()) {
                // a folder such as locales/pt-BR is never read as a language (its files are "unexpected"): saying its
                // flow file "does not exist" sent the author looking for a file that is there
                problems.add(Problem.worded(flow.file(), languagesLine, "flowcheck.language_code_invalid", Map.of("language", code)));
                continue;
            }
            if (unreadable.language(code) || unreadable.flow(code, flow.id())) {
                continue; // there, but unreadable: its own problem says why, and nothing can be checked against it
            }
            LanguageTexts texts = languages.get(code);
            if (texts == null || !texts.flowFiles().containsKey(flow.id())) {
                problems.add(Problem.worded(flow.file(), languagesLine, "flowcheck.language_file_missing",
                        Map.of("language", code, "file", "locales/" + code + "/flows/" + flow.id() + ".yaml")));
                continue;
            }
            String localeFile = texts.flowFiles().get(flow.id());
            Map<String, Text> have = texts.flow(flow.id());
            needed.forEach((key, line) -> {
                if (!have.containsKey(key)) {
                    problems.add(missingText(flow.file(), line, code, key, localeFile));
                }
            });
            have.forEach((key, text) -> {
                if (key.startsWith(Translations.FLOW_MESSAGES)) {
                    if (unreadable.language(Language.SOURCE) || unreadable.messages(Language.SOURCE)) {
                        return; // the shared Dutch messages it words its own way could not be read
                    }
                    checkOwnMessage(key, text, languages.get(Language.SOURCE), localeFile, problems);
                } else if (!needed.containsKey(key) && !isStepRefusal(flow, key) && !isTeamWords(flow, key)
                        && !key.equals(Flow.SAFETY)) {
                    problems.add(Problem.worded(localeFile, text.line(), "flowcheck.text_orphan",
                            Map.of("key", key, "flow", flow.file())));
                } else {
                    renderer.check(text.text(), sample).ifPresent(problem -> problems.add(
                            renderProblem(localeFile, text.line(), key, problem)));
                }
                // in its source, and as it renders: a Velocity comment or an empty #if inside a tag ("<#**#a href=")
                // hid it from the source (it shows as text, never as a tag, but the author should hear of it)
                markup(text.text()).or(() -> renderedMarkup(text.text(), sample)).ifPresent(tag -> problems.add(
                        Problem.worded(localeFile, text.line(), "flowcheck.text_markup", Map.of("key", key, "tag", tag))));
                hidingMark(text.text()).ifPresent(mark -> problems.add(Problem.worded(localeFile, text.line(),
                        "flowcheck.text_comment", Map.of("key", key, "mark", mark))));
                nl.samenspraak.i18n.BidiControls.turning(text.text()).ifPresent(c -> problems.add(Problem.worded(localeFile,
                        text.line(), "flowcheck.text_direction", Map.of("key", key, "code", String.format("U+%04X", c)))));
                askedOrigin(flow, code, key, text.text()).ifPresent(phrase -> problems.add(Problem.worded(localeFile,
                        text.line(), "flowcheck.asks_origin", Map.of("key", key, "phrase", phrase))));
            });
        }
    }

    /**
     * What a text of a step asks of origin, if anything: not only a question's words, because a note or a group's
     * title above a bare "Antwoord:" asks as much (an uploaded form asked "In welk land bent u geboren?" in its group's
     * title and kept the answers), and so does an option or a refusal. A note's sentences that tell are not read (a
     * welcome says origin is never asked), nor are the tips and the title: they talk about the research's subject
     * ("monitor zonder etniciteit") and ask nothing.
     */
    private static Optional<String> askedOrigin(Flow flow, String language, String key, String text) {
        if (!key.startsWith("steps.")) {
            return Optional.empty();
        }
        String ofStep = key.substring("steps.".length());
        String stepId = ofStep.contains(".") ? ofStep.substring(0, ofStep.indexOf('.')) : ofStep;
        boolean tells = key.equals("steps." + stepId + ".text")
                && flow.step(stepId).map(step -> !step.asksSomething()).orElse(false);
        return tells ? AsksOrigin.inQuestionsOf(language, text) : AsksOrigin.in(language, text);
    }

    /** What starts a part of a text Velocity does not show as written: a comment to the line's end or its close. */
    private static final java.util.regex.Pattern HIDING = java.util.regex.Pattern.compile("##|#\\*|#\\[\\[");

    /**
     * The first mark in a text that makes the rest of it, or a part, not show as written: "##" and "#*" open a
     * comment, "#[[" a part shown without its marks. An uploaded label "Kies ##2 of 3: hoe heet je?" reached the chat
     * as "Kies", and a tip lost its end; no bundled text has any.
     */
    static Optional<String> hidingMark(String text) {
        java.util.regex.Matcher m = HIDING.matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /** An HTML tag, comment or declaration opening: {@code <b}, {@code </}, {@code <!}, {@code <?}. */
    private static final java.util.regex.Pattern MARKUP = java.util.regex.Pattern.compile("<[A-Za-z/!?][^\\s>]*");

    /**
     * The first piece of markup in a flow's text, if any. A flow's texts are words: the chat, the dashboard and the
     * result put them into pages as they are, and an uploaded spreadsheet's label with a link or a script in it reached
     * managers' pages and residents' chats as markup (the page's security policy stopped the scripts, not the links).
     * No bundled text has any; "kinderen < 4 jaar" is not markup.
     */
    /** The first tag {@code text} makes when rendered with {@code sample}; empty when none, or when it does not render. */
    private Optional<String> renderedMarkup(String text, Map<String, Object> sample) {
        if (!TextRenderer.isTemplate(text)) {
            return Optional.empty();
        }
        try {
            return markup(renderer.renderPlain(text, sample));
        } catch (RuntimeException e) {
            return Optional.empty(); // said as a text that does not render
        }
    }

    static Optional<String> markup(String text) {
        java.util.regex.Matcher m = MARKUP.matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /** A text that does not render, worded by what is wrong: a name, where its syntax breaks, or Velocity's words. */
    static Problem renderProblem(String file, int line, String key, RenderProblem problem) {
        if (problem instanceof RenderProblem.UnknownReference unknown) {
            return Problem.worded(file, line, "flowcheck.text_unknown_reference", Map.of("key", key, "reference", unknown.reference()));
        }
        if (problem instanceof RenderProblem.SyntaxError syntax) {
            return Problem.worded(file, line, syntax.atTheEnd() ? "flowcheck.text_syntax_end" : "flowcheck.text_syntax",
                    Map.of("key", key, "line", syntax.line(), "column", syntax.column(), "near", syntax.near()));
        }
        if (problem instanceof RenderProblem.TooDeep) {
            return Problem.worded(file, line, "flowcheck.text_too_deep", Map.of("key", key));
        }
        return Problem.worded(file, line, "flowcheck.text_render", Map.of("key", key, "error", ((RenderProblem.Unrenderable) problem).detail()));
    }

    /**
     * A flow may word a shared message its own way in one language (no other language needs to follow),
     * with no reference the shared Dutch message lacks.
     */
    private static void checkOwnMessage(String key, Text text, LanguageTexts source, String localeFile, List<Problem> problems) {
        String messageKey = key.substring(Translations.FLOW_MESSAGES.length());
        Text shared = source == null ? null : source.messages().get(messageKey);
        if (shared == null) {
            problems.add(Problem.worded(localeFile, text.line(), "flowcheck.own_message_unknown",
                    Map.of("key", key, "message", messageKey)));
            return;
        }
        Set<String> known = TextRenderer.references(shared.text());
        TextRenderer.references(text.text()).stream().filter(r -> !known.contains(r)).forEach(r ->
                problems.add(Problem.worded(localeFile, text.line(), "flowcheck.own_message_reference",
                        Map.of("key", key, "reference", "$" + r))));
    }

    private static Problem missingText(String flowFile, int line, String code, String key, String localeFile) {
        if (code.equals(Language.SOURCE) && key.contains(".options.")) {
            return Problem.worded(flowFile, line, "flowcheck.option_label_missing", Map.of("option",
                    key.substring(key.lastIndexOf('.') + 1), "step", key.split("\\.")[1], "key", key, "file", localeFile));
        }
        return Problem.worded(flowFile, line, "flowcheck.text_missing", Map.of("language", code, "key", key, "file", localeFile));
    }

    /** A step's own words for a refused answer ({@code steps.<id>.invalid}): optional, for a step that asks something. */
    private static boolean isStepRefusal(Flow flow, String key) {
        if (!key.startsWith("steps.") || !key.endsWith(".invalid")) {
            return false;
        }
        String stepId = key.substring("steps.".length(), key.length() - ".invalid".length());
        return flow.step(stepId).map(Step::asksSomething).orElse(false);
    }

    /**
     * A tip's words for a team's managers ({@code tips.<id>.team_title}, {@code tips.<id>.team}): optional, shown on
     * the dashboard's summary and in the team report instead of the person's title and text (DashboardWords). A team
     * text was refused here as a text for something the flow lacks, so no flow could have one.
     */
    private static boolean isTeamWords(Flow flow, String key) {
        for (AdviceRule rule : flow.advice()) {
            if (key.equals("tips." + rule.id() + ".team") || key.equals("tips." + rule.id() + ".team_title")) {
                return true;
            }
        }
        return false;
    }

    /** Every text key the flow needs, with the flow-file line that needs it. */
    static Map<String, Integer> neededKeys(Flow flow) {
        Map<String, Integer> keys = new LinkedHashMap<>();
        keys.put("title", 1);
        keys.put("description", 1);
        for (String d : flow.dimensions()) {
            keys.put("dimensions." + d, 1);
        }
        for (Step step : flow.steps()) {
            keys.put("steps." + step.id() + ".text", step.line());
            if (step.type() == StepType.CHOICE || step.type() == StepType.MULTI) {
                for (Option o : step.options()) {
                    if (!o.dontKnow()) {
                        keys.put("steps." + step.id() + ".options." + o.value(), o.line());
                    }
                }
            }
            if (step.type() == StepType.SCALE) {
                keys.put("steps." + step.id() + ".minLabel", step.line());
                keys.put("steps." + step.id() + ".maxLabel", step.line());
            }
            if (step.theme() != null) {
                keys.put("themes." + step.theme(), step.line());
            }
            if (step.benchmark() != null) {
                keys.put("steps." + step.id() + ".benchmark.text", step.benchmark().line());
                step.benchmark().figures().keySet().forEach(f ->
                        keys.put("steps." + step.id() + ".benchmark.figures." + f, step.benchmark().line()));
            }
        }
        for (AdviceRule rule : flow.advice()) {
            keys.put("tips." + rule.id() + ".title", rule.line());
            keys.put("tips." + rule.id() + ".text", rule.line());
        }
        return keys;
    }

    /** A model with every name a text may use, as the renderer will see it at run time. */
    public static Map<String, Object> sampleModel(Flow flow) {
        Map<String, Object> answers = new HashMap<>();
        flow.steps().forEach(s -> answers.put(s.id(), "x"));
        Map<String, Object> scores = new HashMap<>();
        flow.dimensions().forEach(d -> scores.put(d, 50));
        // what a text may say about the conversation itself (conversation.ConversationReplies fills it in)
        Map<String, Object> conversation = Map.of("team", "x", "assisted", true, "telegram", true, "keptFor", "x",
                "unfinishedKeptFor", "x");
        // a team's own contact details, in a tip (ResultBuilder fills them in, "" where the team gave none)
        Map<String, Object> team = Map.of("desk", "x", "address", "x", "walkIn", "x", "phone", "x", "email", "x",
                "interpreter", "x");
        // which of the flow's tips are on the same result (ResultBuilder fills it in)
        Map<String, Object> shown = new HashMap<>();
        flow.advice().forEach(rule -> shown.put(rule.id(), false));
        return Map.of("answers", answers, "scores", scores, "conversation", conversation, "team", team, "shown", shown);
    }
}
