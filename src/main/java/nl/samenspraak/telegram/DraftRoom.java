package nl.samenspraak.telegram;

import io.micronaut.core.annotation.Nullable;

/**
 * How much a text answer still being typed may hold. It is kept in the chat's row as JSON
 * ({@code telegram_chat.draft}, 60,000 characters, {@code V60__telegram_typing.sql}), where escaping makes a newline
 * or a quote two characters: without a bound, fifteen pasted messages of 4,000 characters failed the update, every
 * retry of it too, and every further message for the question until "Wissen". So a part that would take the draft
 * past its room is not added (the person hears why). The room is the question's own limit with some over it, so a
 * text a little too long is still shown with its length and can be shortened, and never more than the column holds.
 */
final class DraftRoom {
    /** What the draft's JSON (and the last text answer's, in {@code last_text}) may take of its 60,000-character column. */
    static final int COLUMN = 50_000;
    /** Beyond a question's limit: two of Telegram's longest messages. */
    static final int OVER_THE_LIMIT = 2 * 4_096;

    private DraftRoom() {
    }

    /** The most characters the JSON of a draft for a question with this limit may take. */
    static int of(@Nullable Number max) {
        return max == null ? COLUMN : (int) Math.min(COLUMN, Math.max(0L, max.longValue()) + OVER_THE_LIMIT);
    }

    /** Whether {@code draft} is kept as it is for a question with this limit. */
    static boolean holds(TypedDraft draft, @Nullable Number max) {
        return draft.json().length() <= of(max);
    }

    /** Whether {@code json} fits beside the rest of the chat's row in a column of its own. */
    static boolean fitsColumn(String json) {
        return json.length() <= COLUMN;
    }
}
