package nl.samenspraak.web;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.storage.AnswerRepository;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.ScreenReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A professional does the self-reflection on a phone, in Dutch and in Arabic, in a real headless Chromium:
 * every question answered by tapping, the result with its chart and tips, right to left in Arabic, and
 * the pages pass the WCAG 2 A/AA rules axe-core checks, fit a 360 px screen and stay light (the Dutch walk looks at its
 * first question and its result at 360x740 too, instead of a third walk at that size).
 */
@MicronautTest
class SelfReflectionBrowserTest {
    private static final String FLOW = "werk-jij-diversiteitsproof";

    @Inject
    EmbeddedServer server;
    @Inject
    AnswerRepository answers;

    private final List<Browser> browsers = new ArrayList<>();

    @AfterEach
    void close() {
        browsers.forEach(Browser::close);
    }

    private Browser browser(String acceptLanguage) {
        Browser b = new Browser(acceptLanguage);
        browsers.add(b);
        return b;
    }

    /** Opens the start page in the browser's language and starts the self-reflection there. */
    private void startSelfReflection(Browser b) {
        b.open(server.getURL() + "/");
        b.waitFor(By.cssSelector("form[action='/start']:has(input[name='flow'][value='" + FLOW + "']) button")).click();
        b.waitFor(By.cssSelector(".bubble.bot"));
    }

    /** Answers whatever is asked by tapping: the weakest option, one box of a multi, a typed comment. */
    private static void answerEverything(Browser b) {
        for (int guard = 0; guard < 40 && b.driver().findElements(By.cssSelector("#result .tip")).isEmpty(); guard++) {
            b.answerByTapping("Meer tijd voor huisbezoeken <graag>");
        }
    }

    private static void assertFitsAPhone(Browser b) {
        long scrollWidth = (Long) b.driver().executeScript("return document.documentElement.scrollWidth");
        long clientWidth = (Long) b.driver().executeScript("return document.documentElement.clientWidth");
        assertTrue(scrollWidth <= clientWidth, "nothing scrolls sideways: " + scrollWidth + " > " + clientWidth);
    }

    /**
     * Runs {@code check} with the window 360x740, a small phone, then gives it back its size: the page lays itself out
     * again for the width it has, as a walk at that width would have it.
     */
    private static void at360(Browser b, Runnable check) {
        Dimension size = b.driver().manage().window().getSize();
        b.driver().manage().window().setSize(new Dimension(360, 740));
        b.waitUntil(d -> ((Number) d.executeScript("return window.innerWidth")).intValue() == 360);
        check.run();
        b.driver().manage().window().setSize(size);
        b.waitUntil(d -> ((Number) d.executeScript("return window.innerWidth")).intValue() == size.getWidth());
    }

