package nl.samenspraak.xlsform;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Looks through every part of an .xlsx before the reader opens it, unpacking as it goes and keeping nothing, for what
 * would make the reader (fastexcel) take memory without bound before a row reaches {@link XlsxSheets}: more than
 * {@link WorkbookLimits#UNPACKED_MB} MB unpacked (a zip bomb: a huge sheet or shared strings table), one text (a shared
 * string, a cell) of more than {@link WorkbookLimits#PIECE_MB} MB, which the reader would build whole, a cell further right
 * than Excel's last column or a row with more cells than that (the reader makes room for every column up to the
 * furthest), a cell naming a shared string the table does not have (the reader fills the table up to that number) and
 * a document type (whose entities would expand). The parts are read as the reader reads them: the zip's central
 * directory, each entry by itself, so entries that overlap are each counted whole.
 */
final class UnpackedParts {
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private long unpacked;
    private long sharedStrings;
    private long highestSharedString = -1;

    private UnpackedParts() {
    }

    /** Refuses {@code xlsx} (as too big unpacked, or as no .xlsx) when it would take the reader beyond its limits. */
    static void check(byte[] xlsx) {
        UnpackedParts parts = new UnpackedParts();
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(xlsx)).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    if (in != null) {
                        parts.scan(new Counted(in, parts));
                    }
                }
            }
        } catch (PieceTooBig e) {
            throw new XlsFormRefused(List.of(new XlsFormProblem(null, 0, null, "xlsform.problem.text_too_long",
                    Map.of("limit", WorkbookLimits.PIECE_MB, "cell", WorkbookLimits.CELL_CHARACTERS))));
        } catch (IOException | XMLStreamException | RuntimeException e) {
            // the XML parser may wrap what the count threw: the count says whether it was that
            throw parts.tooMuch() ? tooMuchText() : XlsxSheets.notXlsx();
        }
        if (parts.tooMuch()) {
            throw tooMuchText();
        }
        if (parts.highestSharedString >= parts.sharedStrings) {
            throw XlsxSheets.notXlsx();
        }
    }

    private boolean tooMuch() {
        return unpacked > WorkbookLimits.UNPACKED_BYTES;
    }

    private static XlsFormRefused tooMuchText() {
        return new XlsFormRefused(List.of(new XlsFormProblem(null, 0, null, "xlsform.problem.too_much_text",
                Map.of("limit", WorkbookLimits.UNPACKED_MB))));
    }

    /** One part: its XML looked through, or, when it is no XML (an image), only unpacked and counted. */
    private void scan(Counted in) throws IOException, XMLStreamException {
        XMLStreamReader xml;
        try {
            xml = XML.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            in.transferTo(OutputStream.nullOutputStream());
            return;
        }
        try {
            look(xml);
        } catch (XMLStreamException e) {
            // no XML after all: still unpacked and counted (a wrapped count comes back here, and throws again)
            in.transferTo(OutputStream.nullOutputStream());
        } finally {
            xml.close();
        }
    }

    private void look(XMLStreamReader xml) throws XMLStreamException {
        int cellsInRow = 0;
        boolean sharedStringCell = false;
        long start = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            // where this piece starts is where the one before it ended: a text is measured without being built
            long at = xml.getLocation().getCharacterOffset();
            if (at - start > WorkbookLimits.PIECE_BYTES) {
                throw new PieceTooBig();
            }
            start = at;
            if (event == XMLStreamConstants.DTD) {
                throw new Refused();
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c")) {
                    sharedStringCell = false;
                }
                continue;
            }
            switch (xml.getLocalName()) {
                case "si" -> sharedStrings++;
                case "row" -> cellsInRow = 0;
                case "c" -> {
                    if (++cellsInRow > WorkbookLimits.SHEET_WIDTH || column(xml.getAttributeValue(null, "r")) > WorkbookLimits.SHEET_WIDTH) {
                        throw new Refused();
                    }
                    sharedStringCell = "s".equals(xml.getAttributeValue(null, "t"));
                }
                case "v" -> {
                    if (sharedStringCell) {
                        String index = xml.getElementText().trim();
                        if (!index.matches("\\d{1,9}")) {
                            throw new Refused();
                        }
                        highestSharedString = Math.max(highestSharedString, Long.parseLong(index));
                    }
                }
                default -> {
                }
            }
        }
    }

    /** The column (from 1) of a cell reference such as {@code B7} or {@code $AB$7}; 0 when it names none. */
    static int column(String reference) {
        if (reference == null) {
            return 0;
        }
        int column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = Character.toUpperCase(reference.charAt(i));
            if (c == '$' && i == 0) {
                continue;
            }
            if (c < 'A' || c > 'Z') {
                break;
            }
            if (column > WorkbookLimits.SHEET_WIDTH) {
                return Integer.MAX_VALUE;
            }
            column = column * 26 + (c - 'A' + 1);
        }
        return column;
    }

    /** One piece of XML bigger than {@link WorkbookLimits#PIECE_BYTES}. */
    private static final class PieceTooBig extends RuntimeException {
        PieceTooBig() {
            super(null, null, false, false);
        }
    }

    /** More unpacked than {@link WorkbookLimits#UNPACKED_BYTES}. */
    private static final class TooMuch extends RuntimeException {
        TooMuch() {
            super(null, null, false, false);
        }
    }

    /** Something no spreadsheet program writes, that the reader would take memory for. */
    private static final class Refused extends RuntimeException {
        Refused() {
            super(null, null, false, false);
        }
    }

    /** A part's bytes as unpacked, counted against what all parts together may unpack to. */
    private static final class Counted extends FilterInputStream {
        private final UnpackedParts parts;

        Counted(InputStream in, UnpackedParts parts) {
            super(in);
            this.parts = parts;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            int read = read(new byte[(int) Math.max(0, Math.min(n, 8192))]);
            return Math.max(read, 0);
        }

        private void count(int n) throws IOException {
            parts.unpacked += n;
            if (parts.unpacked > WorkbookLimits.UNPACKED_BYTES) {
                throw new TooMuch();
            }
        }
    }
}
