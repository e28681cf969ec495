package nl.samenspraak.dashboard;

import nl.samenspraak.support.Respondents;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.DashboardTeam;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.SmallCellChecker;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A manager after two rounds opens the summary on a phone (390 x 844) and a laptop (1280 x 800), in Dutch and
 * Arabic: the whole summary (response rate, chart, strongest and weakest, advice, report link) is in the first
 * screen without scrolling, its chart is drawn, the page passes the cell checker, and the team report downloads
 * with the summary, comparisons and discussion questions in its text. Screenshots in target/screenshots.
 */
@MicronautTest(transactional = false)
@Property(name = "samenspraak.dashboard.rounds-only", value = "true")
class SummaryBrowserTest {
    static final String PASSWORD = "een lang genoeg wachtwoord";
    static final String WERK_JIJ = "werk-jij-diversiteitsproof";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    Respondents respondents;

    Team team;
    Account manager;

    @BeforeEach
    void twoRounds() {
        DashboardTeam fixture = DashboardTeam.create(server, accounts, teams, respondents, "Wijkteam Oost", PASSWORD, "Haven");
        team = fixture.team;
        manager = fixture.managerAccount;
        long first = fixture.rounds.run(team.id(), WERK_JIJ, 8, 7, i -> RoundSummaryTest.answers(i % 3 == 0));
        fixture.http.post("/dashboard/teams/" + team.id() + "/flows/" + WERK_JIJ + "/rounds/" + first + "/actions",
                form("lang", "nl", "dimension", "houding", "what", "Elke maand een casus samen bespreken", "who", "Teamleider",
                        "due", java.time.LocalDate.now().plusMonths(3).toString()), fixture.manager);
        fixture.rounds.run(team.id(), WERK_JIJ, 8, 6, i -> RoundSummaryTest.answers(i % 2 == 0));
    }

    void login(Browser browser, String language) {
        browser.logIn(server.getURL() + "/dashboard?lang=" + language, manager.username(), PASSWORD);
        browser.waitFor(By.cssSelector("main h1"));
    }

    @Test
    void theSummaryFitsTheFirstScreenAndTheReportDownloads() throws Exception {
        for (String language : List.of("nl", "ar")) {
            try (Browser browser = new Browser(language)) {
                login(browser, language);
                for (int[] size : new int[][]{{390, 844}, {1280, 800}}) {
                    browser.phone(size[0], size[1]);
                    browser.open(server.getURL() + "/dashboard/teams/" + team.id() + "?lang=" + language);
                    browser.waitFor(By.cssSelector("a.summary-link")).click();
                    browser.waitFor(By.id("summary"));
                    browser.waitUntil(d -> (Boolean) d.executeScript(
                            "const c = document.getElementById('chart-summary'); return c !== null && Chart.getChart(c) !== undefined;"));
                    String where = language + " " + size[0] + "x" + size[1];
                    Map<?, ?> box = (Map<?, ?>) browser.driver().executeScript(
                            "const r = document.getElementById('summary').getBoundingClientRect();"
                                    + "return {bottom: r.bottom, right: r.right, left: r.left, height: innerHeight, width: innerWidth,"
                                    + " scrollX: document.documentElement.scrollWidth};");
                    assertTrue(((Number) box.get("bottom")).doubleValue() <= ((Number) box.get("height")).doubleValue(),
                            where + ": the whole summary is in the first screen: " + box);
                    // "Netwerk en randvoorwaarden 14 ±0" beside "Vaardigheden 100 ±0" pushed the weakest's figures
                    // past a 390 px screen in Dutch (the phone then widens its page, so innerWidth grew along)
                    CompareBrowserTest.nothingSticksOut(browser, where + ", summary");
                    assertEquals(List.of(), CompareBrowserTest.outsideTheScreen(browser, "#strongest li > *, #weakest li > *"),
                            where + ": the strongest's and weakest's names and figures on the screen");
                    for (String id : List.of("participation", "strongest", "weakest", "advice", "report-pdf")) {
                        WebElement e = browser.driver().findElement(By.id(id));
                        assertTrue(e.isDisplayed(), where + ": " + id);
                    }
                    assertTrue(browser.driver().findElement(By.id("participation")).getText().matches(".*6.*8.*|.*8.*6.*"),
                            where + ": 6 of 8 invited took part");
                    Object inked = browser.driver().executeScript(
                            "const c = document.getElementById('chart-summary'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                                    + "let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n;");
                    assertTrue(((Number) inked).longValue() > 500, where + ": the chart has ink on it");
                    browser.screenshot("summary-" + language + "-" + size[0]);
                    new SmallCellChecker(5).page(browser.driver().getPageSource());
                    // the same figures as a table: its columns keep their words whole and it scrolls in its own box
                    browser.driver().executeScript("document.querySelector('details.figures-table').open = true;");
                    assertEquals(List.of(), CompareBrowserTest.brokenWords(browser), where + ": words broken in a table's cell");
                    CompareBrowserTest.nothingSticksOut(browser, where + ", summary as a table");
                    browser.driver().executeScript("document.querySelector('details.figures-table').open = false;");
                }
                browser.driver().executeScript("document.getElementById('changes').scrollIntoView();");
                browser.screenshot("summary-changes-" + language + "-" + 1280);
                String href = browser.driver().findElement(By.id("report-pdf")).getAttribute("href");
                Cookie login = browser.driver().manage().getCookieNamed(PageHttp.LOGIN_COOKIE);
                HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                        .header("Cookie", login.getName() + "=" + login.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, pdf.statusCode());
                assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"), "it downloads");
                try (PDDocument document = Loader.loadPDF(pdf.body())) {
                    String text = nl.samenspraak.support.PdfText.plain(new PDFTextStripper().getText(document));
                    var t = nl.samenspraak.flow.FlowLibrary.class;
                    for (String key : List.of("manager.summary", "manager.comparisons", "manager.discuss_title", "manager.advice")) {
                        String word = nl.samenspraak.support.PdfText.plain(browser.driver().executeScript("return arguments[0];",
                                words(language, key)).toString());
                        assertTrue(text.contains(word), language + ": " + key + " in the report: " + text);
                    }
                    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
                    java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "team-report-" + language + ".pdf"), pdf.body());
                    for (int p = 0; p < document.getNumberOfPages(); p++) {
                        javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(p, 60),
                                "png", java.nio.file.Path.of("target", "screenshots", "team-report-" + language + "-" + (p + 1) + ".png").toFile());
                    }
                }
            }
        }
    }

    @Inject
    nl.samenspraak.flow.FlowLibrary library;

    String words(String language, String key) {
        return library.translations().message(language, key);
    }
}
