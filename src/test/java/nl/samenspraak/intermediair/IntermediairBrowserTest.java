package nl.samenspraak.intermediair;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.Translations;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.storage.AnswerRecord;
import nl.samenspraak.storage.AnswerRepository;
import nl.samenspraak.storage.ConversationRecord;
import nl.samenspraak.storage.ConversationRepository;
import nl.samenspraak.support.Browser;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An intermediair on a phone, their pages in Dutch, walks a Turkish-speaking resident through wijkanalyse:
 * every question in Turkish with its Dutch line, consent first, and a typed answer that keeps the language
 * the intermediair typed it in. Then a QR code for the next resident's own phone.
 */
@MicronautTest(transactional = false)
class IntermediairBrowserTest {
    static final String PASSWORD = "een lang genoeg wachtwoord";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    ConversationRepository conversations;
    @Inject
    AnswerRepository answers;
    @Inject
    FlowLibrary library;

    private static String words(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static WebElement lastQuestion(Browser b) {
        List<WebElement> bots = b.driver().findElements(By.cssSelector(".bubble.bot"));
        return bots.get(bots.size() - 1);
    }

    /** Waits for the question whose Turkish text is that of {@code step}, and checks its Dutch line. */
    private void awaitQuestion(Browser b, String step) {
        Translations t = library.translations();
        String turkish = words(t.flowText("tr", "wijkanalyse", "steps." + step + ".text"));
        // until the chat shows it: between turns the page may hold no question bubble for a moment
        b.waitUntil(d -> {
            List<WebElement> bots = d.findElements(By.cssSelector(".bubble.bot"));
            List<WebElement> original = bots.isEmpty() ? List.of()
                    : bots.get(bots.size() - 1).findElements(By.cssSelector(".original"));
            return !original.isEmpty() && fixedPart(words(original.get(0).getText()), turkish).equals(fixedPart(turkish, turkish));
        });
        WebElement original = lastQuestion(b).findElement(By.cssSelector(".original"));
        WebElement dutch = lastQuestion(b).findElement(By.cssSelector(".translation"));
        assertEquals("tr", original.getAttribute("lang"));
        assertEquals("nl", dutch.getAttribute("lang"));
        String expected = words(t.flowText("nl", "wijkanalyse", "steps." + step + ".text"));
        assertEquals(fixedPart(expected, expected), fixedPart(words(dutch.getText()), expected));
    }

    /**
     * The part of a shown text that its template fixes: all of it, or for a text that fills in the conversation's
     * team or retention (consent) the words before the first thing filled in.
     */
    private static String fixedPart(String shown, String template) {
        int cut = template.length();
        for (char c : new char[]{'#', '$'}) {
            int at = template.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return shown.substring(0, Math.min(cut, shown.length()));
    }

    /** The question just asked at the top of the screen, its answers below it, as the intermediair sees it. */
    private static void showQuestion(Browser b) {
        b.driver().executeScript("arguments[0].scrollIntoView({block: 'start'});", lastQuestion(b));
    }

    private static void tapOption(Browser b, String value) {
        b.waitFor(By.cssSelector("#answer button.option[data-value='" + value + "']")).click();
    }

    private static void assertAccessible(Browser b, String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(b.driver());
        List<String> violations = results.getViolations().stream()
                .map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream().map(n -> n.getTarget().toString()).toList())
                .toList();
        assertEquals(List.of(), violations, "WCAG violations on " + page);
    }

    /**
     * A new intermediair, on their phone, with nothing of their own yet: the first way to begin is on the first screen,
     * in Dutch and Arabic. Until then it stood below "Mijn gesprekken" and "Links" saying there were none, a screen
     * and a half down. Once they have a conversation, their list comes first again.
     */
    @Test
    void aNewIntermediairSeesHowToBeginOnTheFirstScreenOfTheirPhone() {
        for (String language : List.of("nl", "ar")) {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            Team team = teams.create("Wijkteam Noordoost " + suffix, List.of("Overvecht", "Tuindorp"));
            Account intermediair = accounts.create("nieuw-" + suffix, PASSWORD, Role.INTERMEDIAIR);
            teams.addMember(team.id(), intermediair.id());
            try (Browser b = new Browser(language)) {
                b.phone(390, 844);
                b.logIn(server.getURL() + "/intermediair?lang=" + language, intermediair.username(), PASSWORD);
                WebElement begin = b.waitFor(By.cssSelector("form:has(input[name='flow']) button:not(.secondary)"));
                // and on a small phone (at 360x640 it stood at 719 px, below the screen's edge)
                for (int[] size : new int[][] {{390, 844}, {360, 640}}) {
                    b.phone(size[0], size[1]);
                    b.open(server.getURL() + "/intermediair?lang=" + language);
                    begin = b.waitFor(By.cssSelector("form:has(input[name='flow']) button:not(.secondary)"));
                    b.screenshot("intermediair-new-" + language + "-" + size[0]);
                    assertTrue((Boolean) b.driver().executeScript("""
                            const r = arguments[0].getBoundingClientRect();
                            return window.scrollY === 0 && r.top >= 0 && r.bottom <= document.documentElement.clientHeight;""", begin),
                            language + " at " + size[0] + "x" + size[1] + ": the first way to begin is on the first screen, unscrolled");
                }
                assertTrue(b.driver().findElement(By.id("mine-title")).getLocation().getY() > begin.getLocation().getY(),
                        language + ": the empty lists come after it");
                // and say so: "begin one below" sent them down past the lists (the phone probe)
                String empty = b.driver().findElement(By.cssSelector("#mine-title + p")).getText();
                assertEquals(library.translations().message(language, "intermediair.mine_none_above"), empty);
            }
        }
    }

    @Test
    void anIntermediairWalksATurkishResidentThroughWijkanalyse() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Team team = teams.create("Wijkteam Zuidwest " + suffix, List.of("Kanaleneiland", "Transwijk"));
        Account intermediair = accounts.create("sleutelpersoon-" + suffix, PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(team.id(), intermediair.id());

        try (Browser b = new Browser("nl")) {
            b.logIn(server.getURL() + "/intermediair", intermediair.username(), PASSWORD);

            b.waitFor(By.id("language-wijkanalyse"));
            assertEquals("Gesprek met een bewoner", b.driver().findElement(By.tagName("h1")).getText());
            assertAccessible(b, "the intermediair's start page");
            // tabbing through the page, each box says which conversation it is for, as its buttons do
            nl.samenspraak.support.ScreenReader reader = new nl.samenspraak.support.ScreenReader(b.driver());
            for (String flow : List.of("wijkanalyse", "cultureel-interview")) {
                String title = b.driver().findElement(By.id("flow-" + flow)).getText();
                // (one team is its name as text, not a box: cultureel-interview's place here)
                for (String box : "wijkanalyse".equals(flow) ? List.of("language-", "place-") : List.of("language-")) {
                    assertEquals(title, reader.node("document.getElementById('" + box + flow + "')").description(), box + flow);
                }
            }
            new Select(b.driver().findElement(By.id("language-wijkanalyse"))).selectByValue("tr");
            new Select(b.driver().findElement(By.id("place-wijkanalyse"))).selectByVisibleText("Kanaleneiland");
            b.screenshot("intermediair-start");
            b.driver().findElement(By.cssSelector("form:has(input[name='flow'][value='wijkanalyse']) button:not(.secondary)")).click();

            awaitQuestion(b, "welkom");
            String url = b.driver().getCurrentUrl();
            assertTrue(url.matches(".*/intermediair/c/[0-9a-f-]{36}\\?lang=nl"), url);
            String id = url.substring(url.indexOf("/c/") + 3, url.indexOf('?'));
            assertEquals("nl", b.driver().findElement(By.tagName("html")).getAttribute("lang"), "the page stays Dutch");
            assertEquals("Vorige", b.driver().findElement(By.id("back")).getAttribute("textContent"), "the page's own words in the intermediair's language");
            assertTrue(b.driver().findElement(By.id("assist-note")).getText().contains("Türkçe"));
            b.waitFor(By.xpath("//footer[@id='answer-area']//button[normalize-space(.)='Verder']")).click();

            awaitQuestion(b, "toestemming");
            WebElement yes = b.waitFor(By.cssSelector("#answer button.option[data-value='ja']"));
            assertEquals("Evet", yes.findElement(By.cssSelector(".original")).getText());
            assertEquals("Ja", yes.findElement(By.cssSelector(".translation")).getText());
            assertTrue(answers.findByConversationId(id).isEmpty(), "nothing stored before the resident's consent");
            assertAccessible(b, "the consent question in Turkish with its Dutch line");
            showQuestion(b);
            b.screenshot("intermediair-consent");
            yes.click();

            awaitQuestion(b, "kinderen_thuis");
            // a login that ended mid-conversation: "Log eerst in." was a dead end (the intermediair's probe); the
            // answer is not stored, and the message leads to the login page and back to this question
            org.openqa.selenium.Cookie login = b.driver().manage().getCookieNamed(nl.samenspraak.support.PageHttp.LOGIN_COOKIE);
            b.driver().manage().deleteCookieNamed(nl.samenspraak.support.PageHttp.LOGIN_COOKIE);
            tapOption(b, "ja");
            WebElement again = b.waitFor(By.id("log-in-again"));
            assertTrue(again.isDisplayed() && b.wholeOnScreen(again), "the way to log in shows");
            assertEquals("Inloggen", again.getText());
            assertTrue(again.getAttribute("href").endsWith("/login?next=%2Fintermediair%2Fc%2F" + id + "%3Flang%3Dnl"),
                    again.getAttribute("href"));
            assertTrue(b.driver().findElement(By.id("error")).getText().startsWith("Log eerst in."));
            assertTrue(answers.findByConversationId(id).stream().noneMatch(a -> a.stepId().equals("kinderen_thuis")));
            b.driver().manage().addCookie(login);
            tapOption(b, "ja");

            awaitQuestion(b, "weet_waar_hulp");
            assertTrue(b.driver().findElement(By.cssSelector(".scale-ends")).getText().contains("Helemaal niet"),
                    "the scale's ends have their Dutch line too");
            assertEquals(390L, b.driver().executeScript("return window.innerWidth"));
            showQuestion(b);
            b.screenshot("intermediair-wijkanalyse-tr");
            tapOption(b, "4");

            // the resident skips the closed questions, up to the first open one
            while (true) {
                b.waitUntil(d -> !d.findElements(By.cssSelector("#answer[data-type]")).isEmpty()
                        && d.findElement(By.id("answer")).getAttribute("aria-busy") == null);
                if ("text".equals(b.driver().findElement(By.id("answer")).getAttribute("data-type"))) {
                    break;
                }
                int before = b.driver().findElements(By.cssSelector(".bubble.bot")).size();
                b.waitFor(By.xpath("//footer[@id='answer-area']//button[normalize-space(.)='Overslaan']")).click();
                b.waitUntil(d -> d.findElements(By.cssSelector(".bubble.bot")).size() > before);
            }
            awaitQuestion(b, "goed_in_wijk");
            Select typedIn = new Select(b.waitFor(By.id("typed-in-goed_in_wijk")));
            assertEquals("tr", typedIn.getFirstSelectedOption().getAttribute("value"), "the resident's language first");
            typedIn.selectByValue("nl");
            b.driver().findElement(By.id("input-goed_in_wijk")).sendKeys("Het park is mooi en de buren helpen elkaar.");
            showQuestion(b);
            b.screenshot("intermediair-typed-in-dutch");
            assertAccessible(b, "an open question with its language menu");
            b.driver().findElement(By.cssSelector("#answer button.primary")).click();
            awaitQuestion(b, "beter_in_wijk");
            assertEquals("nl", new Select(b.waitFor(By.id("typed-in-beter_in_wijk"))).getFirstSelectedOption().getAttribute("value"),
                    "the language menu keeps the last choice within the conversation");

            Map<String, AnswerRecord> rows = answers.findByConversationId(id).stream()
                    .collect(Collectors.toMap(AnswerRecord::stepId, r -> r));
            assertEquals("intermediair", rows.get("toestemming").enteredBy());
            assertEquals("tr", rows.get("toestemming").language());
            assertEquals("4", rows.get("weet_waar_hulp").answerValue());
            assertEquals("nl", rows.get("goed_in_wijk").language(), "typed in Dutch for a Turkish resident");
            assertEquals("intermediair", rows.get("goed_in_wijk").enteredBy());
            ConversationRecord c = conversations.findById(id).orElseThrow();
            assertEquals("tr", c.language());
            assertEquals(team.id(), c.teamId());
            assertEquals("Kanaleneiland", c.wijk());

            // deleting at the resident's request from the chat's menu, in the intermediair's words (it said "Wis mijn
            // antwoorden" and "Weet u het zeker? ... al uw antwoorden" to them: the intermediair's probe), and back
            // to their page, which says it is done
            b.waitFor(By.cssSelector("#menu > summary")).click();
            WebElement forget = b.waitFor(By.cssSelector(".forget-open"));
            assertEquals("Gesprek voorgoed wissen", forget.getText());
            forget.click();
            WebElement confirm = b.waitFor(By.id("forget-confirm"));
            assertEquals("Wissen op verzoek van de bewoner\nDit gesprek en alle antwoorden worden voorgoed gewist. Dat kan niet "
                    + "ongedaan worden gemaakt.", confirm.getText().lines().limit(2).reduce((x, y) -> x + "\n" + y).orElse(""));
            b.driver().findElement(By.id("forget-yes")).click();
            b.waitUntil(d -> d.getCurrentUrl().contains("/intermediair?lang=nl&done=conversation_deleted"));
            assertTrue(b.waitFor(By.cssSelector(".notice")).getText().contains("Het gesprek en alle antwoorden zijn gewist."));
            assertTrue(conversations.findById(id).isEmpty(), "deleted");

            // the next resident answers on their own phone
            b.open(server.getURL() + "/intermediair?lang=nl");
            new Select(b.waitFor(By.id("language-wijkanalyse"))).selectByValue("ar");
            new Select(b.driver().findElement(By.id("place-wijkanalyse"))).selectByVisibleText("Transwijk");
            b.driver().findElement(By.cssSelector("form:has(input[name='flow'][value='wijkanalyse']) button.secondary")).click();
            b.waitFor(By.id("resident-url"));
            b.waitUntil(d -> (Boolean) d.executeScript(
                    "const img = document.querySelector('img.qr'); return img.complete && img.naturalWidth > 0;"));
            assertTrue(b.driver().findElement(By.id("resident-url")).getAttribute("value").matches(".*/r/[A-Z0-9]{16}"));
            assertAccessible(b, "the QR code page");
            b.screenshot("intermediair-qr");
            // on a small phone too the whole code is on the first screen (it began at 456 px of 640: the phone probe)
            b.phone(360, 640);
            b.driver().navigate().refresh();
            WebElement code = b.waitFor(By.cssSelector("img.qr"));
            b.waitUntil(d -> (Boolean) d.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0;", code));
            assertTrue(b.wholeOnScreen(code), "the QR code whole on a 360x640 screen");
            b.screenshot("intermediair-qr-360x640");
            String residentUrl = b.driver().findElement(By.id("resident-url")).getAttribute("value");

            try (Browser phone = new Browser("nl")) {
                phone.open(residentUrl);
                phone.waitFor(By.id("begin"));
                assertEquals("ar", phone.driver().findElement(By.tagName("html")).getAttribute("lang"), "the resident's language");
                assertEquals("rtl", phone.driver().findElement(By.tagName("html")).getAttribute("dir"));
                assertAccessible(phone, "the resident's page");
                phone.screenshot("resident-link-ar");
                phone.driver().findElement(By.id("begin")).click();
                phone.waitFor(By.cssSelector(".bubble.bot"));
                String chat = phone.driver().getCurrentUrl();
                ConversationRecord own = conversations.findById(chat.substring(chat.lastIndexOf('/') + 1)).orElseThrow();
                assertEquals(List.of("ar", "Transwijk"), List.of(own.language(), own.wijk()));
                assertEquals(team.id(), own.teamId());
            }
            // a resident who picks Polski in the list and taps start at once (without "change language") starts in Polish
            try (Browser phone = new Browser("nl")) {
                phone.open(residentUrl);
                new Select(phone.waitFor(By.id("lang"))).selectByValue("pl");
                phone.driver().findElement(By.id("begin")).click();
                phone.waitFor(By.cssSelector(".bubble.bot"));
                assertEquals("pl", phone.driver().findElement(By.tagName("html")).getAttribute("lang"), "the chat in Polish");
                String chat = phone.driver().getCurrentUrl();
                assertEquals("pl", conversations.findById(chat.substring(chat.lastIndexOf('/') + 1)).orElseThrow().language());
            }
        }
    }
}
