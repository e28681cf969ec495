package nl.samenspraak.result;

import nl.samenspraak.engine.AnswerWords;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Option;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.StepType;
import nl.samenspraak.i18n.Translations;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Says answers in words, as the person saw them: option labels in their language, what they typed as typed.
 * These are plain texts; the templates that show them escape them.
 */
public final class AnswerLabels {
    private final Translations translations;

    public AnswerLabels(Translations translations) {
        this.translations = translations;
    }

    /** The label of one option of a step, in {@code language}. */
    public String optionLabel(Flow flow, Step step, Option option, String language) {
        if (option.dontKnow()) {
            return translations.optionalFlowText(language, flow.id(), "steps." + step.id() + ".options." + option.value())
                    .orElseGet(() -> translations.message(language, "answer.dont_know"));
        }
        return switch (step.type()) {
            case YESNO -> translations.message(language, Step.YES.equals(option.value()) ? "answer.yes" : "answer.no");
            case SCALE -> scaleLabel(flow, step, option, language);
            default -> translations.flowText(language, flow.id(), "steps." + step.id() + ".options." + option.value());
        };
    }

    private String scaleLabel(Flow flow, Step step, Option option, String language) {
        String value = option.value();
        if (value.equals(String.valueOf(step.min().longValue()))) {
            return value + " · " + translations.flowText(language, flow.id(), "steps." + step.id() + ".minLabel");
        }
        if (value.equals(String.valueOf(step.max().longValue()))) {
            return value + " · " + translations.flowText(language, flow.id(), "steps." + step.id() + ".maxLabel");
        }
        return value;
    }

    /** An answer in words; empty for a skipped question or one not answered. */
    public String answer(Flow flow, Step step, Object value, String language) {
        if (value == null) {
            return "";
        }
        if (Step.isVoice(value)) {
            // a voice message is said as such, in words; its audio is only on the holder's page of the conversation
            return translations.message(language, "answer.voice");
        }
        if (step.type() == StepType.MULTI && value instanceof List<?> values) {
            return translations.list(language, values.stream().map(v -> labelOf(flow, step, String.valueOf(v), language)).toList());
        }
        if (step.type().hasOptions()) {
            return labelOf(flow, step, String.valueOf(value), language);
        }
        return String.valueOf(value);
    }

    /**
     * An answer as the person is told it (their result, its PDF, the chat's repeat, {@code $answers} in texts): as
     * {@link #answer}, with a number and a date as the language writes them ("5,5", "7 december 2026" in Dutch). The
     * result wrote the stored "5.5" and "2026-12-07" beside a chat that had repeated "5,5". Exports keep
     * {@link #answer}: a file is read by programs too.
     */
    public String said(Flow flow, Step step, Object value, String language) {
        if (value == null || Step.isVoice(value)) {
            return answer(flow, step, value, language);
        }
        if (step.type() == StepType.NUMBER) {
            return AnswerWords.of(translations, flow.id(), language).number(value);
        }
        if (step.type() == StepType.DATE) {
            try {
                return AnswerWords.of(translations, flow.id(), language).date(LocalDate.parse(String.valueOf(value)));
            } catch (DateTimeParseException e) {
                return String.valueOf(value);
            }
        }
        return answer(flow, step, value, language);
    }

    private String labelOf(Flow flow, Step step, String value, String language) {
        return step.option(value).map(o -> optionLabel(flow, step, o, language)).orElse(value);
    }

    /** Every step's answer in words, for {@code $answers.<step>} in texts; unanswered steps give "". */
    public Map<String, Object> all(Flow flow, Map<String, Object> answers, String language) {
        Map<String, Object> words = new HashMap<>();
        for (Step step : flow.steps()) {
            words.put(step.id(), said(flow, step, answers.get(step.id()), language));
        }
        return words;
    }
}
