package nl.samenspraak.dashboard;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.Origin;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A manager on a phone logs in, opens their team's dashboard and sees its charts drawn (screenshots). */
@MicronautTest(transactional = false)
class DashboardBrowserTest {
    static final String PASSWORD = "een lang genoeg wachtwoord";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    Respondents respondents;

    @Test
    void aManagerLogsInAndSeesTheTeamsChartsDrawn() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Team team = teams.create("Wijkteam Zuid " + suffix, List.of("Haven"));
        Account manager = accounts.create("manager-" + suffix, PASSWORD, Role.MANAGER);
        teams.addMember(team.id(), manager.id());
        // five in Dutch and five in Turkish: each language label describes at least k = 5 texts
        List<String> tolk = List.of("tolk", "sleutelpersoon", "eenvoudig", "familie", "tolk", "tolk", "tolk", "eenvoudig", "tolk", "sleutelpersoon");
        for (int i = 0; i < tolk.size(); i++) {
            respondents.finish("werk-jij-diversiteitsproof", i % 2 == 0 ? "nl" : "tr", Origin.team(team.id()),
                    Map.of("vaardig_tolk", tolk.get(i), "netwerk_vindplaatsen", String.valueOf(1 + i % 5),
                            "opmerking", i % 2 == 0 ? "Meer tijd voor huisbezoeken" : "Tercüman bulmak zor"));
        }

        try (Browser browser = new Browser("nl")) {
            browser.logIn(server.getURL() + "/dashboard", manager.username(), PASSWORD);

            browser.waitUntil(d -> d.findElement(By.tagName("h1")).getText().equals("Dashboard"));
            browser.driver().findElement(By.linkText(team.name())).click();
            browser.waitUntil(d -> d.findElement(By.tagName("h1")).getText().equals(team.name()));
            browser.driver().findElement(By.linkText("Werk jij diversiteitsproof?")).click();

            browser.waitFor(By.id("respondents"));
            assertEquals("10", browser.driver().findElement(By.id("respondents")).getText());
            FlowPageCharts.drawn(browser);
            List<WebElement> canvases = browser.driver().findElements(By.cssSelector("canvas[data-chart]"));
            assertTrue(canvases.size() > 10, "a chart per question, the scores and the trend: " + canvases.size());
            // on a phone the questions' groups start folded (PhoneDashboardBrowserTest): the manager opens each
            FlowPageCharts.openEveryGroup(browser);
            Object inked = browser.driver().executeScript(
                    "const c = document.getElementById('chart-scores'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                            + "let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n;");
            assertTrue(((Number) inked).longValue() > 500, "the scores chart has ink on it: " + inked);
            // a screen reader's list of links: each "Deze vraag apart bekijken" says which question it opens
            nl.samenspraak.support.ScreenReader reader = new nl.samenspraak.support.ScreenReader(browser.driver());
            List<WebElement> drills = browser.driver().findElements(By.cssSelector("p.drill a"));
            assertTrue(drills.size() > 10, "a link per question shown: " + drills.size());
            java.util.Set<String> names = new java.util.HashSet<>();
            for (int i = 0; i < drills.size(); i++) {
                String name = reader.node("document.querySelectorAll('p.drill a')[" + i + "]").name();
                String question = drills.get(i).findElement(By.xpath("ancestor::article//h3")).getAttribute("textContent").strip();
                String shown = drills.get(i).getAttribute("textContent").strip();
                assertTrue(name.startsWith(shown) && name.contains(question.substring(0, Math.min(40, question.length()))),
                        "the link's words first, then its question: " + name);
                names.add(name);
            }
            assertEquals(drills.size(), names.size(), "no two links to a question sound the same");
            // a screen reader's list of tables names each one: the team's answers and the national figures beside
            // them were two tables both read as "table" with the same three column headers
            assertEquals(List.of(), reader.unnamedTables(), "tables without a name");
            for (WebElement canvas : canvases) {
                assertFalse(canvas.getAttribute("aria-label").isBlank(), "every chart says where its figures are in text");
            }
            for (WebElement control : browser.driver().findElements(By.cssSelector("select, input:not([type=hidden])"))) {
                String id = control.getAttribute("id");
                assertFalse(browser.driver().findElements(By.cssSelector("label[for='" + id + "']")).isEmpty(), "a label for " + id);
            }
            String page = browser.driver().findElement(By.tagName("main")).getText();
            assertTrue(page.contains("Landelijke cijfers"), "the 2016 survey beside its question");
            assertTrue(page.matches("(?s).*Tercüman bulmak zor\\s+\\(Türkçe\\).*"), "free text with its original language: " + page);
            browser.screenshot("dashboard-manager");
            browser.driver().executeScript("document.getElementById('question-vaardig_tolk').scrollIntoView()");
            browser.screenshot("dashboard-question");

            browser.open(server.getURL() + "/dashboard/teams/" + team.id() + "/flows/werk-jij-diversiteitsproof?lang=ar");
            browser.waitUntil(d -> (Boolean) d.executeScript("return Chart.getChart(document.getElementById('chart-scores')) !== undefined;"));
            assertEquals("rtl", browser.driver().findElement(By.tagName("html")).getAttribute("dir"));
            browser.screenshot("dashboard-manager-ar");

            // on a 360 px phone (the manager probe of December 2026): a column's head and the labels keep their words
            // whole ("Aanta/l"), a chart's labels are not cut off at their start ("etwerk en randvoorwaarden"), a bar
            // chart lying down has its labels where its bars begin (right in Arabic), and no control is described by
            // a note that is not there (the greyed-out "Wijk" of a flow without wijken)
            browser.phone(360, 640);
            for (String language : List.of("nl", "ar")) {
                browser.open(server.getURL() + "/dashboard/teams/" + team.id() + "/flows/werk-jij-diversiteitsproof?lang=" + language);
                FlowPageCharts.drawn(browser);
                FlowPageCharts.openEveryGroup(browser);
                assertEquals(List.of(), browser.driver().executeScript(BROKEN_WORDS), language + ": words broken inside");
                assertEquals(List.of(), browser.driver().executeScript(CHARTS_AT_THEIR_SIDE, "ar".equals(language) ? "right" : "left"),
                        language + ": charts whose labels are cut off or on the far side");
                assertEquals(List.of(), browser.driver().executeScript("""
                        return [...document.querySelectorAll('[aria-describedby]')].flatMap(e => e.getAttribute('aria-describedby')
                            .split(' ').filter(id => id && !document.getElementById(id)).map(id => e.id + ' -> ' + id));"""),
                        language + ": descriptions that are not on the page");
                browser.screenshot("dashboard-manager-" + language + "-360x640");
                browser.driver().executeScript("document.getElementById('chart-scores').scrollIntoView()");
                browser.screenshot("dashboard-manager-" + language + "-360x640-scores");
            }
        }
    }

