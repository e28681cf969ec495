package nl.samenspraak.telegram;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a button says when tapped ({@code callback_data}): a kind letter and a short argument, e.g.
 * {@code a:2} (the third option), {@code f:voorbeeld}. Telegram takes 1-64 bytes; nothing longer is made.
 */
record Callback(char kind, String argument) {
    static final int MAX_BYTES = 64;

    static final char ANSWER = 'a';
    static final char TOGGLE = 't';
    static final char DONE = 'k';
    static final char SKIP = 's';
    static final char NEXT = 'n';
    static final char FLOW = 'f';
    static final char CONTINUE = 'c';
    static final char LANGUAGE = 'l';
    static final char FORGET = 'v';
    /** Under a short result: the whole result, with every tip and the summary. */
    static final char MORE = 'm';
    /** Under a short result that may be kept: the result as a PDF document. */
    static final char PDF = 'p';
    /** Under a short result that may be kept, with a public address: the web link, in a message of its own. */
    static final char WEB = 'o';
    /** Under "Controleer je antwoorden": sends the answer held there, which finishes the conversation. */
    static final char FINISH = 'r';
    /** Under "Controleer je antwoorden": drops the held answer and goes one question back (as /terug). */
    static final char BACK = 'b';
    /** Drops a text answer being typed in several messages. */
    static final char WIPE = 'w';
    /**
     * A typed question asked again after /terug: its earlier answer kept as it was. Only retyping it (up to 2,000
     * characters) or skipping it, which threw it away, were offered: going back to change one choice cost every text
     * after it.
     */
    static final char KEEP = 'e';
    /**
     * Starts a flow in a language of its own ({@code i:en:voorbeeld}): offered when the flow a link or /start named is
     * not in the chat's language, which otherwise left the person told to choose with nothing to choose with.
     */
    static final char START_IN = 'i';

    static Callback of(char kind) {
        return new Callback(kind, "");
    }

    static Callback of(char kind, Object argument) {
        return new Callback(kind, String.valueOf(argument));
    }

    /** A flow by its id, or by its place in the list when the id is too long for a button. */
    static Callback flow(String flowId, int index) {
        Callback byId = of(FLOW, flowId);
        return byId.fits() ? byId : of(FLOW, "#" + index);
    }

    String data() {
        if (!fits()) {
            throw new IllegalArgumentException("callback data over " + MAX_BYTES + " bytes: " + encode());
        }
        return encode();
    }

    /** The argument as a number (an option's place), or -1. */
    int index() {
        String digits = argument.startsWith("#") ? argument.substring(1) : argument;
        try {
            return digits.isEmpty() || digits.length() > 4 ? -1 : Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static Optional<Callback> parse(String data) {
        if (data == null || data.isEmpty()) {
            return Optional.empty();
        }
        if (data.length() == 1) {
            return Optional.of(of(data.charAt(0)));
        }
        if (data.length() > 2 && data.charAt(1) == ':') {
            return Optional.of(new Callback(data.charAt(0), data.substring(2)));
        }
        return Optional.empty();
    }

    boolean fits() {
        return encode().getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    private String encode() {
        return argument.isEmpty() ? String.valueOf(kind) : kind + ":" + argument;
    }
}