    private static void assertAccessible(Browser b, String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(b.driver());
        List<String> violations = results.getViolations().stream()
                .map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream().map(n -> n.getTarget().toString()).toList())
                .toList();
        assertEquals(List.of(), violations, "WCAG violations on " + page);
        assertFalse(results.getPasses().stream().map(Rule::getId).toList().isEmpty(), "axe ran on " + page);
    }

    @Test
    void aProfessionalCompletesTheSelfReflectionInDutchOnAPhoneOnALightChatPageThatFits360Pixels() {
        Browser b = browser("nl");
        b.open(server.getURL() + "/");
        assertEquals("nl", b.driver().findElement(By.tagName("html")).getAttribute("lang"));
        assertAccessible(b, "the start page");
        // a screen reader's list of buttons names each flow: it read "Begin" four times
        WebElement start = b.driver().findElement(By.cssSelector("form[action='/start']:has(input[name='flow'][value='" + FLOW + "']) button"));
        assertEquals(b.driver().findElement(By.id("flow-" + FLOW)).getText(), start.getAccessibleName().replaceFirst("^\\S+ ", ""),
                "the button says which flow it begins: " + start.getAccessibleName());
        startSelfReflection(b);
        b.waitFor(By.cssSelector("#answer button.primary"));
        @SuppressWarnings("unchecked")
        List<Object> requests = (List<Object>) b.driver().executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)");
        assertTrue(requests.stream().noneMatch(r -> String.valueOf(r).contains("/api/")),
                "the first question comes with the page: " + requests);
        long bytes = (Long) b.driver().executeScript(
                "const nav = performance.getEntriesByType('navigation')[0];"
                        + "return Math.round(nav.transferSize + performance.getEntriesByType('resource')"
                        + ".filter(e => !/\\.(woff2?|ttf|otf)$/.test(e.name)).reduce((s, e) => s + e.transferSize, 0))");
        assertTrue(bytes > 0 && bytes < 200 * 1024, "the chat page with its CSS and JavaScript weighs " + bytes + " bytes");
        assertFitsAPhone(b);
        at360(b, () -> assertFitsAPhone(b));
        assertTrue(b.driver().findElement(By.cssSelector(".bubble.bot")).getText().contains("vijf tot tien minuten"),
                "the welcome says how long it takes");
        b.driver().findElement(By.cssSelector("#menu > summary")).click();
        assertTrue(b.driver().findElement(By.id("resume-code")).isDisplayed(), "the resume code is one tap away");
        b.driver().findElement(By.cssSelector("#menu > summary")).click();
        assertAccessible(b, "the first question");
        answerEverything(b);

        WebElement result = b.waitFor(By.id("result"));
        assertEquals(5, result.findElements(By.cssSelector(".score .score-bar")).size(), "a bar for each of five dimensions");
        int tips = result.findElements(By.cssSelector(".tip")).size();
        assertTrue(tips >= 3, "tips for the weak spots, but " + tips);
        assertTrue(result.getText().contains("Waarom deze tip:") && result.getText().contains("Bron:"), result.getText());
        String source = result.findElement(By.cssSelector(".tip .tip-source")).getText();
        assertTrue(source.matches("(?s).*\\(\\d{4}\\).*: .*") && !source.contains(".txt"), "a report and a part, no file: " + source);
        String id = b.driver().getCurrentUrl().substring(b.driver().getCurrentUrl().lastIndexOf('/') + 1);
        assertEquals(18, answers.findByConversationId(id).size(), "17 scored questions and the comment, each stored once");
        List<WebElement> mine = b.driver().findElements(By.cssSelector(".bubble.me"));
        assertEquals("Meer tijd voor huisbezoeken <graag>", b.shownText(mine.get(mine.size() - 1)), "typed text shows as typed");
        assertFitsAPhone(b);
        assertAccessible(b, "the result");
        b.screenshot("self-reflection-result-nl");
        at360(b, () -> {
            assertFitsAPhone(b);
            b.screenshot("self-reflection-result-360");
        });
    }

    @Test
    void inArabicTheChatReadsRightToLeftInArabicThroughout() {
        Browser b = browser("ar");
        b.open(server.getURL() + "/");
        WebElement html = b.driver().findElement(By.tagName("html"));
        assertEquals("ar", html.getAttribute("lang"), "the browser's language is preselected");
        assertEquals("rtl", html.getAttribute("dir"));
        assertEquals("ar", b.driver().findElement(By.cssSelector(".language-links a[aria-current]")).getAttribute("lang"));
        assertAccessible(b, "the Arabic start page");
        b.screenshot("start-page-ar");
        startSelfReflection(b);
        assertEquals("rtl", b.driver().findElement(By.tagName("html")).getAttribute("dir"));
        b.waitFor(By.cssSelector("#answer button.primary")).click();
        b.waitFor(By.cssSelector("#answer .option"));
        WebElement question = b.driver().findElements(By.cssSelector(".bubble.bot")).get(1);
        int pageRight = ((Long) b.driver().executeScript("return document.getElementById('messages').getBoundingClientRect().right")).intValue();
        int bubbleRight = question.getRect().getX() + question.getRect().getWidth();
        assertTrue(pageRight - bubbleRight < 4, "the bot speaks from the right in a right-to-left chat");
        assertAccessible(b, "an Arabic question");
        b.screenshot("self-reflection-question-ar");
        answerEverything(b);

        WebElement result = b.waitFor(By.id("result"));
        String text = b.driver().findElement(By.tagName("body")).getText()
                .replaceAll("\u2068[^\u2069]*\u2069", "") // a Dutch report's name or an organisation, isolated as a name
                .replaceAll("Samenspraak|PDF|[A-Z0-9]{4}-[A-Z0-9]{4}|https?://\\S+|<graag>|Meer tijd voor huisbezoeken", "");
        assertFalse(text.matches("(?s).*[A-Za-z]{3,}.*"), "no Dutch or other Latin text on the Arabic page: " + text);
        int tips = result.findElements(By.cssSelector(".tip")).size();
        assertTrue(tips >= 3, "tips for the weak spots, but " + tips);
        assertFitsAPhone(b);
        // a screen reader hears who said each answer, in the page's words; the label keeps to the page's direction, so
        // that an answer typed in Latin letters still runs left to right as the eye reads it, the others right to left
        List<String> answers = new ScreenReader(b.driver()).readThrough(".messages .bubble.me");
        assertTrue(answers.stream().allMatch(a -> a.startsWith("الإجابة: ")), answers.toString());
        assertEquals("الإجابة: Meer tijd voor huisbezoeken <graag>", answers.get(answers.size() - 1));
        assertEquals(List.of(true, true), b.driver().executeScript("""
                const mine = document.querySelectorAll('.messages .bubble.me');
                return [mine[0].matches(':dir(rtl)'), mine[mine.length - 1].matches(':dir(ltr)')];"""));
        b.screenshot("self-reflection-result-ar");
    }
}
