package nl.samenspraak.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.apiclient.ConversationsApi;
import nl.samenspraak.apiclient.FlowsApi;
import nl.samenspraak.apiclient.invoker.ApiClient;
import nl.samenspraak.apiclient.invoker.ApiException;
import nl.samenspraak.apiclient.model.AnswerRequest;
import nl.samenspraak.apiclient.model.ConversationState;
import nl.samenspraak.apiclient.model.ConversationStateOptionView;
import nl.samenspraak.apiclient.model.ConversationStateStepView;
import nl.samenspraak.apiclient.model.ConversationStateTranscript;
import nl.samenspraak.apiclient.model.StartRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract is useful to a client: a Java client generated from the served OpenAPI description by OpenAPI
 * Generator (in the test build, see pom.xml) walks a flow from start to result with typed objects only, goes back,
 * resumes by code, reads the transcript and deletes, and reads refusals as the documented error body.
 */
@SharedService
class GeneratedClientWalkTest {
    @Inject
    EmbeddedServer server;

    ConversationsApi conversations;
    FlowsApi flows;

    @BeforeEach
    void client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.getURL().toString());
        conversations = new ConversationsApi(client);
        flows = new FlowsApi(client);
    }

    @Test
    void walksTheExampleFlowToItsResultWithTheGeneratedClient() throws ApiException {
        assertTrue(flows.listFlows("en").stream().anyMatch(f -> f.getId().equals("voorbeeld") && f.getTitle().equals("Example")));

        ConversationState state = conversations.start(new StartRequest().flow("voorbeeld").language("en"));
        assertEquals("voorbeeld", state.getFlow());
        assertEquals(ConversationState.DirectionEnum.LTR, state.getDirection());
        String firstStep = state.getStep().getId();

        ConversationState afterFirst = conversations.answer(state.getId(), answerTo(state.getStep()));
        // from the step the client shows, as a client that may retry does
        ConversationState back = conversations.back(state.getId(), new nl.samenspraak.apiclient.model.BackRequest().from(afterFirst.getStep().getId()));
        assertEquals(firstStep, back.getStep().getId(), "back returns to the first step");
        state = conversations.answer(state.getId(), answerTo(back.getStep()));
        assertEquals(afterFirst.getStep().getId(), state.getStep().getId());

        List<String> asked = new ArrayList<>();
        for (int turns = 0; !state.getDone(); turns++) {
            assertTrue(turns < 50, "the walk ends");
            asked.add(state.getStep().getId());
            state = conversations.answer(state.getId(), answerTo(state.getStep()));
        }
        assertNull(state.getStep());
        assertNotNull(state.getResult());
        assertFalse(state.getResult().getScores().isEmpty(), "scores come back typed");
        assertFalse(state.getResult().getHtml().isBlank());

        ConversationStateTranscript transcript = conversations.transcript(state.getId());
        assertTrue(transcript.getEntries().stream().map(e -> e.getStep()).toList().containsAll(asked));

        conversations.delete(state.getId());
        String id = state.getId();
        ApiException gone = assertThrows(ApiException.class, () -> conversations.get(id));
        assertEquals(404, gone.getCode());
    }

    @Test
    void resumesByCodeAndReadsRefusalsAsTheDocumentedErrorBody() throws Exception {
        ConversationState state = conversations.start(new StartRequest().flow("voorbeeld").language("nl"));
        ConversationState resumed = conversations.resume(state.getResumeCode());
        assertEquals(state.getId(), resumed.getId());
        assertEquals(state.getStep().getId(), resumed.getStep().getId());

        ApiException unknownLanguage = assertThrows(ApiException.class,
                () -> conversations.start(new StartRequest().flow("voorbeeld").language("ar")));
        assertEquals(422, unknownLanguage.getCode());
        JsonNode error = new ObjectMapper().readTree(unknownLanguage.getResponseBody());
        assertFalse(error.get("error").asText().isBlank(), "a message the client can show");

        ApiException notCurrent = assertThrows(ApiException.class,
                () -> conversations.answer(state.getId(), new AnswerRequest().step("bestaat-niet").value("x")));
        assertEquals(409, notCurrent.getCode());
    }

    /** A valid answer to any step, chosen from what the step itself says (its type, options and bounds). */
    private static AnswerRequest answerTo(ConversationStateStepView step) {
        Object value = switch (step.getType()) {
            case INFO -> null;
            case CHOICE, YESNO, SCALE -> firstRealOption(step).getValue();
            case MULTI -> List.of(firstRealOption(step).getValue());
            case NUMBER -> step.getMin() == null ? 1 : step.getMin();
            case TEXT -> "Een antwoord";
            case DATE -> "2020-01-15";
        };
        return new AnswerRequest().step(step.getId()).value(value);
    }

    private static ConversationStateOptionView firstRealOption(ConversationStateStepView step) {
        return step.getOptions().stream().filter(o -> !o.getDontKnow()).findFirst().orElseThrow();
    }
}
