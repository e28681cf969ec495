package nl.samenspraak.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.Browsers;
import nl.samenspraak.support.ApiWalk;
import nl.samenspraak.support.JsonHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A phone user never has to look for the answers: after every turn of the self-reflection and the neighbourhood
 * analysis, in Dutch and Arabic, at 390x844, 320x640 and 320x568, and on its side at 640x360 (and with the keyboard
 * open for typed answers), every answer can be reached without scrolling the page (options that do not all fit scroll
 * in their own list, which says more follow), every other control is on the screen, and the question they answer
 * shows whole just above them.
 * One walk per flow and language visits every size at each turn by resizing the page, as a phone turned on its side
 * does: the answers chosen depend only on the turn, so this is the same set of screens as a walk per size.
 */
@MicronautTest
public class AnswersInReachBrowserTest {
    @Inject
    EmbeddedServer server;

    private final Browsers browsers = new Browsers();

    @AfterEach
    void close() {
        browsers.close();
    }

    private Browser browser(String language) {
        return browsers.phone(language);
    }

    @Test
    void selfReflectionInDutchAndArabicAtBothPhoneSizesAndOnItsSide() {
        walk(browser("nl"), server.getURL().toString(), "werk-jij-diversiteitsproof", "nl", UPRIGHT, SMALL, SE, SIDE, new int[]{844, 390});
        walk(browser("ar"), server.getURL().toString(), "werk-jij-diversiteitsproof", "ar", UPRIGHT, SMALL, SE, SIDE);
    }

    @Test
    void neighbourhoodAnalysisInDutchAndArabicAtBothPhoneSizesAndOnItsSide() {
        walk(browser("nl"), server.getURL().toString(), "wijkanalyse", "nl", UPRIGHT, SMALL, SE, SIDE);
        walk(browser("ar"), server.getURL().toString(), "wijkanalyse", "ar", UPRIGHT, SMALL, SE, SIDE, new int[]{740, 360});
    }

    /**
     * A question with many long options on a 640 px phone: in Turkish the self-reflection's "what do you ask" fits
     * whole (its lines a little closer), and the cultural interview's seven strengths of a child, which cannot fit,
     * scroll in their own list while "Bevestig" and "Vorige" stay on the screen; until then the whole answer area
     * scrolled and hid them. Dutch and Arabic, 360 and 320 wide.
     */
    @Test
    void manyLongOptionsKeepConfirmAndBackOnTheScreen() {
        String base = server.getURL().toString();
        Browser tr = browser("tr");
        tr.phone(360, 640);
        tr.open(base + "/c/" + answeredUpTo(base, "werk-jij-diversiteitsproof", "tr", "werkwijze_achtergrond"));
        tr.waitFor(By.cssSelector("#answer fieldset.multi"));
        assertInReach(tr, "werk-jij-diversiteitsproof-tr-360x640, the question with six options");
        for (String language : List.of("nl", "ar")) {
            Browser b = browser(language);
            b.phone(360, 640);
            b.open(base + "/c/" + answeredUpTo(base, "cultureel-interview", language, "sterke_kanten"));
            b.waitFor(By.cssSelector("#answer fieldset.multi"));
            for (int[] s : List.of(new int[]{360, 640}, SMALL)) {
                resize(b, s[0], s[1]);
                String size = name("cultureel-interview", language, s);
                b.screenshot("reach-" + size + "-many-options");
                assertEquals(List.of(), buttonsOutOfSight(b), size + ": the buttons under seven long options");
            }
        }
    }

