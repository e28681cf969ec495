package nl.samenspraak.admin;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.storage.ConversationRepository;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.ScreenReader;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An admin on a phone logs in, makes a team, and opens its join link, which starts a conversation for the team. */
@MicronautTest(transactional = false)
class AdminBrowserTest {
    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    ConversationRepository conversations;
    @Inject
    Respondents respondents;

    /**
     * A wrong password on a 360 px phone in Arabic: the page comes back with the focus in the password box, which a
     * screen reader reads as refused and why; before, the focus was at the top of the page and the reason, an alert
     * already there when the page loaded, went unsaid.
     */
    @Test
    void aRefusedLoginSaysWhyAtThePasswordBox() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        accounts.create("beheerder-" + suffix, "een lang genoeg wachtwoord", Role.ADMIN);
        try (Browser browser = new Browser("ar")) {
            browser.phone(360, 640);
            browser.open(server.getURL() + "/login?lang=ar");
            browser.waitFor(By.id("username")).sendKeys("beheerder-" + suffix);
            browser.driver().findElement(By.id("password")).sendKeys("niet het wachtwoord");
            browser.driver().findElement(By.id("password")).sendKeys(org.openqa.selenium.Keys.ENTER);
            browser.waitFor(By.cssSelector("p.error"));
            assertEquals("password", browser.driver().switchTo().activeElement().getAttribute("id"), "back in the password box");
            ScreenReader.Node password = new ScreenReader(browser.driver()).node("document.activeElement");
            assertEquals("true", password.property("invalid"));
            assertEquals("اسم المستخدم أو كلمة المرور غير صحيحة.", password.description(), "why, in the person's language");
            assertEquals("beheerder-" + suffix, browser.driver().findElement(By.id("username")).getAttribute("value"), "the name kept");
            browser.screenshot("login-refused-ar");
        }
    }

    @Test
    void logsInCreatesATeamAndOpensItsJoinPage() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        accounts.create("beheerder-" + suffix, "een lang genoeg wachtwoord", Role.ADMIN);
        String name = "Wijkteam Noord " + suffix;
        try (Browser browser = new Browser("nl")) {
            browser.open(server.getURL() + "/admin/teams");
            browser.waitFor(By.id("username")).sendKeys("beheerder-" + suffix);
            browser.driver().findElement(By.id("password")).sendKeys("een lang genoeg wachtwoord");
            browser.screenshot("admin-login");
            browser.driver().findElement(By.cssSelector("form[action='/login'] button")).click();

            browser.waitFor(By.id("wijken"));
            assertEquals("Teams", browser.driver().findElement(By.tagName("h1")).getText(), "back on the page asked for");
            // "Uitloggen" is white on the blue bar like the bar's links (it was blue on blue, there but unseen)
            assertEquals(browser.driver().findElement(By.cssSelector(".bar-nav a")).getCssValue("color"),
                    browser.driver().findElement(By.cssSelector(".bar-nav button.link")).getCssValue("color"),
                    "the log-out button has the colour of the bar's links");
            browser.driver().findElement(By.id("name")).sendKeys(name);
            browser.driver().findElement(By.id("wijken")).sendKeys("Noord\nOude Haven\n");
            browser.driver().findElement(By.cssSelector("form[action='/admin/teams'] button")).click();

            browser.waitUntil(d -> d.findElement(By.tagName("h1")).getText().equals(name));
            assertEquals("Het team is aangemaakt.", browser.driver().findElement(By.cssSelector(".notice")).getText());
            browser.waitUntil(d -> (Boolean) d.executeScript(
                    "const img = document.querySelector('img.qr'); return img.complete && img.naturalWidth > 0;"));
            String joinUrl = browser.driver().findElement(By.id("join-url")).getAttribute("value");
            Team team = teams.all().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
            assertEquals(server.getURL() + "/t/" + team.joinCode(), joinUrl);
            browser.screenshot("admin-team");

            // the audit log on a phone: its wide table scrolls in its own box, the page does not scroll sideways
            browser.phone(360, 640);
            browser.open(server.getURL() + "/admin/audit");
            browser.waitFor(By.cssSelector("table.audit tbody tr"));
            browser.screenshot("admin-audit-360");
            assertTrue((Boolean) browser.driver().executeScript(
                    "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
                    "the audit page scrolls sideways at 360 px");

            browser.open(joinUrl);
            browser.waitUntil(d -> d.findElement(By.tagName("h1")).getText().equals(name));
            assertEquals("nl", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
            browser.screenshot("team-join-page");
            browser.driver().findElement(By.cssSelector("form:has(input[name='flow'][value='werk-jij-diversiteitsproof']) button")).click();
            browser.waitFor(By.cssSelector(".bubble.bot"));
            String url = browser.driver().getCurrentUrl();
            assertTrue(url.matches(".*/c/[0-9a-f-]{36}"), url);
            assertEquals(team.id(), conversations.findById(url.substring(url.lastIndexOf('/') + 1)).orElseThrow().teamId());
        }
    }

    /**
     * An admin's bar on a 360x640 phone: the brand and a menu button on one row, the page's heading on the screen
     * below it; the button (a real one, with aria-expanded, opened with the keyboard and closed with Escape) shows
     * every link on the screen. The bar's eight links took four rows (176 px) in Arabic, the heading half a screen
     * down. On a wide screen the links stay in the bar, without the button.
     */
    @ParameterizedTest
    @ValueSource(strings = {"nl", "ar"})
    void onAPhoneTheBarIsOneRowWithAMenuOfItsLinks(String language) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        accounts.create("beheerder-" + suffix, "een lang genoeg wachtwoord", Role.ADMIN);
        Team team = teams.create("Wijkteam Oude Haven " + suffix, List.of("Noord", "Oude Haven", "Zuidwest"));
        respondents.finish("werk-jij-diversiteitsproof", "nl", Origin.team(team.id()), Map.of("opmerking", "Een gesprek"));
        try (Browser browser = new Browser(language)) {
            browser.phone(360, 640);
            browser.logIn(server.getURL() + "/admin/teams?lang=" + language, "beheerder-" + suffix, "een lang genoeg wachtwoord");
            browser.waitFor(By.id("wijken"));
            String where = "the admin's teams page in " + language + " at 360x640";
            browser.screenshot("admin-bar-" + language + "-360");

            WebElement bar = browser.driver().findElement(By.cssSelector("header.bar"));
            assertTrue(bar.getRect().getHeight() <= 64, where + ": the bar is " + bar.getRect().getHeight() + " px high");
            WebElement heading = browser.driver().findElement(By.tagName("h1"));
            assertTrue(heading.getRect().getY() + heading.getRect().getHeight() <= 640 && heading.isDisplayed(),
                    where + ": the heading is below the screen's edge");
            // a team's card: its facts were one word per line, squeezed beside each other; no count of conversations
            // (an admin who starts k-1 through the join link would see it cross k when one other person began), the
            // way to the team's figures instead
            WebElement card = browser.driver().findElement(By.xpath(
                    "//li[contains(@class,'card')][.//a[@href='/admin/teams/" + team.id() + "?lang=" + language + "']]"));
            browser.driver().executeScript("arguments[0].scrollIntoView()", card);
            browser.screenshot("admin-teams-card-" + language + "-360");
            WebElement figures = card.findElement(By.cssSelector("a[href='/dashboard/teams/" + team.id() + "?lang=" + language + "']"));
            assertEquals(language.equals("nl") ? "Cijfers van dit team" : "أرقام هذا الفريق", figures.getText());
            assertFalse(card.getText().contains(language.equals("nl") ? "Gesprekken" : "المحادثات"), card.getText());
            for (WebElement fact : card.findElements(By.cssSelector(".facts dt, .facts dd"))) {
                long lines = (Long) browser.driver().executeScript("""
                        const line = parseFloat(getComputedStyle(arguments[0]).lineHeight);
                        return Math.round(arguments[0].getBoundingClientRect().height / line);""", fact);
                assertTrue(lines <= 2, where + ": '" + fact.getText() + "' takes " + lines + " lines of the team's card");
            }
            browser.driver().executeScript("scrollTo(0, 0)");
            List<WebElement> links = browser.driver().findElements(By.cssSelector(".bar-nav a, .bar-nav button"));
            assertEquals(7, links.size(), "the admin's four pages, the dashboard, their account and logging out");
            assertTrue(links.stream().noneMatch(WebElement::isDisplayed), where + ": the links wait behind the menu");

            WebElement menu = browser.driver().findElement(By.cssSelector("header.bar button[aria-expanded]"));
            assertEquals("false", menu.getAttribute("aria-expanded"));
            assertEquals("bar-nav", menu.getAttribute("aria-controls"));
            menu.sendKeys(Keys.ENTER);
            browser.waitUntil(d -> links.stream().allMatch(WebElement::isDisplayed));
            assertEquals("true", menu.getAttribute("aria-expanded"));
            browser.screenshot("admin-bar-" + language + "-360-open");
            for (WebElement link : links) {
                assertTrue((Boolean) browser.driver().executeScript("""
                        const r = arguments[0].getBoundingClientRect();
                        return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;""", link),
                        where + ": '" + link.getText() + "' is off the screen in the open menu");
            }
            links.get(0).sendKeys(Keys.ESCAPE);
            browser.waitUntil(d -> links.stream().noneMatch(WebElement::isDisplayed));
            assertEquals("false", menu.getAttribute("aria-expanded"));
            assertEquals(menu, browser.driver().switchTo().activeElement(), "Escape gives the focus back to the button");

            browser.phone(1024, 768);
            browser.waitUntil(d -> links.stream().allMatch(WebElement::isDisplayed));
            assertFalse(menu.isDisplayed(), "on a wide screen the links are in the bar, without the button");
            browser.screenshot("admin-bar-" + language + "-1024");

            // a 320 px phone with the browser's text at 200%: the brand gives way, the button stays on the screen (it
            // was beyond the right edge in Dutch, the left in Arabic, and the page scrolled sideways)
            browser.phone(320, 568);
            browser.driver().executeCdpCommand("Page.setFontSizes", Map.of("fontSizes", Map.of("standard", 32, "fixed", 26)));
            try {
                browser.waitUntil(d -> menu.isDisplayed());
                browser.screenshot("admin-bar-" + language + "-320-large-text");
                assertTrue((Boolean) browser.driver().executeScript("""
                        const r = arguments[0].getBoundingClientRect();
                        return r.left >= 0 && r.right <= document.documentElement.clientWidth
                          && document.documentElement.scrollWidth <= document.documentElement.clientWidth;""", menu),
                        language + ": at 320 px with large text the menu button is on the screen, the page fits its width");
            } finally {
                browser.driver().executeCdpCommand("Page.setFontSizes", Map.of("fontSizes", Map.of("standard", 16, "fixed", 13)));
            }
        }
    }

    /**
     * A refused "open a round" on a 360x640 phone, in Dutch and Arabic. The form is far down the long team page;
     * its reason was shown at the page's top, off the screen, and what the admin typed was gone, so nothing seemed
     * to happen and everything had to be typed again. Now the reason is at the form, on the screen as the page
     * opens (without a script), and the typed values are still in their fields.
     */
    @ParameterizedTest
    @ValueSource(strings = {"nl", "ar"})
    void onAPhoneARefusedRoundShowsItsReasonAtTheFormWithWhatWasTyped(String language) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        accounts.create("beheerder-" + suffix, "een lang genoeg wachtwoord", Role.ADMIN);
        Team team = teams.create("Wijkteam Ronde " + suffix, List.of("Noord", "Oude Haven", "Zuidwest"));
        try (Browser browser = new Browser(language)) {
            browser.phone(360, 640);
            browser.logIn(server.getURL() + "/admin/teams/" + team.id() + "?lang=" + language, "beheerder-" + suffix, "een lang genoeg wachtwoord");
            browser.waitFor(By.id("round-invited"));
            // a closing date in the past: the browser lets it through, the service refuses it
            browser.driver().executeScript("document.getElementById('round-closes').value = '2020-01-31'");
            browser.driver().findElement(By.id("round-invited")).sendKeys("25");
            browser.driver().findElement(By.cssSelector("form[action$='/rounds'] button")).click();

            browser.waitUntil(d -> !d.findElements(By.cssSelector("[role=alert]")).isEmpty()
                    && "complete".equals(d.executeScript("return document.readyState")));
            String where = "a refused round on the team page in " + language + " at 360x640";
            browser.screenshot("admin-round-refused-" + language + "-360");
            assertEquals(language, browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
            WebElement error = browser.driver().findElement(By.cssSelector("[role=alert]"));
            assertEquals(language.equals("nl") ? "Kies een sluitdatum vanaf vandaag." : "اختر تاريخ إغلاق من اليوم فصاعدًا.",
                    error.getText());
            assertTrue(browser.wholeOnScreen(error),
                    where + ": the reason '" + error.getText() + "' is off the screen");
            // and it is at the form: the date it is about is on the same screen (the form was 1,800 px further down)
            assertTrue(browser.wholeOnScreen(browser.driver().findElement(By.id("round-closes"))),
                    where + ": the reason is shown away from the form, whose date field is off the screen");
            assertEquals("25", browser.driver().findElement(By.id("round-invited")).getAttribute("value"),
                    where + ": the number typed is gone");
            assertEquals("2020-01-31", browser.driver().findElement(By.id("round-closes")).getAttribute("value"),
                    where + ": the date typed is gone");
        }
    }

    /**
     * A refused new account on a 360x640 phone, in Dutch and Arabic, below a list of thirty accounts: the reason is at
     * the form and the field it is about, on the screen as the page comes back, with the focus there and the name
     * typed kept. It was an alert at the page's top, thirty accounts above the form.
     */
    @ParameterizedTest
    @ValueSource(strings = {"nl", "ar"})
    void onAPhoneARefusedNewAccountSaysWhyAtItsField(String language) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        accounts.create("beheerder-" + suffix, "een lang genoeg wachtwoord", Role.ADMIN);
        for (int i = 0; i < 30; i++) {
            accounts.create("collega-" + i + "-" + suffix, "een lang genoeg wachtwoord", Role.MANAGER);
        }
        try (Browser browser = new Browser(language)) {
            browser.phone(360, 640);
            browser.logIn(server.getURL() + "/admin/accounts?lang=" + language, "beheerder-" + suffix, "een lang genoeg wachtwoord");
            browser.waitFor(By.id("username")).sendKeys("collega-3-" + suffix);
            browser.driver().findElement(By.id("password")).sendKeys("een ander lang wachtwoord");
            browser.driver().findElement(By.cssSelector("form[action='/admin/accounts'] button")).click();

            browser.waitUntil(d -> !d.findElements(By.cssSelector("[role=alert]")).isEmpty()
                    && "complete".equals(d.executeScript("return document.readyState")));
            String where = "a name taken on the accounts page in " + language + " at 360x640";
            browser.screenshot("admin-account-refused-" + language + "-360");
            WebElement error = browser.driver().findElement(By.cssSelector("[role=alert]"));
            assertTrue(error.getText().contains("collega-3-" + suffix), where + ": " + error.getText());
            assertEquals("username", browser.driver().switchTo().activeElement().getAttribute("id"), where + ": the focus at the name");
            ScreenReader.Node name = new ScreenReader(browser.driver()).node("document.activeElement");
            assertEquals("true", name.property("invalid"), where);
            assertTrue(name.description().contains(error.getText()), where + ": read with why: " + name.description());
            assertEquals("collega-3-" + suffix, browser.driver().findElement(By.id("username")).getAttribute("value"), where);
            for (WebElement onScreen : new WebElement[]{error, browser.driver().findElement(By.id("username"))}) {
                assertTrue(browser.wholeOnScreen(onScreen), where + ": off the screen: " + onScreen.getAttribute("outerHTML"));
            }
        }
    }
    /**
     * An admin on a 360x640 phone sets a new password for a colleague, in Dutch and Arabic, and types the colleague's
     * name: refused. The reason is at the password box, below the role, the state and the heading, on the screen as
     * the page comes back, with the focus in the box, read as refused and why. It was an alert at the page's top, with
     * the focus nowhere.
     */
    @ParameterizedTest
    @ValueSource(strings = {"nl", "ar"})
    void onAPhoneARefusedPasswordOfAColleagueSaysWhyAtThePasswordBox(String language) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        accounts.create("beheerder-" + suffix, "een lang genoeg wachtwoord", Role.ADMIN);
        String colleague = "collega-met-een-lange-naam-" + suffix;
        long id = accounts.create(colleague, "een lang genoeg wachtwoord", Role.MANAGER).id();
        try (Browser browser = new Browser(language)) {
            browser.phone(360, 640);
            browser.logIn(server.getURL() + "/admin/accounts/" + id + "?lang=" + language, "beheerder-" + suffix, "een lang genoeg wachtwoord");
            browser.waitFor(By.id("password")).sendKeys(colleague);
            browser.driver().findElement(By.cssSelector("form[action$='/password'] button")).click();

            browser.waitUntil(d -> !d.findElements(By.cssSelector("[role=alert]")).isEmpty()
                    && "complete".equals(d.executeScript("return document.readyState")));
            String where = "a colleague's name as their password in " + language + " at 360x640";
            browser.screenshot("admin-account-password-refused-" + language + "-360");
            WebElement error = browser.driver().findElement(By.cssSelector("[role=alert]"));
            assertFalse(error.getText().isBlank(), where);
            assertEquals("password", browser.driver().switchTo().activeElement().getAttribute("id"), where + ": the focus at the password");
            ScreenReader.Node box = new ScreenReader(browser.driver()).node("document.activeElement");
            assertEquals("true", box.property("invalid"), where);
            assertTrue(box.description().contains(error.getText()), where + ": read with why: " + box.description());
            for (WebElement onScreen : new WebElement[]{error, browser.driver().findElement(By.id("password"))}) {
                assertTrue(browser.wholeOnScreen(onScreen), where + ": off the screen: " + onScreen.getAttribute("outerHTML"));
            }
        }
    }
}
