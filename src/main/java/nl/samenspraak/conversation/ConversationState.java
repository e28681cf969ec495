package nl.samenspraak.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.samenspraak.result.Result;

import java.util.List;

/**
 * Everything a channel needs to show a conversation: the step now asked (null when done), progress, the
 * result once done, and how to come back (the resume code). Texts are HTML-safe, in the conversation's
 * language, with its text direction.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ConversationState(
        String id,
        String flow,
        String language,
        String direction,
        String resumeCode,
        boolean done,
        @Nullable StepView step,
        ProgressView progress,
        @Nullable Result result) {

    /**
     * The question: for choice, multi, scale and yesno the valid values are exactly the options' values.
     * {@code min}/{@code max}: the range of a number or scale, or how few/many options a multi takes;
     * {@code max} of a text is its longest length. {@code previous} is the answer given before, if any.
     * {@code translation}: the same question in the language of someone reading along (an intermediair), when
     * that was asked for and differs from the conversation's language; else left out, so the public API's
     * STATE stays exactly as documented.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record StepView(String id, String type, String text, List<OptionView> options, @Nullable Number min,
                           @Nullable Number max, boolean optional, @Nullable Object previous,
                           @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Translation translation) {
        @Creator
        public StepView {
        }

        /** A step without a translation. */
        public StepView(String id, String type, String text, List<OptionView> options, @Nullable Number min,
                        @Nullable Number max, boolean optional, @Nullable Object previous) {
            this(id, type, text, options, min, max, optional, previous, null);
        }
    }

    /**
     * A question in a second language: its text and its options' labels (the same values, in the same order),
     * with that language's code and text direction. HTML-safe like every text here.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Translation(String language, String direction, String text, List<OptionView> options) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OptionView(String value, String label) {
    }

    /** Questions answered, and how many there are in all along the way the answers point now. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ProgressView(int answered, int total) {
    }
}
