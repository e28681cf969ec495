package nl.samenspraak.dashboard;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Step;

import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The anonymous answers of a selection as a table: one row per finished conversation, in a random order and
 * numbered anew for every export (no conversation id, no resume code, no time but the period), with its round
 * (numbered as the summary names them: a number kept) when the rows come from several, the flow
 * version, language, wijk and period where the minimum group size allows those columns, and one column per
 * question that the dashboard shows for the selection and every filter's groups answered often enough (a question
 * asked differently in different versions has a column per way it was asked). Answers in words, in the manager's language.
 * No free text: a text in Turkish, or one naming a street, told which row was one of the three Turkish speakers or
 * a West resident whose Language and Wijk columns the table hides, and the row gave their every other answer. The
 * texts go in a table of their own, linked to nothing ({@link ExportTexts}).
 */
public record ExportTable(List<String> headers, List<List<String>> rows, Map<String, Step> questionColumns) {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A table whose columns are no questions of a flow (the texts' table, a test's). */
    public ExportTable(List<String> headers, List<List<String>> rows) {
        this(headers, rows, Map.of());
    }

    public static ExportTable of(Flow flow, Report report, DashboardWords words, ZoneId zone, String language) {
        Report.Export export = report.export();
        String hidden = words.plain(language, "export_hidden", Map.of("k", report.k()));
        boolean rounds = !export.roundOf().isEmpty();
        List<String> headers = new ArrayList<>(List.of(words.plain(language, "col_row", Map.of())));
        if (rounds) {
            headers.add(words.plain(language, "col_round", Map.of()));
        }
        headers.addAll(List.of(words.plain(language, "col_version", Map.of()), words.plain(language, "col_language", Map.of()),
                words.plain(language, "col_wijk", Map.of()), words.plain(language, "col_period", Map.of())));
        List<Column> columns = new ArrayList<>();
        // the step each question column asks, by the column's name, for the sheet that says what each asked
        Map<String, Step> asked = new java.util.HashMap<>();
        for (Report.Question q : export.questions()) {
            if (ExportTexts.isText(q)) {
                continue;
            }
            if (q.changed()) {
                for (Report.Part part : q.parts()) {
                    columns.add(new Column(q.step(), part.versions()));
                    headers.add(words.column(q, part, language));
                    asked.put(headers.get(headers.size() - 1), q.step());
                }
            } else {
                columns.add(new Column(q.step(), null));
                headers.add(words.column(q, null, language));
                asked.put(headers.get(headers.size() - 1), q.step());
            }
        }
        List<Response> shuffled = new ArrayList<>(export.rows());
        Collections.shuffle(shuffled, RANDOM);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < shuffled.size(); i++) {
            Response r = shuffled.get(i);
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(i + 1));
            if (rounds) {
                row.add(Integer.toString(export.roundOf().get(r)));
            }
            row.add(export.version() ? r.version() : hidden);
            row.add(export.language() ? r.language() : hidden);
            row.add(!export.wijk() ? hidden : r.wijk() == null ? "" : r.wijk());
            row.add(export.period() == null ? hidden : export.period().period(r.startedAt(), zone));
            for (Column c : columns) {
                boolean here = c.versions() == null || c.versions().contains(r.version());
                row.add(here ? words.cell(flow, c.step(), r.answer(c.step().id()), language) : "");
            }
            rows.add(row);
        }
        return new ExportTable(List.copyOf(headers), List.copyOf(rows), Map.copyOf(asked));
    }

    /**
     * What each question column of {@code rows} asked, for a sheet beside them: the column's name, the question in the
     * manager's language and, for a scale, what its ends mean. The columns are named by step id ("vaardig_tolk") while
     * the page shows the questions' words, and a manager could not tell which column was which (the manager probe of
     * December 2026).
     */
    public static ExportTable questions(ExportTable rows, Flow flow, DashboardWords words, String language) {
        List<List<String>> lines = new ArrayList<>();
        for (String header : rows.headers()) {
            Step step = rows.questionColumns().get(header);
            if (step == null) {
                continue; // the row number, round, version, language, wijk, period
            }
            String asked = words.question(flow, step, language).html().replaceAll("<[^>]+>", "");
            String ends = step.type() == nl.samenspraak.flow.StepType.SCALE
                    ? step.min().longValue() + " = " + words.flowText(flow, "steps." + step.id() + ".minLabel", language) + ", "
                    + step.max().longValue() + " = " + words.flowText(flow, "steps." + step.id() + ".maxLabel", language)
                    : "";
            lines.add(List.of(header, DashboardWords.plainText(asked), ends));
        }
        return new ExportTable(List.of(words.plain(language, "export_col_column", java.util.Map.of()),
                words.plain(language, "export_col_question", java.util.Map.of()),
                words.plain(language, "export_col_scale", java.util.Map.of())), List.copyOf(lines));
    }

    /** A question's column; {@code versions}: the versions whose answers go in it (null: every version). */
    private record Column(Step step, List<String> versions) {
    }
}
