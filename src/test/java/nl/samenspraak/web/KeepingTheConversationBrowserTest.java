package nl.samenspraak.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.AnswerQuestion;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.conversation.Turn;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.Browsers;
import nl.samenspraak.support.JsonHttp;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static nl.samenspraak.support.PdfText.plain;

/**
 * What a person keeps: the whole conversation after a reload and on another device, the result as a PDF that
 * opens and says what the page says (in Arabic too), scores kept on their own device to compare with next time,
 * and "forget my answers", after which nothing of it loads any more.
 */
@MicronautTest
class KeepingTheConversationBrowserTest {
    @Inject
    EmbeddedServer server;
    @Inject
    FlowLibrary library;
    @Inject
    ReadConversation readConversation;
    @Inject
    AnswerQuestion answerQuestion;

    private final Browsers browsers = new Browsers();

    @AfterEach
    void close() {
        browsers.close();
    }

    private Browser browser(String language) {
        return browsers.phone(language);
    }

    private String base() {
        return server.getURL().toString();
    }

    /** The bubbles of the chat, questions and answers, as a person reads them. */
    private static List<String> history(Browser b) {
        return b.driver().findElements(By.cssSelector(".messages .bubble.bot, .messages .bubble.me")).stream()
                .map(b::shownText).toList();
    }

    private static void tapFirstOption(Browser b) {
        int before = b.driver().findElements(By.cssSelector(".bubble.bot")).size();
        List<WebElement> primary = b.driver().findElements(By.cssSelector("#answer button.primary"));
        if (!primary.isEmpty() && b.driver().findElements(By.cssSelector("#answer .option, #answer label.check")).isEmpty()) {
            primary.get(0).click();
        } else {
            b.waitFor(By.cssSelector("#answer .option")).click();
        }
        b.waitUntil(d -> d.findElements(By.cssSelector(".bubble.bot")).size() > before);
    }

    @Test
    void aReloadAndAnotherDeviceShowTheWholeWaySoFarAndAFinishedChatItsTranscriptAndResult() {
        Browser b = browser("nl");
        String id = start("werk-jij-diversiteitsproof", "nl");
        b.open(base() + "/c/" + id);
        for (int i = 0; i < 6; i++) {
            tapFirstOption(b);
        }
        List<String> before = history(b);
        assertEquals(12, before.size(), "six questions, five answers repeated, the current question: " + before);
        b.driver().navigate().refresh();
        b.waitFor(By.cssSelector("#answer .option"));
        assertEquals(before, history(b), "a reload shows the same conversation");
        b.screenshot("history-after-reload");
        b.waitFor(By.cssSelector("#menu > summary")).click();
        String code = b.waitFor(By.id("resume-code")).getText();

        Browser other = browser("nl");
        other.open(base() + "/?lang=nl");
        other.waitFor(By.id("code")).sendKeys(code);
        other.driver().findElement(By.cssSelector(".resume-form button")).click();
        other.waitFor(By.cssSelector("#answer .option"));
        assertEquals(before, history(other), "resumed by code on another device: the whole way so far");
        other.screenshot("history-resumed-elsewhere");

        finish(id, false);
        other.driver().navigate().refresh();
        other.waitFor(By.cssSelector("#result .tip"));
        List<String> finished = history(other);
        assertEquals(before.subList(0, before.size() - 1), finished.subList(0, before.size() - 1),
                "a finished chat shows its transcript from the start");
        assertTrue(finished.size() > 30, "every question and answer: " + finished.size());
        assertTrue(other.driver().findElement(By.cssSelector(".summary-line")).getText().startsWith("Je sterkste punt:"));
        other.screenshot("finished-after-reload");
    }

