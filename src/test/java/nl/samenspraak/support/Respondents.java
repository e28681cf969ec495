package nl.samenspraak.support;

import jakarta.inject.Singleton;
import nl.samenspraak.conversation.AnswerQuestion;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.conversation.StartConversation;
import nl.samenspraak.conversation.Turn;
import nl.samenspraak.flow.Channel;

import java.util.List;
import java.util.Map;

/**
 * Conversations walked through the real use cases ({@link StartConversation}, then {@link AnswerQuestion} answer
 * after answer), as a person would in the web chat: for seeding the dashboard's tests without writing SQL. A bean of
 * the tests' service, so a test injects it, or asks its context for it, rather than wiring it to the use cases itself.
 */
@Singleton
public final class Respondents {
    private final StartConversation startConversation;
    private final ReadConversation readConversation;
    private final AnswerQuestion answerQuestion;

    public Respondents(StartConversation startConversation, ReadConversation readConversation,
                       AnswerQuestion answerQuestion) {
        this.startConversation = startConversation;
        this.readConversation = readConversation;
        this.answerQuestion = answerQuestion;
    }

    /**
     * Finishes {@code flowId} in {@code language}, counted under {@code origin}: the given answers where named,
     * else the first option, the lowest number, a skip for an optional text and a short text for a required
     * one. Returns the conversation's id.
     */
    public String finish(String flowId, String language, Origin origin, Map<String, Object> answers) {
        return finishStarted(start(flowId, language, origin), answers);
    }

    /** Finishes a conversation started elsewhere (an invitation, a resident link) as {@link #finish} does. */
    public String finishStarted(String id, Map<String, Object> answers) {
        ConversationState state = readConversation.state(id).orElseThrow();
        while (!state.done()) {
            ConversationState.StepView step = state.step();
            Object value = answers.containsKey(step.id()) ? answers.get(step.id()) : defaultAnswer(step);
            Turn turn = answerQuestion.answer(id, step.id(), value);
            if (turn.kind() != Turn.Kind.OK) {
                throw new AssertionError("answer " + value + " to " + step.id() + " refused: " + turn.error());
            }
            state = turn.state();
        }
        return id;
    }

    /**
     * Finishes {@code flowId} saying nothing: "weet ik niet" wherever that is offered, a skip where the step may be
     * skipped, "ja" to a consent question. What someone padding a group up to k would send.
     */
    public String finishSayingNothing(String flowId, String language, Origin origin) {
        return finishStartedSayingNothing(start(flowId, language, origin));
    }

    /** As {@link #finishSayingNothing}, for a conversation started elsewhere. */
    public String finishStartedSayingNothing(String id) {
        ConversationState state = readConversation.state(id).orElseThrow();
        while (!state.done()) {
            ConversationState.StepView step = state.step();
            Object value = step.options().stream().filter(ConversationState.OptionView::dontKnow).findFirst()
                    .<Object>map(ConversationState.OptionView::value)
                    .orElse(step.type().equals("info") || step.optional() ? null : "ja");
            Turn turn = answerQuestion.answer(id, step.id(), value);
            if (turn.kind() != Turn.Kind.OK) {
                throw new AssertionError("answer " + value + " to " + step.id() + " refused: " + turn.error());
            }
            state = turn.state();
        }
        return id;
    }

    /** Starts a conversation and answers only the first {@code steps} steps: it stays unfinished. */
    public String leaveUnfinished(String flowId, String language, Origin origin, int steps) {
        String id = start(flowId, language, origin);
        for (int i = 0; i < steps; i++) {
            ConversationState.StepView step = readConversation.state(id).orElseThrow().step();
            answerQuestion.answer(id, step.id(), defaultAnswer(step));
        }
        return id;
    }

    private String start(String flowId, String language, Origin origin) {
        Turn turn = startConversation.start(flowId, language, Channel.WEB, origin);
        if (turn.kind() != Turn.Kind.OK) {
            throw new AssertionError("could not start " + flowId + ": " + turn.error());
        }
        return turn.state().id();
    }

    private static Object defaultAnswer(ConversationState.StepView step) {
        return switch (step.type()) {
            case "info" -> null;
            case "multi" -> List.of(step.options().get(0).value());
            case "text" -> step.optional() ? null : "Tekst";
            case "number" -> step.min() == null ? 1 : step.min();
            case "date" -> "2024-03-01";
            default -> step.options().get(0).value();
        };
    }
}
