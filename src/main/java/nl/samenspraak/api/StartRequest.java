package nl.samenspraak.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Starts a conversation in a flow, in a language the flow offers. */
@Serdeable
public record StartRequest(@NotBlank @Size(max = 100) String flow, @Nullable @Size(max = 16) String language) {
}
