package nl.samenspraak.xlsform;

/**
 * Something in a spreadsheet that keeps it from becoming a flow, pointed at as a person sees it in a
 * spreadsheet program: sheet name, row number (1 is the header row) and column letter with its header.
 */
public record XlsFormProblem(String sheet, int row, String column, String message) {
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(sheet);
        if (row > 0) {
            b.append(", row ").append(row);
        }
        if (column != null) {
            b.append(", column ").append(column);
        }
        return b.append(": ").append(message).toString();
    }
}