    @Test
    void theResultDownloadsAsAPdfWithTitleDateAndTipsInDutchAndArabic() throws Exception {
        for (String language : List.of("nl", "ar")) {
            Browser b = browser(language);
            String id = finish(start("werk-jij-diversiteitsproof", language), false);
            b.open(base() + "/c/" + id);
            // in the conversation's language, so that a refused download (too many) is said in it
            WebElement link = b.waitFor(By.cssSelector("#result a[download][href$='result.pdf?lang=" + language + "']"));
            assertTrue(link.isDisplayed());
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link.getAttribute("href"))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, pdf.statusCode());
            assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
            assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"), "it downloads");
            String text;
            String firstPage;
            int pages;
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                pages = document.getNumberOfPages();
                assertTrue(pages >= 1);
                text = plain(new PDFTextStripper().getText(document));
                // as it stands on the page, left to right: Arabic's page count read "3 / 1" on its first page
                PDFTextStripper onPage = new PDFTextStripper();
                onPage.setSortByPosition(true);
                onPage.setStartPage(1);
                onPage.setEndPage(1);
                firstPage = onPage.getText(document);
            }
            assertTrue(firstPage.contains("1 / " + pages), language + ": the first page says 1 of " + pages + ": " + firstPage);
            String title = library.translations().flowText(language, "werk-jij-diversiteitsproof", "title");
            String months = library.translations().message(language, "typed.months");
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
            String month = months.split("\\|")[today.getMonthValue() - 1].split(",")[0].strip();
            String firstTip = b.driver().findElement(By.cssSelector("#result .tip h3")).getText();
            assertTrue(text.contains(plain(title)), language + ": the title in " + text);
            assertTrue(text.contains(plain(month)) && text.contains(Integer.toString(today.getYear())), language + ": the date in " + text);
            assertTrue(text.contains(plain(firstTip)), language + ": the first tip '" + firstTip + "' in " + text);
            Files.write(id, language, pdf.body());
        }
    }


    /**
     * A typed answer not yet sent comes back after a reload or a pull-to-refresh (the box came back empty: the
     * intermediair's probe), in this tab only and never as stored: the service holds nothing of it until it is sent.
     * Once sent it is the answer, and no draft of the conversation is left in the tab.
     */
    @Test
    void aTypedAnswerNotYetSentComesBackAfterAReload() {
        Browser b = browser("nl");
        String id = nl.samenspraak.support.ApiWalk.answerUntil(new JsonHttp(base()), "werk-jij-diversiteitsproof", "nl",
                s -> s.get("step").get("id").asText().equals("opmerking")).get("id").asText();
        b.open(base() + "/c/" + id);
        String typed = "Ik wil meer weten over werken met een tolk.";
        b.waitFor(By.id("input-opmerking")).sendKeys(typed);
        b.driver().navigate().refresh();
        WebElement box = b.waitFor(By.id("input-opmerking"));
        assertEquals(typed, box.getAttribute("value"), "the draft is back in the box");
        assertTrue(b.wholeOnScreen(box));
        assertEquals("opmerking", new JsonHttp(base()).get("/api/conversations/" + id).json().get("step").get("id").asText(),
                "nothing was sent");

        b.driver().findElement(By.cssSelector("#answer button.primary")).click();
        b.waitFor(By.cssSelector(".result"));
        assertEquals(0L, ((Number) b.driver().executeScript(
                "return Object.keys(sessionStorage).filter(k => k.startsWith('draft:')).length;")).longValue(), "no draft left");
        assertTrue(history(b).contains(typed), "the answer as sent");
    }

    @Test
    void forgetMyAnswersConfirmsDeletesAndSaysSo() {
        Browser b = browser("nl");
        String id = start("wijkanalyse", "nl");
        b.open(base() + "/c/" + id);
        tapFirstOption(b);
        tapFirstOption(b);
        b.waitFor(By.cssSelector("#menu > summary")).click();
        b.waitFor(By.cssSelector(".forget-open")).click();
        WebElement confirm = b.waitFor(By.id("forget-confirm"));
        assertTrue(confirm.getText().contains("Dat kan niet ongedaan worden gemaakt"), confirm.getText());
        b.screenshot("forget-confirm");
        b.driver().findElement(By.id("forget-no")).click();
        assertFalse(confirm.isDisplayed(), "no: nothing happens");
        assertEquals(200, new JsonHttp(base()).get("/api/conversations/" + id).status());
        // back where the person asked, in the menu, open again
        assertEquals(b.driver().findElement(By.cssSelector(".forget-open")), b.driver().switchTo().activeElement());

        b.waitFor(By.cssSelector(".forget-open")).click();
        b.waitFor(By.id("forget-yes")).click();
        b.waitUntil(d -> d.getCurrentUrl().contains("/deleted"));
        // in the flow's polite words, as the whole conversation was (it said "Je antwoorden" here)
        assertEquals("Uw antwoorden zijn gewist", b.waitFor(By.tagName("h1")).getText(), b.driver().getCurrentUrl());
        b.screenshot("forget-deleted");
        assertEquals(404, new JsonHttp(base()).get("/api/conversations/" + id).status(), "nothing of it loads any more");
        b.open(base() + "/c/" + id);
        assertTrue(b.waitFor(By.cssSelector(".error")).getText().contains("niet gevonden"));
    }

    /**
     * A conversation deleted in another tab (or by its code on another phone, or past the time its flow keeps it): each
     * tap in this tab said "niet gevonden" again beside buttons that led nowhere. An answer, or "Vorige", now brings the
     * page the conversation's address gives: the start page, saying it was not found, with the flows to begin another.
     */
    @Test
    void aConversationDeletedElsewhereLeadsOnToTheStartPageAtTheNextTap() {
        Browser b = browser("nl");
        for (String tap : List.of("#answer .option", "#back")) {
            String id = start("werk-jij-diversiteitsproof", "nl");
            b.open(base() + "/c/" + id);
            tapFirstOption(b);
            assertEquals(204, new JsonHttp(base()).delete("/api/conversations/" + id).status());
            b.waitFor(By.cssSelector(tap)).click();
            WebElement error = b.waitFor(By.cssSelector(".error"));
            assertTrue(error.getText().contains("niet gevonden"), tap + ": " + error.getText());
            assertTrue(b.wholeOnScreen(error), tap + ": the reason is on the screen");
            assertFalse(b.driver().findElements(By.cssSelector("li.flow form[action='/start']")).isEmpty(), tap + ": the flows to begin another");
            b.screenshot("deleted-elsewhere-" + (tap.contains("back") ? "back" : "answer"));
        }
    }

    /**
     * On a slow connection the whole answer area dimmed while an answer was on its way, the tapped option as dim as the
     * rest: which answer was going did not show. The tapped one stays clear, with a ring, and only it; the next question
     * comes as before. A phone's slow network (1.5 s each way), Dutch.
     */
    @Test
    void theAnswerOnItsWayStaysClearWhileTheRestWaits() {
        Browser b = browser("nl");
        String id = start("werk-jij-diversiteitsproof", "nl");
        b.open(base() + "/c/" + id);
        tapFirstOption(b);
        List<WebElement> options = b.driver().findElements(By.cssSelector("#answer .option"));
        assertTrue(options.size() > 2, "a question with options");
        String asked = new JsonHttp(base()).get("/api/conversations/" + id).json().get("step").get("id").asText();
        b.driver().executeCdpCommand("Network.enable", java.util.Map.of());
        b.driver().executeCdpCommand("Network.emulateNetworkConditions", java.util.Map.of("offline", false, "latency", 1500,
                "downloadThroughput", -1, "uploadThroughput", -1));
        try {
            WebElement chosen = options.get(1);
            chosen.click();
            b.screenshot("answer-on-its-way");
            String opacities = (String) b.driver().executeScript("return [...document.querySelectorAll('#answer .option')]"
                    + ".map(o => o.classList.contains('sending') + ':' + getComputedStyle(o).opacity).join(' ')");
            assertEquals("false:0.55 true:1" + " false:0.55".repeat(options.size() - 2), opacities, "only the tapped one stays clear");
            assertTrue(b.wholeOnScreen(chosen));
        } finally {
            b.driver().executeCdpCommand("Network.emulateNetworkConditions", java.util.Map.of("offline", false, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
        }
        b.waitUntil(d -> d.findElements(By.cssSelector("#answer .sending")).isEmpty()
                && !asked.equals(new JsonHttp(base()).get("/api/conversations/" + id).json().get("step").get("id").asText()));
    }

    @Test
    void scoresKeptOnThisDeviceStandBesideTheNextReflection() {
        Browser b = browser("nl");
        b.open(base() + "/c/" + finish(start("werk-jij-diversiteitsproof", "nl"), false));
        WebElement keep = b.waitFor(By.id("keep-scores"));
        assertTrue(b.driver().findElements(By.cssSelector(".compare-table")).isEmpty(), "nothing to compare with yet");
        assertEquals("Scores bewaren op dit apparaat", b.driver().findElement(By.id("compare-title")).getText(),
                "and the heading says what can be done, not 'compare with your previous reflection'");
        keep.click();
        b.waitUntil(d -> d.findElement(By.id("compare-note")).getText().contains("bewaard"));
        // another reflection on the same device, answered differently
        b.open(base() + "/c/" + finish(start("werk-jij-diversiteitsproof", "nl"), true));
        WebElement table = b.waitFor(By.cssSelector(".compare-table"));
        assertTrue(table.getText().contains("Vorige keer"), table.getText());
        assertEquals("Vergelijk met je vorige reflectie", b.driver().findElement(By.id("compare-title")).getText());
        assertEquals(6, table.findElements(By.tagName("tr")).size(), "a row per dimension under the heading: " + table.getText());
        b.screenshot("compare-with-previous");
        b.driver().findElement(By.id("drop-scores")).click();
        assertEquals(null, b.driver().executeScript("return localStorage.getItem('samenspraak.scores.werk-jij-diversiteitsproof')"),
                "gone from the device when asked");
    }

    /**
     * Scores kept in Dutch, the next reflection in Arabic with "weet ik niet" on every knowledge question: the table
     * gives the day kept in Arabic (it showed "(6 december 2026)", its brackets turned round) and keeps a row for
     * Knowledge, named in Arabic, with a dash now (the row was left out).
     */
    @Test
    void theComparisonSpeaksThePagesLanguageAndKeepsAPartNotScoredNow() {
        Browser b = browser("nl");
        b.open(base() + "/c/" + finish(start("werk-jij-diversiteitsproof", "nl"), true));
        b.waitFor(By.id("keep-scores")).click();
        b.waitUntil(d -> d.findElement(By.id("compare-note")).getText().contains("bewaard"));

        String id = start("werk-jij-diversiteitsproof", "ar");
        ConversationState state = readConversation.state(id).orElseThrow();
        while (!state.done()) {
            ConversationState.StepView step = state.step();
            List<ConversationState.OptionView> options = step.options().stream().filter(o -> !o.dontKnow()).toList();
            Object value = step.id().startsWith("kennis_")
                    ? step.options().stream().filter(ConversationState.OptionView::dontKnow).findFirst().orElseThrow().value()
                    : switch (step.type()) {
                        case "info", "text" -> null;
                        case "multi" -> List.of(options.get(0).value());
                        default -> options.get(options.size() - 1).value();
                    };
            Turn turn = answerQuestion.answer(id, step.id(), value);
            assertEquals(Turn.Kind.OK, turn.kind(), step.id() + ": " + turn.error());
            state = turn.state();
        }
        b.open(base() + "/c/" + id);
        WebElement table = b.waitFor(By.cssSelector(".compare-table"));
        b.screenshot("compare-in-arabic");
        String heading = table.findElements(By.tagName("th")).get(1).getText();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));
        String arabicDay = nl.samenspraak.engine.AnswerWords.of(library.translations(),
                "werk-jij-diversiteitsproof", "ar").date(today);
        assertTrue(heading.contains(arabicDay), "the day in Arabic: " + heading);
        String dutchDay = nl.samenspraak.engine.AnswerWords.of(library.translations(),
                "werk-jij-diversiteitsproof", "nl").date(today);
        assertFalse(heading.contains(dutchDay), heading);
        List<String> rows = table.findElements(By.cssSelector("tr")).stream().skip(1).map(WebElement::getText).toList();
        assertEquals(5, rows.size(), "a row for each of the five parts: " + rows);
        assertTrue(rows.stream().anyMatch(r -> r.matches("المعرفة \\d+ \u2013")), "knowledge, its score then and a dash now: " + rows);
    }

    /**
     * "Wis mijn antwoorden" on a result whose scores the person kept on this device: the next page says nothing of the
     * conversation is kept, so its scores leave the device too (a shared phone's next user opening the flow saw them as
     * "Vorige keer"). Scores kept from another reflection are not this conversation's and stay.
     */
    @Test
    void forgettingAResultDropsItsScoresKeptOnThisDevice() {
        Browser b = browser("nl");
        String earlier = finish(start("werk-jij-diversiteitsproof", "nl"), true);
        b.open(base() + "/c/" + earlier);
        b.waitFor(By.id("keep-scores")).click();
        b.waitUntil(d -> d.findElement(By.id("compare-note")).getText().contains("bewaard"));
        String keptEarlier = (String) b.driver().executeScript("return localStorage.getItem('samenspraak.scores.werk-jij-diversiteitsproof')");

        b.open(base() + "/c/" + finish(start("werk-jij-diversiteitsproof", "nl"), false));
        b.waitFor(By.cssSelector(".compare-table"));
        forget(b);
        assertEquals(keptEarlier, b.driver().executeScript("return localStorage.getItem('samenspraak.scores.werk-jij-diversiteitsproof')"),
                "forgetting another reflection leaves the earlier one's kept scores");

        b.open(base() + "/c/" + earlier);
        b.waitFor(By.id("drop-scores"));
        forget(b);
        assertEquals(null, b.driver().executeScript("return localStorage.getItem('samenspraak.scores.werk-jij-diversiteitsproof')"),
                "the forgotten result's scores are gone from the device");
    }

    private static void forget(Browser b) {
        b.waitFor(By.cssSelector("#menu > summary")).click();
        b.waitFor(By.cssSelector(".forget-open")).click();
        b.waitFor(By.id("forget-yes")).click();
        b.waitUntil(d -> d.getCurrentUrl().contains("/deleted"));
        assertEquals("Je antwoorden zijn gewist", b.waitFor(By.tagName("h1")).getText(), "a professional's flow says je");
    }

    @Test
    void theLanguageCanChangeInsideAChat() {
        Browser b = browser("nl");
        String id = start("wijkanalyse", "nl");
        b.open(base() + "/c/" + id);
        tapFirstOption(b);
        b.waitFor(By.cssSelector("#menu > summary")).click();
        b.waitFor(By.cssSelector(".switch-language button[value='ar']")).click();
        b.waitUntil(d -> "ar".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertEquals("rtl", b.driver().findElement(By.tagName("html")).getAttribute("dir"));
        b.waitFor(By.cssSelector("#answer .option"));
        String question = b.driver().findElements(By.cssSelector(".bubble.bot")).get(1).getText();
        assertTrue(question.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC),
                "the same question, now in Arabic: " + question);
        assertEquals("ar", new JsonHttp(base()).get("/api/conversations/" + id).json().get("language").asText());
        b.screenshot("language-switched-ar");
    }

    @Test
    void anExclusiveOptionUnticksTheOthers() {
        Browser b = browser("nl");
        String id = start("werk-jij-diversiteitsproof", "nl");
        b.open(base() + "/c/" + id);
        while (!"multi".equals(AnswersInReachBrowserTest.type(b))) {
            tapFirstOption(b);
        }
        List<WebElement> boxes = b.driver().findElements(By.cssSelector("#answer label.check"));
        boxes.get(0).click();
        boxes.get(1).click();
        WebElement none = b.driver().findElement(By.xpath("//label[span='Geen van deze']"));
        none.click();
        List<Boolean> ticked = b.driver().findElements(By.cssSelector("#answer input[type=checkbox]")).stream()
                .map(WebElement::isSelected).toList();
        assertEquals(List.of(false, false, false, false, false, true), ticked);
        boxes.get(2).click();
        assertFalse(none.findElement(By.tagName("input")).isSelected(), "another option unticks 'Geen van deze'");
        assertTrue(b.driver().findElement(By.xpath("//div[@id='secondary']/button[normalize-space(.)='Weet ik niet']")).isDisplayed(),
                "don't know is a secondary action under the options");
    }

    /**
     * Answers every question of conversation {@code id} through the service, as a person would: the first option
     * (or with {@code strongest}, the last one before "weet ik niet"), one box of a multi, no comment.
     */
    private String finish(String id, boolean strongest) {
        ConversationState state = readConversation.state(id).orElseThrow();
        while (!state.done()) {
            ConversationState.StepView step = state.step();
            List<ConversationState.OptionView> options = step.options().stream().filter(o -> !o.dontKnow()).toList();
            Object value = switch (step.type()) {
                case "info", "text" -> null;
                case "multi" -> List.of(options.get(0).value());
                default -> options.get(strongest ? options.size() - 1 : 0).value();
            };
            Turn turn = answerQuestion.answer(id, step.id(), value);
            assertEquals(Turn.Kind.OK, turn.kind(), step.id() + ": " + turn.error());
            state = turn.state();
        }
        return id;
    }

    private String start(String flow, String language) {
        return new JsonHttp(base()).post("/api/conversations", "{\"flow\":\"" + flow + "\",\"language\":\"" + language + "\"}")
                .json().get("id").asText();
    }

    /** Keeps the PDFs under target/ so a person can open them. */
    private static final class Files {
        static void write(String id, String language, byte[] pdf) throws IOException {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            java.nio.file.Files.write(dir.resolve("result-" + language + ".pdf"), pdf);
        }
    }
}
