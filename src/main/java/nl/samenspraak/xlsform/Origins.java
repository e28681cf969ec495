package nl.samenspraak.xlsform;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where in the spreadsheet each part of a converted flow came from, recorded by the converter while it writes that
 * part, so that what the flow loader later finds in the generated files can be pointed at the cell the admin has to
 * change (the generated files' paths and lines mean nothing to them).
 *
 * <p>A part is named by its path in the generated YAML: mapping keys and list entries joined by {@code /}, a list
 * entry named by its {@code id} (steps, advice rules), else its {@code value} (options), else, for a plain word, by
 * that word, else by its index from 0 (a step's ways out). A path in a language's file starts with that language's
 * code and a colon. For example: {@code minimumGroupSize}, {@code retention/finished}, {@code bands},
 * {@code steps/leeftijd}, {@code steps/kinderen/options/ja}, {@code steps/kinderen/next/0}, {@code advice/tolk/when},
 * {@code nl:steps/leeftijd/text}, {@code en:tips/tolk/title}. Only what came from a cell is recorded: a part without
 * a path of its own has the origin of its nearest recorded ancestor (a step's {@code type} that of the step).
 */
public record Origins(Map<String, Origin> byPath) {
    /** No origins: a flow that was not converted from a spreadsheet here (e.g. read back from the database). */
    public static final Origins NONE = new Origins(Map.of());

    /** A cell or row as a spreadsheet program shows it: sheet, row (header is 1) and column(s) described, or null. */
    public record Origin(String sheet, int row, String column) {
        /** {@code row} of {@code sheet}, at {@code column} as {@link SheetTable#describe} says it (null: the row). */
        static Origin of(SheetTable sheet, SheetTable.Row row, String column) {
            return new Origin(sheet.name(), row.number(), column);
        }
    }

    public Origins {
        byPath = Map.copyOf(byPath);
    }

    /** The origin of {@code path}, or of its nearest ancestor that has one. */
    public Optional<Origin> of(String path) {
        for (String p = path; !p.isEmpty(); p = parent(p)) {
            Origin origin = byPath.get(p);
            if (origin != null) {
                return Optional.of(origin);
            }
        }
        return Optional.empty();
    }

    /**
     * The origin of what starts at one line of a generated file, given the paths of the nodes that start there, the
     * outermost first. A list or mapping starts at the line of its first entry, so a problem said at that line may be
     * about the whole or about that entry: the outermost node with an origin of its own is taken (at worst less
     * precise, never another row), else the nearest recorded ancestor of the outermost.
     */
    public Optional<Origin> at(List<String> pathsAtLine) {
        if (pathsAtLine.isEmpty()) {
            return Optional.empty();
        }
        for (String path : pathsAtLine) {
            if (byPath.containsKey(path)) {
                return Optional.of(byPath.get(path));
            }
        }
        return of(pathsAtLine.get(0));
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        if (slash >= 0) {
            return path.substring(0, slash);
        }
        int colon = path.indexOf(':');
        return colon >= 0 && colon < path.length() - 1 ? path.substring(0, colon + 1) : "";
    }
}