    /**
     * A question with long options on the smallest phones, in Dutch and Arabic (the phone probe of spring 2027): the
     * self-reflection's interpreter question, five long options, showed half a line of itself at 320x568 and 5 px at
     * 640x360, the question after it one line at 640x360, and the cultural interview's worries, seven boxes to tick,
     * 21 of its 67 px in Arabic at 640x360: the options took the screen. The question shows whole above its options;
     * they come a little closer together on a small screen, and those that still do not fit scroll in their own list,
     * whose lower edge fades until its end is reached and whose upper edge fades once scrolled, while "Vorige",
     * "Weet ik niet" and "Bevestig" stay on the screen. The interpreter question at 360x640 and 390x844 stays as it was.
     */
    @Test
    void aQuestionWithLongOptionsShowsWholeAboveThemOnTheSmallestPhones() {
        String base = server.getURL().toString();
        record Case(String flow, String step, int[]... sizes) { }
        int scrolled = 0;
        for (String language : List.of("nl", "ar")) {
            Browser b = browser(language);
            for (Case c : List.of(new Case("werk-jij-diversiteitsproof", "vaardig_tolk", SE, SIDE, SMALL, new int[]{360, 640}, UPRIGHT),
                    new Case("werk-jij-diversiteitsproof", "werkwijze_alternatieven", SE, SIDE),
                    new Case("cultureel-interview", "zorgen", SE, SIDE))) {
                b.phone(c.sizes()[0][0], c.sizes()[0][1]);
                b.open(base + "/c/" + answeredUpTo(base, c.flow(), language, c.step()));
                b.waitFor(By.cssSelector("#answer .choices"));
                for (int[] s : c.sizes()) {
                    resize(b, s[0], s[1]);
                    String where = name(c.flow(), language, s) + ", " + c.step();
                    b.screenshot("reach-" + name(c.flow(), language, s) + "-" + c.step());
                    assertInReach(b, where);
                    scrolled += scrolledToTheEnd(b, where) ? 1 : 0;
                }
            }
        }
        assertTrue(scrolled > 0, "every list of options fits: the cue that more follow is not checked");
    }

    /**
     * Scrolls a list of options that does not fit to its end as a finger does: its lower edge stops fading and its
     * upper one fades, the last option shows whole, and the buttons under it stay on the screen; back at its start, as
     * before. Whether there was such a list.
     */
    private static boolean scrolledToTheEnd(Browser b, String where) {
        String list = "[...document.querySelectorAll('#answer .choices, #answer .checks')]"
                + ".find(e => e.scrollHeight > e.clientHeight + 1 && getComputedStyle(e).overflowY !== 'visible')";
        if (!(Boolean) b.driver().executeScript("return !!" + list)) {
            return false;
        }
        b.driver().executeScript("const l = " + list + "; l.scrollTop = l.scrollHeight;");
        b.waitUntil(d -> "above".equals(d.executeScript("return " + list + ".dataset.more")));
        b.screenshot("reach-" + where.replaceAll("[^a-z0-9-]+", "-") + "-scrolled");
        assertInReach(b, where + ", its options scrolled to the end");
        Object mask = b.driver().executeScript("const s = getComputedStyle(" + list + "); return s.webkitMaskImage || s.maskImage;");
        assertTrue(String.valueOf(mask).contains("gradient"), where + ": scrolled, nothing shows options above: " + mask);
        b.driver().executeScript("const l = " + list + "; l.scrollTop = 0;");
        b.waitUntil(d -> "below".equals(d.executeScript("return " + list + ".dataset.more")));
        assertInReach(b, where + ", its options scrolled back");
        return true;
    }

    /**
     * The neighbourhood analysis's consent is taller than a 640 px phone's chat: it opens at its beginning, which a
     * resident reads first, with Ja and Nee on the screen below; it opened at its end, its first lines out of sight
     * above. Dutch and Arabic, 360 and 320 wide.
     */
    @Test
    void aQuestionTallerThanTheScreenOpensAtItsBeginning() {
        String base = server.getURL().toString();
        int tall = 0;
        for (String language : List.of("nl", "ar")) {
            Browser b = browser(language);
            for (int[] s : List.of(new int[]{360, 640}, SMALL)) {
                b.phone(s[0], s[1]);
                b.open(base + "/c/" + answeredUpTo(base, "wijkanalyse", language, "toestemming"));
                b.waitFor(By.cssSelector("#answer .choices.yesno"));
                String size = name("wijkanalyse", language, s) + ", the consent";
                b.screenshot("reach-" + name("wijkanalyse", language, s) + "-consent");
                Object where = b.driver().executeScript("""
                        const bots = document.querySelectorAll('.bubble.bot');
                        const q = bots[bots.length - 1].getBoundingClientRect();
                        const chat = document.getElementById('chat').getBoundingClientRect();
                        return q.height > chat.height ? Math.round(q.top - chat.top) : 'fits';""");
                assertTrue(!(where instanceof Number) || ((Number) where).longValue() >= -1 && ((Number) where).longValue() <= 16,
                        size + ": its first line is " + where + " px from the chat's top");
                tall += where instanceof Number ? 1 : 0;
                assertInReach(b, size);
            }
        }
        assertTrue(tall > 0, "the consent fits every screen here: this checks nothing");
    }

