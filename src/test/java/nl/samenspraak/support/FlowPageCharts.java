package nl.samenspraak.support;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The dashboard's charts as a manager meets them: drawn when they can be seen, which on a phone (up to 40rem, the
 * browsers' default 390 px too) leaves those in the flow page's folded groups until a group opens.
 */
public final class FlowPageCharts {
    private FlowPageCharts() {
    }

    /** Waits until the charts the manager can see are drawn: all but those in a folded group. */
    public static void drawn(Browser browser) {
        browser.waitUntil(d -> (Boolean) d.executeScript("const all = [...document.querySelectorAll('canvas[data-chart]')]"
                + ".filter(c => !c.closest('details:not([open])'));"
                + " return typeof Chart !== 'undefined' && all.length > 0 && all.every(c => Chart.getChart(c) !== undefined);"));
    }

    /** Opens every folded group of questions on the flow page, as a manager taps its title, and waits for its charts. */
    public static void openEveryGroup(Browser browser) {
        for (WebElement title : browser.driver().findElements(By.cssSelector("details.dimension-group:not([open]) > summary"))) {
            title.click();
        }
        assertEquals(0L, browser.driver().executeScript("return document.querySelectorAll('details.dimension-group:not([open])').length;"),
                "every group open");
        drawn(browser);
    }
}
