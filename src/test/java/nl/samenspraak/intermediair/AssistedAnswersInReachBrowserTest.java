package nl.samenspraak.intermediair;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.ApiWalk;
import nl.samenspraak.support.AssistedStart;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import nl.samenspraak.web.AnswersInReachBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An intermediair's chat on a phone, where every question and every answer stands in two languages (the resident's,
 * with the intermediair's below it), through the whole cultural interview with a Turkish and an Arabic resident and
 * the neighbourhood analysis with an Arabic one, at 390x844, 360x640, 320x568 and on its side at 640x360, after every turn: no answer's words
 * run out of its box into the next one, the question shows whole above the answers (both its lines), every answer can
 * be reached (those that do not fit scroll in their own list, which says more follow), and "Vorige", "Weet ik niet",
 * "Overslaan" and "Pauzeren" are on the screen ({@link AnswersInReachBrowserTest#outOfReach}). The phone probe of
 * December 2026 found the boxes of a question with seven long options 49 to 56 px high around 55 to 124 px of words
 * at 390x844 (a grid squeezed to the height left let its rows shrink to the boxes' least height), and at 360x640 a
 * question with five options left 16 px of itself: neither the resident's line nor the Dutch one could be read. The
 * probe of spring 2027 found, at 320x568, "Weet ik niet" cut in half and "Overslaan" and "Pauzeren" below the screen
 * on six questions of the neighbourhood analysis, and the Dutch line of their question cut; at 360x640 that line
 * partly hidden; and the interview's "Hoe lang woont u al in Nederland?" with its fifth option cut, and "Vorige",
 * "Overslaan" and "Pauzeren" out of sight. On its side (640x360) the interview's lists of family, worries and places,
 * in two columns, had options of 84-105 px in a list of 71-73 px, and the neighbourhood analysis's questions of
 * trust lost 7 to 28 px of themselves above their scale's ends in two lines each.
 */
@MicronautTest(transactional = false)
class AssistedAnswersInReachBrowserTest {
    static final String PASSWORD = "een lang genoeg wachtwoord";
    private static final int[][] SIZES = {{390, 844}, {360, 640}, {320, 568}, {640, 360}};

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;

    @Test
    void theCulturalInterviewWithATurkishAndAnArabicResident() {
        for (String resident : List.of("tr", "ar")) {
            walk("cultureel-interview", resident);
        }
    }

    @Test
    void theNeighbourhoodAnalysisWithAnArabicResident() {
        walk("wijkanalyse", "ar");
    }

    /**
     * An answer the intermediair types and sends at once (pasted and Enter, quicker than the on-screen keyboard opens):
     * the next question stays where it was placed, from its start where it fits only so, at 360x640 in Turkish with
     * the Dutch beneath it (the worries in asking for help, after the expectations). The box's focus asked for the
     * chat's end a quarter of a second later, for the keyboard, and that came after the next question was placed: its
     * first line was cut (the walk above failed so now and then, 2 px of this question above the chat).
     */
    @Test
    void anAnswerSentAtOnceLeavesTheNextQuestionWhereItWasPlaced() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Team team = teams.create("Wijkteam Zuidwest " + suffix, List.of("Kanaleneiland"));
        Account intermediair = accounts.create("bereik-" + suffix, PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(team.id(), intermediair.id());
        PageHttp http = new PageHttp(server.getURL().toString());
        String login = http.login(intermediair.username(), PASSWORD);
        AssistedStart started = AssistedStart.start(http, login, "cultureel-interview", "tr", Long.toString(team.id()), "nl");
        String id = started.id();
        // answered as the walk answers, up to the expectations, over the page's own address
        ApiWalk.answerAssistedUntil(http, login, id, "nl", "verwachtingen");

        try (Browser b = new Browser("nl")) {
            b.phone(360, 640);
            b.logIn(server.getURL() + started.address(), intermediair.username(), PASSWORD);
            WebElement box = b.waitFor(By.cssSelector("#answer textarea"));
            b.driver().executeScript("arguments[0].focus(); arguments[0].value = 'Dat ze luisteren.';"
                    + "document.querySelector('#answer button.primary').click()", box);
            b.waitFor(By.cssSelector("#answer fieldset.multi"));
            // longer than the box's quarter of a second, in the page's own time
            b.driver().executeAsyncScript("const done = arguments[0]; setTimeout(() => done(true), 600)");
            b.screenshot("assisted-reach-cultureel-interview-tr-360x640-sent-at-once");
            Map<?, ?> seen = (Map<?, ?>) b.driver().executeScript("""
                    const bots = document.querySelectorAll('.bubble.bot'), q = bots[bots.length - 1].getBoundingClientRect();
                    const chat = document.getElementById('chat'), box = chat.getBoundingClientRect();
                    return {top: q.top - box.top, fitsOnlyFromItsStart: q.height + 24 > chat.clientHeight};""");
            assertEquals(Boolean.TRUE, seen.get("fitsOnlyFromItsStart"), "the worries in Turkish and Dutch fit only from their start");
            assertTrue(((Number) seen.get("top")).doubleValue() >= 0,
                    "the question's start is " + seen.get("top") + " px from the chat's top: its first line is cut");
            assertEquals(List.of(), AnswersInReachBrowserTest.outOfReach(b));
        }
    }

    private void walk(String flow, String resident) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Team team = teams.create("Wijkteam Zuidwest " + suffix, List.of("Kanaleneiland"));
        Account intermediair = accounts.create("bereik-" + suffix, PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(team.id(), intermediair.id());
        PageHttp http = new PageHttp(server.getURL().toString());
        String place = "wijkanalyse".equals(flow) ? team.id() + "|Kanaleneiland" : Long.toString(team.id());
        AssistedStart started = AssistedStart.start(http, http.login(intermediair.username(), PASSWORD), flow, resident, place, "nl");

        try (Browser b = new Browser("nl")) {
            b.phone(SIZES[0][0], SIZES[0][1]);
            b.logIn(server.getURL() + started.address(), intermediair.username(), PASSWORD);
            List<String> problems = new ArrayList<>();
            int turns = 0;
            for (; turns < 80 && !finished(b); turns++) {
                b.waitUntil(d -> finished(b) || !d.findElements(By.cssSelector("#answer[data-type] .choices")).isEmpty()
                        && d.findElement(By.id("answer")).getAttribute("aria-busy") == null);
                if (finished(b)) {
                    break;
                }
                for (int[] s : SIZES) {
                    b.resize(s[0], s[1]);
                    String where = flow + " nl/" + resident + " " + s[0] + "x" + s[1] + ", turn " + turns + " ("
                            + b.driver().findElement(By.id("answer")).getAttribute("data-type") + ")";
                    int before = problems.size();
                    for (Object overflow : (List<?>) b.driver().executeScript(OVERFLOWING)) {
                        problems.add(where + ": " + overflow);
                    }
                    for (Object out : AnswersInReachBrowserTest.outOfReach(b)) {
                        problems.add(where + ": " + out);
                    }
                    long question = b.questionShown();
                    if (question < 48) {
                        problems.add(where + ": " + question + " px of the question show above the answers");
                    }
                    // a typed answer's question whole above the box, both its lines, on a phone of 640 px and more
                    // (the neighbourhood analysis's first open question lost its last sentence under the box at 360x640)
                    if (s[1] >= 640 && List.of("text", "number", "date").contains(b.driver().findElement(By.id("answer")).getAttribute("data-type"))
                            && !Boolean.TRUE.equals(AnswersInReachBrowserTest.typedInView(b).get("whole"))) {
                        problems.add(where + ": the typed answer's question does not show whole: " + AnswersInReachBrowserTest.typedInView(b));
                    }
                    if (problems.size() > before) {
                        b.screenshot("assisted-reach-" + flow + "-" + resident + "-" + s[0] + "x" + s[1] + "-" + turns + "-FAILED");
                    } else if (turns == 4 || turns == 6 || turns == 20) {
                        b.screenshot("assisted-reach-" + flow + "-" + resident + "-" + s[0] + "x" + s[1] + "-" + turns);
                    }
                }
                b.phone(SIZES[0][0], SIZES[0][1]);
                answer(b);
            }
            assertTrue(finished(b), "the interview ended within " + turns + " turns");
            assertTrue(turns > 15, "a walk through the interview, not a few questions: " + turns);
            assertEquals(List.of(), problems);
        }
    }

    /**
     * The answer controls (options and boxes) whose words do not fit inside them, and any two that overlap: what a
     * person cannot read because one runs into the next.
     */
    private static final String OVERFLOWING = """
            const controls = [...document.querySelectorAll('#answer label.check, #answer button.option')]
                .filter(e => e.getClientRects().length > 0);
            const found = [];
            for (const c of controls) {
              if (c.scrollHeight > c.clientHeight + 1) {
                found.push('words of ' + c.scrollHeight + ' px in a box of ' + c.clientHeight + ': ' + c.innerText.slice(0, 40));
              }
            }
            for (let i = 0; i < controls.length; i++) {
              for (let j = i + 1; j < controls.length; j++) {
                const a = controls[i].getBoundingClientRect(), b = controls[j].getBoundingClientRect();
                if (Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1 && Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1) {
                  found.push('overlap: ' + controls[i].innerText.slice(0, 30) + ' / ' + controls[j].innerText.slice(0, 30));
                }
              }
            }
            return found;""";

    static boolean finished(Browser b) {
        return !b.driver().findElements(By.cssSelector("#result:not([hidden]) .result, #result:not([hidden]) .result-message")).isEmpty();
    }

    /** Answers as an intermediair taps for the resident: yes to consent, the first option or box, a few typed words. */
    static void answer(Browser b) {
        int before = b.driver().findElements(By.cssSelector(".bubble.bot")).size();
        switch (b.driver().findElement(By.id("answer")).getAttribute("data-type")) {
            case "info" -> b.driver().findElement(By.cssSelector("#answer button.primary")).click();
            case "multi" -> {
                b.driver().findElement(By.cssSelector("#answer label.check")).click();
                b.driver().findElement(By.cssSelector("#answer button.primary")).click();
            }
            case "text", "number", "date" -> {
                WebElement box = b.driver().findElement(By.cssSelector("#answer textarea, #answer input:not([type=hidden])"));
                box.sendKeys("number".equals(box.getAttribute("type")) ? "3" : "date".equals(box.getAttribute("type")) ? "01-03-2024" : "Goed");
                b.driver().findElement(By.cssSelector("#answer button.primary")).click();
            }
            default -> {
                List<WebElement> yes = b.driver().findElements(By.cssSelector("#answer button.option[data-value='ja']"));
                (yes.isEmpty() ? b.driver().findElement(By.cssSelector("#answer button.option")) : yes.get(0)).click();
            }
        }
        b.waitUntil(d -> d.findElements(By.cssSelector(".bubble.bot")).size() > before || finished(b));
    }
}
