package nl.samenspraak.dashboard;

import nl.samenspraak.support.Respondents;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.intermediair.ResidentLinks;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.DashboardTeam;
import nl.samenspraak.support.SmallCellChecker;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A manager compares and drills down on a phone (390 x 844) and a laptop (1280 x 800), in Dutch and Arabic: the
 * wijken side by side show Zuid and "other wijken" only (the cell rule holds per wijk and round: Noord has 7 of k = 10
 * in round 2, West 3; Zuid has 10 in round 1 and none in round 2), the rounds and the 2016 survey side by side, nothing sticks out sideways and charts are drawn;
 * the flow page's filter applies without a full reload and its drop-downs stay in line beside a note; a search on
 * a question's page finds a free text, and a theme given to it shows. On the phone every link and button that stands
 * on its own (the account bar's, the tables of contents', the crumbs) is a target of at least 44 x 44 px; on the
 * laptop the account bar keeps its slim row. Screenshots in target/screenshots.
 */
@MicronautTest(transactional = false)
@Property(name = "samenspraak.dashboard.rounds-only", value = "true")
class CompareBrowserTest {
    static final String PASSWORD = "een lang genoeg wachtwoord";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    Respondents respondents;
    @Inject
    ResidentLinks residentLinks;

    DashboardTeam fixture;

    @BeforeEach
    void rounds() {
        fixture = DashboardTeam.create(server, accounts, teams, respondents, "Wijkteam Zuid", PASSWORD, "Noord", "Zuid", "West");
        long team = fixture.team.id();
        fixture.rounds.run(team, CompareTest.WERK_JIJ, 6, 6, i -> RoundSummaryTest.answers(false));
        fixture.rounds.run(team, CompareTest.WERK_JIJ, 6, 5, i -> RoundSummaryTest.answers(i % 2 == 0));
        Map<String, Integer> first = new LinkedHashMap<>();
        first.put("Noord", 12);
        first.put("Zuid", 10);
        fixture.rounds.runResident(team, CompareTest.WIJKANALYSE, residentLinks, first,
                (w, i) -> CompareTest.resident(i == 3 && w.equals("Noord") ? "De speeltuin bij de school is fijn" : "Rustig wonen " + w + i));
        Map<String, Integer> second = new LinkedHashMap<>();
        second.put("Noord", 7);
        second.put("West", 3);
        fixture.rounds.runResident(team, CompareTest.WIJKANALYSE, residentLinks, second, (w, i) -> CompareTest.resident("Later " + w + i));
    }

    void login(Browser browser, String language) {
        browser.logIn(server.getURL() + "/dashboard?lang=" + language, fixture.managerAccount.username(), PASSWORD);
        browser.waitFor(By.cssSelector("main h1"));
    }

