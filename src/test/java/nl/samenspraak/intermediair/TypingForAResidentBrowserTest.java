package nl.samenspraak.intermediair;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.Browser;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import nl.samenspraak.web.AnswersInReachBrowserTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.UUID;

import static nl.samenspraak.web.AnswersInReachBrowserTest.assertInReach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An intermediair types a resident's answer on a phone, the on-screen keyboard open (360x400, 390x507 for a
 * 390x844 phone, 320x360 for a 320 px one): the question's last lines stay above the box, and the box, "Getypt in",
 * "Verstuur", "Vorige", "Overslaan" and "Pauzeren" are all on the screen, as in the resident's own chat. Until then
 * the language menu and "Pauzeren" took their own rows: the question had no room left, "Vorige" and "Overslaan"
 * were cut off and "Pauzeren" lay below the screen; at 320 px the question still showed one line, or none behind
 * the context line's two rows and the buttons' three. On the way, the first question with options on a phone on its
 * side (640x360): the question shows above them, and on the smallest phone (320x568) too, under the line that says
 * where and in which languages, whole. With the keyboard open on a 360 px phone (360x360) more than two lines of the
 * question show. The intermediair's pages in Dutch (an Arabic resident) and in Arabic (a Turkish resident).
 */
@MicronautTest(transactional = false)
class TypingForAResidentBrowserTest {
    static final String PASSWORD = "een lang genoeg wachtwoord";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;

    @ParameterizedTest
    @CsvSource({"nl, ar", "ar, tr"})
    void theQuestionAndEveryControlStayOnTheScreenWithTheKeyboardOpen(String page, String resident) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Team team = teams.create("Wijkteam West " + suffix, List.of("Vleuten-De Meern"));
        Account intermediair = accounts.create("sleutelpersoon-" + suffix, PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(team.id(), intermediair.id());

        try (Browser b = new Browser(page)) {
            b.phone(360, 640);
            b.logIn(server.getURL() + "/intermediair?lang=" + page, intermediair.username(), PASSWORD);
            new Select(b.waitFor(By.id("language-wijkanalyse"))).selectByValue(resident);
            b.driver().findElement(By.cssSelector("form:has(input[name='flow'][value='wijkanalyse']) button:not(.secondary)")).click();
            toTheFirstOpenQuestion(b, () -> {
                // the first question with options (vaak, soms, nooit), on a phone on its side: each option carries the
                // resident's word with the intermediair's line below it; two a row left the question a strip of 24 px
                String where = "the intermediair's page in " + page + " at 640x360, a question with options";
                b.phone(640, 360);
                b.waitUntil(d -> d.executeScript("return innerWidth + 'x' + innerHeight").equals("640x360"));
                b.screenshot("intermediair-options-" + page + "-640x360");
                assertInReach(b, where);
                assertTrue(b.questionShown() >= 48, where + ": only " + b.questionShown() + " px of the question shows");
                // on the smallest phone the line above the chat says where and in which languages, whole
                where = "the intermediair's page in " + page + " at 320x568, a question with options";
                b.phone(320, 568);
                b.waitUntil(d -> d.executeScript("return innerWidth + 'x' + innerHeight").equals("320x568"));
                b.screenshot("intermediair-options-" + page + "-320x568");
                assertEquals(List.of(), contextCut(b), where + ": the context line");
                assertInReach(b, where);
                assertTrue(b.questionShown() >= 48, where + ": only " + b.questionShown() + " px of the question shows");
                b.phone(360, 640);
                b.waitUntil(d -> d.executeScript("return innerWidth + 'x' + innerHeight").equals("360x640"));
            });

            WebElement box = b.driver().findElement(By.cssSelector("#answer textarea"));
            box.click();
            box.sendKeys("Het park is mooi en de buren helpen elkaar.");
            for (int[] size : List.of(new int[]{360, 400}, new int[]{390, 507}, new int[]{320, 360}, new int[]{360, 360})) {
                String where = "the intermediair's page in " + page + " at " + size[0] + "x" + size[1] + " with the keyboard open";
                b.phone(size[0], size[1]);
                b.waitUntil(d -> d.executeScript("return innerWidth + 'x' + innerHeight").equals(size[0] + "x" + size[1]));
                b.screenshot("intermediair-typing-" + page + "-" + size[0] + "x" + size[1]);
                assertInReach(b, where);
                long shown = b.questionShown();
                assertTrue(shown >= 48, where + ": only " + shown + " px of the question shows, less than two lines");
                assertEquals(List.of(), contextCut(b), where + ": the context line");
                // with "Verstuur" beside the box, "Getypt in" and the counter on one row: more than two lines of the
                // question (at 360x360 and 320x360 it kept two, with "Getypt in" and "Verstuur" a row of their own)
                Object lines = AnswersInReachBrowserTest.typedInView(b).get("lines");
                assertTrue(((Number) lines).intValue() > 2, where + ": " + lines + " lines of the question show");
            }

            // an answer longer than the question takes, sent on a phone on its side: the message, the box, "Getypt in",
            // "Verstuur", "Vorige", "Overslaan" and "Pauzeren" fit under the question's first line; the bottom of the
            // last three was cut off and the question out of sight
            b.driver().executeScript("arguments[0].value = 'x'.repeat(1001); arguments[0].dispatchEvent(new Event('input'))", box);
            b.driver().findElement(By.cssSelector("#answer button.primary")).click();
            b.waitFor(By.cssSelector("#error:not([hidden])"));
            b.driver().executeScript("document.activeElement.blur()");
            b.phone(640, 360);
            b.waitUntil(d -> d.executeScript("return innerWidth + 'x' + innerHeight").equals("640x360"));
            String refused = "the intermediair's page in " + page + " at 640x360, an answer too long";
            b.screenshot("intermediair-refused-" + page + "-640x360");
            assertInReach(b, refused);
            assertTrue(b.questionShown() >= 20, refused + ": only " + b.questionShown() + " px of the question shows");
        }
    }

