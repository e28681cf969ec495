package nl.samenspraak.dashboard;

import nl.samenspraak.flow.StepType;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The free texts of an export, apart from its rows: one column per text question the export holds (as the rows
 * would head it, a column per way of asking for a question asked differently), each column the texts the flow page
 * lists for the selection in its own random order, from the top, blank below. No row number and no other column:
 * no cell is linked to another cell or to a row of {@link ExportTable}. Side by side with the rows, a text in
 * Turkish or naming a street told which row was one of three Turkish speakers or a West resident, though the rows
 * hide the language and the wijk of groups that small; the page lists the texts apart too.
 */
public final class ExportTexts {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ExportTexts() {
    }

    /** Whether the question's answers are free texts (kept out of the rows; a number or a date is no free text). */
    static boolean isText(Report.Question q) {
        return q.step().type() == StepType.TEXT;
    }

    /** Whether the export holds a text question: else there is no texts' file or sheet, and no link to one. */
    public static boolean any(Report report) {
        return report.export().questions().stream().anyMatch(ExportTexts::isText);
    }

    /** The texts' table: no columns when the export holds no text question. */
    public static ExportTable of(Report report, DashboardWords words, String language) {
        List<String> headers = new ArrayList<>();
        List<List<String>> columns = new ArrayList<>();
        for (Report.Question q : report.export().questions()) {
            if (!isText(q)) {
                continue;
            }
            if (q.changed()) {
                for (Report.Part part : q.parts()) {
                    headers.add(words.column(q, part, language));
                    columns.add(texts(List.of(part)));
                }
            } else {
                headers.add(words.column(q, null, language));
                columns.add(texts(q.parts()));
            }
        }
        int height = columns.stream().mapToInt(List::size).max().orElse(0);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < height; i++) {
            int line = i;
            rows.add(columns.stream().map(c -> line < c.size() ? c.get(line) : "").toList());
        }
        return new ExportTable(List.copyOf(headers), List.copyOf(rows));
    }

    /**
     * The texts the page lists (no voice message, none skipped), in a random order of their own: the parts' lists
     * come sorted, and each column is shuffled apart, so a line across the columns is nobody's.
     */
    private static List<String> texts(List<Report.Part> parts) {
        List<String> texts = new ArrayList<>();
        parts.forEach(p -> p.texts().forEach(t -> texts.add(t.text())));
        Collections.shuffle(texts, RANDOM);
        return texts;
    }
}