    /**
     * A manager reads the neighbourhood analysis on a 360 px phone (the phone probe of spring 2027): the two-line labels
     * of "Scores per onderdeel" each have their row (they ran into one another once the legend took its two rows), a
     * wide table's name shows whole inside its box instead of running past the screen's edge with the table, "Download
     * als CSV", "als Excel" and the texts' CSV are targets of 44 px (they were 19), and on the comparison page no "·" between the crumbs
     * is left at the end of a line, away from the link it leads to. Dutch and Arabic.
     */
    @Test
    void theNeighbourhoodAnalysisOnA360PhoneKeepsItsLabelsApartAndItsTableNamesAndLinksInReach() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Team team = teams.create("Wijkteam Zuidwest " + suffix, List.of("Oost"));
        Account manager = accounts.create("wijkmanager-" + suffix, PASSWORD, Role.MANAGER);
        teams.addMember(team.id(), manager.id());
        for (int i = 0; i < 13; i++) {
            respondents.finish("wijkanalyse", i % 3 == 0 ? "ar" : "nl", new Origin(team.id(), "Oost"),
                    Map.of("weet_waar_hulp", String.valueOf(1 + i % 5), "vertrouwen_hulp", String.valueOf(1 + (i * 2) % 5),
                            "goed_in_wijk", "Het buurthuis " + i));
        }
        List<String> problems = new java.util.ArrayList<>();
        try (Browser browser = new Browser("nl")) {
            browser.logIn(server.getURL() + "/dashboard", manager.username(), PASSWORD);
            browser.phone(360, 640);
            String flow = server.getURL() + "/dashboard/teams/" + team.id() + "/flows/wijkanalyse";
            for (String language : List.of("nl", "ar")) {
                browser.open(flow + "?lang=" + language);
                FlowPageCharts.drawn(browser);
                browser.screenshot("dashboard-wijkanalyse-" + language + "-360x640");
                FlowPageCharts.openEveryGroup(browser);
                for (Object crowded : (List<?>) browser.driver().executeScript(CROWDED_LABELS)) {
                    problems.add(language + ": labels that run into the next row, " + crowded);
                }
                for (Object cut : (List<?>) browser.driver().executeScript(CUT_CAPTIONS)) {
                    problems.add(language + ": a table's name cut off at the edge, " + cut);
                }
                for (String link : List.of("export-csv", "export-xlsx", "export-texts-csv")) {
                    int height = browser.driver().findElement(By.id(link)).getRect().getHeight();
                    if (height < 44) {
                        problems.add(language + ": " + link + " is " + height + " px high");
                    }
                }
                browser.open(flow + "/compare?lang=" + language);
                browser.waitFor(By.cssSelector(".crumbs a"));
                browser.screenshot("dashboard-wijkanalyse-compare-" + language + "-360x640");
                for (Object dot : (List<?>) browser.driver().executeScript(DANGLING_DOTS)) {
                    problems.add(language + ": the crumbs, " + dot);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The bar charts lying down whose labels (two lines) are higher than the row each has. */
    private static final String CROWDED_LABELS = """
            const crowded = [];
            for (const c of document.querySelectorAll('canvas[data-chart]')) {
              const chart = Chart.getChart(c);
              if (chart.options.indexAxis !== 'y' || !c.getClientRects().length) continue;
              const y = chart.scales.y, row = y.height / y.ticks.length;
              if (y._labelSizes && y._labelSizes.highest.height > row + 1) {
                crowded.push(c.id + ': labels of ' + Math.round(y._labelSizes.highest.height) + ' px in rows of ' + Math.round(row));
              }
            }
            return crowded;""";

    /** The names of tables in a box that scrolls sideways whose words run past the box's visible edges. */
    private static final String CUT_CAPTIONS = """
            const cut = [];
            for (const caption of document.querySelectorAll('.table-scroll caption')) {
              if (!caption.getClientRects().length) continue;
              const box = caption.closest('.table-scroll').getBoundingClientRect();
              const range = document.createRange();
              range.selectNodeContents(caption);
              for (const r of range.getClientRects()) {
                if (r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1 || r.right > document.documentElement.clientWidth)) {
                  cut.push(caption.textContent.trim() + ': ' + Math.round(r.left) + '-' + Math.round(r.right) + ' in ' + Math.round(box.left) + '-' + Math.round(box.right));
                }
              }
            }
            return cut;""";

    /** Each "·" between the crumbs that does not stand on the line of the link after it. */
    private static final String DANGLING_DOTS = """
            const dangling = [], crumbs = document.querySelector('.crumbs');
            const walker = document.createTreeWalker(crumbs, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              for (let i = n.data.indexOf('·'); i >= 0; i = n.data.indexOf('·', i + 1)) {
                const range = document.createRange();
                range.setStart(n, i);
                range.setEnd(n, i + 1);
                const dot = range.getBoundingClientRect();
                const next = [...crumbs.querySelectorAll('a')].find(a => n.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING);
                if (!next) { dangling.push('a dot after the last link'); continue; }
                const link = next.getBoundingClientRect(), middle = (dot.top + dot.bottom) / 2;
                if (middle < link.top || middle > link.bottom) dangling.push('a dot at ' + Math.round(dot.top) + ' before ' + next.textContent.trim() + ' at ' + Math.round(link.top));
              }
            }
            return dangling;""";

    /** The words of the figures' column heads and row labels that break across two lines. */
    private static final String BROKEN_WORDS = """
            const broken = [];
            for (const cell of document.querySelectorAll('table.figures th')) {
              const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
              for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                const word = /\\S+/g;
                let m;
                while ((m = word.exec(n.data))) {
                  const r = document.createRange();
                  r.setStart(n, m.index);
                  r.setEnd(n, m.index + m[0].length);
                  if (new Set([...r.getClientRects()].map(x => Math.round(x.top))).size > 1) broken.push(m[0]);
                }
              }
            }
            return broken;""";

    /**
     * The bar charts lying down whose labels do not fit beside their bars (cut off at their start) or stand on the
     * other side than {@code arguments[0]}.
     */
    private static final String CHARTS_AT_THEIR_SIDE = """
            const side = arguments[0], wrong = [];
            for (const c of document.querySelectorAll('canvas[data-chart]')) {
              const chart = Chart.getChart(c);
              if (chart.options.indexAxis !== 'y' || !c.getClientRects().length) continue;
              const y = chart.scales.y;
              if (y.position !== side) wrong.push(c.id + ' labels on the ' + y.position);
              if (y._labelSizes && y._labelSizes.widest.width > y.width + 1) {
                wrong.push(c.id + ' labels of ' + Math.round(y._labelSizes.widest.width) + ' px beside ' + Math.round(y.width));
              }
            }
            return wrong;""";
}
