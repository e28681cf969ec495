package nl.samenspraak.intermediair;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.storage.ConversationRepository;
import nl.samenspraak.support.Browser;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, honest consent, as the intermediair and the resident see it on one phone (390x844), the page in Dutch and
 * the resident's language Turkish or Arabic: consent names the team; "nee" ends the conversation in both languages
 * (the resident's words on top, the intermediair's below, both in view without scrolling) with "nothing was
 * stored"; no answer area, no "Vorige", no code in the menu; and nothing of it loads again.
 */
@MicronautTest(transactional = false)
class ConsentRefusalBrowserTest {
    static final String PASSWORD = "een lang genoeg wachtwoord";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    ConversationRepository conversations;

    /** Whether the element is wholly on the screen as it is now, nothing scrolled. */
    static boolean inView(Browser b, WebElement e) {
        return b.wholeOnScreen(e);
    }

    @ParameterizedTest
    @CsvSource({"tr, Cevaplarınızdan hiçbiri saklanmadı., ltr", "ar, لم تُحفظ أيّ إجابة من إجاباتكم., rtl"})
    void aResidentsNoEndsItInBothLanguagesAndLeavesNothing(String resident, String residentWords, String direction) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Team team = teams.create("Wijkteam Overvecht " + suffix, List.of("Overvecht-Noord"));
        Account intermediair = accounts.create("sleutelpersoon-" + suffix, PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(team.id(), intermediair.id());

        try (Browser b = new Browser("nl")) {
            b.logIn(server.getURL() + "/intermediair?lang=nl", intermediair.username(), PASSWORD);
            new Select(b.waitFor(By.id("language-wijkanalyse"))).selectByValue(resident);
            b.driver().findElement(By.cssSelector("form:has(input[name='flow'][value='wijkanalyse']) button:not(.secondary)")).click();
            b.waitFor(By.xpath("//footer[@id='answer-area']//button[normalize-space(.)='Verder']")).click();

            WebElement no = b.waitFor(By.cssSelector("#answer button.option[data-value='nee']"));
            List<WebElement> bots = b.driver().findElements(By.cssSelector(".bubble.bot"));
            WebElement consent = bots.get(bots.size() - 1);
            String dutch = consent.findElement(By.cssSelector(".translation")).getText();
            assertTrue(dutch.startsWith("Deze vragen komen van " + team.name() + ". Een intermediair leest de vragen met u"), dutch);
            assertTrue(dutch.contains("precies zoals u het zegt, zonder uw naam"), dutch);
            assertTrue(consent.findElement(By.cssSelector(".original")).getText().contains(team.name()),
                    "the resident reads the team's name too");
            // inside Arabic the Latin name is one piece in its own direction (a name that began with a digit, or
            // ended with one, would otherwise have it on the wrong side); in Turkish it needs nothing
            String original = (String) b.driver().executeScript("return arguments[0].textContent",
                    consent.findElement(By.cssSelector(".original")));
            assertEquals("rtl".equals(direction), original.contains("\u2068" + team.name() + "\u2069"), original);
            // a screen reader stepping into the answers hears a short name, not the whole consent text again
            String formName = new nl.samenspraak.support.ScreenReader(b.driver()).node("document.getElementById('answer')").name();
            assertTrue(formName.length() < 40 && !formName.isBlank(), "the answers' form's name: " + formName);
            String url = b.driver().getCurrentUrl();
            String id = url.substring(url.indexOf("/c/") + 3, url.indexOf('?'));
            String code = conversations.findById(id).orElseThrow().resumeCode();
            no.click();

            WebElement theirs = b.waitFor(By.cssSelector("#result .result-message.original"));
            WebElement mine = b.driver().findElement(By.cssSelector("#result .result-message.translation"));
            assertEquals(resident, theirs.getAttribute("lang"));
            assertEquals(direction, theirs.getAttribute("dir"));
            assertTrue(theirs.getText().contains(residentWords), theirs.getText());
            assertEquals("nl", mine.getAttribute("lang"));
            assertTrue(mine.getText().contains("Er is geen antwoord van u bewaard."), mine.getText());
            assertTrue(inView(b, theirs) && inView(b, mine), "both languages on the screen without scrolling");
            // and the way on, which the phone probe missed: the page ended at the message
            WebElement onward = b.driver().findElement(By.cssSelector("#after-declined a"));
            assertTrue(inView(b, onward), "a next step on the screen");
            assertEquals("Nieuw gesprek", onward.getText());
            assertTrue(onward.getAttribute("href").endsWith("/intermediair?lang=nl"), onward.getAttribute("href"));
            assertFalse(b.driver().findElement(By.id("answer-area")).isDisplayed(), "no answers to give");
            assertFalse(b.driver().findElement(By.id("back")).isDisplayed(), "no way back to consent");
            assertFalse(b.driver().findElement(By.id("counter")).isDisplayed(), "no 'Vraag 1 van ongeveer 1' on the ended screen");
            assertTrue(b.driver().findElements(By.id("resume-code")).isEmpty(), "no code to come back with");
            String text = (String) b.driver().executeScript("return document.body.textContent");
            assertFalse(text.contains(code) || text.contains(code.substring(0, 4) + "-" + code.substring(4)),
                    "the code is nowhere in the page's text, the menu included");
            assertFalse(text.contains("Klaar!") || text.contains("tips"), "no 'done, here are your tips': " + text);
            b.screenshot("intermediair-consent-nee-" + resident);

            assertTrue(conversations.findById(id).isEmpty(), "nothing was stored: not even the conversation");
            b.driver().navigate().refresh();
            b.waitFor(By.tagName("h1"));
            assertTrue(b.driver().findElements(By.id("chat")).isEmpty(), "a reload loads nothing of it");
            b.open(server.getURL() + "/resume?code=" + code);
            b.waitFor(By.tagName("body"));
            assertTrue(b.driver().findElements(By.id("chat")).isEmpty(), "nor does its code");
        }
    }
}
