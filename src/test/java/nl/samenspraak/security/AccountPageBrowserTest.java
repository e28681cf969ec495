package nl.samenspraak.security;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.ScreenReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A refused change of password on a 360x640 phone, in Dutch and Arabic, by an intermediair (whose account page has the
 * choice of their own language above the password form): the reason is at the field it is about, on the screen as the
 * page comes back, the focus in that field, which a screen reader reads as refused and why. It was an alert at the
 * top of the page with the focus nowhere, the field it was about unmarked.
 */
@MicronautTest(transactional = false)
class AccountPageBrowserTest {
    static final String PASSWORD = "een lang genoeg wachtwoord";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;

    @ParameterizedTest
    @CsvSource({
            "nl, wrong current, current, Je huidige wachtwoord klopt niet.",
            "ar, wrong current, current, كلمة المرور الحالية غير صحيحة.",
            "nl, repeat differs, repeat, De twee nieuwe wachtwoorden zijn niet gelijk.",
            "ar, too short, password, يجب أن تتكوّن كلمة المرور من 12 حرفًا على الأقل."})
    void aRefusedPasswordChangeSaysWhyAtItsField(String language, String mistake, String field, String reason) {
        String name = "sleutelpersoon-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, PASSWORD, Role.INTERMEDIAIR);
        try (Browser browser = new Browser(language)) {
            browser.phone(360, 640);
            browser.logIn(server.getURL() + "/account?lang=" + language, name, PASSWORD);
            browser.waitFor(By.id("current")).sendKeys(mistake.equals("wrong current") ? "niet het wachtwoord" : PASSWORD);
            String next = mistake.equals("too short") ? "kort" : "een nieuw lang wachtwoord";
            browser.driver().findElement(By.id("password")).sendKeys(next);
            browser.driver().findElement(By.id("repeat")).sendKeys(mistake.equals("repeat differs") ? next + "!" : next);
            // past the browser's own minimum length check, as a client without it would send it
            browser.driver().executeScript("document.querySelectorAll('input[minlength]').forEach(i => i.removeAttribute('minlength'))");
            browser.driver().findElement(By.cssSelector("form[action='/account/password'] button")).click();

            browser.waitUntil(d -> !d.findElements(By.cssSelector("[role=alert]")).isEmpty()
                    && "complete".equals(d.executeScript("return document.readyState")));
            String where = mistake + " on the account page in " + language + " at 360x640";
            browser.screenshot("account-refused-" + field + "-" + language + "-360");
            WebElement error = browser.driver().findElement(By.cssSelector("[role=alert]"));
            assertEquals(reason, error.getText(), where);
            assertEquals(field, browser.driver().switchTo().activeElement().getAttribute("id"), where + ": the focus at its field");
            ScreenReader.Node focused = new ScreenReader(browser.driver()).node("document.activeElement");
            assertEquals("true", focused.property("invalid"), where);
            assertTrue(focused.description().contains(reason), where + ": read with why: " + focused.description());
            for (WebElement onScreen : new WebElement[]{error, browser.driver().findElement(By.id(field))}) {
                assertTrue(browser.wholeOnScreen(onScreen), where + ": off the screen: " + onScreen.getAttribute("outerHTML"));
            }
        }
    }
}
