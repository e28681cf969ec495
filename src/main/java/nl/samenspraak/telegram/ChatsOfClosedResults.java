package nl.samenspraak.telegram;

import jakarta.inject.Singleton;
import nl.samenspraak.storage.ConversationTraces;

import java.time.Duration;
import java.time.Instant;

/**
 * A chat is known by a keyed hash of its id, and the key lies beside the bot's token: whoever holds the database and
 * the token can turn every chat back into a Telegram account, and the chat's list of conversations then says whose
 * answers are whose, also the ones a team sees as anonymous. So a chat forgets a finished conversation once its result
 * no longer opens (the flow's {@code retention.result}, else the service's): from then on its answers are as
 * anonymous as the web's, whose code nobody but the person holds; {@code /vergeet} no longer finds them, as a web
 * code no longer opens them; for a flow the service no longer has, after the service's period. A chat in no conversation is forgotten after {@link #IDLE} (its language with it).
 */
@Singleton
class ChatsOfClosedResults implements ConversationTraces {
    /** As long as an unfinished conversation is kept by default: a chat that came back within it is the same chat. */
    static final Duration IDLE = Duration.ofDays(30);

    private final TelegramChatRepository chats;
    private final TelegramConversationRepository conversations;

    ChatsOfClosedResults(TelegramChatRepository chats, TelegramConversationRepository conversations) {
        this.chats = chats;
        this.conversations = conversations;
    }

    @Override
    public void resultsClosed(ClosedResults closed, Instant now) {
        closed.byFlow().forEach((flowId, before) -> {
            chats.leaveFinished(flowId, before);
            conversations.forgetFinished(flowId, before);
        });
        chats.leaveFinishedOfOtherFlows(closed.flowsLoaded(), closed.otherFlows());
        conversations.forgetFinishedOfOtherFlows(closed.flowsLoaded(), closed.otherFlows());
        chats.forgetIdle(now.minus(IDLE));
    }
}