    /**
     * "Bevestig" with no box ticked, on the self-reflection's question with six options at 360x640 and 320x640: the
     * message is on the screen and said at once to a screen reader (role alert), in the place of the hint above the
     * options; the question stays in view as much as it was, and so do the options. A full-size message above the
     * options left one line of the question, or (at 320) pushed the options' list to scroll. Dutch and Arabic.
     */
    @Test
    void aMissingAnswerToAMultiQuestionLeavesTheQuestionAndItsOptionsInView() {
        String base = server.getURL().toString();
        for (String language : List.of("nl", "ar")) {
            Browser b = browser(language);
            for (int[] s : List.of(new int[]{360, 640}, SMALL)) {
                b.phone(s[0], s[1]);
                b.open(base + "/c/" + answeredUpTo(base, "werk-jij-diversiteitsproof", language, "werkwijze_achtergrond"));
                b.waitFor(By.cssSelector("#answer fieldset.multi"));
                String where = name("werk-jij-diversiteitsproof", language, s) + ", Bevestig with nothing ticked";
                long question = b.questionShown();
                long options = optionsShown(b);
                b.driver().findElement(By.cssSelector("#answer button.primary")).click();
                WebElement error = b.waitFor(By.id("error"));
                b.screenshot("reach-" + name("werk-jij-diversiteitsproof", language, s) + "-multi-error");
                assertEquals("alert", error.getAttribute("role"), where + ": the message is said at once");
                assertEquals("nl".equals(language) ? "Deze vraag heeft een antwoord nodig." : "هذا السؤال يحتاج إلى إجابة.",
                        error.getText(), where);
                assertTrue(b.wholeOnScreen(error),
                        where + ": the message is on the screen");
                assertEquals(question, b.questionShown(), where + ": pixels of the question in view, before and with the message");
                assertEquals(options, optionsShown(b), where + ": options wholly in view in their list, before and with the message");
                assertInReach(b, where);
            }
        }
    }

