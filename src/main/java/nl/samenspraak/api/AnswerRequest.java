package nl.samenspraak.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An answer to a step: text, a number, a list of option values, or null (skip, or "read" for an info step); {@code
 * version}, optional: the state's {@code version} the step was shown with.
 */
@Serdeable
public record AnswerRequest(@NotBlank @Size(max = 100) String step, @Schema(ref = "#/components/schemas/AnswerValue") @Nullable Object value,
                            @Schema(description = "Optional: the version of the flow the step was shown as (the state's "
                                    + "version). An answer to a question a version published since asks as another kind "
                                    + "is refused with 409 when it was shown under the earlier version, and taken when it "
                                    + "was shown as asked now; without it the answer is judged by the version the "
                                    + "conversation was stored under")
                            @Nullable @Size(max = 64) String version) {
}
