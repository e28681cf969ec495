package nl.samenspraak.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.views.velocity.VelocityViewsRenderer;
import jakarta.inject.Singleton;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.pdf.ResultPdf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chat goes on while its result PDF is made (3-6 s on the probe's machine): one chat's updates are handled one
 * after another, and the file was made in the update that asked for it, so a second tap of "Als PDF" spun and a message
 * the person typed meanwhile waited until the file was made. Here the file is made only when the test lets it, so what
 * the chat does meanwhile is seen, not raced.
 */
@MicronautTest(transactional = false)
class TelegramPdfWhileChattingTest extends TelegramFixture {

    TelegramPdfWhileChattingTest() {
        super("757575:pdf-while-chatting-token", Map.of("test.pdf-waits", "true"));
    }

    /** The real PDF, made once the test lets it ({@link #let}); how many were begun and finished. */
    @Singleton
    @Replaces(ResultPdf.class)
    @Requires(property = "test.pdf-waits")
    static class WaitingResultPdf extends ResultPdf {
        static final AtomicInteger BEGUN = new AtomicInteger();
        static final AtomicInteger MADE = new AtomicInteger();
        static final Semaphore LET = new Semaphore(0);

        WaitingResultPdf(FlowLibrary library, VelocityViewsRenderer<Object, HttpRequest<?>> views) {
            super(library, views);
        }

        @Override
        public byte[] make(ConversationState state, LocalDate day, String teamName) {
            BEGUN.incrementAndGet();
            try {
                if (!LET.tryAcquire(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never let the file be made");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            byte[] made = super.make(state, day, teamName);
            MADE.incrementAndGet();
            return made;
        }
    }

    @BeforeEach
    void none() {
        WaitingResultPdf.BEGUN.set(0);
        WaitingResultPdf.MADE.set(0);
        WaitingResultPdf.LET.drainPermits();
    }

    @AfterEach
    void letAnyGo() {
        WaitingResultPdf.LET.release(10);
    }

    @Test
    void aSecondTapAndATypedMessageAreAnsweredWhileTheFileIsMadeAndTheFileComesAfter() {
        TelegramUser user = user("nl");
        walkTo(user, "werk-jij-diversiteitsproof", null);
        FakeBotApi.Sent result = user.lastWithButtons();
        ObjectNode first = user.tapUpdate(result, "p");
        fake.enqueue(first);
        fake.await(() -> WaitingResultPdf.BEGUN.get() == 1, 30, "the file being made");

        int mark = user.mark();
        ObjectNode second = user.tapUpdate(result, "p");
        ObjectNode typed = user.message("/help");
        fake.enqueue(second, typed);
        String secondId = second.get("callback_query").get("id").asText();
        fake.awaitCall(c -> c.method().equals("answercallbackquery") && c.body().path("callback_query_id").asText().equals(secondId),
                "the second tap answered while the file is made");
        fake.await(() -> !user.since(mark).isEmpty(), 30, "the reply to the typed message while the file is made");
        assertEquals(words().plain("nl", "pdf_coming"), fake.calls("answercallbackquery").stream()
                .filter(c -> c.body().path("callback_query_id").asText().equals(secondId)).findFirst().orElseThrow()
                .body().path("text").asText(), "the second tap says the file is on its way");
        assertEquals(List.of(), fake.documentsTo(user.chatId), "no file yet");

        let();
        fake.await(() -> fake.documentsTo(user.chatId).size() == 1, 30, "the file, once made");
        assertTrue(fake.documentsTo(user.chatId).get(0).messageId() > user.since(mark).get(0).messageId,
                "the file comes after the quick reply to the message typed while it was made");
        assertEquals(1, WaitingResultPdf.BEGUN.get(), "one file made for the two taps");
        assertEquals(List.of(), fake.problems());
    }

    /**
     * {@code /vergeet} confirmed while the file is made: the file holds the person's answers, and it is never sent
     * (before, {@code /vergeet} waited for it, and it was sent and then deleted).
     */
    @Test
    void vergeetRightAfterTheTapSendsNoFile() throws InterruptedException {
        TelegramUser user = user("nl");
        walkTo(user, "werk-jij-diversiteitsproof", null);
        fake.enqueue(user.tapUpdate(user.lastWithButtons(), "p"));
        fake.await(() -> WaitingResultPdf.BEGUN.get() == 1, 30, "the file being made");

        int asked = user.mark();
        fake.enqueue(user.message("/vergeet"));
        fake.await(() -> user.since(asked).stream().anyMatch(FakeBotApi.Sent::hasButtons), 30, "/vergeet asks to confirm");
        int confirmed = user.mark();
        fake.enqueue(user.tapUpdate(user.since(asked).stream().filter(FakeBotApi.Sent::hasButtons).findFirst().orElseThrow(), "v:y"));
        fake.await(() -> user.textSince(confirmed).contains(say("nl", "forgotten")), 30, "the chat forgotten while the file is made");

        let();
        fake.await(() -> WaitingResultPdf.MADE.get() == 1, 30, "the file's making over");
        Thread.sleep(2000); // what would follow the making (its upload) has had its moment
        assertEquals(List.of(), fake.calls("senddocument").stream().filter(c -> c.body().path("chat_id").asLong() == user.chatId).toList(),
                "no file sent to the forgotten chat");
        assertEquals(List.of(), fake.problems());
    }

    private static void let() {
        WaitingResultPdf.LET.release();
    }
}
