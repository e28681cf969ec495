package nl.samenspraak.flow;

import java.util.List;
import java.util.Optional;

/**
 * One step of a flow. Words are not here: the question text and option labels live in the locale files
 * under {@code steps.<id>}.
 *
 * @param min        for {@code number} and {@code scale}: the lowest value; for {@code multi}: the fewest options
 * @param max        for {@code number} and {@code scale}: the highest value; for {@code multi}: the most options
 * @param maxLength  for {@code text}: the longest answer in characters
 * @param dimension  for {@code scale}: the score dimension the scale counts on (higher is stronger unless reversed)
 * @param next       the ways out, tried in order; empty means "the step below, or the end"
 * @param theme      groups the answer in the result's summary; null leaves it out
 * @param consent    a yes/no step that asks consent: nothing is stored before "ja", and "nee" ends the flow
 * @param benchmark  figures from elsewhere to show beside the answers on the dashboard; null for none
 * @param notBefore  for {@code date}: the earliest date allowed, {@link #TODAY} or yyyy-mm-dd; null for none
 * @param notAfter   for {@code date}: the latest date allowed, {@link #TODAY} or yyyy-mm-dd; null for none
 * @param integer    for {@code number}: only whole numbers (an XLSForm {@code integer}, a count of people)
 * @param voice      for {@code text}: a spoken answer counts too (a Telegram voice message), for people who write
 *                   little; it is kept as audio beside the answer, which says only {@link #VOICE_ANSWER}
 */
public record Step(
        String id,
        StepType type,
        boolean optional,
        List<Option> options,
        Double min,
        Double max,
        Integer maxLength,
        String dimension,
        boolean reverse,
        List<Transition> next,
        String source,
        String theme,
        boolean consent,
        Benchmark benchmark,
        String notBefore,
        String notAfter,
        int line,
        boolean integer,
        boolean voice) {

    public static final String DONT_KNOW = "weet-niet";
    /**
     * The most options a step may offer, "weet ik niet" included. A Telegram chat keeps the options of a multi
     * question ticked so far by their numbers in {@code telegram_chat.selection VARCHAR(2000)}, and nothing bounded
     * them: some 500 options took a tap past the column (a 500). 50 all ticked take 139 characters of it; they are a
     * list a phone still scrolls through, and a Telegram keyboard of 50 buttons (one row each, with "Klaar" and
     * "Overslaan") stays well inside the 100 buttons Telegram takes in one message. A multi answer of 50 values of
     * the longest names ({@link Names#PART_MAX}) is 3,351 characters of the answer's 200,000.
     */
    public static final int MOST_OPTIONS = 50;
    /**
     * The most characters a text step may take ({@code maxLength}). A text answer is stored as JSON in
     * {@code answer.answer_value VARCHAR(200000)}, where a newline or a character outside the basic plane takes two,
     * and a flow's maxLength was bounded from below only: with 300,000 an answer of 200,001 letters passed and failed
     * its storing (a 500). 20,000 takes at most 40,002 of the column, and leaves a Telegram draft (50,000 characters
     * of JSON, {@code telegram.DraftRoom}) room to gather it in parts; the bundled flows ask at most 2,000.
     */
    public static final int LONGEST_TEXT = 20_000;
    /** The two values of a yesno step. */
    public static final String YES = "ja";
    public static final String NO = "nee";
    /** A date bound that moves with the calendar: the day the answer is given. */
    public static final String TODAY = "today";
    /**
     * The stored answer of a text step answered by voice: a text nobody types (it starts with a private-use
     * character, which typed answers lose), so every place that words answers can say "spraakbericht" instead.
     * The audio itself is kept apart, with the conversation.
     */
    public static final String VOICE_ANSWER = "\uE000voice";

    public Step {
        options = List.copyOf(options);
        next = List.copyOf(next);
    }

    public Optional<Option> option(String value) {
        for (Option o : options) { // a loop, not a stream: the dashboard asks this for every answer it counts
            if (o.value().equals(value)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** Whether this stored answer is a voice message (see {@link #VOICE_ANSWER}). */
    public static boolean isVoice(Object answer) {
        return VOICE_ANSWER.equals(answer);
    }

    /** Whether an answer here counts on {@code dimension}'s score: a scale of it, or a choice whose options give it points. */
    public boolean countsOn(String dimension) {
        return dimension.equals(dimension()) || options().stream().anyMatch(o -> o.points().containsKey(dimension));
    }

    public boolean asksSomething() {
        return type != StepType.INFO;
    }
}
