package nl.samenspraak.conversation;

import nl.samenspraak.i18n.Translations;
import nl.samenspraak.result.Result;

import java.util.Comparator;
import java.util.List;

/**
 * A result in one line, before its details, on the web page and in the PDF (web and Telegram): the strongest and the weakest part when
 * there are scores that differ, else how many tips follow; "" when there is nothing to sum up.
 */
public final class ResultSummary {
    private ResultSummary() {
    }

    public static String line(Translations t, ConversationState state) {
        Result r = state.result();
        if (r == null) {
            return "";
        }
        List<Result.Score> scored = r.scores().values().stream().filter(s -> s.value() != null)
                .sorted(Comparator.comparingInt(Result.Score::value)).toList();
        if (scored.size() >= 2 && !scored.get(0).value().equals(scored.get(scored.size() - 1).value())) {
            int high = scored.get(scored.size() - 1).value();
            int low = scored.get(0).value();
            return t.flowMessage(state.language(), state.flow(), "web.result_summary")
                    .replace("$strong", names(t, state.language(), scored, high))
                    .replace("$weak", names(t, state.language(), scored, low));
        }
        if (!r.tips().isEmpty()) {
            return t.flowMessage(state.language(), state.flow(), "web.result_summary_tips")
                    .replace("$count", Integer.toString(r.tips().size()));
        }
        return "";
    }

    /** The parts that share a score, in the flow's order: "Houding, Vaardigheden". */
    private static String names(Translations t, String language, List<Result.Score> scored, int value) {
        return t.list(language, scored.stream().filter(s -> s.value() == value).map(Result.Score::name).toList());
    }
}
