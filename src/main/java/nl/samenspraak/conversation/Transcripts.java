package nl.samenspraak.conversation;

import nl.samenspraak.engine.Progress;
import nl.samenspraak.engine.Status;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Option;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.StepType;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.i18n.Translations;
import nl.samenspraak.result.AnswerLabels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The way a conversation went, in words, for every channel: each step on its path with the question as it was
 * shown and the answer as the chat repeats it. One wording for every answer, so an echo reads the same live,
 * after a reload and on another device: an option by its label, a scale point as "4 van 5", a date as people
 * write it ("1 december 2026"), a number with the language's decimal separator ("5,5"), a skipped question as
 * skipped. Made from the conversation in memory: no reads.
 * A declined conversation has no way to show: nothing of it was kept.
 */
final class Transcripts {
    private final Translations translations;
    private final TextRenderer renderer;
    private final AnswerLabels labels;

    Transcripts(Translations translations, TextRenderer renderer) {
        this.translations = translations;
        this.renderer = renderer;
        this.labels = new AnswerLabels(translations);
    }

    /** {@code about}: what a question may say about the conversation itself ({@code $conversation.team}, ...). */
    List<ConversationState.TranscriptEntry> entries(Flow flow, Progress progress, String language,
                                                    Function<String, Map<String, Object>> about) {
        if (progress.status() == Status.DECLINED) {
            return List.of();
        }
        Supplier<Map<String, Object>> piped = once(() -> Map.of("answers", labels.all(flow, progress.answersOnPath(), language),
                "conversation", about.apply(language)));
        List<ConversationState.TranscriptEntry> entries = new ArrayList<>();
        for (String stepId : progress.path()) {
            flow.step(stepId).ifPresent(step -> entries.add(entry(flow, step, progress, language, piped)));
        }
        return entries;
    }

    /** The last step on the way here, or null at the start (or when nothing of the way was kept). */
    ConversationState.TranscriptEntry last(Flow flow, Progress progress, String language,
                                           Function<String, Map<String, Object>> about) {
        List<String> path = progress.path();
        if (path.isEmpty() || progress.status() == Status.DECLINED) {
            return null;
        }
        return flow.step(path.get(path.size() - 1)).map(step -> entry(flow, step, progress, language,
                () -> Map.of("answers", labels.all(flow, progress.answersOnPath(), language),
                        "conversation", about.apply(language)))).orElse(null);
    }

    /**
     * One step of the way. Earlier answers are put into words for the question only when it quotes one (most do
     * not), which keeps a turn's echo cheap.
     */
    private ConversationState.TranscriptEntry entry(Flow flow, Step step, Progress progress, String language,
                                                    Supplier<Map<String, Object>> piped) {
        String template = translations.flowText(language, flow.id(), "steps." + step.id() + ".text");
        String question = template.indexOf('$') < 0 && template.indexOf('#') < 0 ? template : renderer.render(template, piped.get());
        if (!step.asksSomething()) {
            return new ConversationState.TranscriptEntry(step.id(), step.type().key(), question, null, false);
        }
        Object value = progress.answers().get(step.id());
        if (value == null) {
            return new ConversationState.TranscriptEntry(step.id(), step.type().key(), question,
                    translations.flowMessage(language, flow.id(), "answer.skipped"), true);
        }
        return new ConversationState.TranscriptEntry(step.id(), step.type().key(), question,
                // HTML-safe as the contract says, but "I don't know" as the option's label reads (not "I don&#39;t know");
                // every channel shows it as element content (the web chat, Telegram's HTML, the transcript)
                TextRenderer.escapeText(answer(flow, step, value, language)), false);
    }

    private static <T> Supplier<T> once(Supplier<T> make) {
        return new Supplier<>() {
            private T made;

            @Override
            public T get() {
                if (made == null) {
                    made = make.get();
                }
                return made;
            }
        };
    }

    /** An answer in words, as the chat repeats it (plain text). */
    String answer(Flow flow, Step step, Object value, String language) {
        if (step.type() == StepType.SCALE && !step.option(String.valueOf(value)).map(Option::dontKnow).orElse(false)) {
            return renderer.render(translations.message(language, "answer.scale_value"),
                    Map.of("value", value, "max", step.max().longValue())).replace("&amp;", "&");
        }
        // "5,5" and "7 december 2026" in Dutch, where "5.5" was repeated to the person who typed "5,5"
        return labels.said(flow, step, value, language);
    }
}
