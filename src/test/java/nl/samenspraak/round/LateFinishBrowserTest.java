package nl.samenspraak.round;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.DashboardTeam;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.support.SharedService;
import nl.samenspraak.support.TeamRounds;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a phone, in Dutch and in Arabic: a person who opened their invitation, was still answering when the admin
 * closed the round, and finished in the web chat, sees on the screen with their result, before anything else of
 * it, that their answers do not count in the team's figures.
 */
@SharedService
@Property(name = "samenspraak.dashboard.rounds-only", value = "true")
class LateFinishBrowserTest {
    static final String PASSWORD = "a long enough password";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    Respondents respondents;

    @Test
    void inDutch() {
        finishLate("nl", "Deze ronde was al gesloten toen je klaar was.");
    }

    @Test
    void inArabic() {
        finishLate("ar", "كانت هذه الجولة قد أُغلقت قبل أن تنتهي من الإجابة.");
    }

    private void finishLate(String language, String notice) {
        DashboardTeam t = DashboardTeam.create(server, accounts, teams, respondents, "Laat", PASSWORD, "Noord");
        Team team = t.team;
        TeamRounds rounds = t.rounds;
        long round = rounds.open(team.id(), LateFinishTest.WERK_JIJ, 1);
        String link = rounds.links(round).get(0);
        try (Browser b = new Browser(language)) {
            b.phone(390, 844);
            b.open(server.getURL() + link.substring(link.indexOf("/i/")) + "?lang=" + language);
            b.waitFor(By.id("start")).click();
            b.waitFor(By.cssSelector(".bubble.bot"));
            b.answerByTapping("tekst"); // the first question, then the admin closes the round during the team meeting
            rounds.close(round);
            for (int guard = 0; guard < 40 && b.all(By.cssSelector("#result .tip")).isEmpty(); guard++) {
                b.answerByTapping("tekst");
            }
            WebElement shown = b.waitFor(By.cssSelector("#result .result-notice"));
            // the result page has opened at "Klaar" (chat.js focuses it once it has scrolled there)
            b.waitUntil(d -> "done-note".equals(d.executeScript("return document.activeElement && document.activeElement.id")));
            b.screenshot("late-finish-" + language);
            assertTrue(b.wholeOnScreen(shown), "on the screen as the result opens: " + b.driver().executeScript(
                    "const r = arguments[0].getBoundingClientRect(); return r.top + ' ' + r.bottom + ' ' + window.innerHeight;", shown));
            assertTrue(shown.getText().startsWith(notice), shown.getText());
            assertEquals(language, b.driver().findElement(By.tagName("html")).getAttribute("lang"));
        }
    }
}
