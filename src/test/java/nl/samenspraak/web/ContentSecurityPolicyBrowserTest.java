package nl.samenspraak.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.conversation.StartConversation;
import nl.samenspraak.flow.Channel;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.FlowPageCharts;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages still work under the Content-Security-Policy (issue 9, item 5): at phone size, the web chat walks to its
 * result and the manager's charts are drawn, and the browser reports no violation of the policy on the way. A
 * listener installed before any page script (over the DevTools protocol, which the policy does not govern) collects
 * every {@code securitypolicyviolation} event.
 */
@MicronautTest(transactional = false)
class ContentSecurityPolicyBrowserTest {
    static final String PASSWORD = "een lang genoeg wachtwoord";
    private static final String LISTEN = "window.__csp = []; document.addEventListener('securitypolicyviolation',"
            + " function (e) { window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber); });";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    StartConversation startConversation;
    @Inject
    Respondents respondents;

    private static void listen(Browser browser) {
        browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", LISTEN));
    }

    private static void assertNoViolation(Browser browser, String where) {
        Object seen = browser.driver().executeScript("return window.__csp === undefined ? null : window.__csp;");
        assertTrue(seen instanceof List<?>, where + ": the listener was installed");
        assertEquals(List.of(), seen, where + ": CSP violations");
    }

    private static String question(Browser browser) {
        List<WebElement> bots = browser.driver().findElements(By.cssSelector(".bubble.bot"));
        return bots.isEmpty() ? "" : bots.get(bots.size() - 1).getText();
    }

    private static void tap(Browser browser, String label) {
        browser.waitFor(By.xpath("//footer[@id='answer-area']//button[normalize-space(.)='" + label + "']")).click();
    }

    @Test
    void theWebChatAtPhoneSizeWorksToItsResultWithoutAViolation() {
        try (Browser browser = new Browser("nl")) {
            browser.phone(360, 740);
            listen(browser);
            browser.open(server.getURL() + "/?lang=nl");
            browser.waitFor(By.cssSelector("form[action='/start'] button"));
            assertNoViolation(browser, "start page");
            // a form from our own page (POST /start) goes through: the referrer policy keeps a real Origin on our own forms
            browser.waitFor(By.cssSelector("form[action='/start']:has(input[name='flow'][value='voorbeeld']) button")).click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("/c/"));
            browser.waitFor(By.cssSelector(".bubble.bot"));
            assertNoViolation(browser, "chat started from the start page");
            browser.open(server.getURL() + "/login?lang=nl");
            browser.waitFor(By.id("username"));
            assertNoViolation(browser, "login page");

            String id = startConversation.start("voorbeeld", "nl", Channel.WEB).state().id();
            browser.open(server.getURL() + "/c/" + id);
            browser.waitUntil(d -> question(browser).contains("Welkom!"));
            tap(browser, "Verder");
            browser.waitUntil(d -> question(browser).contains("In welke rol"));
            tap(browser, "Vrijwilliger");
            browser.waitUntil(d -> question(browser).contains("Hoeveel jaar"));
            browser.waitFor(By.id("back")).click();
            browser.waitUntil(d -> question(browser).contains("In welke rol"));
            browser.waitFor(By.cssSelector("#menu > summary")).click();
            browser.waitFor(By.id("resume-code"));
            assertNoViolation(browser, "chat");

            // a finished conversation's result page, with its score bars sized by script (no style attribute)
            String done = respondents.finish("voorbeeld", "nl", Origin.NONE, Map.of());
            browser.open(server.getURL() + "/c/" + done);
            browser.waitFor(By.cssSelector("#result"));
            assertNoViolation(browser, "result");

            // the listener does see a violation: an inline script is refused and reported
            browser.driver().executeScript("var s = document.createElement('script'); s.textContent = 'window.__ran = 1;';"
                    + " document.body.appendChild(s);");
            browser.waitUntil(d -> !((List<?>) d.executeScript("return window.__csp;")).isEmpty());
            assertEquals(null, browser.driver().executeScript("return window.__ran === undefined ? null : window.__ran;"),
                    "an inline script does not run");
        }
    }

    @Test
    void theDashboardsChartsAreDrawnWithoutAViolation() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Team team = teams.create("CSP team " + suffix, List.of("Haven"));
        Account manager = accounts.create("csp-manager-" + suffix, PASSWORD, Role.MANAGER);
        teams.addMember(team.id(), manager.id());
        for (int i = 0; i < 6; i++) {
            respondents.finish("werk-jij-diversiteitsproof", "nl", Origin.team(team.id()),
                    Map.of("netwerk_vindplaatsen", String.valueOf(1 + i % 5)));
        }
        try (Browser browser = new Browser("nl")) {
            listen(browser);
            browser.logIn(server.getURL() + "/dashboard", manager.username(), PASSWORD);
            browser.waitUntil(d -> d.findElement(By.tagName("h1")).getText().equals("Dashboard"));
            browser.open(server.getURL() + "/dashboard/teams/" + team.id() + "/flows/werk-jij-diversiteitsproof");
            // every chart drawn: on this phone-sized window the groups of questions start folded
            FlowPageCharts.openEveryGroup(browser);
            assertNoViolation(browser, "dashboard");
        }
    }
}
