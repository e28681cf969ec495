package nl.samenspraak.intermediair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An answer an intermediair enters for a resident: as the public API's answer (with its optional {@code version}, the
 * flow version the step was shown as), plus for a typed text the language it was typed in ({@code textLanguage};
 * null: the resident's language).
 */
@Serdeable
public record AssistedAnswerRequest(@NotBlank @Size(max = 100) String step, @Nullable Object value,
                                    @Nullable @Size(max = 16) String textLanguage, @Nullable @Size(max = 64) String version) {
}
