package nl.samenspraak.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessages;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Delivers the {@link Outbox}, chat by chat: a chat's rows go one at a time in their order, each tried once
 * per turn; when Telegram says {@code retry_after} or is away, only that chat's next row waits (its
 * {@code not_before}), so no thread sleeps and no other chat is held up. The rows an update wrote are tried at
 * once by the thread that handled it: written already held by this sender in the update's commit, and marked sent in
 * one commit after they went ({@link #deliverWritten}), so a tap costs two commits in all; what is left, and what another instance or a
 * stopped one left, is found by a scan every {@code scanEvery}. Nothing gives up on a failing Bot API: after a
 * restart or an outage of any length the rows are still there. A row is taken with a lease, and only a chat's
 * first unsent row is ever taken, so several instances on one database never send a row twice or out of order.
 * A message to a private chat is noted by its id when marked sent, in the same commit, for {@code /vergeet}
 * ({@link ChatMessages}); a deletion that Telegram refuses (the messages too old, or gone) is given up like any refusal,
 * marked as refused, so that the reply written after it, which goes only once the deletion was tried, says what
 * happened ({@link Outbox#textAfter}). A 403 (the person blocked the bot) gives up everything waiting for the chat at
 * once ({@link #blocked}).
 * A row withdrawn while it was on its way (the chat forgotten at that moment, on this instance or another) is deleted
 * again once its id is known: the lease the sender held is gone when it comes to mark it sent. What went while the
 * database was away is noted once it is back ({@link #note}).
 * <p>
 * A file (the result as a PDF, {@link OutboxRow#DOCUMENT}) is not in the chat's order: it is made when the rows written
 * before it went, on threads of its own ({@link #deliverDocument}), and the chat's later rows go meanwhile, so a quick
 * reply to the person's next message may come before it. It is held under the lease like any row (so after a stop it is
 * made by the next sender, once the lease ended), made from the conversation as it is then, and sent only while its row
 * is still there: forgetting the chat or the conversation withdraws it, before it is made or while it is, and a file on
 * its way at that moment is deleted once it arrived, as a message is.
 */
final class OutboxSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    /** Rows written this recently with no try yet are the writer's to send. */
    private static final Duration FRESH = Duration.ofSeconds(5);
    /** Longer than any one Bot API call takes; a stopped instance's rows are free again after it. */
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final int SCAN_LIMIT = 200;

    private final Outbox outbox;
    private final TelegramOutboxRepository rows;
    private final BotApiSender api;
    private final Duration firstDelay;
    private final Duration longestWait;
    private final String owner = UUID.randomUUID().toString();
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    /** Makes and sends files, a few at a time, apart from the chats' messages: making one takes seconds. */
    private final ExecutorService making;
    private final ResultDocuments files;
    /** Files made here that Telegram could not take yet, sent as they are at the next try. */
    private final MadeFiles made;
    private final ChatLock chatLock;
    /** The file rows queued or being made here, so that a scan does not hand one over twice. */
    private final java.util.Set<Long> inHand = ConcurrentHashMap.newKeySet();
    private static final int MAKING_THREADS = 2;
    private final ScheduledExecutorService scanner;
    private volatile Instant lastPrune = Instant.EPOCH;
    private volatile boolean closed;
    private final Predicate<Throwable> outage;
    private final ChatMessages messages;
    private final ChatIds chatIds;
    /**
     * What went to Telegram but could not be written down because the database was away at that moment (rows marked
     * sent with their message ids, the chat's live message, a file's arrival): written once it is back, at the next
     * scan and before anything more of any chat is sent. Until then this sender still holds those rows (their lease),
     * so nobody sends them again; were that note lost, the person's next tap would be refused as one on old buttons,
     * the replies would go a second time when the lease ends, and {@code /vergeet} could not delete them. In memory
     * only: an instance that stops loses it, and its rows go again once their lease ends, as for any stopped sender.
     */
    private final java.util.Queue<Runnable> unnoted = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Enough for every reply of a busy outage; beyond it a note is given up (said in the log) rather than memory. */
    private static final int UNNOTED_LIMIT = 10_000;

    /**
     * {@code outage} tells whether a failure is the database being unreachable (noted, and logged once for the outage
     * by storage.DatabaseAvailability): a scan that meets one says nothing, rather than a warning every scan.
     */
    OutboxSender(Outbox outbox, BotApiSender api, Duration firstDelay, Duration longestWait, Duration scanEvery, int threads,
                 Predicate<Throwable> outage, ChatMessages messages, ChatIds chatIds, ResultDocuments files, MadeFiles made,
                 ChatLock chatLock) {
        this.outage = outage;
        this.files = files;
        this.made = made;
        this.chatLock = chatLock;
        this.messages = messages;
        this.chatIds = chatIds;
        this.outbox = outbox;
        this.rows = outbox.rows();
        this.api = api;
        this.firstDelay = firstDelay;
        this.longestWait = longestWait;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, r -> daemon(r, "telegram-send-" + n.incrementAndGet()));
        this.scanner = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "telegram-outbox"));
        AtomicInteger m = new AtomicInteger();
        this.making = Executors.newFixedThreadPool(MAKING_THREADS, r -> daemon(r, "telegram-file-" + m.incrementAndGet()));
        scanner.scheduleWithFixedDelay(this::scan, scanEvery.toMillis(), scanEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends the chat's waiting rows now, as far as they go; returns at the first that must wait. */
    void deliverNow(long chatId) {
        try {
            noteMissed();
            ReentrantLock lock = lock(chatId);
            lock.lock();
            try {
                drain(chatId);
            } finally {
                lock.unlock();
            }
        } catch (RuntimeException e) {
            passOutage(e);
        }
    }

    /**
     * Lets a failure through unless it is the database being away: then what waits is in the outbox, and the scan sends
     * it once the database is back (the outage itself is logged once, by storage.DatabaseAvailability).
     */
    private void passOutage(RuntimeException e) {
        if (!outage.test(e)) {
            throw e;
        }
    }

    /**
     * Makes and sends the file row {@code rowId} ({@link OutboxRow#DOCUMENT}) on a thread of its own, and returns at
     * once: the chat's next update and its replies do not wait for the seconds of making it.
     */
    void deliverDocument(long rowId) {
        if (closed || !inHand.add(rowId)) {
            return;
        }
        try {
            making.execute(() -> {
                try {
                    sendDocument(rowId);
                } finally {
                    inHand.remove(rowId);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            inHand.remove(rowId); // stopping: the row is let go, for the next sender
        }
    }

    /**
     * Once the rows of the chat written before it went: makes the file from the conversation as it is now and sends
     * it, while its row is still this sender's (taken, or held since the update wrote it). A row withdrawn before it
     * is made, or while it is (the chat or the conversation forgotten), makes or sends nothing; one withdrawn while it
     * went is deleted once it arrived ({@link #markSent}).
     */
    private void sendDocument(long rowId) {
        try {
            noteMissed();
            Optional<OutboxRow> found = rows.findById(rowId);
            if (found.isEmpty() || found.get().sentAt() != null) {
                made.drop(rowId); // withdrawn or sent: a file kept for it goes
                return;
            }
            if (!holdFile(rowId)) {
                return; // another sender's, or not due yet
            }
            OutboxRow row = found.get();
            Optional<OutboxRow> before = rows.head(outbox.botId(), row.chatId());
            if (before.isPresent() && before.get().id() < rowId) {
                rows.later(rowId, owner, outbox.now()); // after the earlier rows, by whoever sends those; the scan finds it then
                return;
            }
            // made once for the tap: a try after Telegram could not take it sends the file kept then
            Optional<ResultDocuments.Made> file = made.get(rowId, outbox.now());
            if (file.isEmpty()) {
                try {
                    file = files.make(row.conversationId(), Outbox.caller(row));
                } catch (RuntimeException e) {
                    if (closed || outage.test(e)) {
                        return; // stopping (its row let go for the next sender), or the database away: made again later
                    }
                    LOG.warn("A result PDF could not be made ({}); the person is told to ask again", e.getClass().getSimpleName());
                    giveUp(row);
                    return;
                }
                if (file.isEmpty()) {
                    rows.sent(rowId, owner, outbox.now(), null); // the result is no longer to keep: nothing to send
                    return;
                }
            }
            if (closed || !holdFile(rowId)) {
                made.drop(rowId);
                return; // withdrawn while it was made: the file is not sent
            }
            BotApiSender.Attempt<Message> attempt = api.once(ResultDocuments.upload(row.chatId(), file.get()));
            if (attempt.again()) {
                made.keep(rowId, row.chatId(), row.conversationId(), file.get(), outbox.now());
                rows.later(rowId, owner, outbox.now().plus(attempt.after() != null ? attempt.after() : backOff(row.attempts())));
                return;
            }
            made.drop(rowId);
            if (attempt.blocked()) {
                blocked(row.chatId()); // no "not sent" notice: the chat takes nothing now
            } else if (attempt.done()) {
                Long messageId = attempt.result() != null && attempt.result().getMessageId() != null
                        ? attempt.result().getMessageId().longValue() : null;
                boolean[] deletion = {false};
                note(() -> deletion[0] = markSent(row, outbox.now(), messageId));
                if (deletion[0]) {
                    deliverNow(row.chatId());
                }
            } else {
                LOG.warn("Telegram did not take a result PDF; the person is told to ask again");
                giveUp(row);
            }
        } catch (RuntimeException e) {
            if (!outage.test(e)) {
                LOG.warn("A result PDF was not sent: {}", nl.samenspraak.system.LoggedFailure.summary(e));
            }
        }
    }

    /**
     * A file Telegram refused for good (a 400: too large, say), or one that could not be made, is given up, and the
     * person hears it, in the conversation's words ({@link ResultDocuments#notSent}: tap again later, or see the
     * result on the web), rather than nothing; and a tap on "Als PDF" now tries again, not "it is on its way": the
     * chat's note of the tap goes in the same commit, taken under the chat's lock so that an update of the chat
     * handled at that moment sees it. Nothing is said when the row was withdrawn meanwhile (the chat or the
     * conversation forgotten), or the result is no longer to keep.
     */
    private void giveUp(OutboxRow row) {
        Optional<String> words = files.notSent(row.conversationId(), Outbox.caller(row));
        boolean[] told = {false};
        outbox.inOneCommit(() -> {
            chatLock.hold(chatIds.hash(row.chatId()));
            if (rows.sent(row.id(), owner, outbox.now(), null) == 0) {
                return; // withdrawn meanwhile: nothing to say
            }
            rows.pdfGivenUp(chatIds.hash(row.chatId()));
            if (words.isPresent()) {
                outbox.send(row.chatId(), words.get(), null, row.conversationId());
                told[0] = true;
            }
        });
        if (told[0]) {
            deliverNow(row.chatId());
        }
    }

    /**
     * Telegram answered 403 for the chat: the person blocked the bot (or a group removed it, or the account is gone).
     * Every row still waiting for the chat would be refused in turn, so all are given up at once, in one commit (a
     * deletion kept as refused, {@link TelegramOutboxRepository#giveUpChat}), files made for it and kept here too, and
     * no "not sent" notice is written after a file: it would be refused as well. The chat's note of an "Als PDF" tap
     * goes in that commit (under the chat's lock, as {@link #giveUp}), so a tap once the person unblocked the bot makes
     * the file again. Nothing of the block is kept: what is written for the chat later, the replies when the person
     * writes again, goes as usual. One line in the log, without the chat.
     */
    private void blocked(long chatId) {
        long[] given = {0};
        outbox.inOneCommit(() -> {
            String hash = chatIds.hash(chatId);
            chatLock.hold(hash);
            given[0] = rows.giveUpChat(outbox.botId(), chatId, outbox.now(), Outbox.REFUSED);
            rows.pdfGivenUp(hash);
        });
        made.dropChat(chatId);
        LOG.info("Telegram refused a chat with 403 (the bot was blocked there): {} waiting message(s) for it given up", given[0]);
    }

    /** Takes the file row, or renews this sender's hold on it; false when it was withdrawn, sent, or is another's. */
    private boolean holdFile(long rowId) {
        Instant now = outbox.now();
        return rows.hold(rowId, owner, now, now.plus(LEASE)) > 0;
    }

    /** The chat is forgotten ({@code /vergeet}): the files made for it and kept here go ({@link MadeFiles}). */
    void dropFiles(long chatId) {
        made.dropChat(chatId);
    }

    /** The id this sender holds rows under; rows an update writes are held by it from the start. */
    String owner() {
        return owner;
    }

    /**
     * Sends the rows an update just committed, held by this sender from the start ({@code mine}, in their order).
     * When they are the chat's first waiting rows they are sent one after another and then marked sent in one commit
     * (with the chat's new live message id); when earlier rows of the chat still wait, or one of them must wait, what
     * waits is let go and the chat is delivered the usual way, row by row, so the chat's order holds.
     */
    void deliverWritten(long chatId, java.util.List<OutboxRow> mine) {
        try {
            noteMissed();
            ReentrantLock lock = lock(chatId);
            lock.lock();
            try {
                Optional<OutboxRow> head = rows.head(outbox.botId(), chatId);
                if (head.isPresent() && head.get().id().equals(mine.get(0).id()) && owner.equals(head.get().leaseOwner())) {
                    if (!sendInOrder(chatId, mine)) {
                        return;
                    }
                } else if (head.isPresent()) {
                    rows.releaseChat(owner, outbox.botId(), chatId); // earlier rows first; then ours, by whoever sends those
                }
                drain(chatId); // what came meanwhile (another instance's update of this chat, or ours let go)
            } finally {
                lock.unlock();
            }
        } catch (RuntimeException e) {
            passOutage(e);
        }
    }

    /** Sends the rows in order and keeps what happened in one commit; false when one must wait (the rest are let go). */
    private boolean sendInOrder(long chatId, java.util.List<OutboxRow> mine) {
        Map<Long, Long> sent = new java.util.LinkedHashMap<>(); // row id -> Telegram message id (null: none, or refused)
        java.util.Set<Long> refusedDeletions = new java.util.HashSet<>();
        OutboxRow waiting = null;
        Duration wait = null;
        boolean blocked = false;
        for (OutboxRow row : mine) {
            if (!owner.equals(row.leaseOwner())) {
                break; // not written held by this sender (no such row is written now): left to the usual way below
            }
            BotApiSender.Attempt<? extends Serializable> attempt = attempt(row, sent, refusedDeletions);
            if (attempt.blocked()) {
                blocked = true; // what went before it is noted below; the rest of the chat is given up after that
                break;
            } else if (refusedDeletion(row, attempt)) {
                refusedDeletions.add(row.id());
                sent.put(row.id(), null);
            } else if (attempt.done()) {
                sent.put(row.id(), attempt.result() instanceof Message m && m.getMessageId() != null ? m.getMessageId().longValue() : null);
            } else if (attempt.again()) {
                waiting = row;
                wait = attempt.after() != null ? attempt.after() : backOff(row.attempts());
                break;
            } else {
                sent.put(row.id(), null); // refused for good: the next row may go
            }
        }
        OutboxRow later = waiting;
        Instant notBefore = waiting == null ? null : outbox.now().plus(wait);
        note(() -> {
            Instant now = outbox.now();
            for (OutboxRow row : mine) {
                if (!sent.containsKey(row.id())) {
                    break;
                }
                if (refusedDeletions.contains(row.id())) {
                    rows.refused(row.id(), owner, now, Outbox.REFUSED);
                } else {
                    markSent(row, now, sent.get(row.id()));
                }
            }
            if (later != null) {
                rows.later(later.id(), owner, notBefore);
            }
            if (sent.size() + (later == null ? 0 : 1) < mine.size()) {
                rows.releaseChat(owner, outbox.botId(), chatId);
            }
        });
        if (blocked) {
            blocked(chatId);
            return false;
        }
        return later == null;
    }

    /**
     * Writes down, as one commit, what just went to Telegram ({@code note}); when the database is away, keeps it to
     * write once it is back ({@link #unnoted}). Any other failure is the caller's.
     */
    void note(Runnable note) {
        try {
            outbox.inOneCommit(note);
        } catch (RuntimeException e) {
            if (!outage.test(e)) {
                throw e;
            }
            if (unnoted.size() < UNNOTED_LIMIT) {
                unnoted.add(note);
            } else {
                LOG.warn("A Telegram message that went during the database's outage is not noted: more than {} wait", UNNOTED_LIMIT);
            }
        }
    }

    /**
     * Writes what went while the database was away, in the order it went, each once (one thread at a time: a note
     * written twice would take its own rows for withdrawn ones); stops at the first that still cannot be written.
     * Also before an update is handled ({@link ReplySender#afterCommit}), so that a tap on buttons that went during the
     * outage finds them live.
     */
    void noteMissed() {
        if (unnoted.isEmpty()) {
            return;
        }
        synchronized (unnoted) {
            for (Runnable note = unnoted.peek(); note != null; note = unnoted.peek()) {
                try {
                    outbox.inOneCommit(note);
                } catch (RuntimeException e) {
                    if (outage.test(e)) {
                        return;
                    }
                    LOG.warn("A Telegram message that went during the database's outage is not noted: {}",
                            nl.samenspraak.system.LoggedFailure.summary(e));
                }
                unnoted.poll();
            }
        }
    }

    private void scan() {
        try {
            noteMissed();
            Instant now = outbox.now();
            forgetFilesNoLongerWaiting();
            for (OutboxRow head : rows.dueHeads(outbox.botId(), now, now.minus(FRESH), SCAN_LIMIT)) {
                if (OutboxRow.DOCUMENT.equals(head.kind())) {
                    deliverDocument(head.id());
                    continue;
                }
                long chatId = head.chatId();
                workers.execute(() -> {
                    ReentrantLock lock = lock(chatId);
                    if (lock.tryLock()) {
                        try {
                            drain(chatId);
                        } finally {
                            lock.unlock();
                        }
                    }
                });
            }
            if (Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) > 0) {
                lastPrune = now;
                rows.prune(now.minus(SeenUpdates.KEPT));
                messages.prune();
                locks.values().removeIf(l -> !l.isLocked() && !l.hasQueuedThreads());
            }
        } catch (RuntimeException e) {
            // the database may be away for a moment; the next scan tries again
            if (outage.test(e)) {
                return;
            }
            LOG.warn("Telegram outbox scan failed: {}", nl.samenspraak.system.LoggedFailure.summary(e));
        }
    }

    /**
     * A file kept for a row that no longer waits goes: its row was withdrawn elsewhere (the chat or the conversation
     * forgotten on another instance, the result closed), or sent or given up by another sender.
     */
    private void forgetFilesNoLongerWaiting() {
        for (long rowId : made.rows()) {
            if (rows.findById(rowId).map(r -> r.sentAt() != null).orElse(true)) {
                made.drop(rowId);
            }
        }
    }

    private ReentrantLock lock(long chatId) {
        return locks.computeIfAbsent(chatId, c -> new ReentrantLock());
    }

    private void drain(long chatId) {
        while (!closed) {
            Optional<OutboxRow> head = rows.head(outbox.botId(), chatId);
            if (head.isEmpty()) {
                return;
            }
            OutboxRow row = head.get();
            Instant now = outbox.now();
            if (rows.claim(row.id(), owner, now, now.plus(LEASE)) == 0) {
                return; // not due yet, or another sender has it
            }
            BotApiSender.Attempt<? extends Serializable> attempt = attempt(row, Map.of(), java.util.Set.of());
            if (attempt.blocked()) {
                blocked(chatId); // this row and every other waiting for the chat
                return;
            }
            if (refusedDeletion(row, attempt)) {
                rows.refused(row.id(), owner, outbox.now(), Outbox.REFUSED); // the reply after it says so; the next row may go
            } else if (attempt.done()) {
                Long messageId = attempt.result() instanceof Message m && m.getMessageId() != null ? m.getMessageId().longValue() : null;
                note(() -> markSent(row, outbox.now(), messageId));
            } else if (attempt.again()) {
                Duration wait = attempt.after() != null ? attempt.after() : backOff(row.attempts());
                rows.later(row.id(), owner, outbox.now().plus(wait));
                return;
            } else {
                rows.sent(row.id(), owner, outbox.now(), null); // refused for good: the next row may go
            }
        }
    }

    /**
     * The row went (with this Telegram id, or none): its text and chat id go; a message (or file) with buttons becomes the chat's
     * live one; a message to a private chat (a positive chat id; a group's is negative) is noted for {@code /vergeet}.
     * A message whose row was withdrawn while it went ({@link TelegramOutboxRepository#withdrawChat}, or
     * {@link TelegramOutboxRepository#withdraw}: the lease is gone) is deleted again, in its chat's turn: true then.
     */
    private boolean markSent(OutboxRow row, Instant now, @io.micronaut.core.annotation.Nullable Long messageId) {
        boolean ours = rows.sent(row.id(), owner, now, messageId) > 0;
        boolean message = OutboxRow.SEND.equals(row.kind()) || OutboxRow.DOCUMENT.equals(row.kind());
        if (!ours && messageId != null && message) {
            // withdrawn while it went (the chat was forgotten, or the conversation it is about): it is not to stand
            outbox.delete(row.chatId(), java.util.List.of(messageId.intValue()), null);
            return true;
        }
        if (messageId != null && message) {
            if (Outbox.hasButtons(row)) {
                rows.liveSent(Outbox.placeholder(row.id()), messageId);
            }
            if (row.chatId() > 0 && Outbox.noted(row)) {
                messages.note(chatIds.hash(row.chatId()), messageId);
            }
        }
        return false;
    }

    /** Whether a deletion was refused for good (a 4xx, or Telegram answered false): given up, and said so after it. */
    private static boolean refusedDeletion(OutboxRow row, BotApiSender.Attempt<? extends Serializable> attempt) {
        return OutboxRow.DELETE.equals(row.kind())
                && (attempt.done() ? Boolean.FALSE.equals(attempt.result()) : !attempt.again());
    }

    /**
     * One try of a row; {@code sentJustNow}: the Telegram ids of rows sent a moment ago and not yet marked so;
     * {@code refusedJustNow}: the deletions among them that were refused (a message's words may depend on them).
     */
    private BotApiSender.Attempt<? extends Serializable> attempt(OutboxRow row, Map<Long, Long> sentJustNow,
                                                                 java.util.Set<Long> refusedJustNow) {
        if (OutboxRow.SEND.equals(row.kind())) {
            String text = Outbox.textAfter(row, deletion -> sentJustNow.containsKey(deletion) ? refusedJustNow.contains(deletion)
                    : rows.findById(deletion).map(Outbox::refused).orElse(true));
            return api.once(SendMessage.builder().chatId(String.valueOf(row.chatId())).text(text).parseMode("HTML")
                    .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                    .replyMarkup(Outbox.keyboard(row)).build());
        }
        if (OutboxRow.DELETE.equals(row.kind())) {
            return api.once(DeleteMessages.builder().chatId(String.valueOf(row.chatId())).messageIds(Outbox.ids(row)).build());
        }
        Optional<Long> target = row.targetMessageId() != null ? Optional.of(row.targetMessageId())
                : row.refId() != null && sentJustNow.containsKey(row.refId()) ? Optional.ofNullable(sentJustNow.get(row.refId()))
                : rows.findById(row.refId()).map(OutboxRow::messageId);
        if (target.isEmpty()) {
            return new BotApiSender.Attempt<>(null, false, false, null); // its message was never sent: nothing to change
        }
        return api.once(EditMessageReplyMarkup.builder().chatId(String.valueOf(row.chatId())).messageId(target.get().intValue())
                .replyMarkup(Outbox.keyboard(row)).build());
    }

    /** first delay, doubling with every failed try, never more than the longest wait. */
    private Duration backOff(int attemptsBefore) {
        Duration wait = firstDelay;
        for (int i = 0; i < attemptsBefore && wait.compareTo(longestWait) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longestWait) > 0 ? longestWait : wait;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Stops sending, waits briefly for the tries under way, and frees this sender's rows for the next one. */
    @Override
    public void close() {
        closed = true;
        scanner.shutdownNow();
        workers.shutdown();
        making.shutdownNow(); // a file not yet made waits for the next sender: its row is let go below
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
            making.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            rows.release(owner);
        } catch (RuntimeException e) {
            LOG.warn("Telegram outbox rows not released (free again after {} min): {}", LEASE.toMinutes(), nl.samenspraak.system.LoggedFailure.summary(e));
        }
    }
}
