package nl.samenspraak.xlsform;

/**
 * How big an uploaded workbook may be before it is refused, unread. The upload itself is small (200 kB), but an .xlsx
 * is a zip of XML: 195 kB unpacked to 1.25 million rows and took 4.4 GB of memory while it was being refused. A
 * questionnaire is far smaller than these limits: the largest bundled flow, exported as XLSForm, has 7 sheets, 103
 * rows, 34 columns, a cell of about 1,000 characters and 0.23 MB of XML; each limit leaves room for a form many times
 * that size, in many more languages, and keeps what one upload can make the service hold small: a million blank rows,
 * 300,000 rows of text and a 15 MB cell were each refused by a JVM with 24 MB of heap.
 */
final class WorkbookLimits {
    /** survey, choices, settings, Samenspraak's own dimensions, themes, advice, benchmarks and messages, and notes. */
    static final int SHEETS = 30;
    /** Rows per sheet, blank rows included (a bomb of blank rows is refused while it is read, not after). */
    static final int ROWS = 5_000;
    /** Columns with text: a label, hint and message column per language, and XLSForm's and Samenspraak's own. */
    static final int COLUMNS = 200;
    /** Characters in one cell: a long advice text is a few paragraphs. */
    static final int CELL_CHARACTERS = 10_000;
    /** All the workbook's parts unpacked, in MB: what the reader can be made to read at all. */
    static final int UNPACKED_MB = 16;
    static final long UNPACKED_BYTES = UNPACKED_MB * 1024L * 1024L;
    /**
     * One piece of the unpacked XML (a text, a tag) in MB: a cell holds at most 32,767 characters in Excel, so a piece
     * this big is no cell's, and the reader would build it whole (a single 15 MB shared string took over 96 MB).
     */
    static final int PIECE_MB = 1;
    static final long PIECE_BYTES = PIECE_MB * 1024L * 1024L;
    /** Excel's own width (column XFD): a row with more cells, or a cell further right, was made by no spreadsheet program. */
    static final int SHEET_WIDTH = 16_384;

    private WorkbookLimits() {
    }
}
