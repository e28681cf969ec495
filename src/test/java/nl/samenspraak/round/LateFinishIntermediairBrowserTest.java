package nl.samenspraak.round;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.AnswerQuestion;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.support.SharedService;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the intermediair's phone (390x844, their pages in Dutch): they interviewed an Arabic-speaking resident in the
 * team's open resident round, which the admin closed before they were done. Their result screen shows, as it opens,
 * the notice that these answers do not count in the team's figures: in Arabic, right to left, for the resident, and
 * in Dutch beneath it for the intermediair, who has to explain it; the result's one-line summary above it too.
 */
@SharedService
class LateFinishIntermediairBrowserTest {
    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    Respondents respondents;
    @Inject
    ReadConversation readConversation;
    @Inject
    AnswerQuestion answerQuestion;

    @Test
    void theIntermediairReadsTheNoticeInBothLanguages() {
        LateInterview late = LateInterview.finished(server, accounts, teams, respondents, readConversation, answerQuestion, "ar");
        String id = late.id();

        try (Browser b = new Browser("nl")) {
            b.phone(390, 844);
            b.logIn(server.getURL() + "/intermediair?lang=nl", late.intermediair().username(), LateInterview.PASSWORD);
            b.open(server.getURL() + "/intermediair/c/" + id + "?lang=nl");
            WebElement notice = b.waitFor(By.cssSelector("#result .result-notice"));
            b.waitUntil(d -> "done-note".equals(d.executeScript("return document.activeElement && document.activeElement.id")));
            b.screenshot("late-finish-intermediair-ar-nl");
            assertTrue(b.wholeOnScreen(notice), "on the screen as the result opens");
            WebElement arabic = notice.findElement(By.cssSelector(".original"));
            WebElement dutch = notice.findElement(By.cssSelector(".translation"));
            assertEquals("ar", arabic.getAttribute("lang"));
            assertEquals("rtl", arabic.getAttribute("dir"));
            assertTrue(arabic.getText().startsWith("كانت هذه الجولة قد أُغلقت"), arabic.getText());
            assertEquals("nl", dutch.getAttribute("lang"));
            assertTrue(dutch.getText().startsWith("Deze ronde was al gesloten toen u klaar was."), dutch.getText());
            assertTrue(dutch.getRect().getY() > arabic.getRect().getY(), "the Dutch beneath the Arabic");

            WebElement summary = b.driver().findElement(By.cssSelector("#result .summary-line"));
            assertTrue(b.wholeOnScreen(summary));
            WebElement summaryArabic = summary.findElement(By.cssSelector(".original"));
            assertEquals("ar", summaryArabic.getAttribute("lang"));
            // this interview's one attention point, said as one (not "tips below: 1, the most important first")
            assertEquals("أدناه نصيحة واحدة.", summaryArabic.getText());
            WebElement summaryDutch = summary.findElement(By.cssSelector(".translation"));
            assertEquals("nl", summaryDutch.getAttribute("lang"));
            assertEquals("Hieronder staat één tip.", summaryDutch.getText());
        }
    }
}
