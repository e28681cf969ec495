package nl.samenspraak.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.storage.AnswerRepository;
import nl.samenspraak.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The web chat in a real (headless) browser at phone size, as a person uses it. */
@MicronautTest
class ChatBrowserTest {
    @Inject
    EmbeddedServer server;
    @Inject
    AnswerRepository answers;

    Browser browser;

    @BeforeEach
    void open() {
        browser = new Browser("nl");
    }

    @AfterEach
    void close() {
        browser.close();
    }

    private String url(String path) {
        return server.getURL() + path;
    }

    private String question() {
        List<WebElement> bots = browser.driver().findElements(By.cssSelector(".bubble.bot"));
        return bots.get(bots.size() - 1).getText();
    }

    private void awaitQuestion(String text) {
        browser.waitUntil(d -> question().contains(text));
    }

    private void tap(String label) {
        browser.waitFor(By.xpath("//footer[@id='answer-area']//button[normalize-space(.)=" + xpathLiteral(label) + "]")).click();
    }

    private void type(String text) {
        WebElement input = browser.waitFor(By.cssSelector("#answer input, #answer textarea"));
        input.clear();
        input.sendKeys(text);
        tap(browser.driver().findElement(By.cssSelector("#answer button.primary")).getText());
    }

    private static String xpathLiteral(String s) {
        return s.contains("'") ? "\"" + s + "\"" : "'" + s + "'";
    }

    private String startExample(String language) {
        browser.open(url("/?lang=" + language));
        browser.waitFor(By.cssSelector("form[action='/start']:has(input[name='flow'][value='voorbeeld']) button")).click();
        browser.waitFor(By.cssSelector(".bubble.bot"));
        return browser.driver().getCurrentUrl();
    }

