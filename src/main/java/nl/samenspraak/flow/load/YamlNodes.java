package nl.samenspraak.flow.load;

import nl.samenspraak.i18n.Text;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML as a node tree that remembers line numbers, so that every problem can name its line.
 * Only the tree is built: no Java object is ever constructed from a file's tags.
 */
public final class YamlNodes {
    private YamlNodes() {
    }

    /** Parses one document; a syntax error becomes a problem at the line and character SnakeYAML points at. */
    public static Optional<Node> parse(String file, String content, List<Problem> problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(4 * 1024 * 1024);
        try {
            Node node = new Yaml(options).compose(new StringReader(content));
            if (node == null) {
                problems.add(Problem.worded(file, 1, "flowparse.empty_file", Map.of()));
            }
            return Optional.ofNullable(node);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = String.valueOf(e.getProblem() != null ? e.getProblem() : e.getContext());
            problems.add(mark == null ? Problem.worded(file, 1, "flowparse.yaml_unreadable", Map.of("error", what))
                    : Problem.worded(file, mark.getLine() + 1, "flowparse.yaml_syntax",
                    Map.of("column", mark.getColumn() + 1, "error", what)));
            return Optional.empty();
        } catch (YAMLException e) {
            problems.add(Problem.worded(file, 1, "flowparse.yaml_unreadable", Map.of("error", String.valueOf(e.getMessage()))));
            return Optional.empty();
        }
    }

    public static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** The keys and values of a mapping, in file order; null when the node is no mapping. */
    public static Map<String, Node> mapping(Node node) {
        if (!(node instanceof MappingNode m)) {
            return null;
        }
        Map<String, Node> map = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode key) {
                map.put(key.getValue(), t.getValueNode());
            }
        }
        return map;
    }

    public static List<Node> sequence(Node node) {
        return node instanceof SequenceNode s ? s.getValue() : null;
    }

    public static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    /**
     * Flattens nested mappings into dotted keys ({@code steps.q1.text}), remembering each key's line.
     * Values that are not text are reported.
     */
    public static void flatten(String file, String prefix, Node node, Map<String, Text> into, List<Problem> problems) {
        Map<String, Node> map = mapping(node);
        if (map == null) {
            String text = scalar(node);
            if (text == null) {
                problems.add(Problem.worded(file, line(node), "flowparse.not_text", Map.of("key", prefix)));
            } else {
                into.put(prefix, new Text(text, line(node)));
            }
            return;
        }
        for (Map.Entry<String, Node> e : map.entrySet()) {
            flatten(file, prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), into, problems);
        }
    }
}
