package nl.samenspraak.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.samenspraak.conversation.ConversationState;

/** An error for a client: a clear message in the person's language and, when there is one, the conversation's state. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, @Nullable ConversationState state) {

    public static ApiError of(String error) {
        return new ApiError(error, null);
    }
}
