package nl.samenspraak.xlsform;

import nl.samenspraak.flow.load.Problem;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the flow loader finds in the flow a spreadsheet made, pointed at in the spreadsheet: the flow and locale files
 * are made by the conversion, so their paths and lines mean nothing to whoever uploaded the spreadsheet. The problem's
 * line is read back as the part of the flow written there (a step, an option, an advice rule, a setting, a text in a
 * language; see {@link YamlPaths}), and that part as the sheet, row and column it came from ({@link Origins}). A
 * problem in no part with an origin names the spreadsheet, with no row or column; either way it keeps its message key
 * and values, so that it is said in the reader's language. A problem without a message key is said as the loader
 * says it, inside a sentence of the reader's language.
 */
public final class FlowProblems {
    private FlowProblems() {
    }

    /** {@code problems}, found in the files of {@code imported}, as problems of the spreadsheet {@code fileName}. */
    public static List<XlsFormProblem> inSpreadsheet(List<Problem> problems, ImportedFlow imported, String fileName) {
        return problems.stream().map(p -> inSpreadsheet(p, imported, fileName)).toList();
    }

    static XlsFormProblem inSpreadsheet(Problem p, ImportedFlow imported, String fileName) {
        Optional<Origins.Origin> origin = origin(p, imported);
        if (p.key() == null) {
            return origin.map(o -> new XlsFormProblem(o.sheet(), o.row(), o.column(), "xlsform.problem.flow",
                            Map.<String, Object>of("problem", p.message())))
                    .orElseGet(() -> new XlsFormProblem(fileName, 0, null, "xlsform.problem.flow", Map.of("problem", p.toString())));
        }
        String key = IN_SPREADSHEET_WORDS.getOrDefault(p.key(), p.key());
        Map<String, Object> args = argsInSpreadsheet(p);
        return origin.map(o -> new XlsFormProblem(o.sheet(), o.row(), o.column(), key, args))
                .orElseGet(() -> new XlsFormProblem(fileName, 0, null, key, args));
    }

    /**
     * Problems the loader words for a flow file's author, said in the spreadsheet's own words: a setting by the
     * column the admin typed it in ({@code minimum_group_size}, not the flow file's {@code minimumGroupSize}), and a
     * text that Velocity can't render without Velocity's English (which names its own parser and nodes) but with what
     * a text may use, and a label's unknown name without the flow file's text key.
     */
    private static final Map<String, String> IN_SPREADSHEET_WORDS = Map.of(
            "flowparse.minimum_group_size", "xlsform.problem.minimum_group_size",
            "flowparse.max_tips", "xlsform.problem.max_tips",
            "flowparse.bands_order", "xlsform.problem.bands_order",
            "flowcheck.text_render", "xlsform.problem.text_unrenderable",
            "flowcheck.text_unknown_reference", "xlsform.problem.label_reference_unknown");

    /**
     * The values a problem is said with in the spreadsheet: Velocity's English left out with the words that said it;
     * a label's unknown {@code ${nam}} as the admin wrote it (the loader names Velocity's {@code $nam}, in a sentence
     * about the flow file's text key).
     */
    private static Map<String, Object> argsInSpreadsheet(Problem p) {
        if (p.key().equals("flowcheck.text_render")) {
            return Map.of();
        }
        if (p.key().equals("flowcheck.text_unknown_reference")) {
            String name = String.valueOf(p.args().get("reference")).replaceAll("^\\$!?\\{?|}$", "");
            return Map.of("reference", "${" + name + "}");
        }
        return p.args();
    }

    /** Whether {@code p} is in one of the files {@code imported} makes (not in a flow beside it). */
    public static boolean isIn(Problem p, ImportedFlow imported) {
        return generated(p.file(), imported).isPresent();
    }

    /** Where in the spreadsheet the part of the flow at {@code p}'s line came from; empty when that is not known. */
    static Optional<Origins.Origin> origin(Problem p, ImportedFlow imported) {
        return generated(p.file(), imported)
                .flatMap(file -> imported.origins().at(YamlPaths.at(file.yaml(), p.line(), file.prefix())));
    }

    /** One generated file: its text, and how {@link Origins} starts the paths of its parts. */
    private record Generated(String yaml, String prefix) {
    }

    private static Optional<Generated> generated(String file, ImportedFlow imported) {
        if (file.equals(imported.flowFile())) {
            return Optional.of(new Generated(imported.flowYaml(), ""));
        }
        for (Map.Entry<String, String> e : imported.localeYaml().entrySet()) {
            if (file.equals(imported.localeFile(e.getKey()))) {
                return Optional.of(new Generated(e.getValue(), e.getKey() + ":"));
            }
        }
        return Optional.empty();
    }
}
