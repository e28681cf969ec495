package nl.samenspraak.telegram;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.conversation.StartConversation;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.storage.AnswerRecord;
import nl.samenspraak.storage.AnswerRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the Telegram tests against the {@link FakeBotApi} on loopback share, so each says only what it checks: one
 * application context for the class, polling a fake Bot API of the class's own bot (a token of its own: updates a
 * bot handled are not handled again in the suite's shared database), people who type and tap ({@link #user}), the
 * bot's words as a person reads them, and where a chat stands (its conversation, step, stored answers, the notices
 * of its taps). A subclass is a {@code @MicronautTest(transactional = false)} and gives its token and settings to
 * the constructor. The tests that start contexts themselves (restarts, several instances) use the static
 * helpers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TelegramFixture implements TestPropertyProvider {
    final String token;
    final FakeBotApi fake;
    private final Map<String, String> settingsOfTheClass;

    @Inject
    StartConversation startConversation;
    @Inject
    ReadConversation readConversation;
    @Inject
    FlowLibrary library;
    @Inject
    TelegramChatRepository chats;
    @Inject
    TelegramSettings settings;
    @Inject
    TelegramChannel channel;
    @Inject
    AnswerRepository answers;
    @Inject
    DataSource dataSource;

    TelegramFixture(String token) {
        this(token, Map.of());
    }

    /** With the class's own {@code settings} over the shared ones. */
    TelegramFixture(String token, Map<String, String> settings) {
        this.token = token;
        this.fake = new FakeBotApi(token);
        this.settingsOfTheClass = settings;
    }

    /** The bot polls the fake with a short wait, and retries a failed call after 20 ms rather than a second. */
    @Override
    public final Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(Map.of("telegram.bot-token", token, "telegram.api-url", fake.url(),
                "telegram.poll-timeout", "1", "telegram.retry.first-delay", "20ms"));
        properties.putAll(settingsOfTheClass);
        return properties;
    }

    @AfterAll
    void stop() {
        channel.close();
        fake.close();
    }

    /** A new person whose Telegram app speaks {@code languageCode} (null: names none); each action waits for the bot. */
    TelegramUser user(String languageCode) {
        return TelegramUser.polling(fake, languageCode);
    }

    TelegramWords words() {
        return new TelegramWords(library, new TextRenderer());
    }

    /** The bot's own words as the person reads them (no markup). */
    String say(String language, String key) {
        return say(language, key, Map.of());
    }

    String say(String language, String key, Map<String, ?> parameters) {
        return TelegramHtmlCheck.visibleText(words().say(language, key, parameters));
    }

    TelegramChatRecord chat(TelegramUser user) {
        return chats.findById(settings.chatIds().hash(user.chatId)).orElseThrow();
    }

    String conversationOf(TelegramUser user) {
        return chat(user).conversationId();
    }

    ConversationState state(TelegramUser user) {
        return readConversation.state(conversationOf(user)).orElseThrow();
    }

    String step(TelegramUser user) {
        return state(user).step().id();
    }

    /** The stored answers of a conversation by step, as stored (JSON). */
    Map<String, String> stored(String conversationId) {
        return answers.findByConversationId(conversationId).stream()
                .collect(Collectors.toMap(AnswerRecord::stepId, AnswerRecord::answerValue));
    }

    /** The notices shown for the tap with {@code callbackId} ("" for none), one per answer the bot gave it. */
    List<String> notices(String callbackId) {
        return fake.calls("answerCallbackQuery").stream().filter(c -> c.body().path("callback_query_id").asText().equals(callbackId))
                .map(c -> c.body().path("text").asText("")).toList();
    }

    /**
     * Starts {@code flowId} and taps through it (the first option, the first toggle, "Niets meer." typed, Afronden
     * under "Controleer je antwoorden") until {@code stepId} is asked, or with null until it is finished.
     */
    ConversationState walkTo(TelegramUser user, String flowId, String stepId) {
        return walkTo(user, flowId, stepId, this::state);
    }

    /** As {@link #walkTo(TelegramUser, String, String)}, reading the chat's conversation with {@code stateOf}. */
    static ConversationState walkTo(TelegramUser user, String flowId, String stepId,
                                    java.util.function.Function<TelegramUser, ConversationState> stateOf) {
        user.say("/start " + flowId);
        for (int guard = 0; guard < 80; guard++) {
            ConversationState state = stateOf.apply(user);
            if (stepId == null ? state.done() : !state.done() && state.step().id().equals(stepId)) {
                return state;
            }
            if (user.last().buttonData().contains("r")) {
                user.tap(user.last(), "r"); // "Controleer je antwoorden": Afronden
                continue;
            }
            switch (state.step().type()) {
                case "info" -> user.tap("n");
                case "text" -> {
                    user.say("Niets meer.");
                    user.tap("k");
                }
                case "multi" -> {
                    user.tap("t:0");
                    user.tap("k");
                }
                default -> user.tap("a:0");
            }
        }
        throw new AssertionError(flowId + " never reached " + (stepId == null ? "its end" : stepId) + "; at "
                + stateOf.apply(user).step().id() + ": " + user.last());
    }

    /** Starts the cultural interview and answers until "leefwereld", its first open question; returns the user. */
    TelegramUser toTheInterviewsOpenQuestion(TelegramUser user) {
        user.say("/start cultureel-interview");
        user.tap("n");
        user.tap("a:0");
        user.tap("s");
        user.tap("a:1");
        return user;
    }

    /** A count (or another number) from the database, read outside the application's transactions. */
    long count(String sql, Object... parameters) throws SQLException {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** A connection of its own to the application's database (close it). */
    Connection connection() throws SQLException {
        return DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
    }

    /** The conversation a chat is in, read from the beans of a context a test started itself. */
    static String conversationOf(ApplicationContext context, TelegramUser user) {
        TelegramSettings settings = context.getBean(TelegramSettings.class);
        return context.getBean(TelegramChatRepository.class).findById(settings.chatIds().hash(user.chatId)).orElseThrow().conversationId();
    }

    /** Audio that looks like an Ogg file to whoever checks its first bytes, the same for the same size. */
    static byte[] audio(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(size).nextBytes(bytes);
        bytes[0] = 'O';
        bytes[1] = 'g';
        bytes[2] = 'g';
        bytes[3] = 'S';
        return bytes;
    }
}
