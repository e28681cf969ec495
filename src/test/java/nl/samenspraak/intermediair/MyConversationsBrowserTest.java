package nl.samenspraak.intermediair;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
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

import static nl.samenspraak.intermediair.ConsentRefusalBrowserTest.inView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An intermediair on a 390x844 phone leaves a conversation with a Turkish resident half-way, comes back to
 * "My conversations" and taps "Verder": the conversation opens in the two-language layout at the question it
 * stood at, on the screen without scrolling. Their pages in Dutch, and in Arabic (right to left).
 */
@MicronautTest(transactional = false)
class MyConversationsBrowserTest {
    static final String PASSWORD = "een lang genoeg wachtwoord";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    FlowLibrary library;

    /** Waits until the last question shown is kinderen_thuis in Turkish. */
    private void awaitKinderenThuis(Browser b) {
        String turkish = library.translations().flowText("tr", "wijkanalyse", "steps.kinderen_thuis.text")
                .replaceAll("\\s+", " ").strip();
        b.waitUntil(d -> {
            List<WebElement> bots = d.findElements(By.cssSelector(".bubble.bot .original[lang='tr']"));
            return !bots.isEmpty() && bots.get(bots.size() - 1).getText().replaceAll("\\s+", " ").strip().equals(turkish);
        });
    }

    @ParameterizedTest
    @CsvSource({"nl, Verder, Verder, Mijn gesprekken, ltr", "ar, التالي, متابعة, محادثاتي, rtl"})
    void continuingFromMyConversationsOpensTheQuestionInBothLanguages(String lang, String next, String continueWord,
                                                                        String title, String direction) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Team team = teams.create("Wijkteam Lunetten " + suffix, List.of("Lunetten", "Hoograven"));
        Account intermediair = accounts.create("sleutelpersoon-" + suffix, PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(team.id(), intermediair.id());

        try (Browser b = new Browser(lang)) {
            b.logIn(server.getURL() + "/intermediair?lang=" + lang, intermediair.username(), PASSWORD);
            new Select(b.waitFor(By.id("language-wijkanalyse"))).selectByValue("tr");
            new Select(b.driver().findElement(By.id("place-wijkanalyse"))).selectByVisibleText("Lunetten");
            b.driver().findElement(By.cssSelector("form:has(input[name='flow'][value='wijkanalyse']) button:not(.secondary)")).click();
            b.waitFor(By.xpath("//footer[@id='answer-area']//button[normalize-space(.)='" + next + "']")).click();
            b.waitFor(By.cssSelector("#answer button.option[data-value='ja']")).click();
            awaitKinderenThuis(b);
            String url = b.driver().getCurrentUrl();
            String id = url.substring(url.indexOf("/c/") + 3, url.indexOf('?'));

            // the intermediair leaves it for now, and comes back to their home page
            b.open(server.getURL() + "/intermediair?lang=" + lang);
            assertEquals(title, b.waitFor(By.id("mine-title")).getText());
            assertEquals(direction, b.driver().findElement(By.tagName("html")).getAttribute("dir"));
            WebElement line = b.waitFor(By.cssSelector(".mine-item[data-id='" + id + "']"));
            assertTrue(line.getText().contains("Lunetten"), line.getText());
            assertTrue(line.getText().contains("Türkçe"), line.getText());
            WebElement verder = line.findElement(By.cssSelector("a.button"));
            assertEquals(continueWord, verder.getText());
            assertTrue(inView(b, verder), "the way back into it is on the first screen");
            b.screenshot("intermediair-my-conversations-" + lang);
            Results axe = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(b.driver());
            assertEquals(List.of(), axe.getViolations().stream().map(v -> v.getId() + " " + v.getNodes().stream()
                    .map(n -> n.getTarget().toString()).toList()).toList(), "WCAG violations on My conversations");
            verder.click();

            b.waitUntil(d -> d.getCurrentUrl().contains("/intermediair/c/" + id));
            awaitKinderenThuis(b);
            List<WebElement> bots = b.driver().findElements(By.cssSelector(".bubble.bot"));
            WebElement question = bots.get(bots.size() - 1);
            WebElement original = question.findElement(By.cssSelector(".original"));
            WebElement translation = question.findElement(By.cssSelector(".translation"));
            assertEquals(lang, translation.getAttribute("lang"), "the intermediair's line in their language");
            assertEquals(lang, b.driver().findElement(By.tagName("html")).getAttribute("lang"));
            assertTrue(inView(b, original) && inView(b, translation), "the question in both languages without scrolling");
            assertTrue(inView(b, b.waitFor(By.cssSelector("#answer button.option[data-value='ja']"))), "and its first answer");
            b.screenshot("intermediair-continued-" + lang);
        }
    }
}
