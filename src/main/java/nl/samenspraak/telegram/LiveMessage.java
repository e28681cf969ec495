package nl.samenspraak.telegram;

import nl.samenspraak.conversation.ConversationState.StepView;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The chat's live-message state, and the one place that saves the chat's row: which message has the buttons
 * that still count (exactly one per chat; a tap on any other gets "already answered"), the step they answer,
 * the options toggled on a multi question, and the conversation the chat is in.
 */
final class LiveMessage {
    private final Chats chats;
    private final ReplySender sender;

    LiveMessage(Chats chats, ReplySender sender) {
        this.chats = chats;
        this.sender = sender;
    }

    /**
     * Sends a reply whose buttons become the live ones (the caller retired the old ones); one that names no
     * conversation is about the chat's current one, if any.
     */
    Long show(ChatContext chat, Reply reply) {
        Long messageId = sender.send(chat.chatId, reply.about(chat.conversationId()));
        if (reply.keyboard() != null) {
            chat.update(chat.ensureRecord().withLive(messageId, reply.step(), reply.list()));
        }
        if (reply.keyboard() != null || chat.stored()) {
            chats.save(chat);
        }
        return messageId;
    }

    /** Takes the buttons off the live message, e.g. the question just answered (saved with the next change). */
    void retire(ChatContext chat) {
        Long live = chat.liveMessageId();
        if (live != null) {
            sender.removeButtons(chat.chatId, live);
            chat.update(chat.record().withLive(null, null, null));
        }
    }

    void retireAndSave(ChatContext chat) {
        boolean had = chat.liveMessageId() != null;
        retire(chat);
        if (had) {
            chats.save(chat);
        }
    }

    /**
     * The Telegram id of the message with the live buttons: the stored one, or, when it was stored while the
     * message still waited in the outbox, the id it got when it was sent; empty while it still waits.
     */
    java.util.Optional<Long> liveTelegramId(ChatContext chat) {
        Long live = chat.liveMessageId();
        return live == null ? java.util.Optional.empty() : sender.sentId(live);
    }

    /** Whether the chat's live question is still on its way to Telegram (being sent, perhaps by another instance). */
    boolean liveOnItsWay(ChatContext chat) {
        Long live = chat.liveMessageId();
        return live != null && sender.onItsWay(live);
    }

    /** Saves what changed in the chat's row, if the chat has one or must have one now. */
    void save(ChatContext chat) {
        chats.save(chat);
    }

    void saveIfStored(ChatContext chat) {
        if (chat.stored()) {
            chats.save(chat);
        }
    }

    /** Makes {@code conversationId} the chat's current conversation and remembers the chat had it. */
    void turnTo(ChatContext chat, String conversationId) {
        chat.update(chat.ensureRecord().withConversation(conversationId));
        chats.save(chat);
        chats.link(chat, conversationId);
    }

    /** The chat is in no conversation any more (paused, or the conversation is gone). */
    void leaveConversation(ChatContext chat) {
        chat.update(chat.ensureRecord().withConversation(null));
        saveIfStored(chat);
    }

    void language(ChatContext chat, String code) {
        chat.update(chat.ensureRecord().withLanguage(code));
        chats.save(chat);
    }

    /**
     * The options toggled so far on the live multi question, by their places in its list of options as {@code step}
     * lists them now. Ticks made on another list (the question's options put in another order by a version published
     * since) are none of these places: dropped, rather than ticking other options than the person did. Ticks kept
     * without the list they were made on (before it was kept with them) count in the list asked now.
     */
    Set<Integer> selection(ChatContext chat, StepView step) {
        String s = chat.record() == null ? null : chat.record().selection();
        Set<Integer> chosen = new TreeSet<>();
        if (s == null || s.isBlank()) {
            return chosen;
        }
        int at = s.lastIndexOf('@');
        if (at >= 0 && !s.substring(at + 1).equals(Callback.mark(step))) {
            return chosen;
        }
        String places = at >= 0 ? s.substring(0, at) : s;
        Arrays.stream(places.split(",")).map(String::trim).filter(p -> p.matches("\\d{1,4}")).map(Integer::valueOf).forEach(chosen::add);
        return chosen;
    }

    /** Keeps {@code selection}, places in the options of {@code step} as listed now, with the mark of that list. */
    void select(ChatContext chat, Set<Integer> selection, StepView step) {
        chat.update(chat.record().withSelection(selection.stream().map(String::valueOf).collect(Collectors.joining(","))
                + "@" + Callback.mark(step)));
        chats.save(chat);
    }

    /** Takes the chat's row away, and with it the list of its conversations. */
    void delete(ChatContext chat) {
        chats.delete(chat);
    }
}
