package nl.samenspraak.telegram;

import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.conversation.Caller;
import nl.samenspraak.conversation.ResultHandOvers;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.ConversationState;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static nl.samenspraak.support.PdfText.plain;

/**
 * "Als PDF" under a short result (issue 13, item 5), through the real library and a fake Bot API on loopback that
 * takes sendDocument as Telegram does (a multipart upload): the person gets the web chat's result PDF as a file,
 * in their language; a flow whose result the person may not keep offers no such button.
 */
@MicronautTest(transactional = false)
class TelegramResultPdfTest extends TelegramFixture {
    static final String PUBLIC_URL = "https://samenspraak.example.nl";
    /** Far from Amsterdam (UTC+14): a time told in Amsterdam's zone would be another hour and often another day. */
    static final String ZONE = "Pacific/Kiritimati";
    /** The PDFs one chat may have made a minute here (the service's default is 20). */
    static final int PDFS_A_MINUTE = 3;

    @Inject
    ResultHandOvers handOvers;
    @Inject
    EmbeddedServer server;

    TelegramResultPdfTest() {
        super("737373:result-pdf-test-token", Map.of("telegram.bot-username", "SamenspraakTestBot", "samenspraak.public-url", PUBLIC_URL,
                "samenspraak.conversation.time-zone", ZONE, "samenspraak.limits.documents-per-minute", String.valueOf(PDFS_A_MINUTE)));
    }

    private static HttpResponse<String> http(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(java.net.URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }


    @ParameterizedTest
    @ValueSource(strings = {"nl", "ar"})
    void alsPdfSendsTheResultAsADocument(String language) throws IOException {
        TelegramUser user = user(language);
        TelegramWords words = words();
        ConversationState state = walkTo(user, "werk-jij-diversiteitsproof", null);
        assertTrue(readConversation.resultToKeep(state), "the use case lets this result be kept");
        FakeBotApi.Sent result = user.lastWithButtons();
        String asPdf = words.plain(language, "as_pdf");
        assertTrue(result.buttonTexts().contains(asPdf), "the short result offers " + asPdf + ": " + result.buttonTexts());
        assertTrue(fake.documentsTo(user.chatId).isEmpty(), "no file before it is asked for");

        user.tap(result, "p");
        fake.await(() -> !fake.documentsTo(user.chatId).isEmpty(), 30, "the result PDF");
        List<FakeBotApi.Document> documents = fake.documentsTo(user.chatId);
        assertEquals(1, documents.size(), "one file per tap");
        FakeBotApi.Document document = documents.get(0);
        assertEquals("%PDF", new String(Arrays.copyOf(document.bytes(), 4), StandardCharsets.ISO_8859_1));
        assertEquals(java.util.Set.of(), nl.samenspraak.support.PdfText.fontsNotEmbedded(document.bytes()),
                "every word, the page numbers too, in a font the file carries");
        assertTrue(document.fileName().endsWith(".pdf") && document.fileName().contains("werk-jij-diversiteitsproof"),
                document.fileName());
        String title = library.translations().flowText(language, "werk-jij-diversiteitsproof", "title");
        String text;
        try (PDDocument pdf = Loader.loadPDF(document.bytes())) {
            assertTrue(pdf.getNumberOfPages() >= 1);
            text = plain(new PDFTextStripper().getText(pdf));
        }
        assertTrue(text.contains(plain(title)), language + ": the title in " + text);
        String firstTip = state.result().tips().get(0).title();
        assertTrue(text.contains(plain(TelegramHtmlCheck.visibleText(firstTip))), language + ": the first tip in " + text);
        assertFalse(text.contains("Niets meer."), "no typed answers in the PDF");
        assertTrue(TelegramHtmlCheck.withoutDirectionMarks(document.caption()).contains(title), "the caption names it: " + document.caption());

        // "Bekijk op het web": in a message of its own (never a URL button on the forwardable result), a link to the
        // result only, made as an intermediair's hand-over is: no answers, no code, for at most a day
        assertTrue(result.buttonTexts().contains(words.plain(language, "web_result")), result.buttonTexts().toString());
        assertFalse(result.markup.toString().contains("\"url\"") || result.html.contains(state.id()), "no key on the result: " + result.markup);
        int mark = user.mark();
        java.time.Instant asked = java.time.Instant.now();
        user.tap(result, "o");
        String linkMessage = TelegramHtmlCheck.withoutDirectionMarks(user.textSince(mark));
        java.util.regex.Matcher link = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(PUBLIC_URL) + "/h/([A-Za-z0-9_-]+)")
                .matcher(linkMessage);
        assertTrue(link.find(), "a result-only link: " + linkMessage);
        assertFalse(linkMessage.contains("/c/") || linkMessage.contains(state.id()), "not the conversation's own address: " + linkMessage);
        assertFalse(user.since(mark).stream().anyMatch(FakeBotApi.Sent::hasButtons), "the link message has no buttons");
        java.time.Instant until = handOvers.current(state.id(), Caller.PUBLIC).orElseThrow();
        assertFalse(until.isAfter(asked.plus(java.time.Duration.ofHours(24)).plusSeconds(60)), "at most a day: " + until);
        assertFalse(until.isAfter(readConversation.resultOpenUntil(state.id()).orElseThrow()), "never past the result's own open time");
        java.util.function.Function<java.time.ZoneId, String> in = zone -> nl.samenspraak.i18n.Moments.dayAndTime(until, zone, language)
                .transform(TelegramHtmlCheck::withoutDirectionMarks);
        assertTrue(linkMessage.contains(in.apply(java.time.ZoneId.of(ZONE))), "until when, in the configured zone: "
                + in.apply(java.time.ZoneId.of(ZONE)) + " in " + linkMessage);
        assertFalse(linkMessage.contains(in.apply(java.time.ZoneId.of("Europe/Amsterdam"))), "not in a hard-coded zone");
        // what a forwarded link opens: the result, not the typed answers
        HttpResponse<String> page = http(server.getURL() + "/h/" + link.group(1));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(TelegramHtmlCheck.visibleText(state.result().tips().get(0).title()).split(" ")[0]), page.body());
        assertFalse(page.body().contains("Niets meer.") || page.body().contains(state.id()), "no answers and no code on the page");

