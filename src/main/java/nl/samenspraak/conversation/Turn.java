package nl.samenspraak.conversation;

/**
 * What came of a request to a conversation: the state to show, and for anything but {@link Kind#OK} an
 * error message in the person's language (HTML-safe).
 */
public record Turn(Kind kind, ConversationState state, String error) {

    public enum Kind {
        /** Done as asked (also: a repeated answer that changed nothing). */
        OK,
        /** The answer does not fit the question: the same question comes again. */
        INVALID,
        /** The answer is for a step that is not being asked. */
        NOT_CURRENT,
        /** No such flow. */
        UNKNOWN_FLOW,
        /** The flow is not available in the asked language. */
        UNKNOWN_LANGUAGE,
        /** No such conversation. */
        NOT_FOUND,
        /** Someone else changed the conversation at the same moment, more than once. */
        BUSY,
        /** The conversation is finished (or declined): final, nothing changes it any more. */
        FINISHED
    }

    static Turn ok(ConversationState state) {
        return new Turn(Kind.OK, state, null);
    }
}
