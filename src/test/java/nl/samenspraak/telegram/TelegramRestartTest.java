package nl.samenspraak.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.storage.AnswerRepository;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An update that comes again after a restart (the service died before its next poll confirmed it) is
 * recognised from the database and ignored: its answer is not given twice, nothing is sent again.
 */
class TelegramRestartTest {
    static final String TOKEN = "888:restart-test-token";

    @Test
    void anUpdateSeenBeforeARestartIsIgnoredAfterIt() {
        try (FakeBotApi fake = new FakeBotApi(TOKEN)) {
            Map<String, Object> properties = Map.of("telegram.bot-token", TOKEN, "telegram.api-url", fake.url(),
                    "telegram.poll-timeout", "1");
            TelegramUser user = TelegramUser.polling(fake, "nl");
            ObjectNode tap;
            String conversation;
            try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
                user.say("/start voorbeeld");
                user.tap("n");
                tap = user.tapUpdate(user.lastWithButtons(), "a:0");
                fake.enqueue(tap);
                fake.awaitConfirmed(tap.get("update_id").asLong());
                conversation = TelegramFixture.conversationOf(first.getApplicationContext(), user);
            }
            int sent = user.mark();
            int answered = fake.calls("answerCallbackQuery").size();

            try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
                fake.unconfirm(tap);
                fake.awaitConfirmed(tap.get("update_id").asLong());

                ApplicationContext context = second.getApplicationContext();
                assertEquals(sent, user.mark(), "nothing is sent again");
                assertEquals(answered, fake.calls("answerCallbackQuery").size(), "the callback is not answered again");
                ReadConversation readConversation = context.getBean(ReadConversation.class);
                assertEquals("ervaring_jaren", readConversation.state(conversation).orElseThrow().step().id());
                assertEquals(1, context.getBean(AnswerRepository.class).findByConversationId(conversation).size());

                user.say("12");
                assertEquals("talen", readConversation.state(conversation).orElseThrow().step().id(), "and the chat goes on");
            }
        }
    }
}
