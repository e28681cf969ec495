package nl.samenspraak.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.views.velocity.VelocityViewsRenderer;
import jakarta.inject.Singleton;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.pdf.ResultPdf;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Als PDF" tapped as people tap it (the Telegram probe of December 2026): the file took 3-6 s to make on the
 * probe's machine and the tap was answered only after it, so the button spun for seconds, and a second tap meanwhile
 * brought a second file. Here the file takes 3 s to make (as there), and the tap must be answered at once; a double
 * tap brings one file.
 */
@MicronautTest(transactional = false)
class TelegramPdfTapTest extends TelegramFixture {
    static final Duration MAKING = Duration.ofSeconds(3);

    TelegramPdfTapTest() {
        super("747474:pdf-tap-test-token", Map.of("test.pdf-takes", MAKING.toMillis() + "ms"));
    }

    /** The real PDF, made as slowly as on the probe's machine. */
    @Singleton
    @Replaces(ResultPdf.class)
    @Requires(property = "test.pdf-takes")
    static class SlowResultPdf extends ResultPdf {
        private final Duration takes;

        SlowResultPdf(FlowLibrary library, VelocityViewsRenderer<Object, HttpRequest<?>> views, @Value("${test.pdf-takes}") Duration takes) {
            super(library, views);
            this.takes = takes;
        }

        @Override
        public byte[] make(ConversationState state, LocalDate day, String teamName) {
            try {
                Thread.sleep(takes.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.make(state, day, teamName);
        }
    }

    @Test
    void theTapIsAnsweredAtOnceNotAfterTheFileIsMade() {
        TelegramUser user = user("nl");
        walkTo(user, "werk-jij-diversiteitsproof", null);
        FakeBotApi.Sent result = user.lastWithButtons();
        ObjectNode tap = user.tapUpdate(result, "p");
        String query = tap.get("callback_query").get("id").asText();
        Instant tapped = Instant.now();
        fake.enqueue(tap);
        fake.awaitCall(c -> c.method().equals("answercallbackquery") && c.body().path("callback_query_id").asText().equals(query),
                "the tap answered");
        Instant answered = fake.calls("answercallbackquery").stream()
                .filter(c -> c.body().path("callback_query_id").asText().equals(query)).findFirst().orElseThrow().at();
        assertTrue(Duration.between(tapped, answered).compareTo(Duration.ofSeconds(2)) < 0,
                "the spinner stops at once, not after the " + MAKING.toSeconds() + " s of making the file: "
                        + Duration.between(tapped, answered).toMillis() + " ms");
        fake.await(() -> fake.documentsTo(user.chatId).size() == 1, 30, "the PDF, after it was made");
        assertEquals(List.of(), fake.problems());
    }

    @Test
    void aDoubleTapBringsOneFile() {
        TelegramUser user = user("ar");
        walkTo(user, "werk-jij-diversiteitsproof", null);
        FakeBotApi.Sent result = user.lastWithButtons();
        ObjectNode first = user.tapUpdate(result, "p");
        ObjectNode second = user.tapUpdate(result, "p");
        fake.enqueue(first, second);
        fake.awaitConfirmed(second.get("update_id").asLong());
        fake.await(() -> fake.documentsTo(user.chatId).size() == 1, 30, "the PDF");
        String secondId = second.get("callback_query").get("id").asText();
        fake.awaitCall(c -> c.method().equals("answercallbackquery") && c.body().path("callback_query_id").asText().equals(secondId),
                "the second tap answered too");
        String notice = fake.calls("answercallbackquery").stream().filter(c -> c.body().path("callback_query_id").asText().equals(secondId))
                .findFirst().orElseThrow().body().path("text").asText();
        assertEquals(words().plain("ar", "pdf_coming"), notice, "the second tap says the file is on its way, in Arabic");
        // an impatient third tap a moment later: still one file
        user.tap(result, "p");
        sleep(Duration.ofMillis(MAKING.toMillis() + 1500));
        assertEquals(1, fake.documentsTo(user.chatId).size(), "one file for a double tap");

        // the result asked for again offers the file again
        user.say("/resultaat");
        user.tap(user.lastWithButtons(), "p");
        fake.await(() -> fake.documentsTo(user.chatId).size() == 2, 30, "the PDF asked for again");
        assertEquals(List.of(), fake.problems());
    }

    /**
     * Past the 30 s, while the first file still waits to go (Telegram slow or away, or its instance gone with the
     * upload in flight): a tap brought a second file, and both arrived once Telegram took them (the Telegram probe of
     * December 2026). Now it is told the file is on its way, as within the 30 s.
     */
    @Test
    void aTapWhileTheFirstFileStillWaitsBringsNoSecond() throws Exception {
        TelegramUser user = user("nl");
        walkTo(user, "werk-jij-diversiteitsproof", null);
        FakeBotApi.Sent result = user.lastWithButtons();
        fake.holdDocumentsTo(user.chatId);
        try {
            user.tap(result, "p");
            fake.awaitCall(c -> c.method().equals("senddocument"), "the first file's upload, held in flight");
            try (java.sql.Connection c = connection(); java.sql.Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE telegram_chat SET pdf_asked_at = pdf_asked_at - INTERVAL '31' SECOND WHERE pdf_asked_at IS NOT NULL");
            }
            ObjectNode again = user.tapUpdate(result, "p");
            String againId = again.get("callback_query").get("id").asText();
            fake.enqueue(again);
            fake.awaitConfirmed(again.get("update_id").asLong());
            String notice = fake.calls("answercallbackquery").stream().filter(c -> c.body().path("callback_query_id").asText().equals(againId))
                    .findFirst().orElseThrow().body().path("text").asText();
            assertEquals(words().plain("nl", "pdf_coming"), notice, "the file is still on its way");
        } finally {
            fake.releaseSending();
        }
        fake.await(() -> fake.documentsTo(user.chatId).size() == 1, 30, "the PDF");
        sleep(Duration.ofMillis(MAKING.toMillis() + 1500));
        assertEquals(1, fake.documentsTo(user.chatId).size(), "one file");
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
