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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a resident's conversation ends on a phone (360x640), tapped with a finger, in Dutch and Arabic, as the resident
 * probe of December 2026 found it: after "Nee" to consent the chat's menu opened as an empty strip, and after the last
 * answer the page came back with a thick keyboard ring around "Klaar", which no finger had asked for.
 */
@MicronautTest
class ResidentEndsOnAPhoneBrowserTest {
    @Inject
    EmbeddedServer server;

    private static String outline(Browser b, WebElement e) {
        return (String) b.driver().executeScript("const s = getComputedStyle(arguments[0]); return s.outlineStyle + ' ' + s.outlineWidth;", e);
    }

    @Test
    void noToConsentLeavesNoEmptyMenu() {
        JsonHttp api = new JsonHttp(server.getURL().toString());
        for (String language : List.of("nl", "ar")) {
            JsonNode state = ApiWalk.answerUntil(api, "wijkanalyse", language, s -> s.get("step").get("id").asText().equals("toestemming"));
            try (Browser b = new Browser(language)) {
                b.phone(360, 640);
                b.open(server.getURL() + "/c/" + state.get("id").asText());
                assertTrue(b.waitFor(By.id("menu")).isDisplayed(), language + ": a conversation going on has its menu");
                b.tap(b.waitFor(By.cssSelector("#answer button.option[data-value='nee']")));
                b.waitFor(By.cssSelector("#result:not([hidden])"));
                b.screenshot("resident-declined-" + language + "-360");
                assertEquals(List.of(), b.all(By.cssSelector(".chat-menu")), language + ": nothing is left to offer in a menu");
            }
        }
    }

    @Test
    void theLastAnswerTappedShowsKlaarWithoutAKeyboardRingUntilAKeyIsPressed() {
        JsonHttp api = new JsonHttp(server.getURL().toString());
        for (String language : List.of("nl", "ar")) {
            JsonNode state = ApiWalk.answerUntil(api, "wijkanalyse", language, s -> s.get("step").get("id").asText().equals("wensen"));
            try (Browser b = new Browser(language)) {
                b.phone(360, 640);
                b.open(server.getURL() + "/c/" + state.get("id").asText());
                b.waitFor(By.cssSelector("#answer textarea"));
                WebElement skip = (WebElement) b.driver().executeScript("""
                        const skip = JSON.parse(document.getElementById('chat').dataset.texts).skip;
                        return [...document.querySelectorAll('#answer-area button')].find(e => e.textContent.trim() === skip);""");
                b.tap(skip);
                WebElement done = b.waitFor(By.id("done-note"));
                b.waitUntil(d -> "done-note".equals(d.executeScript("return document.activeElement && document.activeElement.id")));
                b.screenshot("resident-done-" + language + "-360");
                assertTrue(outline(b, done).startsWith("none"), language + ": no ring after a tap: " + outline(b, done));
                new Actions(b.driver()).sendKeys(Keys.SHIFT).perform();
                assertFalse(outline(b, done).startsWith("none"), language + ": a key pressed, the ring shows where the focus is");
            }
        }
    }
}
