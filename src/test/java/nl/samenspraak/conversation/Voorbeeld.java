package nl.samenspraak.conversation;

import nl.samenspraak.flow.Channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A {@code voorbeeld} conversation started through the use cases for their own tests: just started, or answered up
 * to its number question ({@code ervaring_jaren}), each step checked on the way.
 */
final class Voorbeeld {
    private Voorbeeld() {
    }

    static String started(StartConversation startConversation) {
        Turn start = startConversation.start("voorbeeld", "nl", Channel.API);
        assertEquals(Turn.Kind.OK, start.kind());
        return start.state().id();
    }

    static String atExperience(StartConversation startConversation, AnswerQuestion answerQuestion) {
        String id = started(startConversation);
        assertEquals(Turn.Kind.OK, answerQuestion.answer(id, "welkom", null).kind());
        assertEquals(Turn.Kind.OK, answerQuestion.answer(id, "rol", "professional").kind());
        return id;
    }
}
