package nl.samenspraak.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** A person in a Telegram chat with the bot: types, taps buttons, and reads what the bot sent. */
final class TelegramUser {
    private static final AtomicLong NEXT_CHAT = new AtomicLong(4_200_000_000L + (System.nanoTime() % 1_000_000) * 1000);

    final long chatId;
    final String languageCode;
    private final FakeBotApi api;
    private final Consumer<ObjectNode> delivery;

    TelegramUser(FakeBotApi api, String languageCode, Consumer<ObjectNode> delivery) {
        this.api = api;
        this.chatId = NEXT_CHAT.incrementAndGet();
        this.languageCode = languageCode;
        this.delivery = delivery;
    }

    /** A user whose updates come by long polling: each call returns once the bot handled the update. */
    static TelegramUser polling(FakeBotApi api, String languageCode) {
        return new TelegramUser(api, languageCode, update -> {
            api.enqueue(update);
            api.awaitConfirmed(update.get("update_id").asLong());
        });
    }

    /** Sends a message; returns its message id. */
    int say(String text) {
        ObjectNode update = api.message(chatId, languageCode, text);
        delivery.accept(update);
        return update.get("message").get("message_id").asInt();
    }

    /** Sends a message as a reply to (swiped on) the message {@code messageId}; returns its message id. */
    int replyTo(int messageId, String text) {
        ObjectNode update = api.message(chatId, languageCode, text);
        ObjectNode quoted = ((ObjectNode) update.get("message")).putObject("reply_to_message").put("message_id", messageId)
                .put("date", java.time.Instant.now().getEpochSecond() - 60).put("text", "...");
        quoted.putObject("chat").put("id", chatId).put("type", "private").put("first_name", "Test");
        quoted.putObject("from").put("id", 1).put("is_bot", true).put("first_name", "Samenspraak");
        delivery.accept(update);
        return update.get("message").get("message_id").asInt();
    }

    /**
     * Forwards a message someone else wrote (Telegram marks it with {@code forward_origin}: who wrote it and when);
     * returns its message id.
     */
    int forward(String text) {
        ObjectNode update = api.message(chatId, languageCode, text);
        ObjectNode origin = ((ObjectNode) update.get("message")).putObject("forward_origin").put("type", "user")
                .put("date", java.time.Instant.now().getEpochSecond() - 3600);
        origin.putObject("sender_user").put("id", 4242).put("is_bot", false).put("first_name", "Someone");
        delivery.accept(update);
        return update.get("message").get("message_id").asInt();
    }

    ObjectNode message(String text) {
        return api.message(chatId, languageCode, text);
    }

    /** Sends a photo, sticker or voice message. */
    void send(String kind) {
        delivery.accept(api.media(chatId, languageCode, kind));
    }

    /** Sends a voice message of {@code seconds} whose audio is {@code audio}. */
    void sendVoice(int seconds, byte[] audio) {
        delivery.accept(api.voice(chatId, languageCode, seconds, audio));
    }

    /** Sends a document (a PDF). */
    void sendDocument() {
        delivery.accept(api.document(chatId, languageCode));
    }

    /** Changes the text of a message sent earlier. */
    void edit(int messageId, String text) {
        delivery.accept(api.edit(chatId, languageCode, messageId, text));
    }

    /** Taps the button with {@code data} on the last message that has buttons; returns the callback query id. */
    String tap(String data) {
        return tap(lastWithButtons(), data);
    }

    String tap(FakeBotApi.Sent message, String data) {
        ObjectNode update = api.tap(chatId, languageCode, message.messageId, onButton(message, data));
        delivery.accept(update);
        return update.get("callback_query").get("id").asText();
    }

    ObjectNode tapUpdate(FakeBotApi.Sent message, String data) {
        return api.tap(chatId, languageCode, message.messageId, onButton(message, data));
    }

    /**
     * The data of the button {@code data} names on {@code message}: a button that counts an option by its place says
     * which list it counts in ({@code a:2@Xy3k9Q_b}), which a test names by its place alone ({@code a:2}). Data no
     * button of the message has is sent as it is.
     */
    private static String onButton(FakeBotApi.Sent message, String data) {
        List<String> buttons = message.buttonData();
        return buttons.contains(data) ? data
                : buttons.stream().filter(b -> b.startsWith(data + "@")).findFirst().orElse(data);
    }

    FakeBotApi.Sent last() {
        return api.lastSentTo(chatId);
    }

    FakeBotApi.Sent lastWithButtons() {
        List<FakeBotApi.Sent> all = api.sentTo(chatId);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).hasButtons()) {
                return all.get(i);
            }
        }
        throw new AssertionError("no message with buttons in " + all);
    }

    List<FakeBotApi.Sent> sent() {
        return api.sentTo(chatId);
    }

    /** How many messages the bot has sent so far; with {@link #since(int)} what came after. */
    int mark() {
        return api.sentTo(chatId).size();
    }

    List<FakeBotApi.Sent> since(int mark) {
        List<FakeBotApi.Sent> all = api.sentTo(chatId);
        return all.subList(Math.min(mark, all.size()), all.size());
    }

    /** Everything sent after {@code mark} as one text, without right-to-left marks. */
    String textSince(int mark) {
        StringBuilder b = new StringBuilder();
        since(mark).forEach(s -> b.append(s.text).append('\n'));
        return TelegramHtmlCheck.withoutDirectionMarks(b.toString());
    }
}
