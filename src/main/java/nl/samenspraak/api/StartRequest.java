package nl.samenspraak.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Starts a conversation in a flow, in a language the flow offers. */
@Serdeable
public record StartRequest(@NotBlank @Size(max = 100) String flow,
                           @Nullable @Size(max = 16)
                           @Schema(description = "A language the flow offers (GET /api/flows). Without one: the client's "
                                   + "(Accept-Language) when the flow speaks it, else the flow's first.")
                           String language) {
}
