package nl.samenspraak.xlsform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The groups open at a survey row, innermost last. A flow has no groups: a group's relevance is added to that of
 * every question in it, so each open group keeps its relevance together with its parents' and the cell it came from.
 */
final class OpenGroups {
    /** Each open group's relevance with its parents' ("" for none), innermost first. */
    private final Deque<String> relevance = new ArrayDeque<>();
    private final Deque<Integer> rows = new ArrayDeque<>();
    /** The relevant cell of each open group's relevance (null: none), innermost last. */
    private final List<Origins.Origin> relevantAt = new ArrayList<>();

    /** The relevance of the innermost open group with its parents'; null when none has one. */
    String relevance() {
        return relevance.isEmpty() || relevance.peek().isEmpty() ? null : relevance.peek();
    }

    /** The relevant cell of the innermost open group with a relevance; null when none has one. */
    Origins.Origin relevantAt() {
        return relevantAt.isEmpty() ? null : relevantAt.get(relevantAt.size() - 1);
    }

    /** Opens the group begun at spreadsheet row {@code row}, with {@code relevance} (its parents' included). */
    void open(int row, String relevance, Origins.Origin relevantAt) {
        rows.push(row);
        this.relevance.push(relevance == null ? "" : relevance);
        this.relevantAt.add(relevantAt);
    }

    /** Closes the innermost group; false when none is open. */
    boolean close() {
        if (rows.isEmpty()) {
            return false;
        }
        rows.pop();
        relevance.pop();
        relevantAt.remove(relevantAt.size() - 1);
        return true;
    }

    /** The row of the innermost group still open, or null. */
    Integer unclosed() {
        return rows.peek();
    }
}
