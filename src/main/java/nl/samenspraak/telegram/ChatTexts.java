package nl.samenspraak.telegram;

import jakarta.inject.Singleton;
import nl.samenspraak.storage.ConversationTraces;

/**
 * The words a Telegram chat keeps for the conversation it is in, outside the answers: a text answer being typed
 * over several messages, the last typed answer (so an edit of its message can replace it), the answer held while the
 * person checks their answers, the options toggled on a multi question. They are the person's words, so they go
 * with the conversation however it goes (forgotten on the web or the API by its code, "nee" to consent, retention),
 * not when the chat happens to be used again. A chat holds them only for its current conversation
 * ({@link TelegramChatRecord#withConversation}), so that conversation's id finds them all. Here whether or not the
 * bot is switched on: rows stay from when it was.
 */
@Singleton
class ChatTexts implements ConversationTraces {
    private final TelegramChatRepository chats;

    ChatTexts(TelegramChatRepository chats) {
        this.chats = chats;
    }

    @Override
    public void forget(Forgotten conversation) {
        chats.forgetTexts(conversation.id());
    }
}
