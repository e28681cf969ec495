package nl.samenspraak.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An answer to a step: text, a number, a list of option values, or null (skip, or "read" for an info step). */
@Serdeable
public record AnswerRequest(@NotBlank @Size(max = 100) String step, @Schema(ref = "#/components/schemas/AnswerValue") @Nullable Object value) {
}
