package nl.samenspraak.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.storage.AnswerRepository;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.Contrast;
import nl.samenspraak.support.ScreenReader;
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
    @Inject
    nl.samenspraak.storage.ConversationStore store;

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

    /**
     * An Arabic chat on a phone set to Dutch, answered on an instance that holds no copy of it (another one wrote it
     * last): too long a paste is refused before the service reads anything, and the refusal is in the chat's Arabic,
     * marked so, because the chat asks in its page's language; it came in the browser's Dutch.
     */
    @Test
    void aPasteTooLongIsRefusedInTheChatsLanguageNotThePhones() {
        String base = server.getURL().toString();
        String id = nl.samenspraak.support.ApiWalk.answerUntil(new nl.samenspraak.support.JsonHttp(base),
                "werk-jij-diversiteitsproof", "ar", st -> st.get("step").get("type").asText().equals("text")).get("id").asText();
        store.forget(id);
        browser.open(url("/c/" + id));
        WebElement box = browser.waitFor(By.cssSelector("#answer textarea"));
        browser.driver().executeScript("arguments[0].value = 'ا'.repeat(300000); arguments[0].dispatchEvent(new Event('input'));", box);
        browser.driver().findElement(By.cssSelector("#answer button.primary")).click();
        WebElement error = browser.waitFor(By.id("error"));
        browser.waitUntil(d -> !error.getText().isBlank());
        browser.screenshot("chat-ar-in-a-dutch-browser-too-long");
        assertEquals("هذه الرسالة كبيرة جدًا.", error.getText());
        assertEquals("ar", error.getAttribute("lang"));
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
        // the counter counts what a person sees: a family emoji is one character (it said 7, as the server did)
        WebElement box = browser.waitFor(By.cssSelector("#answer textarea"));
        browser.driver().executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));",
                box, "👨\u200D👩\u200D👧 Tigrinya");
        assertEquals("10 van 100 tekens", browser.driver().findElement(By.cssSelector("#answer .char-count")).getText());
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
        assertEquals("<script>alert(1)</script>", browser.shownText(mine.get(mine.size() - 1)), "typed text is shown as text");
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
        // a screen reader says it letter by letter, not as a word ("ksd five"): the shown code is hidden from it
        assertEquals("true", browser.driver().findElement(By.id("resume-code")).getAttribute("aria-hidden"));
        assertEquals(String.join(" ", code.substring(0, 4).split("")) + ", " + String.join(" ", code.substring(5).split("")),
                browser.driver().findElement(By.id("resume-code-spelled")).getAttribute("textContent"));

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
     * Someone who comes back to go on with their code sees on the start page's first screen, on the smallest phone
     * (320x568), a link "Verder met een gesprek" in the bar, with the first conversations to choose below it as
     * before; it takes them to the code's field and its button. The form is at the page's end, four screens down
     * there, with nothing above it saying it exists (the phone probe). Then a code that opens nothing is said at the
     * code field, at the end of the start page where it was typed, with the code kept to correct; until then the
     * message stood at the top of the page, two phone screens away from the field, which was empty again. Dutch and
     * Arabic, the code at 360x640. A closed result's code, at 320x568: its words say it can still be deleted, and the
     * button that deletes it is on the screen the page opens at, under the field (the same browser: the suite is near
     * its time limit).
     */
    @Test
    void theResumeFormIsReachedFromTheFirstScreenAndAWrongCodeIsSaidAtItsField() {
        for (String language : List.of("nl", "ar")) {
            try (Browser b = new Browser(language)) {
                b.phone(320, 568);
                b.open(url("/?lang=" + language));
                b.waitFor(By.id("code"));
                b.screenshot("start-" + language + "-320x568");
                List<WebElement> links = b.driver().findElements(By.cssSelector("a[href='#resume']"));
                assertFalse(links.isEmpty(), language + ": nothing on the start page leads to the resume form");
                WebElement link = links.get(0);
                assertEquals("nl".equals(language) ? "Verder met een gesprek" : "تابع محادثة", link.getText(), language);
                WebElement firstGroup = b.driver().findElement(By.cssSelector(".flow-group h2"));
                WebElement firstFlow = b.driver().findElement(By.cssSelector(".flow h3"));
                for (WebElement e : List.of(link, firstGroup, firstFlow)) {
                    assertTrue((Boolean) b.driver().executeScript("return window.scrollY === 0") && b.wholeOnScreen(e),
                            language + " at 320x568: on the first screen, unscrolled: " + e.getText());
                }
                link.click();
                b.waitUntil(d -> d.getCurrentUrl().endsWith("#resume"));
                b.screenshot("start-" + language + "-320x568-resume");
                for (WebElement e : List.of(b.driver().findElement(By.id("resume-title")), b.driver().findElement(By.cssSelector("label[for='code']")),
                        b.driver().findElement(By.id("code")), b.driver().findElement(By.cssSelector(".resume-form button")))) {
                    assertTrue(b.wholeOnScreen(e), language + " at 320x568, after the link: on the screen: " + e.getText());
                }

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

                // a closed result's code: its words say it can still be deleted, and the button that does it is on
                // the 320x568 screen the page opens at, without scrolling
                String closedCode = closedResultsCode(language);
                b.phone(320, 568);
                b.open(url("/?lang=" + language));
                b.waitFor(By.id("code")).sendKeys(closedCode);
                b.driver().findElement(By.cssSelector(".resume-form button")).click();
                WebElement delete = b.waitFor(By.id("forget-closed"));
                b.screenshot("resume-closed-result-" + language + "-320x568");
                WebElement closedError = b.driver().findElement(By.cssSelector(".resume-form .error"));
                assertTrue(b.wholeOnScreen(delete), language + " at 320x568: the delete button of a closed result is on the screen");
                assertTrue(b.wholeOnScreen(closedError), language + " at 320x568: and the words that offer it: " + closedError.getText());
            }
        }
    }

    @Inject
    nl.samenspraak.support.Respondents respondents;
    @Inject
    nl.samenspraak.storage.ConversationRepository conversations;
    @Inject
    javax.sql.DataSource dataSource;

    /** The code of a finished self-scan in {@code language} whose result closed (its end moved back eight days). */
    private String closedResultsCode(String language) {
        String id = respondents.finish("werk-jij-diversiteitsproof", language, nl.samenspraak.conversation.Origin.NONE, java.util.Map.of());
        try (java.sql.Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             java.sql.PreparedStatement past = c.prepareStatement(
                     "UPDATE conversation SET updated_at = updated_at - INTERVAL '8' DAY WHERE id = ?")) {
            past.setString(1, id);
            assertEquals(1, past.executeUpdate());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return conversations.findById(id).orElseThrow().resumeCode();
    }

    /**
     * A 360 px phone zoomed to 200% shows a 180 px page: the chat's menu (resume code, languages, forgetting the
     * answers) stays on the screen and the page does not scroll sideways, in Dutch and Arabic; until then the brand
     * and the flow's title pushed the menu beyond the screen's edge.
     */
    @Test
    void theMenuStaysOnTheScreenOfAPhoneZoomedTo200Percent() {
        for (String language : List.of("nl", "ar")) {
            String id = selfReflectionIn(language);
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

    /**
     * The menu opened on a 360x640 phone shows "Wis mijn antwoorden" whole, without scrolling it, in Dutch and Arabic:
     * the panel took three quarters of the screen and its button lay under the panel's edge (the chat's answers
     * showing beneath), in Arabic cut in half.
     */
    @Test
    void theMenuShowsEveryButtonOnASmallPhoneWhenOpened() {
        for (String language : List.of("nl", "ar")) {
            String id = selfReflectionIn(language);
            try (Browser b = new Browser(language)) {
                b.phone(360, 640);
                b.open(url("/c/" + id));
                b.waitFor(By.cssSelector("#answer button.primary")).click();
                b.waitFor(By.cssSelector("#answer button.option"));
                b.waitFor(By.cssSelector("#menu > summary")).click();
                WebElement forget = b.waitFor(By.cssSelector(".forget-open"));
                b.screenshot("chat-menu-360-" + language);
                assertTrue(b.wholeOnScreen(forget), language + ": the delete button is on the screen");
                assertTrue((Boolean) b.driver().executeScript("""
                        const p = document.querySelector('.menu-panel').getBoundingClientRect();
                        const r = arguments[0].getBoundingClientRect();
                        return r.top >= p.top && r.bottom <= p.bottom;""", forget),
                        language + ": and inside the panel, not under its edge");
                assertTrue(b.wholeOnScreen(b.driver().findElement(By.id("resume-code"))), language + ": as is the code");
            }
        }
    }

    /**
     * The browser's text size at 200% (Android's "text scaling", a browser's font size) on a 360x640 phone, the page
     * as wide as ever: the menu stays on the screen, nothing runs off its side, and the question shows its first
     * lines above the answers, which scroll under it. Until then the bar ran 120 px beyond the screen (an Arabic
     * page shifted sideways), and the answers took the whole screen, not one line of the question to read.
     */
    @Test
    void largeTextKeepsTheMenuAndTheQuestionOnThePhonesScreen() {
        for (String language : List.of("nl", "ar")) {
          // 360x584: a 360x640 phone with the browser's own toolbar shown, where the bar and its menu were hidden
          for (int[] size : new int[][] {{360, 640}, {360, 584}}) {
            String id = selfReflectionIn(language);
            try (Browser b = new Browser(language)) {
                b.phone(size[0], size[1]);
                b.open(url("/c/" + id));
                WebElement menu = b.waitFor(By.cssSelector("#menu > summary"));
                // the text size as a person sets it in the browser's settings, taking effect on the page shown
                b.driver().executeCdpCommand("Page.setFontSizes", java.util.Map.of("fontSizes", java.util.Map.of("standard", 32, "fixed", 26)));
                try {
                    b.waitFor(By.cssSelector("#answer button.primary")).click();
                    WebElement first = b.waitFor(By.cssSelector("#answer button.option"));
                    b.screenshot("chat-large-text-" + language + "-" + size[1]);
                    assertEquals("32px", b.driver().executeScript("return getComputedStyle(document.documentElement).fontSize"),
                            language + ": the text is twice its size");
                    assertTrue((Boolean) b.driver().executeScript("""
                            const r = arguments[0].getBoundingClientRect();
                            return r.width > 0 && r.left >= 0 && r.right <= document.documentElement.clientWidth
                              && r.top >= 0 && r.bottom <= window.innerHeight
                              && document.documentElement.scrollWidth <= document.documentElement.clientWidth;""", menu),
                            language + " " + size[1] + ": the menu is on the screen and the page fits its width");
                    long lines = ((Number) b.driver().executeScript("""
                            const bots = document.querySelectorAll('.bubble.bot');
                            const q = bots[bots.length - 1], r = q.getBoundingClientRect();
                            const chat = document.getElementById('chat').getBoundingClientRect();
                            const shown = Math.max(0, Math.min(r.bottom, chat.bottom) - Math.max(r.top, chat.top));
                            return Math.floor(shown / parseFloat(getComputedStyle(q).lineHeight));""")).longValue();
                    assertTrue(lines >= 2, language + ": lines of the question on the screen: " + lines);
                    assertTrue(b.wholeOnScreen(first),
                            language + ": the first answer is on the screen");
                } finally {
                    b.driver().executeCdpCommand("Page.setFontSizes", java.util.Map.of("fontSizes", java.util.Map.of("standard", 16, "fixed", 13)));
                }
            }
          }
        }
    }

    /**
     * A double tap on an answer, on a phone: by its second tap the next question's buttons stand where the first's
     * were. It answers the question it was meant for and only that one, in Dutch and Arabic at 360x640; until then
     * the second tap answered the next question unread (three of four double taps skipped one).
     */
    @Test
    void aDoubleTapOnAPhoneAnswersOnlyTheQuestionItWasFor() {
        int checked = 0;
        for (String language : List.of("nl", "ar")) {
            String id = selfReflectionIn(language);
            try (Browser b = new Browser(language)) {
                b.phone(360, 640);
                b.open(url("/c/" + id));
                WebElement begin = b.waitFor(By.cssSelector("#answer button.primary"));
                assertFalse(b.driver().findElement(By.id("counter")).isDisplayed(),
                        language + ": the welcome asks nothing, so no \"Vraag 1\" (it came again on the first question)");
                begin.click();
                b.waitUntil(d -> d.findElement(By.id("counter")).isDisplayed());
                assertTrue(b.driver().findElement(By.id("counter")).getText().contains("1"), language + ": the first question is question 1");
                for (int turn = 1; turn <= 3; turn++) {
                    int asked = turn;
                    b.waitUntil(d -> d.findElements(By.cssSelector(".bubble.me")).size() == asked - 1
                            && !d.findElements(By.cssSelector("#answer button.option:not([disabled])")).isEmpty());
                    String counter = b.driver().findElement(By.id("counter")).getText();
                    WebElement option = b.driver().findElements(By.cssSelector("#answer button.option")).get(1);
                    long elapsed = doubleTap(b, option, counter);
                    checked += elapsed >= 0 && elapsed < 300 ? 1 : 0;
                    b.screenshot("chat-double-tap-" + language + "-" + turn);
                    assertEquals(turn, b.driver().findElements(By.cssSelector(".bubble.me")).size(),
                            language + ": one answer for double tap " + turn);
                    assertTrue(b.driver().findElement(By.id("counter")).getText().contains(String.valueOf(turn + 1)),
                            language + ": after double tap " + turn + " the next question, not the one after it: "
                                    + b.driver().findElement(By.id("counter")).getText());
                }
            }
        }
        assertTrue(checked > 0, "no second tap came within 300 ms of the next question: this checks nothing");
    }

    /**
     * The connection lost mid-conversation on a phone (360x640), Dutch and Arabic: the tap on an answer says, in the
     * person's language, that there is no connection and the answer was not sent; no answer appears in the chat, the
     * question stays, and focus is back on the button tapped (it went to the page's top: a screen reader started
     * over). Back online, the same tap goes on to the next question.
     */
    @Test
    void aLostConnectionSaysSoInThePersonsLanguageAndKeepsTheirPlace() {
        java.util.Map<String, String> words = java.util.Map.of(
                "nl", "Er is geen verbinding. Je antwoord is niet verstuurd. Probeer het opnieuw.",
                "ar", "لا يوجد اتصال. لم تُرسل إجابتك. حاول مرة أخرى.");
        java.util.Map<String, String> back = java.util.Map.of(
                "nl", "Er is geen verbinding. Je bent niet teruggegaan. Probeer het opnieuw.",
                "ar", "لا يوجد اتصال. لم ترجع إلى السؤال السابق. حاول مرة أخرى.");
        java.util.Map<String, String> forgetFailed = java.util.Map.of(
                "nl", "Er is niets gewist: dat lukte nu niet. Probeer het opnieuw.",
                "ar", "لم يُحذف شيء: لم ينجح ذلك الآن. يُرجى المحاولة مرة أخرى.");
        for (String language : List.of("nl", "ar")) {
            String id = selfReflectionIn(language);
            try (Browser b = new Browser(language)) {
                b.phone(360, 640);
                b.open(url("/c/" + id));
                b.waitFor(By.cssSelector("#answer button.primary")).click();
                WebElement option = b.waitFor(By.cssSelector("#answer button.option"));
                String counter = b.driver().findElement(By.id("counter")).getText();
                b.driver().executeCdpCommand("Network.enable", java.util.Map.of());
                b.driver().executeCdpCommand("Network.emulateNetworkConditions", java.util.Map.of("offline", true,
                        "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
                try {
                    option.click();
                    WebElement error = b.waitFor(By.id("error"));
                    b.screenshot("chat-offline-" + language);
                    assertEquals(words.get(language), error.getText(), language + ": what the person reads");
                    assertEquals(0, b.driver().findElements(By.cssSelector(".bubble.me")).size(), language + ": no answer shows as given");
                    assertEquals(counter, b.driver().findElement(By.id("counter")).getText(), language + ": the same question");
                    assertEquals(option, b.driver().switchTo().activeElement(), language + ": focus is back on the answer tapped");
                } finally {
                    b.driver().executeCdpCommand("Network.emulateNetworkConditions", java.util.Map.of("offline", false,
                            "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
                }
                option.click();
                b.waitUntil(d -> d.findElements(By.cssSelector(".bubble.me")).size() == 1);
                assertFalse(b.driver().findElement(By.id("error")).isDisplayed(), language + ": the message is gone");
                String next = b.driver().findElement(By.id("counter")).getText();
                assertFalse(counter.equals(next), language + ": the next question");
                // going back without a connection: no answer was sent, so the message says going back did not happen
                b.driver().executeCdpCommand("Network.emulateNetworkConditions", java.util.Map.of("offline", true,
                        "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
                try {
                    b.driver().findElement(By.id("back")).click();
                    b.waitUntil(d -> d.findElement(By.id("error")).isDisplayed());
                    assertEquals(back.get(language), b.driver().findElement(By.id("error")).getText(), language + ": going back");
                    assertEquals(next, b.driver().findElement(By.id("counter")).getText(), language + ": still the same question");
                } finally {
                    b.driver().executeCdpCommand("Network.emulateNetworkConditions", java.util.Map.of("offline", false,
                            "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
                }
                // "Wis mijn antwoorden" without a connection: nothing was deleted, and the message says that, not "your answer"
                b.driver().findElement(By.cssSelector("#menu > summary")).click();
                b.waitFor(By.cssSelector(".forget-open")).click();
                b.driver().executeCdpCommand("Network.emulateNetworkConditions", java.util.Map.of("offline", true,
                        "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
                try {
                    b.waitFor(By.id("forget-yes")).click();
                    b.waitUntil(d -> d.findElement(By.id("forget-error")).isDisplayed());
                    assertEquals(forgetFailed.get(language), b.driver().findElement(By.id("forget-error")).getText(), language + ": deleting");
                } finally {
                    b.driver().executeCdpCommand("Network.emulateNetworkConditions", java.util.Map.of("offline", false,
                            "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
                }
                assertEquals(200, new nl.samenspraak.support.JsonHttp(server.getURL().toString()).get("/api/conversations/" + id).status(),
                        language + ": the conversation is still there, as the message says");
            }
        }
    }

    /**
     * The hint above boxes to tick of which none are needed (the cultural interview's worries, which a client may
     * leave all unticked) says to choose what fits: "Kies alles wat past.", in Arabic, as that interview speaks,
     * "اختاروا كل ما ينطبق."; it said "Kies er 0 tot en met 7." A question that needs at least one keeps its numbers
     * ("Kies er 1 tot en met 5.": five things to tick together, or "Geen van deze").
     */
    @Test
    void theHintAboveBoxesToTickOfWhichNoneAreNeededSaysToChooseWhatFits() {
        String base = server.getURL().toString();
        record Case(String language, String flow, String step, String hint) { }
        for (Case c : List.of(new Case("nl", "cultureel-interview", "zorgen", "Kies alles wat past."),
                new Case("ar", "cultureel-interview", "zorgen", "اختاروا كل ما ينطبق."),
                new Case("nl", "werk-jij-diversiteitsproof", "werkwijze_achtergrond", "Kies er 1 tot en met 5."))) {
            String id = nl.samenspraak.support.ApiWalk.answerUntil(new nl.samenspraak.support.JsonHttp(base), c.flow(), c.language(),
                    s -> s.get("step").get("id").asText().equals(c.step())).get("id").asText();
            try (Browser b = new Browser(c.language())) {
                b.open(url("/c/" + id));
                assertEquals(c.hint(), b.waitFor(By.cssSelector("#answer fieldset.multi > legend")).getText(), c.flow() + " " + c.language());
            }
        }
    }

    /** A new self-reflection in {@code language}, started through the API; its id. */
    private String selfReflectionIn(String language) {
        return new nl.samenspraak.support.JsonHttp(server.getURL().toString()).post("/api/conversations",
                "{\"flow\":\"werk-jij-diversiteitsproof\",\"language\":\"" + language + "\"}").json().get("id").asText();
    }

    /**
     * Two taps of a finger on {@code target}, the second as soon as the next question shows (the counter changed
     * from {@code counter}) or 250 ms after the first; how many ms after the next question it came, -1 if before.
     */
    private static long doubleTap(Browser b, WebElement target, String counter) {
        java.util.Map<String, Object> point = b.centreOf(target);
        b.tapAt(point);
        long first = System.nanoTime();
        long shown = -1;
        while (System.nanoTime() - first < 250_000_000L) {
            if (!counter.equals(b.driver().findElement(By.id("counter")).getText())) {
                shown = System.nanoTime();
                break;
            }
        }
        b.tapAt(point);
        long elapsed = shown < 0 ? -1 : (System.nanoTime() - shown) / 1_000_000L;
        // the answer a second tap would have given has had its time to come back
        try {
            Thread.sleep(600);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return elapsed;
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
        // and shows where it went, to someone using the keyboard (the bubble had no mark at all)
        assertEquals("solid", browser.driver().executeScript("return getComputedStyle(arguments[0]).outlineStyle", lastQuestion()),
                "the new question's focus ring");
        keys(Keys.TAB, Keys.TAB, Keys.ENTER);
        awaitQuestion("Hoeveel jaar");
        List<WebElement> mine = browser.driver().findElements(By.cssSelector(".bubble.me"));
        assertEquals("Intermediair of sleutelpersoon", browser.shownText(mine.get(mine.size() - 1)), "the second option, chosen by keyboard");
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

    @Test
    void aRefusedAnswersReasonIsReadWithItsFieldAndGoesWithTheNextTry() {
        startExample("nl");
        tap("Verder");
        awaitQuestion("In welke rol");
        tap("Vrijwilliger");
        awaitQuestion("Hoeveel jaar");
        assertEquals("none", browser.driver().executeScript("return getComputedStyle(arguments[0]).outlineStyle", lastQuestion()),
                "after a tap the new question has no focus ring");
        type("veel");
        browser.waitUntil(d -> d.findElement(By.id("error")).isDisplayed());
        ScreenReader reader = new ScreenReader(browser.driver());
        ScreenReader.Node field = reader.node("document.querySelector('#answer input')");
        assertEquals("Jouw antwoord", field.name());
        assertEquals("true", field.property("invalid"), "the field says its answer was refused");
        assertEquals("Vul een getal in, bijvoorbeeld 12.", field.description(), "and why, when the person comes back to it");
        assertEquals(browser.driver().switchTo().activeElement(), browser.driver().findElement(By.cssSelector("#answer input")));
        browser.screenshot("chat-refused-number-read-with-field");
        type("12");
        awaitQuestion("In welke talen");
        keys(Keys.TAB);
        browser.waitUntil(d -> !d.findElements(By.cssSelector("#answer input[type=checkbox]")).isEmpty());
        tap("Bevestig");
        browser.waitUntil(d -> d.findElement(By.id("error")).isDisplayed());
        ScreenReader.Node boxes = reader.node("document.querySelector('#answer fieldset')");
        assertEquals("true", boxes.property("invalid"), "a refused choice of boxes says so at the boxes");
        assertTrue(boxes.description().contains(browser.driver().findElement(By.id("error")).getText()), boxes.description());
        browser.driver().findElement(By.xpath("//label[span='Turks']")).click();
        tap("Bevestig");
        awaitQuestion("tolk nodig");
        browser.waitUntil(d -> !d.findElement(By.id("error")).isDisplayed());
    }

    @Test
    void aNewQuestionIsReadOnceAsItTakesFocusAndAStepBackSaysSo() {
        startExample("nl");
        awaitQuestion("Welkom!");
        tap("Verder");
        awaitQuestion("In welke rol werk je?");
        ScreenReader reader = new ScreenReader(browser.driver());
        String focused = "document.activeElement";
        assertEquals(lastQuestion(), browser.driver().switchTo().activeElement());
        assertEquals("Vraag: In welke rol werk je?", reader.node(focused).name(), "read as it takes focus, as a question");
        assertEquals("", reader.liveRegionAround(focused), "and not a second time as a live region's news");
        tap("Vrijwilliger");
        awaitQuestion("Hoeveel jaar");
        browser.waitFor(By.id("back")).click();
        awaitQuestion("In welke rol werk je?");
        assertEquals(lastQuestion(), browser.driver().switchTo().activeElement());
        ScreenReader.Node again = reader.node(focused);
        assertEquals("Vraag: In welke rol werk je?", again.name());
        assertEquals("Je bent een vraag teruggegaan.", again.description(), "the step back is said with the question");
        assertEquals("", reader.liveRegionAround(focused));
    }

    /**
     * A screen reader going through the chat hears who says each bubble, which the eye takes from the bubbles' sides
     * and colours: it ran questions and answers together ("In welke rol werk je? Vrijwilliger Hoeveel jaar ..."). On
     * the screen the bubbles show only what was asked and answered. The same after a reload, which the page draws.
     */
    @Test
    void aScreenReaderHearsWhoSaysEachBubbleWhichTheScreenLeavesToTheBubblesSides() {
        startExample("nl");
        tap("Verder");
        awaitQuestion("In welke rol werk je?");
        tap("Vrijwilliger");
        awaitQuestion("Hoeveel jaar");
        ScreenReader reader = new ScreenReader(browser.driver());
        List<String> heard = reader.readThrough(".messages .bubble");
        assertEquals(List.of("Vraag: In welke rol werk je?", "Antwoord: Vrijwilliger", "Vraag: Hoeveel jaar werk je al met gezinnen?"),
                heard.subList(1, heard.size()), "the bubbles as read: " + heard);
        assertTrue(heard.get(0).startsWith("Vraag: Welkom!"), heard.get(0));
        assertEquals(0L, ((Number) browser.driver().executeScript("""
                return [...document.querySelectorAll('.messages .speaker')]
                    .filter(s => { const r = s.getBoundingClientRect(); return r.width > 1 || r.height > 1; }).length;""")).longValue(),
                "no label takes room on the screen");
        assertEquals("Vrijwilliger", browser.shownText(browser.driver().findElement(By.cssSelector(".bubble.me"))), "the answer as shown");
        browser.driver().navigate().refresh();
        awaitQuestion("Hoeveel jaar");
        assertEquals(heard, reader.readThrough(".messages .bubble"), "read the same after a reload");
    }

    @Test
    void aPointOfAScaleIsReadWithWhatTheEndsMean() {
        startExample("nl");
        tap("Verder");
        awaitQuestion("In welke rol");
        tap("Vrijwilliger");
        awaitQuestion("Hoeveel jaar");
        type("3");
        awaitQuestion("In welke talen");
        browser.driver().findElement(By.xpath("//label[span='Turks']")).click();
        tap("Bevestig");
        awaitQuestion("tolk nodig");
        tap("Nee");
        awaitQuestion("Ik vraag door");
        keys(Keys.TAB, Keys.TAB, Keys.TAB, Keys.TAB);
        ScreenReader.Node point = new ScreenReader(browser.driver()).node("document.activeElement");
        assertEquals("button", point.role());
        assertEquals("4", point.name());
        assertEquals("1 = nooit 5 = altijd", point.description(), "a 4 on a scale from nooit to altijd");
        browser.screenshot("chat-scale-point-focused");
    }

    @Test
    void theFocusRingIsSeenOnTheBlueBarToo() {
        startExample("nl");
        awaitQuestion("Welkom!");
        for (int i = 0; i < 6 && !"summary".equals(browser.driver().switchTo().activeElement().getTagName()); i++) {
            keys(Keys.chord(Keys.SHIFT, Keys.TAB));
        }
        WebElement menu = browser.driver().switchTo().activeElement();
        assertEquals("Menu", menu.getText(), "Shift+Tab from the question reaches the menu");
        @SuppressWarnings("unchecked")
        List<String> ring = (List<String>) browser.driver().executeScript("var e = arguments[0], s = getComputedStyle(e);"
                + "return [s.outlineStyle, s.outlineColor, getComputedStyle(e.closest('.bar')).backgroundColor]", menu);
        assertEquals("solid", ring.get(0));
        double ratio = Contrast.ratio(ring.get(1), ring.get(2));
        assertTrue(ratio >= 3, "the ring around the focused menu stands out from the bar it sits on (WCAG 1.4.11, 3:1): "
                + String.format("%.2f", ratio) + " for " + ring);
        browser.screenshot("chat-focus-on-menu");
        keys(Keys.ENTER, Keys.TAB);
        WebElement inPanel = browser.driver().switchTo().activeElement();
        assertEquals("resume-link", inPanel.getAttribute("id"), "Enter opens the menu, Tab goes into it");
        @SuppressWarnings("unchecked")
        List<String> panelRing = (List<String>) browser.driver().executeScript("var s = getComputedStyle(arguments[0]);"
                + "return [s.outlineColor, getComputedStyle(arguments[0].closest('.menu-panel')).backgroundColor]", inPanel);
        assertTrue(Contrast.ratio(panelRing.get(0), panelRing.get(1)) >= 3, "and on the menu's white panel: " + panelRing);
    }

    @Test
    void theChatSaysWhichConversationItIsAsItsOneMainHeadingAlsoZoomedIn() {
        String id = selfReflectionIn("ar");
        try (Browser b = new Browser("ar")) {
            ScreenReader reader = new ScreenReader(b.driver());
            for (int width : new int[] {360, 180}) {
                b.phone(width, 640);
                b.open(url("/c/" + id));
                b.waitFor(By.cssSelector("#answer button"));
                List<String> mains = reader.headings().stream().filter(h -> h.startsWith("1 ")).toList();
                assertEquals(List.of("1 " + b.driver().getTitle().replace(" · Samenspraak", "")), mains,
                        width + " px: one main heading, the conversation's title, as the page's title has it");
            }
        }
    }

    @Test
    void theMenuClosesWithEscapeAndWhenTheKeyboardLeavesIt() {
        startExample("nl");
        awaitQuestion("Welkom!");
        WebElement summary = browser.driver().findElement(By.cssSelector("#menu > summary"));
        WebElement panel = browser.driver().findElement(By.cssSelector("#menu .menu-panel"));
        ScreenReader reader = new ScreenReader(browser.driver());
        for (int i = 0; i < 6 && !summary.equals(browser.driver().switchTo().activeElement()); i++) {
            keys(Keys.chord(Keys.SHIFT, Keys.TAB));
        }
        keys(Keys.ENTER, Keys.TAB);
        assertTrue(panel.isDisplayed(), "Enter opens the menu");
        assertEquals("resume-link", browser.driver().switchTo().activeElement().getAttribute("id"));
        keys(Keys.ESCAPE);
        browser.waitUntil(d -> !panel.isDisplayed());
        assertEquals(summary, browser.driver().switchTo().activeElement(), "Escape closes it and the focus is back on Menu");
        assertEquals("false", reader.node("document.querySelector('#menu > summary')").property("expanded"), "said to be closed");

        keys(Keys.ENTER);
        assertTrue(panel.isDisplayed());
        WebElement focused = summary;
        for (int i = 0; i < 12 && panel.isDisplayed(); i++) {
            keys(Keys.TAB);
            focused = browser.driver().switchTo().activeElement();
        }
        assertFalse(panel.isDisplayed(), "tabbing on past the menu's last button closes it");
        WebElement next = focused;
        assertTrue((Boolean) browser.driver().executeScript("const r = arguments[0].getBoundingClientRect();"
                + "const top = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height, 20) / 2);"
                + "return top !== null && (arguments[0] === top || arguments[0].contains(top));", next),
                "the control focused next is not under the panel: " + next.getTagName() + " " + next.getText());
    }

    @Test
    void theForgetQuestionKeepsTheKeyboardInsideAndGivesItBackWhereItWas() {
        startExample("nl");
        awaitQuestion("Welkom!");
        browser.driver().findElement(By.cssSelector("#menu > summary")).click();
        WebElement forget = browser.waitFor(By.cssSelector(".forget-open"));
        forget.click();
        WebElement no = browser.waitFor(By.id("forget-no"));
        WebElement yes = browser.driver().findElement(By.id("forget-yes"));
        assertEquals(no, browser.driver().switchTo().activeElement(), "the safe answer has the focus");
        keys(Keys.TAB);
        assertEquals(yes, browser.driver().switchTo().activeElement(), "Tab stays in the question, not on the page behind it");
        keys(Keys.TAB);
        assertEquals(no, browser.driver().switchTo().activeElement());
        keys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertEquals(yes, browser.driver().switchTo().activeElement());
        keys(Keys.ESCAPE);
        browser.waitUntil(d -> !d.findElement(By.id("forget-confirm")).isDisplayed());
        WebElement back = browser.driver().switchTo().activeElement();
        assertEquals(forget, back, "Escape gives the focus back to the button that asked");
        assertTrue(back.isDisplayed(), "which is on the screen, not in a closed menu");
        browser.screenshot("chat-forget-cancelled-by-keyboard");
    }

    private WebElement lastQuestion() {
        List<WebElement> bots = browser.driver().findElements(By.cssSelector(".bubble.bot"));
        return bots.get(bots.size() - 1);
    }

    private void keys(CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }
}
