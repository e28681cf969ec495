package nl.samenspraak.telegram;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.TextRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /vergeet} on one instance while another is still uploading the chat's result PDF (two instances in webhook
 * mode on one PostgreSQL, as a cluster runs them; the same happens on one instance, whose chat goes on while the file
 * is made and uploaded). The PDF holds the person's answers, so on a shared phone it must not stay in the chat the person had
 * forgotten: it is deleted once Telegram took it, and no id of the forgotten chat is left behind by it.
 */
class TelegramForgetOnTwoInstancesTest {
    private static final String TOKEN = "8124:forget-two-instances-token";
    private static final String SECRET = "forget-two-instances-secret_0123456789";

    private final InstancesOnPostgres instances = new InstancesOnPostgres(TOKEN);

    @AfterEach
    void stop() {
        instances.close();
    }

    @Test
    void aResultPdfOnItsWayWhenVergeetIsConfirmedElsewhereIsDeletedOnceItArrivedAndLeavesNoIdOfTheChat() throws Exception {
        try (FakeBotApi fake = new FakeBotApi(TOKEN)) {
            EmbeddedServer a = start(fake.url());
            EmbeddedServer b = start(fake.url());
            AtomicReference<EmbeddedServer> to = new AtomicReference<>(a);
            TelegramUser user = new TelegramUser(fake, "nl", update -> assertEquals(200, post(to.get(), update)));
            TelegramFixture.walkTo(user, "werk-jij-diversiteitsproof", null, u -> state(a, u));

            // the person asks for the result as a PDF on A; Telegram has not yet answered the upload...
            fake.holdDocumentsTo(user.chatId);
            CompletableFuture<Integer> asked = CompletableFuture.supplyAsync(() -> post(a, user.tapUpdate(user.lastWithButtons(), "p")));
            fake.awaitCall(c -> c.method().equals("senddocument") && c.body().path("chat_id").asLong() == user.chatId,
                    "the result PDF on its way");
            // ...when /vergeet is asked and confirmed by way of B
            to.set(b);
            user.say("/vergeet");
            FakeBotApi.Sent confirm = user.last();
            int mark = user.mark();
            user.tap(confirm, "v:y");
            String forgotten = TelegramHtmlCheck.visibleText(words(b).say("nl", "forgotten", Map.of()));
            fake.await(() -> user.textSince(mark).contains(forgotten), 10, "the reply to /vergeet");

            fake.releaseSending();
            assertEquals(200, asked.get(60, TimeUnit.SECONDS));
            // the tap is acknowledged at once; the file goes apart from it
            fake.await(() -> !fake.documentsTo(user.chatId).isEmpty(), 30, "the upload returned");
            List<FakeBotApi.Document> pdfs = fake.documentsTo(user.chatId);
            assertEquals(1, pdfs.size(), "Telegram took the PDF");
            int pdf = pdfs.get(0).messageId();
            fake.await(() -> fake.deletedIn(user.chatId).contains(pdf), 10, "the PDF that arrived after the chat was forgotten deleted");

            assertEquals(0, notedIds(b, user), "no message id of the forgotten chat is kept");
            assertTrue(fake.visibleIn(user.chatId).stream().allMatch(m -> TelegramHtmlCheck.visibleText(m.text).contains(forgotten)),
                    "of the bot's messages only the one that says the chat was forgotten is left: " + fake.visibleIn(user.chatId));
            assertEquals(List.of(), fake.problems());
        }
    }

    private long notedIds(EmbeddedServer server, TelegramUser user) throws Exception {
        String hash = server.getApplicationContext().getBean(TelegramSettings.class).chatIds().hash(user.chatId);
        try (Connection c = instances.connect();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM telegram_chat_message WHERE chat_hash = ?")) {
            s.setString(1, hash);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static ConversationState state(EmbeddedServer server, TelegramUser user) {
        ApplicationContext context = server.getApplicationContext();
        return context.getBean(ReadConversation.class).state(TelegramFixture.conversationOf(context, user)).orElseThrow();
    }

    private static TelegramWords words(EmbeddedServer server) {
        return new TelegramWords(server.getApplicationContext().getBean(FlowLibrary.class), new TextRenderer());
    }

    private EmbeddedServer start(String apiUrl) {
        return instances.startWebhook(apiUrl, SECRET);
    }

    private static int post(EmbeddedServer server, com.fasterxml.jackson.databind.node.ObjectNode update) {
        return InstancesOnPostgres.post(server, SECRET, update);
    }
}