    /**
     * A typed answer the question does not take, on a phone on its side (640x360): a number out of range ("99 jaar"
     * ervaring, 0 to 60), an open question's answer longer than it takes (1,001 characters of 1,000), in Dutch and
     * Arabic. The message, the answer area with all its
     * buttons and the question above them fit the screen; the message pushed the bottom of "Vorige" and "Overslaan"
     * below it, and the question out of sight.
     */
    @Test
    void aRefusedTypedAnswerOnAPhoneOnItsSideKeepsTheQuestionAndEveryButtonOnTheScreen() {
        String base = server.getURL().toString();
        record Case(String flow, String language, String step, String typed) { }
        for (Case c : List.of(new Case("voorbeeld", "nl", "ervaring_jaren", "99"),
                new Case("wijkanalyse", "nl", null, "x".repeat(1001)), new Case("wijkanalyse", "ar", null, "x".repeat(1001)))) {
            Browser b = browser(c.language());
            b.phone(640, 360);
            String id = c.step() != null ? answeredUpTo(base, c.flow(), c.language(), c.step())
                    : ApiWalk.answerUntil(new JsonHttp(base), c.flow(), c.language(),
                            s -> "text".equals(s.get("step").get("type").asText())).get("id").asText();
            b.open(base + "/c/" + id);
            WebElement box = b.waitFor(By.cssSelector("#answer input, #answer textarea"));
            String where = c.flow() + "-" + c.language() + "-640x360, " + c.typed().length() + " characters refused";
            // typed, or pasted: a text one character longer than the question takes
            b.driver().executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))", box, c.typed());
            b.driver().findElement(By.cssSelector("#answer button.primary")).click();
            WebElement error = b.waitFor(By.cssSelector("#error:not([hidden])"));
            b.waitUntil(d -> error.getText().length() > 0);
            // the keyboard closed again
            b.driver().executeScript("document.activeElement.blur()");
            resize(b, 640, 360);
            b.screenshot("reach-" + c.flow() + "-" + c.language() + "-640x360-refused");
            assertTrue(b.wholeOnScreen(error),
                    where + ": the message is on the screen");
            assertInReach(b, where);
            assertTrue(b.questionShown() >= 20, where + ": only " + b.questionShown() + " px of the question shows");
            if (c.step() == null) {
                // shortened to what it takes, the message about the longer text goes, before the next send
                b.driver().executeScript("arguments[0].value = arguments[0].value.slice(0, 1000); arguments[0].dispatchEvent(new Event('input'))", box);
                assertFalse(error.isDisplayed(), where + ": the message stays beside a text that fits");
            }
        }
    }

    /**
     * A typed answer on the smallest phone (320x568) and on its side (640x360): the question shows whole above the box,
     * and the box and "Verstuur" are on the screen; with the keyboard open on a 360 px phone (360x360) more than two
     * lines of the question show above them, and scrolled back to its start, the question's first line shows with the
     * box and "Verstuur" still on the screen. Dutch and Arabic: the self-reflection's last question (four to seven
     * lines), the neighbourhood analysis's first open one, and in Dutch a number (the example's years of experience).
     * Under each other, the box three lines high, the box and its buttons took the answer area up to 80% of the
     * screen: on its side and with the keyboard open the question kept two lines of itself (the phone probe).
     */
    @Test
    void aTypedAnswersQuestionStaysInViewOnTheSmallestPhoneOnItsSideAndWithTheKeyboardOpen() {
        String base = server.getURL().toString();
        record Case(String flow, String language, String step) { }
        List<String> problems = new ArrayList<>();
        for (Case c : List.of(new Case("werk-jij-diversiteitsproof", "nl", "opmerking"), new Case("werk-jij-diversiteitsproof", "ar", "opmerking"),
                new Case("wijkanalyse", "nl", "goed_in_wijk"), new Case("wijkanalyse", "ar", "goed_in_wijk"),
                new Case("voorbeeld", "nl", "ervaring_jaren"))) {
            Browser b = browser(c.language());
            b.phone(320, 568);
            b.open(base + "/c/" + answeredUpTo(base, c.flow(), c.language(), c.step()));
            WebElement box = b.waitFor(By.cssSelector("#answer textarea, #answer input"));
            for (int[] s : List.of(SE, SIDE)) {
                resize(b, s[0], s[1]);
                String where = name(c.flow(), c.language(), s) + ", " + c.step();
                b.screenshot("reach-" + name(c.flow(), c.language(), s) + "-" + c.step());
                Map<String, Object> seen = typedInView(b);
                if (!Boolean.TRUE.equals(seen.get("whole"))) {
                    problems.add(where + ": the question shows " + seen.get("shown") + " of its " + seen.get("height") + " px");
                }
                if (!Boolean.TRUE.equals(seen.get("controls"))) {
                    problems.add(where + ": the box or Verstuur is not on the screen");
                }
                outOfReach(b).forEach(o -> problems.add(where + ": " + o));
            }
            if ("number".equals(type(b))) {
                continue;
            }
            // the keyboard opens on a 360x640 phone
            resize(b, 360, 640);
            box.click();
            resize(b, 360, 360);
            // the page goes to the chat's end a quarter of a second after the box's focus, for the keyboard: the
            // person reads, and scrolls back, after that (a scroll made before it was undone: the check below read the
            // question's start as out of sight, now and then)
            b.driver().executeAsyncScript("const done = arguments[0]; setTimeout(() => done(true), 400)");
            String where = name(c.flow(), c.language(), new int[]{360, 360}) + " with the keyboard open, " + c.step();
            b.screenshot("reach-" + name(c.flow(), c.language(), new int[]{360, 360}) + "-" + c.step() + "-keyboard");
            Map<String, Object> seen = typedInView(b);
            if (((Number) seen.get("lines")).intValue() <= 2) {
                problems.add(where + ": " + seen.get("lines") + " lines of the question show (" + seen.get("shown") + " px)");
            }
            if (!Boolean.TRUE.equals(seen.get("controls"))) {
                problems.add(where + ": the box or Verstuur is not on the screen");
            }
            // scrolled back to the question's start
            b.driver().executeScript("""
                    const bots = document.querySelectorAll('.bubble.bot'), chat = document.getElementById('chat');
                    chat.scrollTop += bots[bots.length - 1].getBoundingClientRect().top - chat.getBoundingClientRect().top;""");
            Map<String, Object> start = typedInView(b);
            if (!Boolean.TRUE.equals(start.get("start")) || !Boolean.TRUE.equals(start.get("controls"))) {
                problems.add(where + ", scrolled to the question's start: " + start);
            }
            b.driver().executeScript("document.activeElement.blur()");
        }
        assertEquals(List.of(), problems);
    }

    /**
     * What shows of the question asked and its typed answer, as the page is scrolled now: the question's pixels in
     * the chat ({@code shown}, of {@code height}), the lines of its text wholly in view ({@code lines}), whether it
     * shows whole ({@code whole}) or from its first line ({@code start}), and whether the box and "Verstuur" are
     * wholly on the screen ({@code controls}).
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> typedInView(Browser b) {
        return (Map<String, Object>) b.driver().executeScript("""
                const bots = document.querySelectorAll('.bubble.bot'), q = bots[bots.length - 1];
                const r = q.getBoundingClientRect(), chat = document.getElementById('chat').getBoundingClientRect();
                const style = getComputedStyle(q), line = parseFloat(style.lineHeight);
                const shown = Math.max(0, Math.min(r.bottom, chat.bottom) - Math.max(r.top, chat.top));
                // the lines of its text wholly in view: each text's boxes, one a line, those on the same line together
                const tops = [], texts = document.createTreeWalker(q, NodeFilter.SHOW_TEXT);
                for (let t = texts.nextNode(); t; t = texts.nextNode()) {
                  const range = document.createRange();
                  range.selectNodeContents(t);
                  for (const x of range.getClientRects()) if (x.height > 0 && x.top >= chat.top - 0.5 && x.bottom <= chat.bottom + 0.5) tops.push(x.top);
                }
                tops.sort((a, b) => a - b);
                const lines = tops.filter((t, i) => i === 0 || t > tops[i - 1] + line / 2).length;
                const on = e => { const x = e.getBoundingClientRect(); return x.height > 0 && x.top >= -0.5 && x.bottom <= innerHeight + 0.5
                  && x.left >= -0.5 && x.right <= document.documentElement.clientWidth + 0.5; };
                return { shown: Math.round(shown), height: Math.round(r.height), lines: lines,
                  whole: r.top >= chat.top - 0.5 && r.bottom <= chat.bottom + 0.5,
                  start: r.top >= chat.top - 0.5 && r.top + parseFloat(style.paddingTop) + line <= chat.bottom + 0.5,
                  controls: on(document.querySelector('#answer textarea, #answer input')) && on(document.querySelector('#answer button.primary')) };""");
    }

    /** How many of a multi question's options show whole in their list as it is scrolled now. */
    private static long optionsShown(Browser b) {
        return ((Number) b.driver().executeScript("""
                const list = document.querySelector('#answer .checks').getBoundingClientRect();
                return [...document.querySelectorAll('#answer label.check')].filter(o => {
                  const r = o.getBoundingClientRect(); return r.top >= list.top - 0.5 && r.bottom <= list.bottom + 0.5; }).length;""")).longValue();
    }

    /** A conversation of {@code flow} answered through the API up to the question {@code stepId}. */
    private static String answeredUpTo(String base, String flow, String language, String stepId) {
        com.fasterxml.jackson.databind.JsonNode state = ApiWalk.answerUntil(new JsonHttp(base), flow, language,
                s -> s.get("step").get("id").asText().equals(stepId));
        assertEquals(stepId, state.get("step").get("id").asText(), flow + " reaches " + stepId);
        return state.get("id").asText();
    }

    /** The answer area's buttons that are not wholly on the screen, or that the area itself scrolls out of sight. */
    @SuppressWarnings("unchecked")
    private static List<Object> buttonsOutOfSight(Browser b) {
        return (List<Object>) b.driver().executeScript("""
                const vh = window.innerHeight, area = document.getElementById('answer-area'), box = area.getBoundingClientRect();
                const out = [];
                for (const e of area.querySelectorAll('button')) {
                  if (e.offsetParent === null) continue;
                  const r = e.getBoundingClientRect();
                  if (r.top < Math.max(0, box.top) - 0.5 || r.bottom > Math.min(vh, box.bottom) + 0.5)
                    out.push(e.textContent.trim() + ' at ' + Math.round(r.top) + '-' + Math.round(r.bottom) + ' in ' + vh);
                }
                return out;""");
    }

    private static final int[] UPRIGHT = {390, 844};
    private static final int[] SMALL = {320, 640};
    /** The smallest phone in use (an iPhone SE of the first generation, small Androids). */
    private static final int[] SE = {320, 568};
    /** A phone on its side. */
    private static final int[] SIDE = {640, 360};

    /**
     * Starts {@code flow} in {@code language} and answers every question; after each turn the window takes each of
     * {@code sizes} in turn (as a phone turned on its side resizes its page) and the answer area is checked at each,
     * so one walk stands for a walk at every size: the answers chosen depend on the turn only.
     */
    static String walk(Browser b, String base, String flow, String language, int[]... sizes) {
        b.phone(sizes[0][0], sizes[0][1]);
        String id = new JsonHttp(base).post("/api/conversations",
                "{\"flow\":\"" + flow + "\",\"language\":\"" + language + "\"}").json().get("id").asText();
        b.open(base + "/c/" + id);
        for (int turn = 0; turn < 60 && !finished(b); turn++) {
            b.waitUntil(d -> finished(b) || !d.findElements(By.cssSelector("#answer .choices")).isEmpty());
            if (finished(b)) {
                break;
            }
            String type = type(b);
            // forth on one turn and back on the next: the page keeps the size it was answered at into the next turn
            List<int[]> order = new ArrayList<>(List.of(sizes));
            if (turn % 2 == 1) {
                Collections.reverse(order);
            }
            for (int[] s : order) {
                resize(b, s[0], s[1]);
                String size = name(flow, language, s);
                try {
                    assertInReach(b, size + ", turn " + turn);
                } catch (AssertionError e) {
                    b.screenshot("reach-" + size + "-" + turn + "-FAILED");
                    throw e;
                }
                if (turn == 1 || turn == 10 || "multi".equals(type)) {
                    b.screenshot("reach-" + size + "-" + turn);
                }
            }
            answer(b, turn, type, flow, language, order);
        }
        for (int[] s : sizes) {
            resize(b, s[0], s[1]);
            String size = name(flow, language, s);
            assertTrue(finished(b), size + ": the conversation ended");
            b.screenshot("reach-" + size + "-result");
        }
        // what was typed keeps its own direction in the summary too: Dutch in an Arabic result reads left to right
        // (a full stop at its end stays at its end), while the page's own words and figures keep the page's side
        List<WebElement> typed = b.driver().findElements(By.xpath("//dd[contains(., 'Meer tijd voor gezinnen')]"));
        assertTrue(!"wijkanalyse".equals(flow) || !typed.isEmpty(), flow + ": its summary shows the typed answers");
        for (WebElement answer : typed) {
            assertTrue((Boolean) b.driver().executeScript(
                    "var e = arguments[0].querySelector('bdi') || arguments[0]; return e.matches(':dir(ltr)')", answer),
                    name(flow, language, sizes[0]) + ": a typed answer in the summary runs in the page's direction instead of its own");
            assertEquals("ar".equals(language) ? "rtl" : "ltr", answer.getCssValue("direction"),
                    name(flow, language, sizes[0]) + ": the summary's line itself keeps the page's side");
        }
        return id;
    }

    private static String name(String flow, String language, int[] size) {
        return flow + "-" + language + "-" + size[0] + "x" + size[1];
    }

    /** The page at {@code width} x {@code height}, once the page has seen the resize and laid itself out again. */
    private static void resize(Browser b, int width, int height) {
        b.resize(width, height);
    }

    static boolean finished(Browser b) {
        return !b.driver().findElements(By.cssSelector("#result:not([hidden]) .result, #result:not([hidden]) .result-message")).isEmpty();
    }

    static String type(Browser b) {
        return b.driver().findElement(By.id("answer")).getAttribute("data-type");
    }

    private static int bubbles(Browser b) {
        return b.driver().findElements(By.cssSelector(".bubble.bot")).size();
    }

    /** Answers the question shown: varies the choice by turn, skips now and then, types where asked. */
    private static void answer(Browser b, int turn, String type, String flow, String language, List<int[]> sizes) {
        int before = bubbles(b);
        List<WebElement> options = b.driver().findElements(By.cssSelector("#answer .option"));
        List<WebElement> skip = b.driver().findElements(By.xpath("//div[@id='secondary']/button[not(@id='back')][last()]"));
        boolean optional = !skip.isEmpty() && skip.get(0).isDisplayed() && turn % 7 == 6;
        switch (type) {
            case "info" -> b.driver().findElement(By.cssSelector("#answer button.primary")).click();
            case "multi" -> {
                b.driver().findElement(By.cssSelector("#answer label.check")).click();
                b.driver().findElement(By.cssSelector("#answer button.primary")).click();
            }
            case "text" -> {
                WebElement box = b.driver().findElement(By.cssSelector("#answer textarea"));
                box.click();
                box.sendKeys("Meer tijd voor gezinnen");
                // Dutch typed in an Arabic conversation reads left to right in the box, as its bubble will
                assertTrue((Boolean) b.driver().executeScript("return arguments[0].matches(':dir(ltr)')", box),
                        name(flow, language, sizes.get(0)) + ": typed Latin text runs right to left");
                // the on-screen keyboard takes the lower part of the screen (upright about 40%, on its side about 55%):
                // the box, its counter and Send stay in view, at every size
                for (int[] s : sizes) {
                    int width = s[0], height = s[1];
                    String size = name(flow, language, s);
                    resize(b, width, height - (height > width ? Math.max(260, height * 2 / 5) : height * 55 / 100));
                    assertInReach(b, size + ", turn " + turn + " with the keyboard open");
                    b.screenshot("reach-" + size + "-keyboard");
                }
                b.driver().findElement(By.cssSelector("#answer button.primary")).click();
            }
            default -> {
                if (optional) {
                    skip.get(0).click();
                } else if ("yesno".equals(type) || options.size() < 2) {
                    options.get(0).click();
                } else {
                    options.get(turn % options.size()).click();
                }
            }
        }
        b.waitUntil(d -> finished(b) || bubbles(b) > before);
    }

    /**
     * Every visible control of the answer area lies wholly inside the screen, or is an option in a list that scrolls
     * on its own and says so ({@link #OUTSIDE_OF_REACH}); the area needs no scrolling of its own, and the question it
     * answers shows above it: whole for a question with options (or 40% of the screen of a very long one), at least
     * its end for a typed one (except on a phone on its side with the keyboard open, about 130 px high: there only
     * the box and its buttons fit, as in a messaging app). An intermediair's "Pauzeren", a link in the answer area,
     * counts as one of its controls.
     */
    public static void assertInReach(Browser b, String where) {
        assertEquals(List.of(), outOfReach(b), where);
    }

    /** What {@link #assertInReach} finds out of reach, once the page has settled: nothing when all is in reach. */
    public static List<Object> outOfReach(Browser b) {
        // a resize (the keyboard opening) is laid out a frame or two later, longer on a busy machine: give the page
        // up to two seconds to settle before judging where the controls are
        long until = System.currentTimeMillis() + 2000;
        List<Object> outside = outsideOfReach(b);
        while (!outside.isEmpty() && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            outside = outsideOfReach(b);
        }
        return outside;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> outsideOfReach(Browser b) {
        return (List<Object>) b.driver().executeScript(OUTSIDE_OF_REACH);
    }

    /**
     * What a person cannot read or reach without scrolling the page (see {@link #assertInReach}). A question with
     * options (a choice, yes or no, a scale, boxes to tick) shows whole above them, or, taller than 40% of the
     * screen, at least that much of itself from its start or to its end; the options show whole, or scroll in their
     * own list, which then shows at least one whole option and a cue where more follow (its edge fades:
     * {@code data-more}), and is tall enough to show each of them whole. "Bevestig", "Vorige", "Weet ik niet",
     * "Overslaan" and "Pauzeren" are wholly on the screen.
     */
    static final String OUTSIDE_OF_REACH = """
            const vw = document.documentElement.clientWidth, vh = window.innerHeight;
            const area = document.getElementById('answer-area');
            const form = document.getElementById('answer');
            const out = [];
            const at = r => Math.round(r.left) + ',' + Math.round(r.top) + ' to ' + Math.round(r.right) + ',' + Math.round(r.bottom) + ' in ' + vw + 'x' + vh;
            const name = e => (e.textContent || e.id || e.tagName).trim().slice(0, 40);
            if (area.scrollHeight > area.clientHeight + 1) out.push('the answer area scrolls: ' + area.scrollHeight + ' > ' + area.clientHeight);
            const scrolls = e => e.scrollHeight > e.clientHeight + 1 && getComputedStyle(e).overflowY !== 'visible';
            const lists = [...form.querySelectorAll('.choices, .checks')].filter(scrolls);
            const onScreen = r => r.top >= -0.5 && r.left >= -0.5 && r.bottom <= vh + 0.5 && r.right <= vw + 0.5 && r.width > 0;
            for (const list of lists) {
              const box = list.getBoundingClientRect();
              if (!onScreen(box)) out.push('the list of options is not on the screen: ' + at(box));
              const more = (list.dataset.more || '').split(' ');
              const mask = getComputedStyle(list).webkitMaskImage || getComputedStyle(list).maskImage || 'none';
              const below = list.scrollTop + list.clientHeight < list.scrollHeight - 1;
              if (below && (!more.includes('below') || !mask.includes('gradient'))) out.push('nothing shows that more options follow below: data-more "' + (list.dataset.more || '') + '", mask ' + mask);
              const options = [...list.querySelectorAll('.option, label.check')];
              const inList = o => { const r = o.getBoundingClientRect(); return r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5; };
              if (!options.some(inList)) out.push('the list of options (' + Math.round(box.height) + ' px) shows no whole option');
              // every option can be reached: scrolled to it, the list shows it whole
              for (const o of options) if (o.offsetHeight > list.clientHeight) out.push(name(o) + ' (' + o.offsetHeight + ' px) does not fit its list of ' + list.clientHeight + ' px');
            }
            for (const e of area.querySelectorAll('button, input, textarea, select, label.check, a')) {
              if (e.closest('[hidden]') || e.offsetParent === null || e.type === 'checkbox') continue;
              const r = e.getBoundingClientRect();
              if (!lists.some(l => l.contains(e)) && !onScreen(r)) out.push(name(e) + ' at ' + at(r));
              if (r.height < 43.5 && e.tagName !== 'TEXTAREA') out.push(name(e) + ' is ' + r.height + ' px high');
            }
            const bots = document.querySelectorAll('.bubble.bot');
            const q = bots[bots.length - 1].getBoundingClientRect();
            const chat = document.getElementById('chat').getBoundingClientRect();
            const endInView = q.bottom <= chat.bottom + 1 && q.bottom >= chat.top + 20;
            const startInView = q.top >= chat.top - 1 && q.top <= chat.bottom - 20;
            if (document.querySelector('.chat-head').offsetParent !== null) {
              if (['choice', 'yesno', 'scale', 'multi'].includes(form.dataset.type)) {
                // the whole question, or of a very long one (a consent text) 40% of the screen from its start or to its end
                const shown = Math.max(0, Math.min(q.bottom, chat.bottom) - Math.max(q.top, chat.top));
                const needed = Math.min(q.height, 0.4 * vh);
                if (shown < needed - 1 || !(endInView || startInView)) out.push('the question shows ' + Math.round(shown) + ' of its ' + Math.round(q.height) + ' px (at ' + Math.round(q.top) + '-' + Math.round(q.bottom) + ' in ' + Math.round(chat.top) + '-' + Math.round(chat.bottom) + ')');
              } else {
                // a question taller than the chat shows its beginning (or, once the keyboard opened, its end)
                const tall = q.height > chat.height - 16;
                if (!(endInView || tall && startInView)) out.push('the question is not in view: ' + q.top + '-' + q.bottom + ' in ' + chat.top + '-' + chat.bottom);
              }
            }
            return out;""";
}
