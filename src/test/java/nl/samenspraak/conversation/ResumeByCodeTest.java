package nl.samenspraak.conversation;

import io.micronaut.context.annotation.Property;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.flow.Channel;
import nl.samenspraak.support.Respondents;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Resuming by code as every channel does it (web, API and Telegram call this one use case): a code typed loosely
 * still finds the conversation, a closed result says so, and a client that guesses is stopped after its share.
 */
@SharedService
@Property(name = "samenspraak.limits.resume-attempts-per-minute", value = "3")
class ResumeByCodeTest {
    @Inject
    ResumeByCode byCode;
    @Inject
    StartConversation startConversation;
    @Inject
    Respondents respondents;

    private static String client() {
        return "test:" + UUID.randomUUID();
    }

    @Test
    void aCodeTypedInLowerCaseWithASpaceFindsTheConversation() {
        ConversationState state = startConversation.start("voorbeeld", "nl", Channel.API).state();
        String typed = state.resumeCode().substring(0, 4).toLowerCase() + " " + state.resumeCode().substring(4).toLowerCase();
        ResumeByCode.Lookup lookup = byCode.find(client(), typed);
        assertEquals(state.id(), assertInstanceOf(ResumeByCode.Lookup.Found.class, lookup).state().id());
    }

    @Test
    void anUnknownCodeOrNoCodeAtAllFindsNothing() {
        assertInstanceOf(ResumeByCode.Lookup.NotFound.class, byCode.find(client(), "ZZZZ-ZZZZ"));
        assertInstanceOf(ResumeByCode.Lookup.NotFound.class, byCode.find(client(), "!!"));
    }

    @Test
    void theCodeOfAFinishedCultureelInterviewOpensNothingButSaysWhy() {
        String id = respondents.finish("cultureel-interview", "nl", Origin.NONE, Map.of("toestemming", "ja"));
        String code = codeOf(id);
        assertInstanceOf(ResumeByCode.Lookup.Closed.class, byCode.find(client(), code));
        assertEquals(ResumeByCode.Deletion.DELETED, byCode.delete(client(), code), "the code still serves deletion");
        assertInstanceOf(ResumeByCode.Lookup.NotFound.class, byCode.find(client(), code));
    }

    @Test
    void aClientThatGuessesIsStoppedAfterItsShareAndOthersAreNot() {
        String guesser = client();
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(ResumeByCode.Lookup.NotFound.class, byCode.find(guesser, "ZZZZ-ZZZ" + (char) ('2' + i)));
        }
        String code = startConversation.start("voorbeeld", "nl", Channel.API).state().resumeCode();
        assertInstanceOf(ResumeByCode.Lookup.TooManyAttempts.class, byCode.find(guesser, code), "even the right code");
        assertEquals(ResumeByCode.Deletion.TOO_MANY_ATTEMPTS, byCode.delete(guesser, code));
        assertInstanceOf(ResumeByCode.Lookup.Found.class, byCode.find(client(), code), "another client is not blocked");
    }

    @Test
    void whatCannotBeACodeIsNoGuessAndUsesNoneOfTheShare() {
        String person = client();
        for (String typo : new String[]{"", "   ", "!!", "ABC", "ZZZZ-ZZZZ-ZZZZ", "ZZZZ-ZZZ0"}) {
            assertInstanceOf(ResumeByCode.Lookup.NotFound.class, byCode.find(person, typo), "'" + typo + "'");
            // nor a deletion of one (the closed result's page; it was counted there)
            assertEquals(ResumeByCode.Deletion.NOT_FOUND, byCode.delete(person, typo), "'" + typo + "'");
        }
        String code = startConversation.start("voorbeeld", "nl", Channel.API).state().resumeCode();
        assertInstanceOf(ResumeByCode.Lookup.Found.class, byCode.find(person, code),
                "six slips of the finger, then the code: still within a share of three");
    }

    @Inject
    nl.samenspraak.storage.ConversationStore store;

    private String codeOf(String id) {
        return store.find(id).orElseThrow().record().resumeCode();
    }
}
