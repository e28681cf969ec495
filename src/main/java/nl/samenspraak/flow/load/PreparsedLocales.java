package nl.samenspraak.flow.load;

import nl.samenspraak.i18n.Text;
import nl.samenspraak.i18n.TextRenderer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The bundled locale files as the loader reads them (each flattened to its keys, texts and lines), made once by the
 * build instead of at every start: parsing their 600 kB of YAML, and compiling the YAML scanner that takes, was a
 * large part of a start (README "Start-up"). A file is taken from here only when its name and content are the ones
 * it was made from (length and CRC-32 of its text); any other file, such as one in a configured locales folder or one
 * edited since the build, is parsed as YAML. Only files that parsed without a problem are kept, so a problem is
 * always found and reported by parsing.
 */
public final class PreparsedLocales {
    /** Where the build puts it, on the class path (see {@link BundledDataBuilder}). */
    public static final String RESOURCE = "preparsed/locales.bin";
    private static final int FORMAT = 0x5350_4c31; // "SPL1"

    private static final PreparsedLocales NONE = new PreparsedLocales(Map.of());

    private final Map<String, File> files;

    private PreparsedLocales(Map<String, File> files) {
        this.files = files;
    }

    /** One file: the length and checksum of the text it was made from, and its texts in file order. */
    private record File(int length, long crc, Map<String, Text> texts) {
    }

    /** Nothing prepared: every file is parsed. */
    public static PreparsedLocales none() {
        return NONE;
    }

    /** What the build prepared for the bundled locale files; {@link #none()} when this build has none. */
    public static PreparsedLocales bundled() {
        try (InputStream in = PreparsedLocales.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? NONE : read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * The texts of {@code file}, flattened as {@link YamlNodes#flatten} does, when this holds that file with exactly
     * this content; empty otherwise (then the caller parses it).
     */
    public Optional<Map<String, Text>> texts(String file, String content) {
        File prepared = files.get(file);
        if (prepared == null || prepared.length() != content.length() || prepared.crc() != crc(content)) {
            return Optional.empty();
        }
        return Optional.of(new LinkedHashMap<>(prepared.texts()));
    }

    /** How many files this holds. */
    public int size() {
        return files.size();
    }

    /**
     * Parses each locale file (file name to content, as {@link DataFiles} reads them) and writes those without a
     * problem and whose every text parses as a template (a start reads a file with a broken text itself, and says what
     * is wrong with it). Which files the loader reads at all (not a glossary, say) stays the loader's decision: it asks
     * only for those.
     */
    public static void write(Map<String, String> localeFiles, OutputStream target) throws IOException {
        List<Map.Entry<String, Map<String, Text>>> good = new ArrayList<>();
        TextRenderer renderer = new TextRenderer();
        localeFiles.forEach((file, content) -> {
            List<Problem> problems = new ArrayList<>();
            YamlNodes.parse(file, content, problems).ifPresent(root -> {
                Map<String, Text> texts = new LinkedHashMap<>();
                YamlNodes.flatten(file, "", root, texts, problems);
                boolean parse = texts.values().stream().allMatch(text -> renderer.syntaxProblem(text.text()).isEmpty());
                if (problems.isEmpty() && parse) {
                    good.add(Map.entry(file, texts));
                }
            });
        });
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(target));
        out.writeInt(FORMAT);
        out.writeInt(good.size());
        for (Map.Entry<String, Map<String, Text>> file : good) {
            String content = localeFiles.get(file.getKey());
            writeString(out, file.getKey());
            out.writeInt(content.length());
            out.writeLong(crc(content));
            out.writeInt(file.getValue().size());
            for (Map.Entry<String, Text> text : file.getValue().entrySet()) {
                writeString(out, text.getKey());
                writeString(out, text.getValue().text());
                out.writeInt(text.getValue().line());
            }
        }
        out.flush();
    }

    static PreparsedLocales read(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(source));
        if (in.readInt() != FORMAT) {
            return NONE; // made by another version of this class: parse instead
        }
        int count = in.readInt();
        Map<String, File> files = new HashMap<>(count * 2);
        for (int f = 0; f < count; f++) {
            String name = readString(in);
            int length = in.readInt();
            long crc = in.readLong();
            int size = in.readInt();
            Map<String, Text> texts = new LinkedHashMap<>(size * 2);
            for (int t = 0; t < size; t++) {
                String key = readString(in);
                texts.put(key, new Text(readString(in), in.readInt()));
            }
            files.put(name, new File(length, crc, texts));
        }
        return new PreparsedLocales(files);
    }

    private static long crc(String content) {
        CRC32 crc = new CRC32();
        crc.update(content.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    // not writeUTF: that stops at 64 kB, and a text may be longer
    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
