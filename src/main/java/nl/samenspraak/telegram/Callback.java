package nl.samenspraak.telegram;

import nl.samenspraak.conversation.ConversationState.OptionView;
import nl.samenspraak.conversation.ConversationState.StepView;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * What a button says when tapped ({@code callback_data}): a kind letter and a short argument, e.g.
 * {@code a:2} (the third option), {@code f:voorbeeld} (a flow whose id is too long for that by a short hash of it,
 * {@link #flow}). Telegram takes 1-64 bytes; nothing longer is made.
 *
 * <p>A button that names an option by its place ({@code a:2}, {@code t:2}, and a multi question's "Klaar", which sends
 * the places ticked) also says which list of options it was made for: {@code a:2@Xy3k9Q_b}, {@code k@Xy3k9Q_b}
 * ({@code shown}, {@link #mark}). A version of the flow published between sending the question and the tap may put
 * the same question's options in another order, and the third option is then another one: the tap stored an answer
 * the person never gave. Without the mark (buttons sent before it was added) a place counts in the list asked now.
 */
record Callback(char kind, String argument, String shown) {
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
    /**
     * Under "this conversation is finished; you can still have it deleted" (a closed result's code sent with /hervat):
     * deletes the conversation with that code ({@code x:<code>}), as the web's page of the same code does. The code is
     * the one the person just typed in this chat; "No" is {@link #FORGET}'s.
     */
    static final char DELETE_CLOSED = 'x';

    Callback(char kind, String argument) {
        this(kind, argument, "");
    }

    static Callback of(char kind) {
        return new Callback(kind, "");
    }

    static Callback of(char kind, Object argument) {
        return new Callback(kind, String.valueOf(argument));
    }

    /** This button, made for the options of {@code step} as listed now ({@link #mark}). */
    Callback shownWith(StepView step) {
        return new Callback(kind, argument, mark(step));
    }

    /**
     * A short mark of the list a question's buttons count places in: its type and its options' values, in order (not
     * their words: a label reworded is the same option). Two lists with the same mark give every place the same
     * option; 48 bits of a SHA-256, as eight URL-safe characters.
     */
    static String mark(StepView step) {
        return mark(step.type(), step.options());
    }

    /** As {@link #mark(StepView)}, for a question of {@code type} with {@code options} (in their order). */
    static String mark(String type, java.util.List<OptionView> options) {
        StringBuilder b = new StringBuilder(type);
        for (OptionView o : options) {
            b.append('\n').append(o.value());
        }
        return shortHash(b.toString());
    }

    /** 48 bits of the SHA-256 of {@code text}, as eight URL-safe characters. */
    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 6));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Whether this tap's places count in the options of {@code step} as they are listed now: it was made for that list,
     * or it names no list (a button sent before buttons said so).
     */
    boolean countsIn(StepView step) {
        return shown.isEmpty() || shown.equals(mark(step));
    }

    /**
     * Before a flow's short hash: {@code f:~Xy3k9Q_b}. A flow id has no {@code ~} (nor {@code #}), and a hash no
     * {@code @}.
     */
    static final String FLOW_HASH = "~";
    /** Before a flow's place in the menu, on menus sent before flows were named by their hash: {@code f:#3}. */
    static final String FLOW_PLACE = "#";

    /**
     * A flow by its id, or, when the id is too long for a button, by a short hash of it ({@link #flowHash}), which the
     * tap looks up among the flows offered then. By its place in the menu, as it was, a flow published or taken away
     * between the menu and the tap started another flow than the one tapped.
     */
    static Callback flow(String flowId) {
        Callback byId = of(FLOW, flowId);
        return byId.fits() ? byId : of(FLOW, FLOW_HASH + flowHash(flowId));
    }

    /** The short hash that names {@code flowId} on a menu's button: 48 bits of its SHA-256, as eight characters. */
    static String flowHash(String flowId) {
        return shortHash("flow\n" + flowId);
    }

    String data() {
        if (!fits()) {
            throw new IllegalArgumentException("callback data over " + MAX_BYTES + " bytes: " + encode());
        }
        return encode();
    }

    /** The argument as a number (an option's place, or a flow's on an older menu: {@code #3}), or -1. */
    int index() {
        String digits = argument.startsWith(FLOW_PLACE) ? argument.substring(1) : argument;
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
        int at = data.lastIndexOf('@');
        String shown = at > 0 ? data.substring(at + 1) : "";
        String rest = at > 0 ? data.substring(0, at) : data;
        if (rest.length() == 1) {
            return Optional.of(new Callback(rest.charAt(0), "", shown));
        }
        if (rest.length() > 2 && rest.charAt(1) == ':') {
            return Optional.of(new Callback(rest.charAt(0), rest.substring(2), shown));
        }
        return Optional.empty();
    }

    boolean fits() {
        return encode().getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    private String encode() {
        return (argument.isEmpty() ? String.valueOf(kind) : kind + ":" + argument) + (shown.isEmpty() ? "" : "@" + shown);
    }
}
