package nl.samenspraak.xlsform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One sheet of an XLSForm as text: a header row naming the columns and the rows below it. Column names are
 * matched as XLSForm tools do (case-insensitively, spaces around {@code ::} ignored); cells are trimmed.
 */
public final class SheetTable {
    private final String name;
    private final List<String> headers;
    private final List<Row> rows;

    /** A row as read: its number in the spreadsheet (header is row 1) and its cells by column index. */
    public record Row(int number, List<String> cells) {
    }

    public SheetTable(String name, List<String> headers, List<Row> rows) {
        this.name = name;
        this.headers = List.copyOf(headers);
        this.rows = List.copyOf(rows);
    }

    public String name() {
        return name;
    }

    public List<String> headers() {
        return headers;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The index of the column named {@code header}, compared the XLSForm way. */
    public Optional<Integer> column(String header) {
        String wanted = normalize(header);
        for (int i = 0; i < headers.size(); i++) {
            if (normalize(headers.get(i)).equals(wanted)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Every column whose header starts with {@code prefix::}, by index, as written. */
    public Map<Integer, String> columnsWithPrefix(String prefix) {
        Map<Integer, String> found = new LinkedHashMap<>();
        String wanted = normalize(prefix) + "::";
        for (int i = 0; i < headers.size(); i++) {
            if (normalize(headers.get(i)).startsWith(wanted)) {
                found.put(i, headers.get(i).substring(headers.get(i).indexOf("::") + 2).trim());
            }
        }
        return found;
    }

    /** The cell of {@code row} in the column named {@code header}; empty when blank or absent. */
    public String cell(Row row, String header) {
        return column(header).map(i -> cell(row, i)).orElse("");
    }

    public String cell(Row row, int column) {
        return column < row.cells().size() && row.cells().get(column) != null ? row.cells().get(column).trim() : "";
    }

    /** How a problem report names a column: its letter and its header, e.g. {@code D (relevant)}. */
    public String describe(int column) {
        return letter(column) + " (" + headers.get(column) + ")";
    }

    public String describe(String header) {
        return column(header).map(this::describe).orElse(header);
    }

    static String letter(int column) {
        StringBuilder b = new StringBuilder();
        int n = column + 1;
        while (n > 0) {
            int rest = (n - 1) % 26;
            b.insert(0, (char) ('A' + rest));
            n = (n - 1) / 26;
        }
        return b.toString();
    }

    static String normalize(String header) {
        String h = header == null ? "" : header.trim().toLowerCase(Locale.ROOT).replaceAll("\\s*::\\s*", "::")
                .replaceAll("\\s+", " ");
        return canonical(h);
    }

    /**
     * The column pyxform reads under another of its names: {@code bind::relevant} is {@code relevant},
     * {@code readonly} and {@code bind::readonly} are {@code read_only}, {@code bind::jr:constraintMsg} is
     * {@code constraint_message} (with its language after it), and so on. A condition in {@code bind::relevant} was
     * read past: the question was asked whatever the answers, unlike in Kobo, where its author had tried the form.
     */
    private static String canonical(String header) {
        boolean bind = header.startsWith("bind::");
        String h = bind ? header.substring("bind::".length()) : header;
        for (Map.Entry<String, String> alias : (bind ? BIND_ALIASES : ALIASES).entrySet()) {
            if (h.equals(alias.getKey()) || h.startsWith(alias.getKey() + "::")) {
                return alias.getValue() + h.substring(alias.getKey().length());
            }
        }
        return h;
    }

    private static final Map<String, String> ALIASES = Map.of("readonly", "read_only");
    private static final Map<String, String> BIND_ALIASES = Map.of("readonly", "read_only", "calculate", "calculation",
            "jr:constraintmsg", "constraint_message", "jr:requiredmsg", "required_message");

    /** Whether a cell says yes the ways XLSForm writes it ({@code yes}, {@code true}, {@code true()}, {@code 1}). */
    static boolean isTrue(String cell) {
        String v = cell.trim().toLowerCase(Locale.ROOT);
        return v.equals("yes") || v.equals("true") || v.equals("true()") || v.equals("1");
    }

    /** An empty cell, or one that says no as XLSForm writes it. */
    static boolean isFalse(String cell) {
        String v = cell.trim().toLowerCase(Locale.ROOT);
        return v.isEmpty() || v.equals("no") || v.equals("false") || v.equals("false()") || v.equals("0");
    }

    /** Rows with at least one non-blank cell. */
    public static List<Row> nonBlank(List<Row> rows) {
        List<Row> kept = new ArrayList<>();
        for (Row r : rows) {
            if (r.cells().stream().anyMatch(c -> c != null && !c.isBlank())) {
                kept.add(r);
            }
        }
        return kept;
    }
}
