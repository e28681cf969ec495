package nl.samenspraak.telegram;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.views.velocity.VelocityViewsRenderer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.pdf.ResultPdf;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Als PDF" while Telegram will not take the file (the Telegram probe of December 2026). A file Telegram refused for
 * good (a 400) was dropped without a word, and a second tap within 30 s was told the file was on its way; a file
 * Telegram could not take for now (a 502, a 429) was made again for every try, 0.3-4 s of a core each. The files made
 * are counted where they are made ({@link CountedResultPdf}), not timed.
 */
@MicronautTest(transactional = false)
class TelegramPdfRefusedTest extends TelegramFixture {

    TelegramPdfRefusedTest() {
        super("767676:pdf-refused-test-token", Map.of("test.pdf-counted", "true", "telegram.outbox.scan-every", "100ms"));
    }

    /** The real PDF, counted each time one is made. */
    @Singleton
    @Replaces(ResultPdf.class)
    @Requires(property = "test.pdf-counted")
    static class CountedResultPdf extends ResultPdf {
        static final AtomicInteger MADE = new AtomicInteger();

        CountedResultPdf(FlowLibrary library, VelocityViewsRenderer<Object, HttpRequest<?>> views) {
            super(library, views);
        }

        @Override
        public byte[] make(ConversationState state, LocalDate day, String teamName) {
            MADE.incrementAndGet();
            return super.make(state, day, teamName);
        }
    }

    @Inject
    MadeFiles madeFiles;

    @BeforeEach
    void none() {
        CountedResultPdf.MADE.set(0);
    }

    @Test
    void aFileTelegramRefusesIsSaidSoAndTheNextTapTriesAgain() {
        TelegramUser user = user("nl");
        walkTo(user, "werk-jij-diversiteitsproof", null);
        FakeBotApi.Sent result = user.lastWithButtons();
        fake.refuseNext("sendDocument", "file is too big");
        int before = user.mark();
        user.tap(result, "p");
        fake.await(() -> user.textSince(before).contains(say("nl", "pdf_not_sent")), 30, "the person told the PDF did not go");
        assertEquals(List.of(), fake.documentsTo(user.chatId), "no file");

        // a tap a moment later (well within 30 s) makes the file again, rather than "it is on its way"
        String again = user.tap(result, "p");
        assertFalse(notices(again).contains(words().plain("nl", "pdf_coming")), "not 'on its way': " + notices(again));
        fake.await(() -> fake.documentsTo(user.chatId).size() == 1, 30, "the PDF, asked for again");
        assertEquals(2, CountedResultPdf.MADE.get(), "made for each tap");
        assertEquals(List.of(), fake.problems());
    }

    @Test
    void theRefusalIsSaidInTheChatsLanguage() {
        TelegramUser user = user("ar");
        walkTo(user, "werk-jij-diversiteitsproof", null);
        fake.refuseNext("sendDocument", "file is too big");
        int before = user.mark();
        user.tap(user.lastWithButtons(), "p");
        String words = TelegramHtmlCheck.withoutDirectionMarks(say("ar", "pdf_not_sent"));
        fake.await(() -> user.textSince(before).contains(words), 30, "the person told, in Arabic, the PDF did not go");
    }

    @Test
    void aFileTelegramCannotTakeForNowIsMadeOnceAndSentAsMade() {
        TelegramUser user = user("nl");
        walkTo(user, "werk-jij-diversiteitsproof", null);
        fake.badGatewayNext("sendDocument");
        fake.badGatewayNext("sendDocument");
        fake.tooManyRequestsNext("sendDocument", 0);
        user.tap(user.lastWithButtons(), "p");
        fake.await(() -> fake.documentsTo(user.chatId).size() == 1, 30, "the PDF, once Telegram takes it");
        assertEquals(4, fake.calls("sendDocument").stream().filter(c -> c.body().path("chat_id").asLong() == user.chatId).count(),
                "three tries Telegram could not take, and the fourth");
        assertEquals(1, CountedResultPdf.MADE.get(), "the file made once for the tap, not for every try");
        assertTrue(fake.documentsTo(user.chatId).get(0).bytes().length > 1000, "the file itself");
        fake.await(() -> madeFiles.size() == 0, 5, "the file kept for the next try gone once it went");
    }

    /** The file kept while Telegram asks to wait holds the person's answers: {@code /vergeet} takes it away at once. */
    @Test
    void aFileKeptForTheNextTryGoesWithVergeet() {
        TelegramUser user = user("nl");
        walkTo(user, "werk-jij-diversiteitsproof", null);
        fake.tooManyRequestsNext("sendDocument", 600);
        user.tap(user.lastWithButtons(), "p");
        fake.await(() -> madeFiles.size() == 1, 30, "the file kept while Telegram asks to wait");
        user.say("/vergeet");
        user.tap(user.lastWithButtons(), "v:y");
        assertEquals(0, madeFiles.size(), "the file gone with the chat");
        assertEquals(List.of(), fake.documentsTo(user.chatId));
    }
}
