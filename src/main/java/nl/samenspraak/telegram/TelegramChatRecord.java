package nl.samenspraak.telegram;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A chat as stored: a keyed hash of its id (never the id), its language, the conversation it is in, and
 * the message whose buttons are live: {@code liveStep} is the step those buttons answer (null for a menu)
 * and {@code selection} the options toggled so far on a multi question (option positions, comma separated, then {@code @} and the mark
 * of the list they count in, {@link Callback#mark});
 * {@code draft} a text answer being typed in several messages ({@link TypedDraft}), {@code lastText} the step
 * and message ids of the last typed answer ({@link TypedDraft.Last}); {@code pending} the answer that would finish
 * the conversation, held while the person checks their answers ({@link PendingAnswer}); {@code pdfAskedAt} when "Als PDF"
 * on the live buttons was last tapped (a second tap soon after sends no second file; cleared with the live buttons);
 * {@code nextLanguage} the language asked for that the conversation going on lacks, the chat's from its next flow on;
 * {@code liveList} the {@link Callback#mark} of the list of options the live question was shown with, in which a number
 * typed at its numbered buttons counts (null for a menu, and for a question shown before it was kept).
 */
@MappedEntity("telegram_chat")
public record TelegramChatRecord(
        @Id String chatHash,
        String language,
        @Nullable String conversationId,
        @Nullable Long liveMessageId,
        @Nullable String liveStep,
        @Nullable String selection,
        Instant createdAt,
        Instant updatedAt,
        @Nullable String draft,
        @Nullable String lastText,
        @Nullable String pending,
        @Nullable Instant pdfAskedAt,
        @Nullable String nextLanguage,
        @Nullable String liveList) {

    /**
     * {@code liveStep} of buttons whose conversation was forgotten (by its code, "nee" to consent, retention): no step
     * of any flow is called so (a step id is a name), and it names none.
     */
    static final String GONE = "-";

    /** The chat's language from now on; a language wished for later is settled by it. */
    TelegramChatRecord withLanguage(String code) {
        return new TelegramChatRecord(chatHash, code, conversationId, liveMessageId, liveStep, selection, createdAt, updatedAt, draft, lastText, pending, pdfAskedAt, null, liveList);
    }

    /**
     * In conversation {@code id} now (null: in none). What was typed, toggled or held for review belongs to the
     * conversation it was for, and is dropped when the chat leaves it: the words of a conversation the chat is no
     * longer in would otherwise outlive that conversation's deletion ({@link ChatTexts}).
     */
    TelegramChatRecord withConversation(@Nullable String id) {
        if (java.util.Objects.equals(id, conversationId)) {
            return this;
        }
        return new TelegramChatRecord(chatHash, language, id, liveMessageId, liveStep, null, createdAt, updatedAt, null, null, null, null, nextLanguage, liveList);
    }

    /**
     * {@code messageId} has the live buttons now (null: none), answering {@code step}, made for the list of options
     * whose {@link Callback#mark} is {@code list} (null: a menu, or buttons that count no places).
     */
    TelegramChatRecord withLive(@Nullable Long messageId, @Nullable String step, @Nullable String list) {
        return new TelegramChatRecord(chatHash, language, conversationId, messageId, step, null, createdAt, updatedAt, draft, lastText, pending, null, nextLanguage, list);
    }

    TelegramChatRecord withSelection(@Nullable String chosen) {
        return new TelegramChatRecord(chatHash, language, conversationId, liveMessageId, liveStep, chosen, createdAt, updatedAt, draft, lastText, pending, pdfAskedAt, nextLanguage, liveList);
    }

    TelegramChatRecord touched(Instant now) {
        return new TelegramChatRecord(chatHash, language, conversationId, liveMessageId, liveStep, selection, createdAt, now, draft, lastText, pending, pdfAskedAt, nextLanguage, liveList);
    }

    TelegramChatRecord withDraft(@Nullable String typed) {
        return new TelegramChatRecord(chatHash, language, conversationId, liveMessageId, liveStep, selection, createdAt, updatedAt, typed, lastText, pending, pdfAskedAt, nextLanguage, liveList);
    }

    TelegramChatRecord withLastText(@Nullable String last) {
        return new TelegramChatRecord(chatHash, language, conversationId, liveMessageId, liveStep, selection, createdAt, updatedAt, draft, last, pending, pdfAskedAt, nextLanguage, liveList);
    }

    TelegramChatRecord withPending(@Nullable String held) {
        return new TelegramChatRecord(chatHash, language, conversationId, liveMessageId, liveStep, selection, createdAt, updatedAt, draft, lastText, held, pdfAskedAt, nextLanguage, liveList);
    }

    /** {@code code} as the chat's language once it leaves the conversation going on, whose flow lacks it. */
    TelegramChatRecord withNextLanguage(String code) {
        return new TelegramChatRecord(chatHash, language, conversationId, liveMessageId, liveStep, selection, createdAt, updatedAt, draft, lastText, pending, pdfAskedAt, code, liveList);
    }

    /** "Als PDF" on the live buttons was tapped at {@code at}. */
    TelegramChatRecord withPdfAsked(Instant at) {
        return new TelegramChatRecord(chatHash, language, conversationId, liveMessageId, liveStep, selection, createdAt, updatedAt, draft, lastText, pending, at, nextLanguage, liveList);
    }
}
