package nl.samenspraak.telegram;

import jakarta.inject.Inject;
import nl.samenspraak.conversation.DeleteConversation;
import nl.samenspraak.conversation.OneCommit;
import nl.samenspraak.conversation.StartConversation;
import nl.samenspraak.flow.Channel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Telegram tables on every database we support; one subclass per database. */
abstract class TelegramStoreContract {
    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Inject
    SeenUpdates seen;
    @Inject
    TelegramUpdateRepository updates;
    @Inject
    Chats chats;
    @Inject
    TelegramChatRepository chatRows;
    @Inject
    TelegramConversationRepository links;
    @Inject
    StartConversation startConversation;
    @Inject
    DeleteConversation deleteConversation;
    @Inject
    OneCommit oneCommit;
    @Inject
    Outbox outbox;
    @Inject
    TelegramOutboxRepository outboxRows;
    @Inject
    ChatMessages chatMessages;
    @Inject
    TelegramChatMessageRepository chatMessageRows;

    @Test
    void anOutboxRowIsTakenBySenderAtATimeAndOnlyAtTheHeadOfItsChat() {
        long chat = NEXT.incrementAndGet();
        long first = outbox.send(chat, "een", null);
        long second = outbox.send(chat, "twee", null);
        assertEquals(first, outboxRows.head(outbox.botId(), chat).orElseThrow().id(), "the chat's first row is its head");
        Instant now = outbox.now();
        assertEquals(1, outboxRows.claim(first, "a", now, now.plusSeconds(60)));
        assertEquals(0, outboxRows.claim(first, "b", now, now.plusSeconds(60)), "a second sender does not get a held row");
        assertEquals(1, outboxRows.later(first, "a", now.plusSeconds(20)), "told to wait");
        assertEquals(0, outboxRows.claim(first, "b", now, now.plusSeconds(60)), "not before its time");
        assertEquals(1, outboxRows.claim(first, "b", now.plusSeconds(21), now.plusSeconds(81)), "then anyone may");
        assertEquals(0, outboxRows.sent(first, "a", now, 77L), "only the holder marks it sent");
        assertEquals(1, outboxRows.sent(first, "b", now, 77L));
        OutboxRow sent = outboxRows.findById(first).orElseThrow();
        assertEquals(0, sent.chatId(), "a sent row keeps no chat id");
        assertNull(sent.body(), "nor the text");
        assertEquals(java.util.Optional.of(77L), outbox.messageId(Outbox.placeholder(first)), "its Telegram id stays");
        assertEquals(second, outboxRows.head(outbox.botId(), chat).orElseThrow().id(), "then the second is the head");
        assertTrue(outboxRows.dueHeads(outbox.botId(), now, now.plusSeconds(1), 1000).stream().anyMatch(r -> r.id() == second),
                "and due for any sender");
        assertEquals(1, outboxRows.claim(second, "a", now, now.plusSeconds(60)));
        assertEquals(1, outboxRows.release("a"), "a stopping sender lets go of its rows");
        assertEquals(1, outboxRows.claim(second, "c", now, now.plusSeconds(60)));
    }

    /**
     * {@code /vergeet}: every message still waiting for the chat is withdrawn (one on its way too: its sender finds its
     * lease gone when it comes to mark it sent), the chat's deletions are not, another chat's rows neither; a deletion
     * Telegram refused keeps nothing but that it was refused.
     */
    @Test
    void aForgottenChatsWaitingMessagesAreWithdrawnButNotItsDeletions() {
        long chat = NEXT.incrementAndGet();
        long other = NEXT.incrementAndGet();
        long onItsWay = outbox.send(chat, "een", null);
        long waiting = outbox.send(chat, "twee", null);
        long deletion = outbox.delete(chat, List.of(5, 6), null).id();
        long elsewhere = outbox.send(other, "drie", null);
        Instant now = outbox.now();
        assertEquals(1, outboxRows.claim(onItsWay, "a", now, now.plusSeconds(60)));

        assertEquals(2, outbox.withdrawChat(chat), "both messages, not the deletion");
        assertEquals(0, outboxRows.sent(onItsWay, "a", now, 99L), "the sender of the one on its way finds its lease gone");
        assertNull(outboxRows.findById(waiting).orElseThrow().body(), "the waiting one keeps no text");
        assertEquals(deletion, outboxRows.head(outbox.botId(), chat).orElseThrow().id(), "the deletion is next in the chat");
        assertEquals(elsewhere, outboxRows.head(outbox.botId(), other).orElseThrow().id(), "another chat's row stays");

        assertEquals(1, outboxRows.claim(deletion, "a", now, now.plusSeconds(60)));
        assertEquals(1, outboxRows.refused(deletion, "a", now, Outbox.REFUSED));
        OutboxRow refused = outboxRows.findById(deletion).orElseThrow();
        assertTrue(Outbox.refused(refused), "a reply written after it can tell");
        assertEquals(0, refused.chatId(), "no chat id kept");
        assertTrue(outboxRows.head(outbox.botId(), chat).isEmpty(), "nothing left for the chat");
    }

