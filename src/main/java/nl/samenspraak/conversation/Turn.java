package nl.samenspraak.conversation;

/**
 * What came of a request to a conversation: the state to show, and for anything but {@link Kind#OK} an
 * error message in the person's language (HTML-safe), and which language that is ({@code language}: a channel says
 * it, as the JSON API's Content-Language, so the message is marked and read in its own language and direction).
 * {@code deleted}: the request was done and the conversation is gone with it ("nee" to consent deletes it with
 * whatever there was): the state is the last one, shown once, and a channel that holds on to the conversation (a
 * chat's row naming it) lets go rather than find out by reading it again.
 */
public record Turn(Kind kind, ConversationState state, String error, boolean deleted, String language) {

    /** A refusal: {@code error} is in {@code language}. */
    public Turn(Kind kind, ConversationState state, String error, String language) {
        this(kind, state, error, false, language);
    }

    public enum Kind {
        /** Done as asked (also: a repeated answer that changed nothing). */
        OK,
        /** The answer does not fit the question: the same question comes again. */
        INVALID,
        /** The answer is for a step that is not being asked. */
        NOT_CURRENT,
        /**
         * The answer was given to the question as an earlier version of the flow showed it, and the version run now asks
         * another kind of question under that name: nothing stored; the state shows the question asked now, and the
         * conversation goes on under that version, so the next answer to it is taken.
         */
        QUESTION_CHANGED,
        /** No such flow. */
        UNKNOWN_FLOW,
        /**
         * Nothing started: the client has started as many conversations as it may for now (a channel's limit, asked by
         * {@link StartConversation.Admission} once the start would otherwise succeed).
         */
        TOO_MANY_STARTS,
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
        return new Turn(Kind.OK, state, null, false, null);
    }

    /** Done, and the conversation deleted by it: {@code state} is what it came to, kept nowhere. */
    static Turn deleted(ConversationState state) {
        return new Turn(Kind.OK, state, null, true, null);
    }
}
