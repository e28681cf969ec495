package nl.samenspraak.conversation;

import nl.samenspraak.result.AnswerLabels;
import nl.samenspraak.result.ResultBuilder;
import nl.samenspraak.result.TeamContact;
import nl.samenspraak.engine.ConversationEngine;
import nl.samenspraak.engine.Progress;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.StepType;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.i18n.Translations;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/**
 * Puts a conversation into words for any channel: the {@link ConversationState} in the conversation's language,
 * and the question also in the language of someone reading along when asked (see {@link ConversationState.Translation}).
 */
public final class StateRenderer {
    private final ConversationEngine engine;
    private final Translations translations;
    private final TextRenderer renderer;
    private final AnswerLabels labels;
    private final ResultBuilder results;
    private final Transcripts transcripts;

    public StateRenderer(ConversationEngine engine, Translations translations, TextRenderer renderer, ResultBuilder results) {
        this.engine = engine;
        this.translations = translations;
        this.renderer = renderer;
        this.labels = new AnswerLabels(translations);
        this.results = results;
        this.transcripts = new Transcripts(translations, renderer);
    }

    /** The way so far: every step on the path, the question as shown and the answer as repeated (see {@link Transcripts}). */
    public ConversationState.Transcript transcript(String id, Flow flow, Progress progress, String language) {
        return transcript(id, flow, progress, language, l -> NOTHING_KNOWN);
    }

    /** As above; {@code about}: what the questions may say about the conversation itself (see {@link #render}). */
    public ConversationState.Transcript transcript(String id, Flow flow, Progress progress, String language,
                                                   java.util.function.Function<String, Map<String, Object>> about) {
        Language lang = translations.languageOrSource(language);
        return new ConversationState.Transcript(id, lang.code(), lang.direction(), transcripts.entries(flow, progress, lang.code(), about));
    }

    /**
     * The conversation as a channel shows it, with the question also in {@code alsoIn} when that is another
     * language the flow speaks (for an intermediair reading along); null: no second language.
     */
    public ConversationState render(String id, String resumeCode, Flow flow, Progress progress, String language,
                                    @Nullable String alsoIn) {
        return render(id, resumeCode, flow, progress, language, alsoIn, null);
    }

    /** What texts may say about a conversation nobody told this renderer about: no team, not assisted, no limits. */
    private static final Map<String, Object> NOTHING_KNOWN = Map.of("team", "", "assisted", false, "telegram", false,
            "keptFor", "", "unfinishedKeptFor", "");

    /** As above; a finished result also says where to go, from the details of the conversation's team ({@code team}, null: none). */
    public ConversationState render(String id, String resumeCode, Flow flow, Progress progress, String language,
                                    @Nullable String alsoIn, @Nullable TeamContact team) {
        return render(id, resumeCode, flow, progress, language, alsoIn, team, l -> NOTHING_KNOWN);
    }

    /**
     * As above; {@code about} gives, per language, what the flow's texts may say about the conversation itself
     * ({@code $conversation.team}, ...; see ConversationReplies), asked only for a text that uses it.
     */
    public ConversationState render(String id, String resumeCode, Flow flow, Progress progress, String language,
                                    @Nullable String alsoIn, @Nullable TeamContact team,
                                    java.util.function.Function<String, Map<String, Object>> about) {
        Language lang = translations.languageOrSource(language);
        ConversationEngine.Count count = engine.count(flow, progress);
        boolean done = progress.ended();
        Language second = alsoIn == null || alsoIn.equals(lang.code()) || !flow.speaks(alsoIn) ? null
                : translations.language(alsoIn).orElse(null);
        // a finished result never shows its code: a forwarded result must not hand out a key to the answers
        return new ConversationState(id, flow.id(), lang.code(), lang.direction(), done ? "" : resumeCode, done,
                done ? null : step(flow, flow.requireStep(progress.current()), progress, lang.code(), second, about),
                new ConversationState.ProgressView(count.answered(), count.total()),
                // someone reading along (an intermediair's page) is the professional a result may be for
                done ? results.build(flow, progress, lang.code(), alsoIn != null, team,
                        second != null ? second.code() : alsoIn != null ? lang.code() : null) : null,
                transcripts.last(flow, progress, lang.code(), about), flow.version());
    }