    /**
     * A chat whose person blocked the bot (Telegram's 403): everything waiting for it is given up at once, one on its way
     * too (its sender finds its lease gone), a deletion kept as refused; another chat's rows stay.
     */
    @Test
    void aChatThatBlockedTheBotHasEverythingWaitingGivenUp() {
        long chat = NEXT.incrementAndGet();
        long other = NEXT.incrementAndGet();
        long onItsWay = outbox.send(chat, "een", null);
        long deletion = outbox.delete(chat, List.of(5, 6), null).id();
        long waiting = outbox.send(chat, "twee", null);
        long elsewhere = outbox.send(other, "drie", null);
        Instant now = outbox.now();
        assertEquals(1, outboxRows.claim(onItsWay, "a", now, now.plusSeconds(60)));

        assertEquals(3, outboxRows.giveUpChat(outbox.botId(), chat, now, Outbox.REFUSED));
        assertEquals(0, outboxRows.sent(onItsWay, "a", now, 99L), "the sender of the one on its way finds its lease gone");
        assertTrue(outboxRows.head(outbox.botId(), chat).isEmpty(), "nothing left for the chat");
        OutboxRow message = outboxRows.findById(waiting).orElseThrow();
        assertNull(message.body(), "no text kept");
        assertEquals(0, message.chatId(), "no chat id kept");
        OutboxRow refused = outboxRows.findById(deletion).orElseThrow();
        assertTrue(Outbox.refused(refused), "the deletion kept as refused");
        assertEquals(0, refused.chatId());
        assertEquals(elsewhere, outboxRows.head(outbox.botId(), other).orElseThrow().id(), "another chat's row stays");
    }

    /** What {@code /vergeet} deletes: the chat's ids of the last 48 hours, each once, in groups of 100; none kept after. */
    @Test
    void aChatsMessageIdsAreTakenOnceAndOnlyTheDeletableOnes() {
        String chat = "chat-" + NEXT.incrementAndGet();
        String other = "chat-" + NEXT.incrementAndGet();
        for (int id = 1; id <= 150; id++) {
            chatMessages.note(chat, id);
        }
        chatMessages.note(chat, 7); // an id noted again (the same message) is one
        chatMessages.note(other, 7);
        Instant old = Instant.now().minus(ChatMessages.DELETABLE).minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
        chatMessageRows.note(chat, 1000, old);
        List<List<Integer>> calls = chatMessages.take(chat);
        assertEquals(List.of(100, 50), calls.stream().map(List::size).toList(), "at most 100 a call");
        assertEquals(1, calls.get(0).get(0));
        assertFalse(calls.get(1).contains(1000), "one Telegram no longer deletes is not asked for");
        assertEquals(List.of(), chatMessages.take(chat), "none kept after, the old one neither");
        assertEquals(List.of(List.of(7)), chatMessages.take(other), "another chat's are its own");
        chatMessageRows.note(other, 8, old);
        assertTrue(chatMessages.prune() >= 1);
        assertEquals(List.of(), chatMessageRows.ids(other, old.minusSeconds(1)), "pruned");
    }

