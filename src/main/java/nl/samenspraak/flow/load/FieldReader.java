package nl.samenspraak.flow.load;

import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static nl.samenspraak.flow.load.YamlNodes.line;
import static nl.samenspraak.flow.load.YamlNodes.scalar;
import static nl.samenspraak.flow.load.YamlNodes.sequence;

/**
 * The one place where a flow file's fields are read as text, flag, number or list of words, and where every problem is
 * written down with its file and line. Each part of the parser reads its own keys through it, so a field of the same
 * kind is read and complained about the same way wherever it stands, and the problems keep the file's order.
 */
final class FieldReader {
    private final String file;
    private final List<Problem> problems;

    FieldReader(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    String file() {
        return file;
    }

    /** How many problems are written down so far, for a part that must know whether it added any. */
    int problemCount() {
        return problems.size();
    }

    String requiredText(Map<String, Node> m, String key, Node owner) {
        Node n = m.get(key);
        String value = n == null ? null : scalar(n);
        if (value == null || value.isBlank()) {
            problem(n == null ? owner : n, "flowparse.missing", "key", key);
            return null;
        }
        return value;
    }

    String optionalText(Map<String, Node> m, String key, String fallback) {
        String value = m.get(key) == null ? null : scalar(m.get(key));
        return value == null ? fallback : value;
    }

    boolean flag(Map<String, Node> m, String key) {
        Node n = m.get(key);
        if (n == null) {
            return false;
        }
        String v = scalar(n);
        if (!"true".equals(v) && !"false".equals(v)) {
            problem(n, "flowparse.not_a_flag", "key", key);
            return false;
        }
        return "true".equals(v);
    }

    Double number(Map<String, Node> m, String key) {
        Node n = m.get(key);
        if (n == null) {
            return null;
        }
        Double value = parseNumber(scalar(n));
        if (value == null) {
            problem(n, "flowparse.not_a_number", "key", key);
        }
        return value;
    }

    /** A finite number, or null for text that is none (or no text). */
    static Double parseNumber(String text) {
        if (text == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(text.trim());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A list of words, each once; {@code key} names the list in a problem. */
    List<String> textList(Node node, String key) {
        if (node == null) {
            return List.of();
        }
        List<Node> list = sequence(node);
        if (list == null) {
            problem(node, "flowparse.list_not_a_list", "key", key);
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Node n : list) {
            String v = scalar(n);
            if (v == null) {
                problem(n, "flowparse.list_of_words", "key", key);
            } else if (values.contains(v)) {
                problem(n, "flowparse.list_twice", "key", key, "value", v);
            } else {
                values.add(v);
            }
        }
        return values;
    }

    /**
     * The keys and values of the mapping at {@code node}, each key not in {@code known} said by {@code unknownKey}; null,
     * said by {@code notAMapping} with {@code namesAndValues}, when the node is no mapping.
     */
    Map<String, Node> mapping(Node node, Set<String> known, String notAMapping, String unknownKey, Object... namesAndValues) {
        Map<String, Node> m = YamlNodes.mapping(node);
        if (m == null) {
            problem(node, notAMapping, namesAndValues);
            return null;
        }
        unknownKeys(m, known, unknownKey);
        return m;
    }

    /** {@code problemKey}: the message that says which kind of mapping has the unknown key. */
    void unknownKeys(Map<String, Node> m, Set<String> known, String problemKey) {
        m.forEach((k, v) -> {
            if (!known.contains(k)) {
                problem(v, problemKey, "key", k);
            }
        });
    }

    /**
     * A problem at {@code node}, worded by the message {@code key} ({@code flowparse.*}) with its values as name, value,
     * name, value, ...; a value the file lacks (null) is said as {@code null}, as it always was.
     */
    void problem(Node node, String key, Object... namesAndValues) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.put((String) namesAndValues[i], namesAndValues[i + 1] == null ? "null" : namesAndValues[i + 1]);
        }
        problem(node, key, args);
    }

    void problem(Node node, String key, Map<String, Object> args) {
        problems.add(Problem.worded(file, node == null ? 1 : line(node), key, args));
    }
}
