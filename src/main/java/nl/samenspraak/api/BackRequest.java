package nl.samenspraak.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/**
 * A step back, optionally from a named question: {@code from}, the id of the step the client shows. Sent again (a
 * retry after a lost reply) it changes nothing once the conversation has gone back, where a step back without it goes
 * back once more.
 */
@Serdeable
public record BackRequest(@Schema(description = "Optional: the id of the step the client shows (the state's step.id). "
        + "When the conversation no longer asks it, nothing changes and the reply is 409 not_current with the state as "
        + "it is, so a retry goes back once; without it the conversation goes back one step from wherever it is")
                          @Nullable @Size(max = 100) String from) {
}
