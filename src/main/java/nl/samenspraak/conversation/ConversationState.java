package nl.samenspraak.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import nl.samenspraak.result.Result;

import java.util.List;

/**
 * Everything a channel needs to show a conversation: the step now asked (null when done), progress, the
 * result once done, how to come back (the resume code), and {@code echo}: the last answer on the way here as
 * the transcript words it, so every channel repeats an answer the same way. Texts are HTML-safe, in the
 * conversation's language, with its text direction. The whole way so far is {@link Transcript}, asked for
 * separately (a page load needs it, a turn does not). {@code version}: the version of the flow the step is shown
 * as, which a client sends back with its answer ({@code AnswerRequest.version}) so that the answer is judged by the
 * question the person saw, also when a new version of the flow was published in between.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ConversationState(
        String id,
        String flow,
        String language,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"ltr", "rtl"}) String direction,
        String resumeCode,
        boolean done,
        @Nullable StepView step,
        ProgressView progress,
        @Nullable Result result,
        @Nullable TranscriptEntry echo,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The version of the flow the step is shown as: send it back with the answer "
                + "(the answer's optional version), so that it is judged by the question shown, also when a new version "
                + "of the flow was published in between")
        @Nullable String version) {

    @Creator
    public ConversationState {
    }

    /** A state that names no version of its flow. */
    public ConversationState(String id, String flow, String language, String direction, String resumeCode, boolean done,
                             @Nullable StepView step, ProgressView progress, @Nullable Result result, @Nullable TranscriptEntry echo) {
        this(id, flow, language, direction, resumeCode, done, step, progress, result, echo, null);
    }

    /** A state without an echo. */
    public ConversationState(String id, String flow, String language, String direction, String resumeCode, boolean done,
                             @Nullable StepView step, ProgressView progress, @Nullable Result result) {
        this(id, flow, language, direction, resumeCode, done, step, progress, result, null, null);
    }

    /**
     * The same state with {@code result} in place of its own: the one copy of the record, so a use case that words a
     * result differently (a notice above it, say) cannot leave out a field added later.
     */
    public ConversationState withResult(@Nullable Result result) {
        return new ConversationState(id, flow, language, direction, resumeCode, done, step, progress, result, echo, version);
    }

    /**
     * The question: for choice, multi, scale and yesno a client sends one of the options' values (the service also
     * takes what the chat takes typed: an option's label, a scale's number in other digits; see the README's "JSON
     * API"). {@code min}/{@code max}: the range of a number or scale, or how few/many options a multi takes;
     * {@code max} of a text is its longest length. {@code previous} is the answer given before, if any, as it was
     * stored: a value to put back in a field, not text to show, so it is not HTML-escaped as every text here is.
     * {@code translation}: the same question in the language of someone reading along (an intermediair), when
     * that was asked for and differs from the conversation's language; else left out, so the public API's
     * STATE stays exactly as documented. {@code minLabel}/{@code maxLabel}: what the two ends of a scale mean
     * ("nooit", "altijd"); null for other steps. A scale's options are labelled with their number alone.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record StepView(String id,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"info", "choice", "multi", "scale", "yesno", "text", "number", "date"})
                           String type,
                           String text, List<OptionView> options, @Nullable Number min,
                           @Nullable Number max, boolean optional,
                           @Schema(ref = "#/components/schemas/AnswerValue", requiredMode = Schema.RequiredMode.REQUIRED)
                           @Nullable Object previous,
                           @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Translation translation,
                           @Nullable String minLabel, @Nullable String maxLabel) {
        @Creator
        public StepView {
        }

        /** A step without a translation or scale ends. */
        public StepView(String id, String type, String text, List<OptionView> options, @Nullable Number min,
                        @Nullable Number max, boolean optional, @Nullable Object previous) {
            this(id, type, text, options, min, max, optional, previous, null, null, null);
        }
    }

    /**
     * A question in a second language: its text, its options' labels (the same values, in the same order) and
     * a scale's ends, with that language's code and text direction. HTML-safe like every text here.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Translation(String language, @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"ltr", "rtl"}) String direction, String text, List<OptionView> options,
                              @Nullable String minLabel, @Nullable String maxLabel) {
    }

    /**
     * One option: its value, its label, whether it is "don't know" (a secondary answer, shown apart) and whether
     * it goes with no other option of a multi ({@code exclusive}, "Geen van deze"; "don't know" is too).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OptionView(String value, String label, boolean dontKnow, boolean exclusive) {
        @Creator
        public OptionView {
        }

        public OptionView(String value, String label) {
            this(value, label, false, false);
        }
    }

    /**
     * One step of the way so far: the question as it was shown and, for a question, the answer in words as the
     * chat repeats it ({@code skipped}: the person skipped it). HTML-safe. An info step has no answer.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TranscriptEntry(String step, String type, String question, @Nullable String answer, boolean skipped) {
    }

    /** The conversation's way so far, in order, in its language: what a page shows above the current question. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Transcript(String id, String language, @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"ltr", "rtl"}) String direction, List<TranscriptEntry> entries) {
    }

    /** Questions answered, and how many there are in all along the way the answers point now. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ProgressView(int answered, int total) {
    }
}
