package nl.samenspraak.telegram;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result PDFs made on this instance that Telegram could not take yet (a 429, a 5xx, no connection), by their outbox
 * row: the next try sends the same bytes rather than making the file again (0.3-4 s of a core each time, for every try
 * while Telegram was away). In memory only, and small: at most {@link #MOST} files, each at most {@link #LONGEST}
 * (after that, or after a restart, the next try makes it again). A file holds the person's answers, so it goes the
 * moment it is no longer waiting: sent, given up, its row withdrawn ({@code /vergeet} in this chat, the conversation
 * forgotten on the web, its result closed by retention: dropped at once when that happens on this instance, else at
 * the sender's next scan, which keeps only files whose rows still wait).
 */
@Singleton
final class MadeFiles {
    static final int MOST = 16;
    static final Duration LONGEST = Duration.ofHours(1);

    private record Kept(long chatId, String conversation, ResultDocuments.Made made, Instant at) {
    }

    private final Map<Long, Kept> kept = new LinkedHashMap<>();

    /** The file kept for {@code rowId}, unless none is or it was kept longer than {@link #LONGEST} (then it goes). */
    synchronized Optional<ResultDocuments.Made> get(long rowId, Instant now) {
        Kept k = kept.get(rowId);
        if (k == null) {
            return Optional.empty();
        }
        if (!now.isBefore(k.at().plus(LONGEST))) {
            kept.remove(rowId);
            return Optional.empty();
        }
        return Optional.of(k.made());
    }

    /** Keeps a file for its row's next try; the oldest kept goes when there are more than {@link #MOST}. */
    synchronized void keep(long rowId, long chatId, String conversation, ResultDocuments.Made made, Instant now) {
        kept.remove(rowId);
        kept.put(rowId, new Kept(chatId, conversation, made, now));
        Iterator<Long> oldest = kept.keySet().iterator();
        while (kept.size() > MOST) {
            oldest.next();
            oldest.remove();
        }
    }

    synchronized void drop(long rowId) {
        kept.remove(rowId);
    }

    /** The chat was forgotten ({@code /vergeet}): its files go. */
    synchronized void dropChat(long chatId) {
        kept.values().removeIf(k -> k.chatId() == chatId);
    }

    /** The conversation was forgotten: its files go. */
    synchronized void dropConversation(String conversation) {
        kept.values().removeIf(k -> k.conversation().equals(conversation));
    }

    /** Results were closed (retention): every file goes, and one still due is made again, if its result may still be kept. */
    synchronized void dropAll() {
        kept.clear();
    }

    /** The rows files are kept for, to see which still wait. */
    synchronized List<Long> rows() {
        return new ArrayList<>(kept.keySet());
    }

    synchronized int size() {
        return kept.size();
    }
}
