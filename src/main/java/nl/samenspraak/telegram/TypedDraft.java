package nl.samenspraak.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A text answer that is still being typed, possibly in several messages: the parts in the order they were sent (by
 * message id), each with the id of the message it came in (so an edit of a part replaces just that part). Kept in the
 * chat's row as JSON until the person taps "Klaar".
 */
record TypedDraft(String conversation, String step, List<Part> parts) {
    /** A part at least this long is taken for a piece of Telegram's own split of a long text. */
    static final int SPLIT_LENGTH = 4000;
    private static final ObjectMapper JSON = new ObjectMapper();

    record Part(long message, String text) {
    }

    TypedDraft {
        parts = List.copyOf(parts);
    }

    static TypedDraft start(String conversation, String step) {
        return new TypedDraft(conversation, step, List.of());
    }

    boolean belongsTo(String conversationId, String stepId) {
        return conversation.equals(conversationId) && step.equals(stepId);
    }

    TypedDraft plus(long message, String text) {
        List<Part> more = new ArrayList<>(parts);
        // parts sent at once (Telegram's own split of a long text among them) may come over parallel webhook
        // connections in any order: each goes where its message id puts it, not at the end
        int at = more.size();
        while (at > 0 && more.get(at - 1).message() > message) {
            at--;
        }
        more.add(at, new Part(message, text));
        return new TypedDraft(conversation, step, more);
    }

    /** The draft with the part from {@code message} saying {@code text} now; empty when no part came in it. */
    Optional<TypedDraft> edited(long message, String text) {
        List<Part> changed = new ArrayList<>(parts);
        for (int i = 0; i < changed.size(); i++) {
            if (changed.get(i).message() == message) {
                changed.set(i, new Part(message, text));
                return Optional.of(new TypedDraft(conversation, step, changed));
            }
        }
        return Optional.empty();
    }

    List<Long> messages() {
        return parts.stream().map(Part::message).toList();
    }

    /**
     * The answer as one text: messages a person sent one after another become lines; a part that follows one
     * of Telegram's own split (a part of {@link #SPLIT_LENGTH} characters or more) goes on the same line.
     */
    String text() {
        StringBuilder joined = new StringBuilder();
        String before = null;
        for (Part part : parts) {
            String text = part.text();
            if (before != null) {
                boolean split = before.length() >= SPLIT_LENGTH;
                boolean spaced = before.isEmpty() || Character.isWhitespace(before.charAt(before.length() - 1))
                        || text.isEmpty() || Character.isWhitespace(text.charAt(0));
                joined.append(split ? (spaced ? "" : " ") : "\n");
            }
            joined.append(split(before) ? text : text.strip());
            before = text;
        }
        return joined.toString().strip();
    }

    private static boolean split(@Nullable String before) {
        return before != null && before.length() >= SPLIT_LENGTH;
    }

    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text the chat is typing, if any (for whichever question: see {@link #belongsTo}). */
    static Optional<TypedDraft> of(ChatContext chat) {
        return chat.record() == null ? Optional.empty() : parse(chat.record().draft());
    }

    static Optional<TypedDraft> parse(@Nullable String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(json, TypedDraft.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /**
     * The chat's last typed answer (a text, or the one message that answered any other question) as it was typed, and
     * the step that came after it; {@code list}: the {@link Callback#mark} of the list of options its question was
     * asked with, in which numbers typed there (and in an edit of them) count (null: kept before it was, or a text).
     */
    record Last(String next, TypedDraft answer, @Nullable String list) {

        String json() {
            try {
                return JSON.writeValueAsString(this);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        static Optional<Last> parse(@Nullable String json) {
            if (json == null || json.isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.of(JSON.readValue(json, Last.class));
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
        }
    }
}
