package nl.samenspraak.intermediair;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.Browser;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Long names on the smallest phones, as the phone probe at an intermediair's workplace found them: a team
 * "Buurtteam Jeugd en Gezin Utrecht Overvecht-Noord" with wijken whose names are long and begin alike. On the
 * intermediair's start page the chosen team and wijk read whole (the boxes showed "Buurtteam Je" and "Overvecht-N",
 * on an Arabic page the name's end, "oomkwartier"); on a resident's link page "start" is on the first screen in every
 * language (in Polish at 320x568 only "Wybierz", the language's button, was); the chat's bar shows its title readable
 * ("Uw m…").
 */
@MicronautTest(transactional = false)
class LongNamesOnAPhoneBrowserTest {
    static final String PASSWORD = "een lang genoeg wachtwoord";
    static final List<String> WIJKEN = List.of("Tuinwijk-Oost en Zeeheldenbuurt", "Overvecht-Noord Zambesidreef en omgeving",
            "Overvecht-Noord Tigris- en Vechtzoomkwartier");
    static final int[][] PHONES = {{360, 640}, {320, 568}};

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    ResidentLinks residentLinks;

    private Team team() {
        return teams.create("Buurtteam Jeugd en Gezin Utrecht Overvecht-Noord " + UUID.randomUUID().toString().substring(0, 4), WIJKEN);
    }

    private Account intermediair(Team team) {
        Account a = accounts.create("lange-namen-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(team.id(), a.id());
        return a;
    }

    /**
     * What the person reads of the choice in a flow's field: "" when it shows whole, else what is wrong. A box shows its
     * chosen option whole when the option's text, in the box's font, fits the box's room for text; where it does not,
     * the same text shows elsewhere in the field, whole (not cut at its side) and on the screen.
     */
    static String notWhole(Browser b, WebElement field) {
        return (String) b.driver().executeScript("""
                const field = arguments[0];
                const onScreen = e => { const r = e.getBoundingClientRect();
                  return r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= document.documentElement.clientWidth; };
                const uncut = e => e.scrollWidth <= e.clientWidth + 1 && e.scrollHeight <= e.clientHeight + 1;
                const select = field.querySelector('select');
                const shownElsewhere = text => [...field.querySelectorAll(':not(select):not(option):not(label)')].some(e =>
                  e.childElementCount === 0 && e.textContent.trim() === text && onScreen(e) && uncut(e)
                  && getComputedStyle(e).visibility !== 'hidden');
                if (!select) {
                  const text = [...field.querySelectorAll('*')].filter(e => e.childElementCount === 0 && e.tagName !== 'INPUT')
                    .map(e => e.textContent.trim()).pop();
                  return shownElsewhere(text) ? '' : 'the name as text is cut or off the screen: ' + text;
                }
                const text = select.options[select.selectedIndex].text.trim();
                const s = getComputedStyle(select);
                const ctx = document.createElement('canvas').getContext('2d');
                ctx.font = s.font;
                const room = select.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
                const width = ctx.measureText(text).width;
                if (width <= room && onScreen(select)) return '';
                return shownElsewhere(text) ? '' : 'the box shows ' + Math.round(room) + ' px of "' + text + '" ('
                  + Math.round(width) + ' px) and nothing else shows it whole';""", field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "ar"})
    void theChosenTeamAndWijkReadWholeOnTheStartPage(String language) {
        Team team = team();
        Account me = intermediair(team);
        try (Browser b = new Browser(language)) {
            b.logIn(server.getURL() + "/intermediair?lang=" + language, me.username(), PASSWORD);
            for (int[] phone : PHONES) {
                b.phone(phone[0], phone[1]);
                b.open(server.getURL() + "/intermediair?lang=" + language);
                b.waitFor(By.id("language-wijkanalyse"));
                for (String wijk : WIJKEN) {
                    new Select(b.driver().findElement(By.id("place-wijkanalyse"))).selectByValue(team.id() + "|" + wijk);
                    WebElement field = b.driver().findElement(By.cssSelector(".field:has(#place-wijkanalyse)"));
                    assertEquals("", notWhole(b, field), language + " " + phone[0] + "x" + phone[1] + ", " + wijk);
                    b.screenshot("long-names-start-" + language + "-" + phone[0] + "-" + WIJKEN.indexOf(wijk));
                }
                // one team: its name whole, as text or in its box
                WebElement teamField = b.driver().findElement(By.cssSelector(
                        "form:has(input[name='flow'][value='cultureel-interview']) .field:has([name='place'])"));
                b.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", teamField);
                assertEquals("", notWhole(b, teamField), language + " " + phone[0] + "x" + phone[1] + ": the team");
                assertTrue(teamField.getText().contains(team.name()), teamField.getText());
                b.screenshot("long-names-start-team-" + language + "-" + phone[0]);
                // and the first card's way to begin still on the first screen, its boxes whole above it
                b.open(server.getURL() + "/intermediair?lang=" + language);
                WebElement begin = b.waitFor(By.cssSelector("form:has(input[name='flow']) button:not(.secondary)"));
                b.screenshot("long-names-start-top-" + language + "-" + phone[0]);
                // (at 320x568 too since the page's introduction folds under "Hoe werkt het?": WorkingDayOnAPhoneBrowserTest)
                assertTrue(b.wholeOnScreen(begin), language + " " + phone[0] + "x" + phone[1]
                        + ": the first way to begin on the first screen");
                for (WebElement field : b.driver().findElements(By.cssSelector("form:has(input[name='flow']) .field"))) {
                    assertEquals("", notWhole(b, field), language + " " + phone[0] + "x" + phone[1] + ": " + field.getText());
                }
            }
        }
    }

    // (only the residents' flow has resident links: the client's interview is had together, IntermediairWork.linkable)
    @ParameterizedTest
    @ValueSource(strings = {"wijkanalyse"})
    void aResidentSeesStartOnTheFirstScreenOfTheirPhoneInEveryLanguage(String flow) {
        Team team = team();
        ResidentLink link = residentLinks.create(flow, "nl",
                new Origin(team.id(), "wijkanalyse".equals(flow) ? WIJKEN.get(1) : null), null);
        try (Browser b = new Browser("nl")) {
            for (String language : List.of("nl", "ar", "tr", "pl", "en")) {
                for (int[] phone : PHONES) {
                    b.phone(phone[0], phone[1]);
                    b.open(server.getURL() + "/r/" + link.code() + "?lang=" + language);
                    WebElement begin = b.waitFor(By.id("begin"));
                    String where = flow + " " + language + " " + phone[0] + "x" + phone[1];
                    b.screenshot("long-names-resident-" + flow + "-" + language + "-" + phone[0]);
                    assertTrue(b.wholeOnScreen(begin), where + ": start on the first screen");
                    assertTrue(b.driver().findElement(By.id("lang")).isDisplayed(), where + ": the language's choice under it");
                    assertEquals(0L, ((Number) b.driver().executeScript("return window.scrollY")).longValue(), where);
                }
            }
        }
    }

    /** What is wrong with the chat bar's title: "" when it shows whole on the screen and the bar stays low. */
    private static String titleNotReadable(Browser b) {
        return (String) b.driver().executeScript("""
                const h = document.querySelector('.chat-head .flow-title'), r = h.getBoundingClientRect();
                const bar = document.querySelector('.chat-head .bar').getBoundingClientRect();
                if (h.scrollWidth > h.clientWidth + 1 || h.scrollHeight > h.clientHeight + 1) return 'cut: ' + h.textContent;
                if (r.left < 0 || r.right > document.documentElement.clientWidth) return 'off the screen';
                if (bar.height > 64) return 'the bar is ' + Math.round(bar.height) + ' px high';
                return '';""");
    }

    /** The intermediair's chat on Dutch and Arabic pages, one browser (a browser's start is the most of such a check). */
    @Test
    void theIntermediairsChatShowsItsTitleReadable() {
        Team team = team();
        Account me = intermediair(team);
        try (Browser b = new Browser("nl")) {
            b.logIn(server.getURL() + "/intermediair?lang=nl", me.username(), PASSWORD);
            for (String language : List.of("nl", "ar")) {
                b.phone(390, 844);
                b.open(server.getURL() + "/intermediair?lang=" + language);
                b.waitFor(By.id("language-wijkanalyse"));
                b.driver().findElement(By.cssSelector("form:has(input[name='flow'][value='wijkanalyse']) button:not(.secondary)")).click();
                b.waitFor(By.cssSelector(".bubble.bot"));
                for (int[] phone : PHONES) {
                    b.resize(phone[0], phone[1]);
                    b.screenshot("long-names-chat-intermediair-" + language + "-" + phone[0]);
                    assertEquals("", titleNotReadable(b), language + " " + phone[0] + "x" + phone[1]);
                }
            }
        }
    }

    /** A resident's chat in each of the five languages, one browser. */
    @Test
    void theResidentsChatShowsItsTitleReadable() {
        Team team = team();
        try (Browser b = new Browser("nl")) {
            for (String language : List.of("nl", "ar", "tr", "pl", "en")) {
                ResidentLink link = residentLinks.create("wijkanalyse", language, new Origin(team.id(), WIJKEN.get(0)), null);
                b.phone(320, 568);
                b.open(server.getURL() + "/r/" + link.code() + "?lang=" + language);
                b.waitFor(By.id("begin")).click();
                b.waitFor(By.cssSelector(".bubble.bot"));
                for (int[] phone : PHONES) {
                    b.resize(phone[0], phone[1]);
                    b.screenshot("long-names-chat-resident-" + language + "-" + phone[0]);
                    assertEquals("", titleNotReadable(b), language + " " + phone[0] + "x" + phone[1]);
                }
            }
        }
    }
}
