package nl.samenspraak.intermediair;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.samenspraak.intermediair.ConsentRefusalBrowserTest.inView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 at a phone's size (390x844), a Dutch-speaking intermediair with a Turkish and with an Arabic resident:
 * a conversation paused with one tap from the chat and continued from "Mijn gesprekken" in the two-language
 * layout; and a resident link's counts after one resident, in a second browser of their own, finished: still
 * "fewer than k", so the intermediair does not learn whether that one resident finished.
 */
@MicronautTest(transactional = false)
class MyWorkBrowserTest {
    static final String PASSWORD = "een lang genoeg wachtwoord";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    FlowLibrary library;
    @Inject
    Respondents respondents;

    private Account intermediair(Team team) {
        Account a = accounts.create("sleutelpersoon-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(team.id(), a.id());
        return a;
    }

    private void logIn(Browser b, Account a) {
        b.logIn(server.getURL() + "/intermediair?lang=nl", a.username(), PASSWORD);
        b.waitFor(By.id("mine-title"));
    }

    private void choose(Browser b, String resident, String wijk) {
        new Select(b.waitFor(By.id("language-wijkanalyse"))).selectByValue(resident);
        WebElement place = b.driver().findElement(By.id("place-wijkanalyse"));
        if ("select".equals(place.getTagName())) {
            new Select(place).selectByVisibleText(wijk);
        } else {
            assertEquals(wijk, place.getText(), "the team's only wijk, as text");
        }
    }

    /** Waits until the last question shown is kinderen_thuis in the resident's language. */
    private void awaitKinderenThuis(Browser b, String resident) {
        String text = library.translations().flowText(resident, "wijkanalyse", "steps.kinderen_thuis.text")
                .replaceAll("\\s+", " ").strip();
        b.waitUntil(d -> {
            List<WebElement> bots = d.findElements(By.cssSelector(".bubble.bot .original[lang='" + resident + "']"));
            return !bots.isEmpty() && bots.get(bots.size() - 1).getText().replaceAll("\\s+", " ").strip().equals(text);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"tr", "ar"})
    void aConversationPausedAndContinuedFromMijnGesprekkenInTheTwoLanguageLayout(String resident) {
        Team team = teams.create("Wijkteam Lunetten " + UUID.randomUUID().toString().substring(0, 8), List.of("Lunetten", "Hoograven"));
        Account me = intermediair(team);
        try (Browser b = new Browser("nl")) {
            logIn(b, me);
            choose(b, resident, "Hoograven");
            b.driver().findElement(By.cssSelector("form:has(input[name='flow'][value='wijkanalyse']) button:not(.secondary)")).click();
            b.waitFor(By.xpath("//footer[@id='answer-area']//button[normalize-space(.)='Verder']")).click();
            b.waitFor(By.cssSelector("#answer button.option[data-value='ja']")).click();
            awaitKinderenThuis(b, resident);
            String url = b.driver().getCurrentUrl();
            String id = url.substring(url.indexOf("/c/") + 3, url.indexOf('?'));

            WebElement pause = b.waitFor(By.id("pause"));
            assertEquals("Pauzeren", pause.getText());
            assertTrue(inView(b, pause), "pausing is one tap, on the screen without scrolling");
            b.screenshot("intermediair-pause-" + resident);
            pause.click();

            b.waitUntil(d -> d.getCurrentUrl().contains("/intermediair?") && d.getCurrentUrl().contains("done=paused"));
            WebElement notice = b.waitFor(By.cssSelector("p.notice"));
            assertTrue(notice.getText().startsWith("Gepauzeerd."), notice.getText());
            WebElement line = b.waitFor(By.cssSelector("#mine-unfinished + .mine-list .mine-item[data-id='" + id + "']"));
            assertTrue(line.getText().contains("Hoograven"), line.getText());
            WebElement verder = line.findElement(By.cssSelector("a.button"));
            assertEquals("Verder", verder.getText());
            assertTrue(inView(b, notice) && inView(b, verder), "the notice and the way back in on the first screen");
            b.screenshot("intermediair-paused-" + resident);
            // on a small phone too ("Verder" was cut at the screen's bottom edge at 360x640: the phone probe)
            b.phone(360, 640);
            b.driver().navigate().refresh();
            verder = b.waitFor(By.cssSelector("#mine-unfinished + .mine-list .mine-item[data-id='" + id + "'] a.button"));
            b.screenshot("intermediair-paused-360-" + resident);
            assertTrue(inView(b, b.driver().findElement(By.cssSelector("p.notice"))) && inView(b, verder),
                    "the notice and the way back in on a small phone's first screen");
            verder.click();

            b.waitUntil(d -> d.getCurrentUrl().contains("/intermediair/c/" + id));
            awaitKinderenThuis(b, resident);
            List<WebElement> bots = b.driver().findElements(By.cssSelector(".bubble.bot"));
            WebElement question = bots.get(bots.size() - 1);
            WebElement original = question.findElement(By.cssSelector(".original"));
            WebElement translation = question.findElement(By.cssSelector(".translation"));
            assertEquals(resident, original.getAttribute("lang"));
            assertEquals("nl", translation.getAttribute("lang"), "the intermediair's line in Dutch");
            String dutch = library.translations().flowText("nl", "wijkanalyse", "steps.kinderen_thuis.text").replaceAll("\\s+", " ").strip();
            assertEquals(dutch, translation.getText().replaceAll("\\s+", " ").strip());
            assertTrue(inView(b, original) && inView(b, translation), "the question in both languages without scrolling");
            WebElement first = b.waitFor(By.cssSelector("#answer button.option"));
            assertTrue(inView(b, first), "and its first answer");
            first.click();
            b.waitUntil(d -> !d.findElements(By.cssSelector(".bubble.me")).isEmpty());
            b.screenshot("intermediair-continued-after-pause-" + resident);
        }
    }

    /** The language a screen reader reads an element's (first) text in: the nearest lang attribute's around it. */
    private static String voice(Browser b, WebElement e) {
        // the first words said, past the speaker ("Antwoord:", in the page's own language and voice)
        return (String) b.driver().executeScript("var w = document.createTreeWalker(arguments[0], NodeFilter.SHOW_TEXT);"
                + "var n; while ((n = w.nextNode()) && (!n.textContent.trim() || n.parentElement.closest('.speaker'))) {}"
                + "return (n ? n.parentElement : arguments[0]).closest('[lang]').getAttribute('lang')", e);
    }

    @org.junit.jupiter.api.Test
    void onADutchPageTheArabicResidentsQuestionsAndAnswersAreReadInArabicAlsoAfterAPause() {
        Team team = teams.create("Wijkteam Zuilen " + UUID.randomUUID().toString().substring(0, 8), List.of("Zuilen"));
        Account me = intermediair(team);
        try (Browser b = new Browser("nl")) {
            logIn(b, me);
            choose(b, "ar", "Zuilen");
            b.driver().findElement(By.cssSelector("form:has(input[name='flow'][value='wijkanalyse']) button:not(.secondary)")).click();
            b.waitFor(By.xpath("//footer[@id='answer-area']//button[normalize-space(.)='Verder']")).click();
            b.waitFor(By.cssSelector("#answer button.option[data-value='ja']")).click();
            awaitKinderenThuis(b, "ar");
            WebElement yes = b.driver().findElement(By.cssSelector(".bubble.me"));
            assertTrue(b.shownText(yes).matches(".*\\p{IsArabic}.*"), "the answer in the resident's words: " + b.shownText(yes));
            assertEquals("ar", voice(b, yes), "the resident's answer, as the chat repeats it, in an Arabic voice");
            String said = b.shownText(yes);
            String url = b.driver().getCurrentUrl();
            String id = url.substring(url.indexOf("/c/") + 3, url.indexOf('?'));
            b.waitFor(By.id("pause")).click();
            b.waitFor(By.cssSelector(".mine-item[data-id='" + id + "'] a.button")).click();
            awaitKinderenThuis(b, "ar");
            assertEquals("nl", b.driver().findElement(By.tagName("html")).getAttribute("lang"), "the page stays Dutch");
            List<WebElement> bots = b.driver().findElements(By.cssSelector(".bubble.bot"));
            assertTrue(bots.size() >= 3, "the way so far, from the server, and the question now");
            for (WebElement question : bots) {
                assertEquals("ar", voice(b, question), "read in Arabic: " + question.getText());
            }
            WebElement answered = b.driver().findElement(By.cssSelector(".bubble.me"));
            assertEquals(said, b.shownText(answered));
            assertEquals("ar", voice(b, answered), "the answer from the server as well");
            assertEquals("nl", voice(b, b.driver().findElement(By.id("back"))), "the page's own words stay Dutch");
            b.screenshot("intermediair-arabic-voice-after-pause");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tr", "ar"})
    void aResidentLinksPagesReadTheSameAfterOneResidentFinished(String resident) {
        Team team = teams.create("Wijkteam Kanaleneiland " + UUID.randomUUID().toString().substring(0, 8), List.of("Kanaleneiland"));
        Account me = intermediair(team);
        try (Browser b = new Browser("nl"); Browser phone = new Browser(resident)) {
            logIn(b, me);
            choose(b, resident, "Kanaleneiland");
            b.driver().findElement(By.cssSelector("form:has(input[name='flow'][value='wijkanalyse']) button.secondary")).click();
            String url = b.waitFor(By.id("resident-url")).getAttribute("value");
            // the page as the intermediair sees it when they hand the code over: the code itself on the first screen
            assertTrue(inView(b, b.waitFor(By.cssSelector("img.qr"))), "the QR code without scrolling");
            String before = b.driver().findElement(By.tagName("main")).getText();
            assertFalse(before.contains("Klaar"), "no count: " + before);

            // the resident, on their own phone: the link from the QR code
            phone.open(url);
            phone.waitFor(By.id("begin")).click();
            phone.waitUntil(d -> d.getCurrentUrl().contains("/c/"));
            phone.waitFor(By.cssSelector("#answer button"));
            // how the resident's answers arrive is not what this test is about (ChatBrowserTest and AnswersInReachBrowserTest
            // tap through the chat): the rest goes through the service the chat's API calls, yes to consent, and the
            // resident's page then shows the end of a finished conversation
            String chat = phone.driver().getCurrentUrl();
            respondents.finishStarted(chat.substring(chat.lastIndexOf("/c/") + 3).replaceAll("[?#].*", ""),
                    Map.of("toestemming", "ja"));
            phone.driver().navigate().refresh();
            phone.waitFor(By.cssSelector("#result:not([hidden]) .result-actions, #done-note"));
            phone.screenshot("resident-link-finished-" + resident);

            b.driver().navigate().refresh();
            WebElement qrCode = b.waitFor(By.cssSelector("img.qr"));
            // the one resident the intermediair handed the code to finished, and the page does not tell
            assertEquals(before, b.driver().findElement(By.tagName("main")).getText());
            assertTrue(inView(b, qrCode), "the QR code without scrolling");
            b.screenshot("intermediair-link-" + resident);

            b.open(server.getURL() + "/intermediair?lang=nl");
            WebElement line = b.waitFor(By.cssSelector(".link-item"));
            WebElement listed = line.findElement(By.cssSelector("strong"));
            assertTrue(line.getText().contains("Kanaleneiland"), line.getText());
            assertFalse(line.getText().contains("Klaar"), "no count in the list either: " + line.getText());
            WebElement copy = line.findElement(By.cssSelector("button.copy-link"));
            WebElement share = line.findElement(By.cssSelector("button.share-link"));
            WebElement qr = line.findElement(By.cssSelector("a.button"));
            WebElement stop = line.findElement(By.cssSelector(".stop-link > summary"));
            assertEquals(List.of("Kopiëren", "Delen", "QR-code", "Link stoppen"),
                    List.of(copy.getText(), share.getText(), qr.getText(), stop.getText()));
            // on the home page the links come after "Mijn gesprekken": scrolled to, a link's line fits one screen
            b.driver().executeScript("arguments[0].scrollIntoView({block: 'start'})", line);
            for (WebElement e : List.of(listed, copy, share, qr, stop)) {
                assertTrue(inView(b, e), "the link's title and actions on one screen: " + e.getText());
            }
            share.click();
            WebElement status = line.findElement(By.cssSelector(".link-status"));
            b.waitUntil(d -> !status.getText().isBlank());
            assertTrue(List.of("De link is gekopieerd.", "Delen kan hier niet; de link is gekopieerd. Plak hem in een bericht.",
                    "Kopiëren lukte niet. Houd de link hierboven ingedrukt om hem te kopiëren.").contains(status.getText()),
                    "the browser has no share sheet: it copies the link instead and says so: " + status.getText());
            b.screenshot("intermediair-links-" + resident);

            // "Link stoppen" asks once more, saying what it ends, before the link stops (one tap beside "QR-code" did)
            stop.click();
            WebElement really = b.waitFor(By.cssSelector(".stop-link[open] button.danger"));
            assertEquals("Ja, stop de link", really.getText());
            assertTrue(line.findElement(By.cssSelector(".stop-link .hint")).getText().contains("niet terugdraaien"));
            assertTrue(inView(b, really), "the button that stops it, in view once asked");
            b.screenshot("intermediair-link-stop-asked-" + resident);
            b.driver().navigate().refresh();
            assertTrue(b.waitFor(By.cssSelector(".link-item")).isDisplayed(), "asking alone stops nothing");
            b.waitFor(By.cssSelector(".link-item .stop-link > summary")).click();
            b.waitFor(By.cssSelector(".stop-link[open] button.danger")).click();
            b.waitUntil(d -> d.getCurrentUrl().contains("done=link_stopped"));
        }
    }
}