    /**
     * Only the result of a finished conversation, as the person who answered reads it in {@code language}: no code,
     * no question, no echo, and no summary of their answers (a result handed over to their own phone).
     */
    public ConversationState resultOnly(String id, Flow flow, Progress progress, String language, @Nullable TeamContact team) {
        Language lang = translations.languageOrSource(language);
        ConversationEngine.Count count = engine.count(flow, progress);
        nl.samenspraak.result.Result full = results.build(flow, progress, lang.code(), false, team, null, false);
        return new ConversationState(id, flow.id(), lang.code(), lang.direction(), "", true, null,
                new ConversationState.ProgressView(count.answered(), count.total()), full, null, flow.version());
    }

    /**
     * How {@code step} reads in {@code language} before anything is answered, as a channel would show it: the
     * admin's preview of an uploaded questionnaire (an earlier answer quoted in the text stays empty).
     */
    public ConversationState.StepView preview(Flow flow, Step step, String language) {
        Progress before = new Progress(List.of(step.id()), Map.of(), step.id(), nl.samenspraak.engine.Status.ACTIVE);
        return step(flow, step, before, translations.languageOrSource(language).code(), null, l -> NOTHING_KNOWN);
    }

    private ConversationState.StepView step(Flow flow, Step step, Progress progress, String language, @Nullable Language second,
                                            java.util.function.Function<String, Map<String, Object>> about) {
        String text = text(flow, step, progress, language, about);
        List<ConversationState.OptionView> options = options(flow, step, language);
        ConversationState.Translation translation = second == null ? null : new ConversationState.Translation(second.code(),
                second.direction(), text(flow, step, progress, second.code(), about), options(flow, step, second.code()),
                scaleEnd(flow, step, "minLabel", second.code()), scaleEnd(flow, step, "maxLabel", second.code()));
        Number min = null;
        Number max = null;
        switch (step.type()) {
            case NUMBER, SCALE -> {
                min = whole(step.min());
                max = whole(step.max());
            }
            case MULTI -> {
                min = whole(step.min());
                // the most that can be ticked together: an option that excludes the others ("Geen van deze", "Weet ik
                // niet") is never among more. "Kies er 1 tot en met 6" stood over five and "Geen van deze" (the resident
                // probe of December 2026). Said here, not in the flow's max: that is part of what the dashboard compares
                // between versions (dashboard.StepFingerprints), and the question was asked no other way
                long together = Math.max(1, step.options().stream().filter(o -> !o.exclusive() && !o.dontKnow()).count());
                max = whole(step.max() == null ? null : Math.min(step.max(), (double) together));
            }
            case TEXT -> max = step.maxLength();
            default -> {
            }
        }
        Object previous = step.type() == StepType.INFO ? null : progress.answers().get(step.id());
        if (Step.isVoice(previous)) {
            previous = null; // a voice message is not text to put back in the box: say or type the answer again
        }
        return new ConversationState.StepView(step.id(), step.type().key(), text, options, min, max, step.optional(), previous,
                translation, scaleEnd(flow, step, "minLabel", language), scaleEnd(flow, step, "maxLabel", language));
    }

    /** What one end of a scale means ("nooit"), HTML-safe; null for any other step. */
    private String scaleEnd(Flow flow, Step step, String end, String language) {
        return step.type() == StepType.SCALE ? translations.flowText(language, flow.id(), "steps." + step.id() + "." + end) : null;
    }

    /**
     * The question's text in {@code language}, earlier answers piped in as they read in that language, and what the
     * text says about the conversation itself (its team, whether an intermediair types, how long answers are kept).
     */
    private String text(Flow flow, Step step, Progress progress, String language,
                        java.util.function.Function<String, Map<String, Object>> about) {
        String template = translations.flowText(language, flow.id(), "steps." + step.id() + ".text");
        if (!TextRenderer.isTemplate(template)) {
            return template; // most questions quote no earlier answer: no need to put every answer into words
        }
        Map<String, Object> model = Map.of("answers", labels.all(flow, progress.answersOnPath(), language),
                "conversation", about.apply(language));
        return renderer.render(template, model);
    }

    private List<ConversationState.OptionView> options(Flow flow, Step step, String language) {
        // a scale's points are labelled by their number; what the ends mean are the step's minLabel and maxLabel
        return step.options().stream()
                .map(o -> new ConversationState.OptionView(o.value(),
                        step.type() == StepType.SCALE && !o.dontKnow() ? o.value() : labels.optionLabel(flow, step, o, language),
                        o.dontKnow(), o.exclusive()))
                .toList();
    }

    private static Number whole(Double d) {
        if (d == null) {
            return null;
        }
        return d == Math.rint(d) ? (Number) d.longValue() : d;
    }
}
