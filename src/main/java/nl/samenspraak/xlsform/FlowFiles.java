package nl.samenspraak.xlsform;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.regex.Pattern;

/**
 * How the converted parts are written as the flow's files: YAML in block style, numbers whole where they are, ids
 * as the flow loader takes them.
 */
final class FlowFiles {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

    private FlowFiles() {
    }

    /** Whether {@code name} may be the id of a step, an option or an advice rule: a-z first, then a-z, 0-9 or _. */
    static boolean isId(String name) {
        return ID.matcher(name).matches();
    }

    /** A number as the flow file writes it: a whole one without its ".0". */
    static Object number(double n) {
        return n == Math.rint(n) ? (Object) (long) n : n;
    }

    static String dump(Object data) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setWidth(10_000);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        return new Yaml(options).dump(data);
    }
}