        // the result stays live: "Als PDF" again gives the file again, /resultaat offers it again
        user.say("/resultaat");
        assertTrue(user.lastWithButtons().buttonTexts().contains(asPdf), user.lastWithButtons().buttonTexts().toString());
        assertEquals(List.of(), fake.problems());
    }

    /**
     * A PDF is made anew at each tap, a tenth to a quarter of a second of CPU: a chat tapping "Als PDF" in a loop kept
     * a core busy. Each chat has the web's share a minute; the next tap is told, in its language, to try again later.
     */
    @Test
    void aChatGetsAFewPdfsAMinuteThenIsToldToWait() {
        TelegramUser user = user("ar");
        walkTo(user, "werk-jij-diversiteitsproof", null);
        for (int i = 1; i <= PDFS_A_MINUTE; i++) {
            if (i > 1) {
                user.say("/resultaat"); // the same button again so soon sends no second file (TelegramPdfTapTest)
            }
            user.tap(user.lastWithButtons(), "p");
            int made = i;
            fake.await(() -> fake.documentsTo(user.chatId).size() == made, 30, "PDF " + made);
        }
        user.say("/resultaat");
        int mark = user.mark();
        user.tap(user.lastWithButtons(), "p");
        String told = TelegramHtmlCheck.withoutDirectionMarks(user.textSince(mark));
        assertTrue(told.contains(words().shared("ar", "error.too_many_attempts", Map.of())), "told to wait, in Arabic: " + told);
        assertEquals(PDFS_A_MINUTE, fake.documentsTo(user.chatId).size(), "no file beyond the chat's share");

        TelegramUser other = user("nl");
        walkTo(other, "werk-jij-diversiteitsproof", null);
        other.tap(other.lastWithButtons(), "p");
        fake.await(() -> fake.documentsTo(other.chatId).size() == 1, 30, "another chat's PDF");
        assertEquals(List.of(), fake.problems());
    }

    @Test
    void aResultThePersonMayNotKeepOffersNoPdf() {
        TelegramUser user = user("nl");
        assertFalse(readConversation.resultToKeep(walkTo(user, "cultureel-interview", null)), "the use case keeps the interview's result in");
        String asPdf = words().plain("nl", "as_pdf");
        String web = words().plain("nl", "web_result");
        user.sent().forEach(m -> assertFalse(m.buttonTexts().contains(asPdf) || m.buttonTexts().contains(web),
                "no PDF and no web link for a private story: " + m));
        user.say("/resultaat");
        assertFalse(user.last().buttonTexts().contains(asPdf), user.last().toString());
        // an old or forged "p" tap gets no file either
        FakeBotApi.Sent live = user.last();
        user.tap(live, "p");
        assertTrue(fake.documentsTo(user.chatId).isEmpty(), "no file of the interview");
        assertEquals(List.of(), fake.problems());
    }
}
