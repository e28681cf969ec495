package nl.samenspraak.intermediair;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.AssistedStart;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
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
 * The browser's text at 200% (a browser's font size, Android's text scaling) on an upright 390x844 phone, through
 * an intermediair's whole neighbourhood analysis with an Arabic resident: after every turn at least one whole option
 * shows in its list, nothing of the answer area lies over anything else, no button's word is broken over lines, and a
 * typed answer's box is as wide as the screen. With
 * the text that large the phone is as low in em as one on its side, and got that layout: the options were a strip of
 * 10 px, "Vorige" stood as "V/or/ig/e" beside "Bevestig" and "Pauzeren", and the box took three letters a line beside
 * "Verstuur" (the accessibility probe of December 2026).
 */
@MicronautTest(transactional = false)
class LargeTextAnswersBrowserTest {
    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;

    /** Words of the answer area's buttons and labels that the browser broke over two lines or more. */
    private static final String BROKEN_WORDS = """
            const broken = [];
            for (const e of document.querySelectorAll('#answer-area button, #answer-area a, #answer-area label')) {
              if (e.offsetParent === null) continue;
              const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
              for (let t = walker.nextNode(); t; t = walker.nextNode()) {
                for (const m of t.textContent.matchAll(/\\S+/g)) {
                  const r = document.createRange();
                  r.setStart(t, m.index);
                  r.setEnd(t, m.index + m[0].length);
                  const tops = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));
                  if (tops.size > 1) broken.push(m[0]);
                }
              }
            }
            return broken;""";

    /** Any two of the answer area's controls and texts that lie over one another. */
    private static final String OVERLAPPING = """
            const parts = [...document.querySelectorAll('#answer-area :is(button, a, label.check, .scale-ends > span, legend)')]
                .filter(e => e.getClientRects().length > 0);
            const found = [];
            for (let i = 0; i < parts.length; i++) {
              for (let j = i + 1; j < parts.length; j++) {
                if (parts[i].contains(parts[j]) || parts[j].contains(parts[i])) continue;
                const a = parts[i].getBoundingClientRect(), b = parts[j].getBoundingClientRect();
                if (Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1 && Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1) {
                  found.push(parts[i].innerText.trim().slice(0, 20) + ' / ' + parts[j].innerText.trim().slice(0, 20));
                }
              }
            }
            return found;""";

    /** The options' list: whether one option shows whole inside it and on the screen, with the heights seen. */
    private static final String ONE_WHOLE_OPTION = """
            const list = document.querySelector('#answer > .choices:is(.choice, .yesno, .scale), fieldset.multi > .checks');
            if (!list || list.offsetParent === null) return 'none';
            const box = list.getBoundingClientRect(), area = document.getElementById('answer-area').getBoundingClientRect();
            const top = Math.max(box.top, area.top), bottom = Math.min(box.bottom, area.bottom, window.innerHeight);
            const options = [...list.querySelectorAll('.option, .check')];
            const whole = options.some(o => { const r = o.getBoundingClientRect(); return r.top >= top - 0.5 && r.bottom <= bottom + 0.5; });
            return whole ? 'yes' : 'list ' + Math.round(box.height) + ' px shown ' + Math.round(bottom - top) + ' px, options '
                + options.map(o => o.offsetHeight).join('/');""";

    @Test
    void anIntermediairsAnswersAtTwiceTheTextSize() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Team team = teams.create("Wijkteam Zuidwest " + suffix, List.of("Kanaleneiland"));
        Account intermediair = accounts.create("groot-" + suffix, AssistedAnswersInReachBrowserTest.PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(team.id(), intermediair.id());
        PageHttp http = new PageHttp(server.getURL().toString());
        AssistedStart started = AssistedStart.start(http, http.login(intermediair.username(), AssistedAnswersInReachBrowserTest.PASSWORD),
                "wijkanalyse", "ar", team.id() + "|Kanaleneiland", "nl");
        try (Browser b = new Browser("nl")) {
            b.phone(390, 844);
            b.logIn(server.getURL() + started.address(), intermediair.username(), AssistedAnswersInReachBrowserTest.PASSWORD);
            b.driver().executeCdpCommand("Page.setFontSizes", Map.of("fontSizes", Map.of("standard", 32, "fixed", 26)));
            b.driver().navigate().refresh();
            assertEquals("32px", b.driver().executeScript("return getComputedStyle(document.documentElement).fontSize"));
            List<String> problems = new ArrayList<>();
            int turns = 0;
            for (; turns < 40 && !AssistedAnswersInReachBrowserTest.finished(b); turns++) {
                b.waitUntil(d -> AssistedAnswersInReachBrowserTest.finished(b) || !d.findElements(By.cssSelector("#answer[data-type] .choices")).isEmpty()
                        && d.findElement(By.id("answer")).getAttribute("aria-busy") == null);
                if (AssistedAnswersInReachBrowserTest.finished(b)) {
                    break;
                }
                String type = b.driver().findElement(By.id("answer")).getAttribute("data-type");
                String where = "turn " + turns + " (" + type + ")";
                int before = problems.size();
                for (Object word : (List<?>) b.driver().executeScript(BROKEN_WORDS)) {
                    problems.add(where + ": '" + word + "' broken over lines");
                }
                for (Object over : (List<?>) b.driver().executeScript(OVERLAPPING)) {
                    problems.add(where + ": over one another: " + over);
                }
                Object whole = b.driver().executeScript(ONE_WHOLE_OPTION);
                if (!"yes".equals(whole) && !"none".equals(whole)) {
                    problems.add(where + ": no whole option shows: " + whole);
                }
                List<WebElement> boxes = b.driver().findElements(By.cssSelector("#answer textarea, #answer input:not([type=hidden])"));
                if (!boxes.isEmpty() && boxes.get(0).getRect().getWidth() < 0.7 * 390) {
                    problems.add(where + ": the box is " + boxes.get(0).getRect().getWidth() + " px wide");
                }
                if (problems.size() > before || turns == 3 || turns == 12) {
                    b.screenshot("large-text-assisted-ar-390x844-" + turns + (problems.size() > before ? "-FAILED" : ""));
                }
                AssistedAnswersInReachBrowserTest.answer(b);
            }
            assertTrue(AssistedAnswersInReachBrowserTest.finished(b), "the analysis ended within " + turns + " turns");
            assertTrue(turns > 10, "a walk through the analysis: " + turns);
            assertEquals(List.of(), problems);
        }
    }
}
