package nl.samenspraak.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Arabic in a PDF reads back as the letters written, not as their joined shapes. The engine joins Arabic letters by
 * drawing each in its shape (initial, medial, final: the Unicode presentation forms, U+FE70-U+FEFF) and writes those
 * shapes as the text behind the glyphs (each font's ToUnicode map). A reader that copies or searches with PDFBox folds
 * them back; Poppler (pdftotext, most Linux viewers) and others do not: "عملك" was not found in an Arabic result, and
 * copied text was presentation forms. Each shape's entry in the map is rewritten as the letter it stands for (its
 * compatibility decomposition); the glyphs, and so the page, stay as they are. A shape of two letters stays a shape
 * ("ﻻ", lam and alef): a reader puts a right-to-left line's characters back in order one by one, the two letters of
 * one glyph too, and "لا" (no) came out as "ال" (the).
 * <p>
 * The isolates around a figure or a name in a sentence (U+2066-U+2069, which keep "12" or "Kanaleneiland" in their
 * place in a line of the other direction) are drawn too, as glyphs of no width, and were copied along: "⁨12⁩" copied
 * out of the Dutch team report is no number in a spreadsheet. In a left-to-right document their entry in the map says
 * nothing. A right-to-left document keeps them: a reader puts its lines back in reading order by the Unicode bidi
 * algorithm, and there they still keep a sign in front of its number (without them "(±0)" read back as "0±)").
 */
final class TextAsWritten {
    private TextAsWritten() {
    }

    /**
     * {@code pdf} with the text behind every joined shape its letters, and in a left-to-right document behind every
     * isolate nothing; the same bytes when it has neither.
     */
    static byte[] of(byte[] pdf, boolean rightToLeft) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            boolean changed = false;
            Set<COSDictionary> seen = new HashSet<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                if (resources == null) {
                    continue;
                }
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    if (font instanceof PDType0Font && seen.add(font.getCOSObject())) {
                        changed |= remap(document, font, !rightToLeft);
                    }
                }
            }
            if (!changed) {
                return pdf;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites {@code font}'s ToUnicode map when a code stands for a shape or an isolate; whether it did. */
    private static boolean remap(PDDocument document, PDFont font, boolean withoutIsolates) throws IOException {
        Map<Integer, String> letters = new TreeMap<>();
        boolean shapes = false;
        for (int code : codes(font)) {
            String text = font.toUnicode(code);
            if (text == null) {
                continue;
            }
            String written = written(text, withoutIsolates);
            shapes |= !written.equals(text);
            letters.put(code, written);
        }
        if (!shapes) {
            return false;
        }
        COSStream map = document.getDocument().createCOSStream();
        try (OutputStream out = map.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(cmap(letters).getBytes(StandardCharsets.US_ASCII));
        }
        font.getCOSObject().setItem(COSName.TO_UNICODE, map);
        return true;
    }

    private static final Pattern BLOCK = Pattern.compile("beginbf(char|range)(.*?)endbf\\1", Pattern.DOTALL);
    private static final Pattern HEX = Pattern.compile("<([0-9A-Fa-f]{1,8})>");

    /**
     * The codes {@code font}'s ToUnicode map has an entry for (its {@code bfchar} and {@code bfrange} lines, as PDFBox
     * writes them): the glyphs drawn. Any other code PDFBox answers with the code itself, which is no entry of the map.
     */
    static Set<Integer> codes(PDFont font) throws IOException {
        Set<Integer> codes = new java.util.TreeSet<>();
        COSStream map = font.getCOSObject().getCOSStream(COSName.TO_UNICODE);
        if (map == null) {
            return codes;
        }
        String text;
        try (var in = map.createInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        Matcher block = BLOCK.matcher(text);
        while (block.find()) {
            for (String line : block.group(2).split("\\n")) {
                Matcher hex = HEX.matcher(line);
                if (!hex.find()) {
                    continue;
                }
                int first = Integer.parseInt(hex.group(1), 16);
                int last = block.group(1).equals("range") && hex.find() ? Integer.parseInt(hex.group(1), 16) : first;
                for (int code = first; code <= last && code <= 0xFFFF; code++) {
                    codes.add(code);
                }
            }
        }
        return codes;
    }

    /** Whether {@code c} is a bidi isolate (U+2066-U+2069), which keeps a figure or a name in its place in a line. */
    static boolean isolate(int c) {
        return c >= 0x2066 && c <= 0x2069;
    }

    /**
     * {@code text} with each presentation form of one letter as that letter (a shape of two letters stays as it is),
     * and {@code withoutIsolates} without isolates.
     */
    static String written(String text, boolean withoutIsolates) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (withoutIsolates && isolate(c)) {
                return;
            }
            String letter = (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF)
                    ? Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFKC) : null;
            if (letter != null && letter.codePointCount(0, letter.length()) == 1) {
                out.append(letter);
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /**
     * A ToUnicode CMap (PDF 32000-1, 9.10.3) of two-byte codes, at most 100 entries in each block, as the format asks; a
     * code that stands for no text maps to the empty string (Poppler and PDFBox then copy nothing for it).
     */
    private static String cmap(Map<Integer, String> letters) {
        StringBuilder b = new StringBuilder("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                + "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                + "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                + "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        var entries = letters.entrySet().stream().toList();
        for (int from = 0; from < entries.size(); from += 100) {
            var block = entries.subList(from, Math.min(from + 100, entries.size()));
            b.append(block.size()).append(" beginbfchar\n");
            for (Map.Entry<Integer, String> e : block) {
                b.append('<').append(String.format("%04X", e.getKey())).append("> <");
                for (char c : e.getValue().toCharArray()) {
                    b.append(String.format("%04X", (int) c));
                }
                b.append(">\n");
            }
            b.append("endbfchar\n");
        }
        return b.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").toString();
    }
}
