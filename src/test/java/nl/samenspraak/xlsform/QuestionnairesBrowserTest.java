package nl.samenspraak.xlsform;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A policy officer uploads a spreadsheet with mistakes from a phone: each problem's sheet, row, column and what is
 * wrong can be read at 390 px without scrolling sideways. The table's cells did not wrap: the page was 657 to 1,163 px
 * wide and the column that says what is wrong, the one that matters, was off the screen (the XLSForm probe).
 */
@MicronautTest(transactional = false)
class QuestionnairesBrowserTest {
    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;

    @Test
    void onAPhoneEveryProblemOfAnUploadIsReadWithoutScrollingSideways() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        accounts.create("beleid-" + suffix, "een lang genoeg wachtwoord", Role.ADMIN);
        Path form = Files.createTempFile("buurtpeiling-", ".xlsx");
        // a refused feature, and a condition naming a long unknown name: one unbroken word that set the column's width
        Files.write(form, SampleForms.buurtpeilingWith(3, "relevant", "${aantal_kinderen_onder_de_achttien_jaar_in_huis}>0").bytes());
        try (Browser browser = new Browser("nl")) {
            browser.phone(390, 844);
            browser.logIn(server.getURL() + "/admin/questionnaires?lang=nl", "beleid-" + suffix, "een lang genoeg wachtwoord");
            browser.waitFor(By.id("file")).sendKeys(form.toAbsolutePath().toString());
            browser.driver().findElement(By.cssSelector("form[action='/admin/questionnaires'] button")).click();
            browser.waitFor(By.cssSelector("tr.problem"));
            browser.screenshot("questionnaire-problems-390");
            assertTrue((Boolean) browser.driver().executeScript(
                    "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
                    "the page scrolls sideways at 390 px");
            List<WebElement> cells = browser.all(By.cssSelector("tr.problem td"));
            assertFalse(cells.isEmpty());
            for (WebElement cell : cells) {
                browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", cell);
                assertTrue(browser.wholeOnScreen(cell), "on the screen: " + cell.getText());
            }
            assertTrue(cells.stream().anyMatch(c -> c.getText().contains("aantal_kinderen")), "the long name is said");
        } finally {
            Files.deleteIfExists(form);
        }
    }
}
