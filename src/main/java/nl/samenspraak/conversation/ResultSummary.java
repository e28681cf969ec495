package nl.samenspraak.conversation;

import nl.samenspraak.i18n.Translations;
import nl.samenspraak.result.Result;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A result in one line, before its details, on the web page and in the PDF (web and Telegram): the strongest and the weakest part when
 * their scores read differently (another band), each only when at most {@value #MOST_TIED} parts share it, else how many tips follow; "" when there is nothing to sum up. Also in the language of
 * someone reading along (an intermediair), beneath, as every line of the result.
 */
public final class ResultSummary {
    private ResultSummary() {
    }

    public static String line(Translations t, ConversationState state) {
        return line(t, state, state.language());
    }

    /** The same line in {@code language}: the parts named as that language names them. */
    public static String line(Translations t, ConversationState state, String language) {
        Result r = state.result();
        if (r == null) {
            return "";
        }
        List<Map.Entry<String, Result.Score>> scored = r.scores().entrySet().stream().filter(s -> s.getValue().value() != null)
                .sorted(Comparator.comparingInt(s -> s.getValue().value())).toList();
        // a strongest and a weakest part only when they read differently ("Een sterk punt" beside "Op weg", say):
        // with every part low, "Je sterkste punt: Vaardigheden" (18 of 100) stood above five times "Hier valt het
        // meest te winnen"; parts in one band are summed up by their tips
        // a part a red flag is about ("Eén antwoord vraagt aandacht") is nobody's strongest point, however high its
        // score: "Je sterkste punt: Werkwijze" stood above "Keur een andere aanpak niet af". Told by the score's flag, not
        // by its reading's words: a flow may word another reading the same, and a result read in another language than
        // the conversation's (a professional's attention points) holds other words
        List<Map.Entry<String, Result.Score>> unflagged = scored.stream().filter(s -> !s.getValue().flagged()).toList();
        if (scored.size() >= 2 && !unflagged.isEmpty()) {
            Result.Score strongest = unflagged.get(unflagged.size() - 1).getValue();
            Result.Score weakest = scored.get(0).getValue();
            if (strongest.value() > weakest.value() && !strongest.label().equals(weakest.label())) {
                String line = String.join(" ", java.util.stream.Stream.of(
                                said(t, state, language, "web.result_strong", "$strong", unflagged, strongest.value()),
                                said(t, state, language, "web.result_weak", "$weak", scored, weakest.value()))
                        .filter(part -> !part.isEmpty()).toList());
                if (!line.isEmpty()) {
                    return line;
                }
            }
        }
        if (r.tips().size() == 1) {
            // one tip is no list to put "the most important first" ("Tips below: 1, the most important first.")
            return t.flowMessage(language, state.flow(), "web.result_summary_one_tip");
        }
        if (!r.tips().isEmpty()) {
            return t.flowMessage(language, state.flow(), "web.result_summary_tips")
                    .replace("$count", Integer.toString(r.tips().size()));
        }
        return "";
    }

    /** More parts than this sharing the strongest (or weakest) score are no point at all: the line says nothing of them. */
    static final int MOST_TIED = 3;

    /**
     * The sentence on the parts of {@code scored} with {@code value} ({@code key}, with {@code placeholder} for their
     * names): one part in the singular ("Je sterkste punt: Bereik."), two or three in the plural ("Je sterkste punten:
     * Bereik en Inzet."); "" for more, or for every part: five parts named as the strongest took eleven lines on a phone
     * and singled nothing out.
     */
    private static String said(Translations t, ConversationState state, String language, String key, String placeholder,
                               List<Map.Entry<String, Result.Score>> scored, int value) {
        List<String> names = scored.stream().filter(s -> s.getValue().value() == value)
                .map(s -> language.equals(state.language()) ? s.getValue().name()
                        : t.flowText(language, state.flow(), "dimensions." + s.getKey())).toList();
        if (names.size() > MOST_TIED || names.size() == state.result().scores().size()) {
            return "";
        }
        return t.flowMessage(language, state.flow(), names.size() == 1 ? key : key + "_plural")
                .replace(placeholder, t.listAnd(language, names));
    }
}