    /**
     * What of the line above the chat (the wijk, the resident's language and the intermediair's) is cut off: each
     * value whole on the screen and inside the line, which shows all it holds. It was kept to one line on a 320 px
     * phone and cut at the screen's edge ("Talen: Türkçe / Nederlan", a long wijk's name without the languages).
     */
    @SuppressWarnings("unchecked")
    static List<Object> contextCut(Browser b) {
        return (List<Object>) b.driver().executeScript("""
                const c = document.getElementById('context'), box = c.getBoundingClientRect(), out = [];
                if (c.scrollWidth > c.clientWidth + 1 || c.scrollHeight > c.clientHeight + 1) out.push('the line holds more than it shows: '
                  + c.scrollWidth + 'x' + c.scrollHeight + ' in ' + c.clientWidth + 'x' + c.clientHeight);
                for (const v of c.querySelectorAll('strong')) {
                  const r = v.getBoundingClientRect();
                  if (r.left < Math.max(0, box.left) - 0.5 || r.right > Math.min(box.right, document.documentElement.clientWidth) + 0.5
                      || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
                    out.push(v.textContent + ' at ' + Math.round(r.left) + '-' + Math.round(r.right) + ' of ' + Math.round(box.left) + '-' + Math.round(box.right));
                }
                return out;""");
    }

    /**
     * Goes on through the neighbourhood analysis, consenting and skipping, up to its first open question; at the first
     * question with options, {@code atOptions} looks at it first.
     */
    private static void toTheFirstOpenQuestion(Browser b, Runnable atOptions) {
        boolean looked = false;
        for (int turn = 0; turn < 30; turn++) {
            b.waitUntil(d -> !d.findElements(By.cssSelector("#answer[data-type] .choices")).isEmpty()
                    && d.findElements(By.cssSelector("#answer-area button:disabled")).isEmpty());
            String type = b.driver().findElement(By.id("answer")).getAttribute("data-type");
            if ("text".equals(type)) {
                return;
            }
            if ("choice".equals(type) && !looked) {
                atOptions.run();
                looked = true;
            }
            int before = b.driver().findElements(By.cssSelector(".bubble.bot")).size();
            List<WebElement> skip = b.driver().findElements(By.cssSelector("#secondary button:not(#back)"));
            if ("info".equals(type)) {
                b.driver().findElement(By.cssSelector("#answer button.primary")).click();
            } else if (!skip.isEmpty()) {
                skip.get(skip.size() - 1).click();
            } else if ("multi".equals(type)) {
                b.driver().findElement(By.cssSelector("#answer label.check")).click();
                b.driver().findElement(By.cssSelector("#answer button.primary")).click();
            } else {
                b.driver().findElement(By.cssSelector("#answer button.option")).click();
            }
            b.waitUntil(d -> d.findElements(By.cssSelector(".bubble.bot")).size() > before);
        }
        assertEquals("text", b.driver().findElement(By.id("answer")).getAttribute("data-type"), "an open question");
    }
}