    /**
     * A file (the result PDF, kind document) is outside its chat's order: the chat's later messages are its head and
     * go while it is made; it is due once the rows written before it went; its maker holds it while making it, which
     * nobody else may take; forgetting the chat or its conversation withdraws it, and its maker finds it gone.
     */
    @Test
    void aFileWaitsForTheRowsBeforeItNotForThoseAfterItAndIsWithdrawnWithItsConversation() {
        long chat = NEXT.incrementAndGet();
        long before = outbox.send(chat, "een", null);
        String conversation = java.util.UUID.randomUUID().toString();
        long file = outbox.document(chat, conversation, nl.samenspraak.conversation.Caller.linkedChat(42), null).id();
        long after = outbox.send(chat, "twee", null);
        assertEquals(nl.samenspraak.conversation.Caller.linkedChat(42), Outbox.caller(outboxRows.findById(file).orElseThrow()),
                "read as the chat was when it asked");
        Instant now = outbox.now();
        assertEquals(before, outboxRows.head(outbox.botId(), chat).orElseThrow().id());
        assertTrue(outboxRows.dueHeads(outbox.botId(), now, now.plusSeconds(1), 1000).stream().noneMatch(r -> r.id() == file),
                "not while a row written before it waits");
        assertEquals(1, outboxRows.claim(before, "a", now, now.plusSeconds(60)));
        assertEquals(1, outboxRows.sent(before, "a", now, 1L));
        assertEquals(after, outboxRows.head(outbox.botId(), chat).orElseThrow().id(), "the later message goes, the file aside");
        List<Long> due = outboxRows.dueHeads(outbox.botId(), now, now.plusSeconds(1), 1000).stream().map(OutboxRow::id).toList();
        assertTrue(due.contains(file) && due.contains(after), "both due, the file not waiting for the later one: " + due);

        assertEquals(1, outboxRows.hold(file, "a", now, now.plusSeconds(60)), "its maker takes it");
        assertEquals(1, outboxRows.hold(file, "a", now.plusSeconds(5), now.plusSeconds(65)), "and renews its hold");
        assertEquals(0, outboxRows.hold(file, "b", now.plusSeconds(5), now.plusSeconds(65)), "nobody else gets it meanwhile");
        outbox.inOneCommit(() -> new UnsentReplies(outboxRows, null, new MadeFiles()).forget(
                new nl.samenspraak.storage.ConversationTraces.Forgotten(conversation, null, "een-flow", java.util.Map.of())));
        assertEquals(0, outboxRows.hold(file, "a", now.plusSeconds(6), now.plusSeconds(66)), "withdrawn with its conversation");
        assertNull(outboxRows.findById(file).orElseThrow().body(), "keeping nothing");

        long again = outbox.document(chat, conversation, nl.samenspraak.conversation.Caller.PUBLIC, "a").id();
        assertEquals(2, outbox.withdrawChat(chat), "the chat forgotten: the later message and the file");
        assertEquals(0, outboxRows.hold(again, "a", now, now.plusSeconds(60)), "its maker finds it gone");
    }

    /** Let go as the bot lets go of an update whose handling failed: the claim is in the commit that did not happen. */
    @Test
    void anUpdateIdIsTakenOnceUntilLetGo() {
        long id = NEXT.incrementAndGet();
        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> oneCommit.run(() -> {
            assertTrue(seen.claim(id));
            assertFalse(seen.claim(id), "taken once, also within its own commit");
            throw new IllegalStateException("the handling failed");
        }));
        assertEquals("the handling failed", failed.getMessage());
        assertTrue(seen.claim(id), "let go after a failure, it may come again");
        assertFalse(seen.claim(id));
        assertEquals(1, updates.claim(4242, id, Instant.now()), "another bot's update with the same number is another update");
    }

    @Test
    void oldUpdateIdsArePruned() {
        long old = NEXT.incrementAndGet();
        long recent = NEXT.incrementAndGet();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        updates.claim(0, old, now.minus(SeenUpdates.KEPT).minusSeconds(60));
        updates.claim(0, recent, now);
        seen.prune(now.minus(SeenUpdates.KEPT));
        assertTrue(seen.claim(old), "a pruned update id would be handled again");
        assertFalse(seen.claim(recent), "a recent one is still known");
    }

    @Test
    void aChatKeepsItsConversationsAndLosesThemWithTheConversation() {
        ChatContext chat = chats.open(NEXT.incrementAndGet(), "hash-" + NEXT.incrementAndGet(), "ar");
        String first = startConversation.start("topiclijst", "ar", Channel.TELEGRAM).state().id();
        String second = startConversation.start("cultureel-interview", "ar", Channel.TELEGRAM).state().id();
        chat.update(chat.ensureRecord().withConversation(first).withLive(41L, "intro", "Xy3k9Q_b"));
        chats.save(chat);
        chats.link(chat, first);
        chats.link(chat, second);
        chats.link(chat, first);
        assertEquals(List.of(first, second), chats.conversations(chat.hash), "the one turned to last first");

        TelegramChatRecord stored = chatRows.findById(chat.hash).orElseThrow();
        assertEquals("ar", stored.language());
        assertEquals(41L, stored.liveMessageId());
        assertEquals("Xy3k9Q_b", stored.liveList(), "the list its live question was shown with");
        chat.update(stored.withLanguage("pl"));
        chats.save(chat);
        assertEquals("pl", chatRows.findById(chat.hash).orElseThrow().language(), "saved again as an update");

        assertTrue(deleteConversation.deleteOwn(first));
        TelegramChatRecord left = chatRows.findById(chat.hash).orElseThrow();
        assertNull(left.conversationId(), "the chat no longer points at it");
        assertEquals(TelegramChatRecord.GONE, left.liveStep(), "its buttons name no step of its flow");
        assertNull(left.liveList(), "nor the list of options they were made for, which names the flow as well");
        assertEquals(List.of(second), chats.conversations(chat.hash));

        chats.delete(chat);
        assertTrue(chatRows.findById(chat.hash).isEmpty());
        assertEquals(List.of(), links.findByChatHashOrderByUsedAtDesc(chat.hash), "its list went with it");
    }
}