    @Test
    void walksTheExampleToTipsWithInvalidInputAndBack() {
        startExample("nl");
        assertEquals("nl", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
        awaitQuestion("Welkom!");
        tap("Verder");
        awaitQuestion("In welke rol werk je?");
        tap("Vrijwilliger");
        awaitQuestion("Hoeveel jaar werk je al met gezinnen?");
        type("veel");
        browser.waitUntil(d -> d.findElement(By.id("error")).isDisplayed());
        assertEquals("Vul een getal in, bijvoorbeeld 12.", browser.driver().findElement(By.id("error")).getText());
        assertTrue(question().contains("Hoeveel jaar"), "the same question stays");
        browser.screenshot("chat-invalid-number");
        type("12");
        awaitQuestion("In welke talen");
        browser.driver().findElement(By.xpath("//label[span='Turks']")).click();
        tap("Bevestig");
        awaitQuestion("tolk nodig");
        tap("Ja");
        awaitQuestion("Voor welke taal");
        browser.waitFor(By.id("back")).click();
        awaitQuestion("tolk nodig");
        tap("Nee");
        awaitQuestion("Ik vraag door");
        tap("2");
        awaitQuestion("migratiegeschiedenis");
        tap("Weinig");
        awaitQuestion("Wanneer had je");
        tap("Overslaan");
        awaitQuestion("Tot slot, als Vrijwilliger");
        type("<script>alert(1)</script>");
        browser.waitFor(By.cssSelector("#result .tip"));
        String result = browser.driver().findElement(By.id("result")).getText();
        assertTrue(result.contains("Leer de gezinnen in je wijk kennen"), result);
        assertFalse(result.contains("Regel een tolk op tijd"), "the interpreter answer was changed to no");
        List<WebElement> mine = browser.driver().findElements(By.cssSelector(".bubble.me"));
        assertEquals("<script>alert(1)</script>", mine.get(mine.size() - 1).getText(), "typed text is shown as text");
        browser.screenshot("chat-result-nl");
    }

    @Test
    void aReloadContinuesAndTheCodeResumesInAFreshBrowser() {
        String chat = startExample("nl");
        tap("Verder");
        awaitQuestion("In welke rol");
        tap("Professional in een wijkteam");
        awaitQuestion("Hoeveel jaar");
        browser.driver().navigate().refresh();
        awaitQuestion("Hoeveel jaar");
        browser.screenshot("chat-after-reload");
        browser.waitFor(By.cssSelector("#menu > summary")).click();
        String code = browser.waitFor(By.id("resume-code")).getText();
        assertEquals(chat, browser.driver().getCurrentUrl());

        try (Browser fresh = new Browser("nl")) {
            fresh.open(url("/"));
            fresh.waitFor(By.id("code")).sendKeys(code.toLowerCase());
            fresh.driver().findElement(By.cssSelector(".resume-form button")).click();
            fresh.waitUntil(d -> d.findElements(By.cssSelector(".bubble.bot")).stream().anyMatch(b -> b.getText().contains("Hoeveel jaar")));
            assertEquals(chat, fresh.driver().getCurrentUrl());
            fresh.screenshot("chat-resumed-by-code");
        }
    }

    /**
     * A code that opens nothing is said at the code field, at the end of the start page where it was typed, with the
     * code kept to correct; until then the message stood at the top of the page, two phone screens away from the
     * field, which was empty again. Dutch and Arabic at 360x640.
     */
    @Test
    void aWrongResumeCodeIsSaidAtTheCodeFieldOnThePhoneScreen() {
        for (String language : List.of("nl", "ar")) {
            try (Browser b = new Browser(language)) {
                b.phone(360, 640);
                b.open(url("/?lang=" + language));
                b.waitFor(By.id("code")).sendKeys("ABCD-2345");
                b.driver().findElement(By.cssSelector(".resume-form button")).click();
                WebElement error = b.waitFor(By.cssSelector(".resume-form .error"));
                WebElement field = b.driver().findElement(By.id("code"));
                b.screenshot("resume-wrong-code-" + language);
                assertEquals("ABCD-2345", field.getAttribute("value"), language + ": the code as typed stays in the field");
                assertEquals("true", field.getAttribute("aria-invalid"), language);
                assertEquals(error.getAttribute("id"), field.getAttribute("aria-describedby"), language + ": the field is described by the message");
                assertTrue((Boolean) b.driver().executeScript("""
                        const vh = window.innerHeight;
                        return [...arguments].every(e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= vh; });""",
                        error, field), language + ": the message and the field are on the screen without scrolling");
            }
        }
    }

    /**
     * A 360 px phone zoomed to 200% shows a 180 px page: the chat's menu (resume code, languages, forgetting the
     * answers) stays on the screen and the page does not scroll sideways, in Dutch and Arabic; until then the brand
     * and the flow's title pushed the menu beyond the screen's edge.
     */
    @Test
    void theMenuStaysOnTheScreenOfAPhoneZoomedTo200Percent() {
        for (String language : List.of("nl", "ar")) {
            String id = new nl.samenspraak.support.JsonHttp(server.getURL().toString()).post("/api/conversations",
                    "{\"flow\":\"werk-jij-diversiteitsproof\",\"language\":\"" + language + "\"}").json().get("id").asText();
            try (Browser b = new Browser(language)) {
                b.phone(180, 640);
                b.open(url("/c/" + id));
                WebElement menu = b.waitFor(By.cssSelector("#menu > summary"));
                b.screenshot("chat-zoomed-200-" + language);
                assertTrue((Boolean) b.driver().executeScript("""
                        const r = arguments[0].getBoundingClientRect();
                        return r.left >= 0 && r.right <= document.documentElement.clientWidth
                          && document.documentElement.scrollWidth <= document.documentElement.clientWidth;""", menu),
                        language + ": the menu is on the screen and the page fits its width");
                menu.click();
                assertTrue(b.waitFor(By.id("resume-code")).isDisplayed(), language + ": the menu opens");
            }
        }
    }

    @Test
    void anEmptyRequiredAnswerShowsTheMessageAndADoubleTapRecordsOnce() {
        String chat = startExample("en");
        tap("Next");
        awaitQuestion("In which role");
        WebElement option = browser.waitFor(By.xpath("//button[normalize-space(.)='Volunteer']"));
        browser.driver().executeScript("arguments[0].click(); arguments[0].click();", option);
        awaitQuestion("For how many years");
        String id = chat.substring(chat.lastIndexOf('/') + 1);
        assertEquals(1, answers.findByConversationId(id).size());
        type(" ");
        browser.waitUntil(d -> d.findElement(By.id("error")).isDisplayed());
        assertEquals("This question needs an answer.", browser.driver().findElement(By.id("error")).getText());
        browser.screenshot("chat-empty-answer-en");
    }

    @Test
    void theChatWorksWithTheKeyboardAloneAndFocusFollowsEachNewQuestion() {
        startExample("nl");
        awaitQuestion("Welkom!");
        assertEquals(browser.driver().switchTo().activeElement(), lastQuestion(), "focus is on the new question");
        keys(Keys.TAB, Keys.ENTER);
        awaitQuestion("In welke rol werk je?");
        assertEquals(browser.driver().switchTo().activeElement(), lastQuestion(), "focus moved to the next question");
        keys(Keys.TAB, Keys.TAB, Keys.ENTER);
        awaitQuestion("Hoeveel jaar");
        List<WebElement> mine = browser.driver().findElements(By.cssSelector(".bubble.me"));
        assertEquals("Intermediair of sleutelpersoon", mine.get(mine.size() - 1).getText(), "the second option, chosen by keyboard");
        keys(Keys.TAB);
        WebElement field = browser.driver().switchTo().activeElement();
        assertEquals("input", field.getTagName());
        assertEquals("decimal", field.getAttribute("inputmode"), "a number keyboard on a phone");
        keys("7", Keys.ENTER);
        awaitQuestion("In welke talen");
        keys(Keys.TAB, Keys.SPACE, Keys.TAB, Keys.TAB, Keys.SPACE);
        WebElement focused = browser.driver().switchTo().activeElement();
        assertEquals("checkbox", focused.getAttribute("type"));
        browser.screenshot("chat-keyboard-only");
    }

    private WebElement lastQuestion() {
        List<WebElement> bots = browser.driver().findElements(By.cssSelector(".bubble.bot"));
        return bots.get(bots.size() - 1);
    }

    private void keys(CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }
}
