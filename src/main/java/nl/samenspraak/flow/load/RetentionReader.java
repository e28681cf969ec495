package nl.samenspraak.flow.load;

import nl.samenspraak.flow.Retention;
import org.yaml.snakeyaml.nodes.Node;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.samenspraak.flow.load.YamlNodes.scalar;

/**
 * Reads how long a flow's conversations are kept ({@code retention:}). It has a small language of its own (days,
 * hours, {@code forever}, {@code none}) that no other part of a flow file uses, so it is read apart.
 */
final class RetentionReader {
    private static final Set<String> KEYS = Set.of("unfinished", "finished", "result");
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,5})([dh])");

    private final FieldReader fields;

    RetentionReader(FieldReader fields) {
        this.fields = fields;
    }

    /**
     * {@code retention: {unfinished: 30d, finished: 90d, result: 7d}}: durations in days ({@code d}) or hours
     * ({@code h}); {@code finished: forever} keeps finished conversations, {@code result: none} never opens a
     * finished result by its code. Anything left out takes {@link Retention#DEFAULT}'s value.
     */
    Retention read(Node node) {
        if (node == null) {
            return Retention.DEFAULT;
        }
        Map<String, Node> m = fields.mapping(node, KEYS, "flowparse.retention_not_a_mapping", "flowparse.retention_unknown_key");
        if (m == null) {
            return Retention.DEFAULT;
        }
        Duration unfinished = duration("unfinished", m.get("unfinished"), null, Retention.DEFAULT.unfinished());
        Duration finished = duration("finished", m.get("finished"), "forever", null);
        Duration result = duration("result", m.get("result"), "none", null);
        if (unfinished.isZero()) {
            fields.problem(m.get("unfinished"), "flowparse.retention_unfinished");
            unfinished = Retention.DEFAULT.unfinished();
        }
        return new Retention(unfinished, finished, result);
    }

    /** {@code 30d} or {@code 12h}; {@code word} (forever, none) or a missing key gives {@code absent}. */
    private Duration duration(String part, Node node, String word, Duration absent) {
        if (node == null) {
            return absent;
        }
        String text = scalar(node);
        if (text != null && text.equals(word)) {
            return "none".equals(word) ? Duration.ZERO : null;
        }
        Matcher m = text == null ? null : DURATION.matcher(text.trim());
        if (m == null || !m.matches()) {
            if (word == null) {
                fields.problem(node, "flowparse.duration", "part", part, "value", text);
            } else {
                fields.problem(node, "flowparse.duration_or_word", "part", part, "word", word, "value", text);
            }
            return absent;
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2).equals("d") ? Duration.ofDays(n) : Duration.ofHours(n);
    }
}
