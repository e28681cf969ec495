package nl.samenspraak.intermediair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/**
 * A step back on an intermediair's page, as the API's ({@code api.BackRequest}): {@code from}, the step the page shows,
 * so that a retry after a lost reply goes back once.
 */
@Serdeable
public record AssistedBackRequest(@Nullable @Size(max = 100) String from) {
}
