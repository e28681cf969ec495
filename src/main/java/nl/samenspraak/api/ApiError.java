package nl.samenspraak.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.Turn;

import java.util.Locale;

/**
 * An error for a client: what happened as a code a program can act on, a clear message in the person's language and,
 * when there is one, the conversation's state. A 409 meant four things told apart by a translated sentence alone (the
 * API probe of December 2026); the code says which, whatever the language.
 *
 * @param code  stable, lower case with underscores: for a conversation's answer {@code not_current}, {@code busy},
 *              {@code finished}, {@code question_changed}, {@code invalid}; for a start {@code unknown_flow},
 *              {@code unknown_language}, {@code too_many_starts}; else the refusal's own ({@code conversation_not_found},
 *              {@code result_closed}, {@code resume_not_found}, {@code too_many_attempts}, {@code unavailable},
 *              {@code too_large}, ...: see {@code system.RefusalWords})
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "not_current",
                description = "What happened, for a program: stable, lower case with underscores (not_current, busy, finished, "
                        + "question_changed, invalid, unknown_flow, unknown_language, too_many_starts, conversation_not_found, "
                        + "result_closed, resume_not_found, too_many_attempts; refused before the operation: bad_request, too_large, "
                        + "unsupported_media_type, not_acceptable, method_not_allowed, not_found, unauthorized, forbidden, "
                        + "unavailable (503: nothing was saved), internal)")
        String code,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "What happened, for a person, in their language")
        String error,
        @Nullable ConversationState state) {

    public static ApiError of(String code, String error) {
        return new ApiError(code, error, null);
    }

    /**
     * A refusal worded by the message {@code key}: its code is the key's last part ("error.too_many_attempts":
     * {@code too_many_attempts}; "auth.json_unauthorized": {@code unauthorized}; the words for a page's reader and a
     * program's, "error.page_bad_request", one code).
     */
    public static ApiError worded(String key, String error) {
        String code = key.substring(key.lastIndexOf('.') + 1).replaceFirst("^(json|page)_", "");
        return of(code, error);
    }

    /** The code of a use case's refusal: its kind ("NOT_CURRENT": "not_current"). */
    public static String codeOf(Turn.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
