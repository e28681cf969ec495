package nl.samenspraak.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import nl.samenspraak.i18n.Translations;
import nl.samenspraak.support.ApiWalk;
import nl.samenspraak.support.FlowWalk;
import nl.samenspraak.support.JsonHttp;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.SharedService;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client who did the cultural interview alone, with no professional reading along, reads a warm closing only: the
 * summary and the attention points are for a professional. "Klaar" above it promises nothing more; it said "Hieronder
 * staan de samenvatting en de aandachtspunten voor de hulpverlener" above the closing alone (the phone probe of
 * spring 2027). In all five languages.
 */
@SharedService
class InterviewAloneClosingTest {
    @Inject
    EmbeddedServer server;

    private final Translations words = FlowWalk.library().translations();

    @Test
    void aClientWhoAnsweredAloneIsNotPromisedTheProfessionalsSummaryAndPoints() {
        String base = server.getURL().toString();
        for (String language : List.of("nl", "en", "tr", "ar", "pl")) {
            JsonNode state = ApiWalk.answerUntil(new JsonHttp(base), "cultureel-interview", language, s -> s.get("done").asBoolean());
            assertTrue(state.get("done").asBoolean(), language + ": the interview ended");
            assertTrue(state.at("/result/closingOnly").asBoolean(), language + ": a closing only, " + state.get("result"));
            assertEquals(0, state.at("/result/tips").size(), language);

            String page = new PageHttp(base).get("/c/" + state.get("id").asText(), null).body();
            Matcher done = Pattern.compile("<li class=\"bubble bot\" tabindex=\"-1\" id=\"done-note\">(.*?)</li>").matcher(page);
            assertTrue(done.find(), language + ": " + page);
            assertEquals(words.flowMessage(language, "cultureel-interview", "web.done_alone"), done.group(1), language);
            assertFalse(done.group(1).equals(words.flowMessage(language, "cultureel-interview", "web.done")), language);
            assertTrue(page.contains(words.flowMessage(language, "cultureel-interview", "result.closing")), language + ": the closing");
            assertFalse(page.contains("for-professional"), language + ": nothing for the professional");
        }
    }
}
