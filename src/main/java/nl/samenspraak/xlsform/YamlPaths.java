package nl.samenspraak.xlsform;

import nl.samenspraak.flow.load.Problem;
import nl.samenspraak.flow.load.YamlNodes;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The flow loader says where a problem is by file and line; {@link Origins} knows parts by their path. This reads a
 * generated YAML file as nodes with line numbers and names the nodes that start at a line by their paths, as
 * {@link Origins} names them.
 */
final class YamlPaths {
    private YamlPaths() {
    }

    /** The paths (each after {@code prefix}) of the nodes starting at {@code line} (1 is the first), outermost first. */
    static List<String> at(String yaml, int line, String prefix) {
        List<String> found = new ArrayList<>();
        YamlNodes.parse("generated", yaml, new ArrayList<Problem>())
                .ifPresent(root -> walk(root, prefix, line, found));
        return found;
    }

    private static void walk(Node node, String path, int line, List<String> found) {
        if (YamlNodes.line(node) == line) {
            found.add(path);
        }
        String below = path.isEmpty() || path.endsWith(":") ? path : path + "/";
        if (node instanceof MappingNode mapping) {
            for (NodeTuple t : mapping.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode key) {
                    walk(t.getValueNode(), below + key.getValue(), line, found);
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> entries = sequence.getValue();
            for (int i = 0; i < entries.size(); i++) {
                walk(entries.get(i), below + name(entries.get(i), i), line, found);
            }
        }
    }

    /** A list entry's name: its id, its value, the word it is, or its index. */
    private static String name(Node entry, int index) {
        String word = YamlNodes.scalar(entry);
        if (word != null) {
            return word;
        }
        Map<String, Node> mapping = YamlNodes.mapping(entry);
        if (mapping != null) {
            for (String key : new String[]{"id", "value"}) {
                String name = mapping.get(key) == null ? null : YamlNodes.scalar(mapping.get(key));
                if (name != null) {
                    return name;
                }
            }
        }
        return Integer.toString(index);
    }
}
