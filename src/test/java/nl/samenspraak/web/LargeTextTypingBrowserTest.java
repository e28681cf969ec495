package nl.samenspraak.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.support.ApiWalk;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.JsonHttp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A resident who reads at twice the text size taps the box of an open question, on a 360x640 phone, in Dutch and
 * Arabic: the question's first lines stay on the screen above the box. The chat went to its end, and of a question
 * taller than the room only its last line showed ("Noem geen namen van mensen"), the question itself out of sight
 * (the resident probe of December 2026).
 */
@MicronautTest
class LargeTextTypingBrowserTest {
    @Inject
    EmbeddedServer server;

    @Test
    void tappingTheBoxKeepsTheQuestionsBeginningOnTheScreen() {
        JsonHttp api = new JsonHttp(server.getURL().toString());
        for (String language : List.of("nl", "ar")) {
            JsonNode state = ApiWalk.answerUntil(api, "wijkanalyse", language, s -> s.get("step").get("id").asText().equals("goed_in_wijk"));
            try (Browser b = new Browser(language)) {
                b.phone(360, 640);
                b.open(server.getURL() + "/c/" + state.get("id").asText());
                b.waitFor(By.cssSelector("#answer textarea"));
                // the text size as a person sets it in the browser's settings, the page loaded at it
                b.driver().executeCdpCommand("Page.setFontSizes", Map.of("fontSizes", Map.of("standard", 32, "fixed", 26)));
                b.driver().navigate().refresh();
                b.waitFor(By.cssSelector("#answer textarea")).click();
                b.waitUntil(d -> "TEXTAREA".equals(d.executeScript("return document.activeElement.tagName")));
                b.driver().executeScript("return new Promise(r => setTimeout(r, 500))");
                b.screenshot("large-text-typing-" + language + "-360");
                @SuppressWarnings("unchecked")
                Map<String, Object> seen = (Map<String, Object>) b.driver().executeScript("""
                        const bots = document.querySelectorAll('.bubble.bot'), q = bots[bots.length - 1];
                        const r = q.getBoundingClientRect(), chat = document.getElementById('chat').getBoundingClientRect();
                        const line = parseFloat(getComputedStyle(q).lineHeight);
                        return {top: r.top, chatTop: chat.top, chatBottom: chat.bottom, line: line, height: r.height};""");
                double top = ((Number) seen.get("top")).doubleValue();
                double chatTop = ((Number) seen.get("chatTop")).doubleValue();
                double chatBottom = ((Number) seen.get("chatBottom")).doubleValue();
                double line = ((Number) seen.get("line")).doubleValue();
                assertTrue(top >= chatTop - 1 && top + 2 * line <= chatBottom + 1,
                        language + ": the question's first two lines on the screen above the box: " + seen);
            }
        }
    }
}