    void drawn(Browser browser, String canvas) {
        browser.waitUntil(d -> (Boolean) d.executeScript("const c = document.getElementById(arguments[0]);"
                + " return c !== null && Chart.getChart(c) !== undefined;", canvas));
        Map<?, ?> box = (Map<?, ?>) browser.driver().executeScript("const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                + " return {w: r.width, h: r.height, vw: innerWidth};", canvas);
        assertTrue(((Number) box.get("w")).doubleValue() <= ((Number) box.get("vw")).doubleValue(), canvas + " fits the width: " + box);
        assertTrue(((Number) box.get("h")).doubleValue() >= 150, canvas + " is tall enough to read: " + box);
    }

    /**
     * Nothing is wider than the screen. A phone widens its page to what sticks out (innerWidth grows with it), so the
     * page is measured against the width of the screen it was laid out for, the root's clientWidth.
     */
    static void nothingSticksOut(Browser browser, String where) {
        Map<?, ?> box = (Map<?, ?>) browser.driver().executeScript(
                "return {scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth, inner: innerWidth};");
        assertTrue(((Number) box.get("scroll")).doubleValue() <= ((Number) box.get("width")).doubleValue(),
                where + ": nothing sticks out sideways: " + box);
        assertEquals(box.get("width"), box.get("inner"), where + ": the page was not widened beyond the screen: " + box);
    }

    /** The elements {@code selector} finds that are (partly) beyond the screen's left or right edge. */
    @SuppressWarnings("unchecked")
    static List<Object> outsideTheScreen(Browser browser, String selector) {
        return (List<Object>) browser.driver().executeScript("""
                const w = document.documentElement.clientWidth, out = [];
                for (const e of document.querySelectorAll(arguments[0])) {
                  const r = e.getBoundingClientRect();
                  if (r.width > 0 && (r.left < -0.5 || r.right > w + 0.5))
                    out.push(e.textContent.trim() + ' ' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + w);
                }
                return out;""", selector);
    }

    /**
     * The words in the cells of the page's figure tables that a column too narrow broke over two lines, letters apart
     * ("Onde / rdeel", "75-1 / 00"): on a phone a table wider than the screen scrolls in its own box instead.
     */
    @SuppressWarnings("unchecked")
    static List<Object> brokenWords(Browser browser) {
        return (List<Object>) browser.driver().executeScript("""
                const out = [];
                for (const cell of document.querySelectorAll('table.figures th, table.figures td')) {
                  if (cell.getBoundingClientRect().width === 0) continue;
                  const texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                  for (let n = texts.nextNode(); n; n = texts.nextNode()) {
                    for (const m of n.data.matchAll(/\\S+/g)) {
                      const word = document.createRange();
                      word.setStart(n, m.index);
                      word.setEnd(n, m.index + m[0].length);
                      const lines = new Set([...word.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                      if (lines.size > 1) out.push(m[0] + ' (' + (cell.closest('table').id || 'table') + ')');
                    }
                  }
                }
                return out;""");
    }

    /**
     * The links and buttons of a staff page smaller than 44 x 44 px: the account bar's, a table of contents', and any
     * other that stands on its own (a link inside a sentence is exempt, as WCAG's target size allows); on a round's
     * summary, which fits one phone screen, its dense lists and links at least 24 x 24 px (WCAG 2.2's minimum).
     */
    @SuppressWarnings("unchecked")
    static List<Object> smallTargets(Browser browser) {
        return (List<Object>) browser.driver().executeScript("""
                // a round's summary is one phone screen: its crumb, lists and row of links meet WCAG 2.2's 24 px
                const dense = e => e.closest('.summary-page :is(.crumbs, .summary-links, .extremes)');
                const out = [];
                for (const e of document.querySelectorAll('a[href], button, summary, select, input:not([type=hidden])')) {
                  const r = e.getBoundingClientRect();
                  if (r.width === 0 || e.closest('[hidden], .sr-only, .chart')) continue;
                  const block = e.parentElement.closest('p, li, dd, td, th, h1, h2, h3, h4, label, legend, caption, span.hint');
                  const own = (e.textContent || '').trim().length;
                  const around = block ? block.textContent.replace(/\\s+/g, ' ').trim().length : own;
                  if (!e.closest('.bar, .toc') && block && around > own + 3) continue;
                  const least = dense(e) ? 23.5 : 43.5;
                  if (r.height < least || r.width < least)
                    out.push(e.tagName.toLowerCase() + ' "' + (e.textContent || e.value || e.name || '').trim().slice(0, 30) + '" '
                      + Math.round(r.width) + 'x' + Math.round(r.height));
                }
                return out;""");
    }

    /**
     * On a phone every target is at least 44 x 44 px; on a laptop with a mouse the account bar keeps its one slim row
     * of 56 px (the compact look, which meets WCAG 2.2's 24 px minimum).
     */
    static void assertTargetsBigEnough(Browser browser, String where) {
        if (browser.driver().executeScript("return innerWidth").equals(1280L)) {
            Number bar = (Number) browser.driver().executeScript("return document.querySelector('header.bar').getBoundingClientRect().height");
            assertTrue(bar.doubleValue() <= 56, where + ": the account bar is " + bar + " px high");
        } else {
            assertEquals(List.of(), smallTargets(browser), where + ": targets smaller than 44 x 44 px");
        }
    }

    @Test
    void compareShowsOnlyGroupsOfKAndDrillDownFindsAndTagsAText() {
        String base = server.getURL().toString();
        boolean tagged = false;
        for (String language : List.of("nl", "ar")) {
            try (Browser browser = new Browser(language)) {
                login(browser, language);
                for (int[] size : new int[][]{{390, 844}, {1280, 800}}) {
                    browser.phone(size[0], size[1]);
                    String where = language + " " + size[0] + "x" + size[1];

                    browser.open(base + fixture.flow(CompareTest.WIJKANALYSE, "/summary?lang=" + language));
                    assertTargetsBigEnough(browser, where + ", summary");
                    browser.waitFor(By.id("compare-link")).click();
                    browser.waitFor(By.id("table-wijken"));
                    drawn(browser, "chart-wijken");
                    String wijken = browser.driver().findElement(By.id("table-wijken")).getText();
                    assertTrue(wijken.contains("Zuid"), where + ": " + wijken);
                    assertFalse(wijken.contains("Noord") || wijken.contains("West"),
                            where + ": no wijk with a small round (two days apart, a round's few would show): " + wijken);
                    String page = browser.driver().getPageSource();
                    new SmallCellChecker(10).page(page);
                    nothingSticksOut(browser, where);
                    browser.driver().executeScript("document.getElementById('wijken').scrollIntoView();");
                    browser.screenshot("compare-wijken-" + language + "-" + size[0]);

                    browser.open(base + fixture.flow(CompareTest.WERK_JIJ, "/compare?lang=" + language));
                    // on a phone the rounds side by side with the parts as rows (PhoneDashboardBrowserTest)
                    browser.waitFor(By.id(size[0] <= 640 ? "table-rounds-by-part" : "table-rounds"));
                    assertTargetsBigEnough(browser, where + ", compare");
                    drawn(browser, "chart-rounds");
                    // each round's name on the axis whole on the canvas: in Arabic (the axis reversed) the latest round's
                    // "الجولة 3" was cut at the left edge to "الجول"
                    assertEquals(List.of(), browser.driver().executeScript("""
                            const chart = Chart.getChart(document.getElementById('chart-rounds'));
                            const ctx = chart.ctx;
                            return chart.scales.x.getLabelItems().map(it => {
                              ctx.save(); ctx.font = (it.font || it.options.font).string;
                              const lines = Array.isArray(it.label) ? it.label : [it.label];
                              const w = Math.max(...lines.map(l => ctx.measureText(String(l)).width)); ctx.restore();
                              const x = it.options.translation[0], align = it.options.textAlign;
                              const left = align === 'left' ? x : align === 'right' ? x - w : x - w / 2;
                              return left >= -1 && left + w <= chart.width + 1 ? null : lines.join(' ') + ': ' + Math.round(left) + '..' + Math.round(left + w) + ' of ' + chart.width;
                            }).filter(Boolean);"""), where + ": the rounds' names on the axis are whole");
                    assertTrue(browser.driver().findElement(By.id("survey-netwerk_sleutelpersonen")).isDisplayed(), where);
                    new SmallCellChecker(5).page(browser.driver().getPageSource());
                    nothingSticksOut(browser, where);
                    assertEquals(List.of(), brokenWords(browser), where + ", compare: words broken in a table's cell");
                    assertEquals(List.of(), new nl.samenspraak.support.ScreenReader(browser.driver()).unnamedTables(),
                            where + ", compare: tables a screen reader names (this team's, the national figures, the change)");
                    browser.screenshot("compare-rounds-" + language + "-" + size[0]);
                    // a table wider than its box says so with a shade at the edge it goes on beyond
                    assertEquals(List.of(), browser.driver().executeScript("""
                            return Array.from(document.querySelectorAll('.table-scroll'))
                              .filter(t => t.scrollWidth > t.clientWidth + 1
                                && !getComputedStyle(t).backgroundImage.includes('radial-gradient'))
                              .map(t => t.querySelector('table')?.id || 'a table');"""), where + ": wide tables without a hint");
                    browser.driver().executeScript("document.getElementById('survey').scrollIntoView();");
                    browser.screenshot("compare-survey-" + language + "-" + size[0]);

                    // the flow page: a filter applies without reloading the page, the drop-downs stay in one line
                    browser.open(base + fixture.flow(CompareTest.WIJKANALYSE, "?lang=" + language));
                    browser.waitFor(By.id("filter-form"));
                    assertTargetsBigEnough(browser, where + ", flow");
                    assertEquals(List.of(), brokenWords(browser), where + ", flow: words broken in a table's cell");
                    nothingSticksOut(browser, where + ", flow");
                    if (size[0] >= 1280) {
                        Object tops = browser.driver().executeScript("return Array.from(document.querySelectorAll('.filters select'))"
                                + ".map(s => Math.round(s.getBoundingClientRect().top));");
                        assertEquals(1, ((List<?>) tops).stream().distinct().count(), where + ": drop-downs in one line: " + tops);
                    }
                    browser.driver().executeScript("window.stayed = true;");
                    WebElement period = browser.driver().findElement(By.id("period"));
                    String value = period.findElements(By.tagName("option")).get(1).getAttribute("value");
                    browser.driver().executeScript("const s = document.getElementById('period'); s.value = arguments[0];"
                            + " s.dispatchEvent(new Event('change'));", value);
                    browser.waitUntil(d -> d.getCurrentUrl().contains("period=" + value)
                            && d.findElement(By.id("period")).getAttribute("value").equals(value));
                    assertEquals(Boolean.TRUE, browser.driver().executeScript("return window.stayed === true;"),
                            where + ": the filter applied without a full reload");
                    new SmallCellChecker(10).page(browser.driver().getPageSource());
                    browser.screenshot("flow-filtered-" + language + "-" + size[0]);

                    // drill down to the free texts, search them without a reload
                    WebElement drill = browser.driver().findElement(By.cssSelector("a[href*='/questions/goed_in_wijk?']"));
                    // on a phone the questions' groups start folded (PhoneDashboardBrowserTest): the manager opens its group
                    WebElement group = drill.findElement(By.xpath("ancestor::details[1]"));
                    if (group.getAttribute("open") == null) {
                        group.findElement(By.tagName("summary")).click();
                    }
                    drill.click();
                    browser.waitFor(By.id("search")).sendKeys("speeltuin");
                    browser.driver().executeScript("window.stayed = true;");
                    browser.driver().findElement(By.cssSelector("#search-form button[type=submit]")).click();
                    browser.waitUntil(d -> d.findElements(By.cssSelector("#text-results .free-text")).size() == 1);
                    assertTargetsBigEnough(browser, where + ", question");
                    assertEquals(Boolean.TRUE, browser.driver().executeScript("return window.stayed === true;"), where + ": searched in place");
                    WebElement text = browser.driver().findElement(By.cssSelector("#text-results .free-text"));
                    assertTrue(text.getText().contains("De speeltuin bij de school is fijn"), where);
                    if (!tagged) {
                        text.findElement(By.name("theme")).sendKeys("spelen");
                        text.findElement(By.cssSelector(".tag-form button")).click();
                        tagged = true;
                    }
                    browser.waitFor(By.cssSelector("#text-results .theme"));
                    assertTrue(browser.driver().findElement(By.cssSelector("#text-results .theme")).getText().contains("spelen"), where);
                    new SmallCellChecker(10).page(browser.driver().getPageSource());
                    nothingSticksOut(browser, where);
                    browser.screenshot("drill-down-" + language + "-" + size[0]);
                }
            }
        }
    }
}
