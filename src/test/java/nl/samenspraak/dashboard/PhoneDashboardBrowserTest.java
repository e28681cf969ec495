package nl.samenspraak.dashboard;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import nl.samenspraak.intermediair.ResidentLinks;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.DashboardTeam;
import nl.samenspraak.support.FlowPageCharts;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.support.SharedService;
import nl.samenspraak.team.Teams;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PrintOptions;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A manager reviews the team's figures on a 360 x 640 phone, in Dutch and Arabic. The flow page, 12,000 to 18,000 px
 * long with every dimension's questions open, starts with its groups folded: a few screens with the trend and the
 * groups' titles, which are the contents there (the list of the same names above them shows on a laptop). A title
 * tapped opens its group with its first question on the screen and its charts drawn to the phone's width (a folded
 * group's charts wait until it opens); the summary's link to a dimension, and an address naming a question, open
 * that group with it in view; a filter keeps the group the manager opened open and the others folded; on paper every
 * group is there, with its charts. On a laptop (1280 x 800) every group is open as before. The trend's table shows
 * the parts as rows and the periods as columns; one wider than the phone (the scores', a column per band) scrolls in
 * its box with a shade at the edge it goes on beyond. On the
 * comparison page every table fits the phone's width with two rounds: the rounds side by side with the parts as rows
 * (as columns the seven parts needed up to 570 px), and the change beside two rounds, each round's name with its date
 * on a line of its own. Screenshots in target/screenshots (phone-*).
 */
@SharedService
@Property(name = "samenspraak.dashboard.rounds-only", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneDashboardBrowserTest {
    static final String PASSWORD = "een lang genoeg wachtwoord";
    static final int PHONE_WIDTH = 360;
    static final int PHONE_HEIGHT = 640;

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

    @BeforeAll
    void rounds() {
        fixture = DashboardTeam.create(server, accounts, teams, respondents, "Wijkteam Zuid", PASSWORD, "Noord", "Zuid");
        long team = fixture.team.id();
        fixture.rounds.run(team, CompareTest.WERK_JIJ, 6, 6, i -> RoundSummaryTest.answers(false));
        fixture.rounds.run(team, CompareTest.WERK_JIJ, 6, 5, i -> RoundSummaryTest.answers(i % 2 == 0));
        Map<String, Integer> wijken = new LinkedHashMap<>();
        wijken.put("Noord", 12);
        wijken.put("Zuid", 10);
        fixture.rounds.runResident(team, CompareTest.WIJKANALYSE, residentLinks, wijken, (w, i) -> CompareTest.resident("Rustig wonen " + w + i));
    }

    Browser loggedIn(String language) {
        Browser browser = new Browser(language);
        browser.logIn(server.getURL() + "/dashboard?lang=" + language, fixture.managerAccount.username(), PASSWORD);
        browser.waitFor(By.cssSelector("main h1"));
        return browser;
    }

    /** Opens the flow page at {@code rest} ("?lang=nl#dim-kennis") and waits until its charts are drawn. */
    void flowPage(Browser browser, String rest) {
        browser.open(server.getURL() + fixture.flow(CompareTest.WERK_JIJ, rest));
        FlowPageCharts.drawn(browser);
    }

    /**
     * The charts of a group as the manager sees them once it is open, as "width x height" each, or "not drawn" (a
     * chart drawn while its group was folded had no room to measure).
     */
    @SuppressWarnings("unchecked")
    static List<Object> chartSizes(Browser browser, String group) {
        return (List<Object>) browser.driver().executeScript("""
                return [...document.querySelectorAll('#' + arguments[0] + ' canvas[data-chart]')].map(c =>
                  Chart.getChart(c) === undefined ? 'not drawn' : Math.round(c.getBoundingClientRect().width) + 'x'
                    + Math.round(c.getBoundingClientRect().height));""", group);
    }

    /** Whether the group's charts are each drawn, at least 250 px wide and 100 px tall. */
    static boolean chartsShowIn(Browser browser, String group) {
        List<Object> sizes = chartSizes(browser, group);
        return !sizes.isEmpty() && sizes.stream().map(Object::toString).allMatch(s -> s.matches("\\d+x\\d+")
                && Integer.parseInt(s.split("x")[0]) >= 250 && Integer.parseInt(s.split("x")[1]) >= 100);
    }

    /** The ids of the dimension groups that are open. */
    @SuppressWarnings("unchecked")
    static List<Object> openGroups(Browser browser) {
        return (List<Object>) browser.driver().executeScript(
                "return [...document.querySelectorAll('details.dimension-group[open]')].map(g => g.id);");
    }

    static long pageHeight(Browser browser) {
        return ((Number) browser.driver().executeScript("return document.documentElement.scrollHeight;")).longValue();
    }

    /** The title of the group's first question, as the manager reads it. */
    static WebElement firstQuestionTitle(Browser browser, String group) {
        return browser.driver().findElement(By.cssSelector("#" + group + " article.question h3"));
    }

    /** The bar charts lying down whose widest label is wider than its axis has room for (Chart.js cuts it at the edge). */
    private static final String CUT_LABELS = """
            const cut = [];
            for (const c of document.querySelectorAll('canvas[data-chart]')) {
              const chart = Chart.getChart(c);
              if (!chart || chart.options.indexAxis !== 'y' || !c.getClientRects().length) continue;
              const y = chart.scales.y;
              if (y._labelSizes && y._labelSizes.widest.width > y.width + 1) {
                cut.push(c.id + ': a label of ' + Math.round(y._labelSizes.widest.width) + ' px beside an axis of ' + Math.round(y.width));
              }
            }
            return cut;""";

    /**
     * On the smallest phone (320 px) every group open: nothing makes the page wider than the screen, and every
     * chart's labels fit beside its bars. An answer table with "migrantenorganisatie" was 318 px in a 288 px column
     * (the page slid sideways), and the chart above it showed "...antenorganisatie of ...", its start cut off.
     */
    @Test
    void onTheSmallestPhoneNoQuestionRunsOffThePageAndEveryChartLabelFits() {
        List<String> problems = new ArrayList<>();
        for (String language : List.of("nl", "ar")) {
            try (Browser browser = loggedIn(language)) {
                browser.phone(320, 568);
                flowPage(browser, "?lang=" + language);
                FlowPageCharts.openEveryGroup(browser);
                long wide = ((Number) browser.driver().executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
                if (wide > 0) {
                    problems.add(language + ": the page is " + wide + " px wider than the screen");
                }
                for (Object label : (List<?>) browser.driver().executeScript(CUT_LABELS)) {
                    problems.add(language + ": " + label);
                }
                // the question whose answers are the longest words: its chart and its table
                browser.driver().executeScript("document.getElementById('chart-q11-1').scrollIntoView();");
                browser.screenshot("phone-flow-open-320-" + language);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theFlowPageOnAPhoneStartsFoldedAndOpensTheGroupAsked() throws Exception {
        for (String language : List.of("nl", "ar")) {
            try (Browser browser = loggedIn(language)) {
                browser.phone(PHONE_WIDTH, PHONE_HEIGHT);
                flowPage(browser, "?lang=" + language);
                List<WebElement> titles = browser.driver().findElements(By.cssSelector("details.dimension-group > summary"));
                assertTrue(titles.size() >= 5, language + ": a group per dimension (and one for the other questions)");
                assertEquals(List.of(), openGroups(browser), language + ": every group folded on a phone");
                long folded = pageHeight(browser);
                assertTrue(folded <= 5 * PHONE_HEIGHT, language + ": the page is a few screens long, not " + folded + " px");
                for (WebElement title : titles) {
                    assertTrue(title.isDisplayed(), language + ": the group's title shows: " + title.getText());
                }
                assertTrue(browser.driver().findElement(By.id("trend-title")).isDisplayed(), language + ": the trend");
                // the trend's figures with the parts as rows and the periods as columns: a column per part needed
                // 440 to 680 px; the same figures, and they fit
                assertTrue(browser.driver().findElement(By.id("table-trend-by-part")).isDisplayed(), language + ": the trend on its side");
                assertTrue(!browser.driver().findElement(By.id("table-trend")).isDisplayed(), language + ": a column per part");
                assertEquals(transposed(table(browser, "table-trend")), withoutCorner(table(browser, "table-trend-by-part")),
                        language + ": the same figures on their side");
                // the scores' table, a column per band, was 726 px wide at 390 and scrolled in its box: the same
                // figures a part at a time, each figure with its name, and nothing on the page scrolls sideways
                assertTrue(!browser.driver().findElement(By.id("table-scores")).isDisplayed(), language + ": a column per band");
                WebElement cards = browser.driver().findElement(By.id("scores-by-part"));
                assertTrue(cards.isDisplayed(), language + ": the scores a part at a time");
                assertEquals(asCards(table(browser, "table-scores")), cards(browser), language + ": the same figures");
                assertEquals(Map.of(), scrolling(browser), language);
                assertEquals(0L, ((Number) browser.driver().executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue(), language);
                browser.driver().executeScript("arguments[0].scrollIntoView();", cards);
                browser.screenshot("phone-flow-scores-" + language);
                // the groups' titles are the contents: no list of the same names above them
                assertTrue(!browser.driver().findElement(By.cssSelector("nav.toc")).isDisplayed(), language + ": the names twice");
                browser.driver().executeScript("document.getElementById('questions-title').scrollIntoView();");
                browser.screenshot("phone-flow-folded-" + language);

                // a group's title tapped: the group opens, its first question on the screen
                WebElement skills = browser.driver().findElement(By.cssSelector("#dim-vaardigheden > summary"));
                browser.waitUntil(d -> browser.wholeOnScreen(skills));
                skills.click();
                browser.waitUntil(d -> openGroups(browser).equals(List.of("dim-vaardigheden")));
                WebElement question = firstQuestionTitle(browser, "dim-vaardigheden");
                browser.waitUntil(d -> browser.wholeOnScreen(question));
                // its charts drawn as it opened, with the room the phone gives them
                browser.waitUntil(d -> chartsShowIn(browser, "dim-vaardigheden"));
                assertTrue(pageHeight(browser) > folded, language + ": the group's questions are on the page");
                browser.screenshot("phone-flow-toc-" + language);

                // a filter swaps the figures in: the group opened stays open, the others stay folded, charts drawn
                WebElement period = browser.driver().findElement(By.id("period"));
                String value = period.findElements(By.tagName("option")).get(1).getAttribute("value");
                browser.driver().executeScript("window.stayed = true; const s = document.getElementById('period');"
                        + " s.value = arguments[0]; s.dispatchEvent(new Event('change'));", value);
                browser.waitUntil(d -> d.getCurrentUrl().contains("period=" + value)
                        && (Boolean) d.executeScript("return !document.getElementById('figures').hasAttribute('aria-busy');"));
                assertEquals(Boolean.TRUE, browser.driver().executeScript("return window.stayed === true;"), language + ": no reload");
                FlowPageCharts.drawn(browser);
                assertEquals(List.of("dim-vaardigheden"), openGroups(browser), language + ": after the filter, the group opened only");
                browser.driver().executeScript("arguments[0].scrollIntoView();", firstQuestionTitle(browser, "dim-vaardigheden"));
                browser.screenshot("phone-flow-filtered-" + language);

                // the summary's link to a dimension: the flow page with that group open and its title in view
                browser.open(server.getURL() + fixture.flow(CompareTest.WERK_JIJ, "/summary?lang=" + language));
                WebElement strongest = browser.waitFor(By.cssSelector("#strongest a.dim"));
                String group = strongest.getAttribute("href").replaceAll(".*#", "");
                strongest.click();
                browser.waitUntil(d -> d.getCurrentUrl().endsWith("#" + group));
                FlowPageCharts.drawn(browser);
                browser.waitUntil(d -> openGroups(browser).equals(List.of(group)));
                WebElement groupTitle = browser.driver().findElement(By.cssSelector("#" + group + " > summary"));
                browser.waitUntil(d -> browser.wholeOnScreen(groupTitle));
                assertTrue(browser.wholeOnScreen(firstQuestionTitle(browser, group)), language + ": its first question too");
                browser.screenshot("phone-flow-drill-" + language);

                // an address naming a question (another address than the page's now: a page loaded, not a jump in it)
                flowPage(browser, "?period=&lang=" + language + "#question-netwerk_sleutelpersonen");
                browser.waitUntil(d -> openGroups(browser).equals(List.of("dim-netwerk")));
                WebElement named = browser.driver().findElement(By.id("question-netwerk_sleutelpersonen-title"));
                browser.waitUntil(d -> browser.wholeOnScreen(named));
                // the charts above it in its group were drawn before the page went to it: it stays where it was
                assertTrue(chartsShowIn(browser, "dim-netwerk"), language + ": " + chartSizes(browser, "dim-netwerk"));
                assertTrue(browser.wholeOnScreen(named), language + ": the question named stays on the screen");
                // and a jump within the page to a group (the address changed by hand, or going back)
                browser.driver().executeScript("location.hash = '#dim-kennis';");
                browser.waitUntil(d -> openGroups(browser).equals(List.of("dim-kennis", "dim-netwerk")));
                WebElement kennis = browser.driver().findElement(By.cssSelector("#dim-kennis > summary"));
                browser.waitUntil(d -> browser.wholeOnScreen(kennis));

                // on paper every group, on the screen again as it was
                if (language.equals("nl")) {
                    flowPage(browser, "?lang=nl");
                    String last = browser.driver().findElement(By.cssSelector("details.dimension-group:last-of-type article.question h3"))
                            .getAttribute("textContent").replaceAll("\\s+", " ").strip();
                    String paper;
                    try (PDDocument pdf = Loader.loadPDF(Base64.getDecoder().decode(browser.driver().print(new PrintOptions()).getContent()))) {
                        paper = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
                    }
                    assertTrue(paper.contains(last.substring(last.indexOf(' ') + 1, Math.min(last.length(), 40))),
                            "the last group's first question on paper: " + last);
                    assertEquals(List.of(), openGroups(browser), "folded again on the screen after printing");
                    List<Object> printed = chartSizes(browser, "dim-vaardigheden");
                    assertTrue(!printed.isEmpty() && !printed.contains("not drawn"), "a folded group's charts drawn for paper: " + printed);
                }

                // a laptop: every group open as before, under the table of contents
                browser.phone(1280, 800);
                flowPage(browser, "?lang=" + language);
                assertEquals(titles.size(), openGroups(browser).size(), language + ": every group open on a laptop");
                assertTrue(browser.driver().findElement(By.cssSelector("nav.toc")).isDisplayed(), language + ": the contents on a laptop");
                browser.driver().findElement(By.cssSelector("nav.toc a[href='#dim-vaardigheden']")).click();
                WebElement laptop = firstQuestionTitle(browser, "dim-vaardigheden");
                browser.waitUntil(d -> browser.wholeOnScreen(laptop));
                assertEquals(titles.size(), openGroups(browser).size(), language + ": still every group open");
                browser.screenshot("phone-flow-laptop-" + language);
            }
        }
    }

    /** A table's cells as the page holds them, row by row (its text content: shown or not), heads included. */
    @SuppressWarnings("unchecked")
    static List<List<String>> table(Browser browser, String id) {
        return (List<List<String>>) browser.driver().executeScript("""
                return [...document.getElementById(arguments[0]).rows].map(r => [...r.cells].map(c =>
                  c.textContent.replace(/\\s+/g, ' ').trim()));""", id);
    }

    /**
     * A table with a row per part and a column per figure, as the phone shows it a part at a time: per part its
     * name, then each figure's name and value (a part with too few answers: its note).
     */
    static List<List<String>> asCards(List<List<String>> table) {
        List<List<String>> cards = new java.util.ArrayList<>();
        List<String> heads = table.get(0);
        for (List<String> row : table.subList(1, table.size())) {
            List<String> card = new java.util.ArrayList<>(List.of(row.get(0)));
            for (int i = 1; i < row.size(); i++) {
                if (row.size() > 2) {
                    card.add(heads.get(i));
                }
                card.add(row.get(i));
            }
            cards.add(card);
        }
        return cards;
    }

    /** The phone's scores a part at a time: per part its name, then each figure's name and value, or its note. */
    @SuppressWarnings("unchecked")
    static List<List<String>> cards(Browser browser) {
        return (List<List<String>>) browser.driver().executeScript("""
                return [...document.querySelectorAll('#scores-by-part .part-card')].map(card =>
                  [...card.querySelectorAll('.part-name, dt, dd, .hint')].map(e => e.textContent.replace(/\\s+/g, ' ').trim()));""");
    }

    /** The table turned on its side, its corner left empty (the head of the heads: "Ronde", "Onderdeel"). */
    static List<List<String>> transposed(List<List<String>> table) {
        List<List<String>> turned = new java.util.ArrayList<>();
        for (int column = 0; column < table.get(0).size(); column++) {
            List<String> row = new java.util.ArrayList<>();
            for (List<String> r : table) {
                row.add(r.get(column));
            }
            turned.add(row);
        }
        return withoutCorner(turned);
    }

    static List<List<String>> withoutCorner(List<List<String>> table) {
        List<List<String>> copy = new java.util.ArrayList<>();
        table.forEach(r -> copy.add(new java.util.ArrayList<>(r)));
        copy.get(0).set(0, "");
        return copy;
    }

    /** The tables whose box scrolls sideways: each id with its width against the box's. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> scrolling(Browser browser) {
        return (Map<String, Object>) browser.driver().executeScript("""
                const out = {};
                for (const box of document.querySelectorAll('.table-scroll')) {
                  if (box.scrollWidth > box.clientWidth) out[box.querySelector('table').id] = box.scrollWidth + ' in ' + box.clientWidth;
                }
                return out;""");
    }

    @Test
    void theComparisonTablesFitA360PhoneInArabicAndDutchWithTheRoundsOnTheirSide() {
        for (String language : List.of("ar", "nl")) {
            try (Browser browser = loggedIn(language)) {
                browser.phone(PHONE_WIDTH, PHONE_HEIGHT);
                for (String flow : List.of(CompareTest.WIJKANALYSE, CompareTest.WERK_JIJ)) {
                    String where = language + ", " + flow;
                    browser.open(server.getURL() + fixture.flow(flow, "/compare?lang=" + language));
                    // the rounds side by side with the parts as rows: as columns the seven parts of the professionals'
                    // flow needed 390 to 570 px
                    browser.waitFor(By.id("table-rounds-by-part"));
                    assertTrue(!browser.driver().findElement(By.id("table-rounds")).isDisplayed(), where + ": the parts as columns");
                    assertEquals(transposed(table(browser, "table-rounds")), withoutCorner(table(browser, "table-rounds-by-part")),
                            where + ": the same figures on their side");
                    CompareBrowserTest.nothingSticksOut(browser, where);
                    assertEquals(List.of(), CompareBrowserTest.brokenWords(browser), where + ": words broken in a table's cell");
                    // every table fits, the change beside two rounds too (with "7 december 2026" over each round's
                    // column the Dutch change was cut off)
                    assertEquals(Map.of(), scrolling(browser), where + ": the tables that do not fit the phone");
                    browser.driver().executeScript("document.getElementById('table-rounds-by-part').scrollIntoView();");
                    browser.screenshot("phone-compare-" + flow + "-" + language);
                    if (flow.equals(CompareTest.WERK_JIJ)) {
                        browser.driver().executeScript("document.getElementById('table-change').scrollIntoView();");
                        browser.screenshot("phone-compare-change-" + language);
                    }
                }
            }
        }
    }
}
