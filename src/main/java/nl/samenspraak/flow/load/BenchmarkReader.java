package nl.samenspraak.flow.load;

import nl.samenspraak.flow.Benchmark;
import nl.samenspraak.flow.Names;
import nl.samenspraak.flow.StepType;
import org.yaml.snakeyaml.nodes.Node;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static nl.samenspraak.flow.load.FieldReader.parseNumber;
import static nl.samenspraak.flow.load.YamlNodes.line;
import static nl.samenspraak.flow.load.YamlNodes.mapping;
import static nl.samenspraak.flow.load.YamlNodes.scalar;

/**
 * Reads a step's benchmark ({@code benchmark:}): figures from elsewhere, with their source, that the dashboard shows
 * beside the answers. A benchmark with a problem in its source or figures is dropped whole (an unknown key alone is
 * not), so a manager never compares with half a figure.
 */
final class BenchmarkReader {
    private static final Set<String> KEYS = Set.of("figures", "of", "percent", "source");

    private final FieldReader fields;

    BenchmarkReader(FieldReader fields) {
        this.fields = fields;
    }

    /** Figures from elsewhere to show beside the answers on the dashboard: counts per category of a total, or a percentage. */
    Benchmark read(String stepId, StepType type, Node node) {
        Map<String, Node> m = fields.mapping(node, KEYS, "flowparse.benchmark_not_a_mapping",
                "flowparse.unknown_benchmark_key", "step", stepId);
        if (m == null) {
            return null;
        }
        int problemsBefore = fields.problemCount();
        if (type == StepType.INFO) {
            fields.problem(node, "flowparse.benchmark_info", "step", stepId);
        }
        String source = scalar(m.get("source"));
        if (source == null || source.isBlank()) {
            fields.problem(node, "flowparse.benchmark_no_source", "step", stepId);
        }
        boolean hasFigures = m.containsKey("figures");
        boolean hasPercent = m.containsKey("percent");
        if (hasFigures == hasPercent) {
            fields.problem(node, "flowparse.benchmark_figures_or_percent", "step", stepId);
            return null;
        }
        if (hasPercent) {
            Double percent = fields.number(m, "percent");
            if (m.containsKey("of")) {
                fields.problem(m.get("of"), "flowparse.benchmark_of_with_percent", "step", stepId);
            }
            if (percent != null && (percent < 0 || percent > 100)) {
                fields.problem(m.get("percent"), "flowparse.benchmark_percent", "step", stepId);
            }
            return fields.problemCount() > problemsBefore || percent == null ? null
                    : new Benchmark(Map.of(), null, percent, source, line(node));
        }
        Map<String, Node> figureNodes = mapping(m.get("figures"));
        if (figureNodes == null || figureNodes.isEmpty()) {
            fields.problem(m.get("figures"), "flowparse.benchmark_figures", "step", stepId);
            return null;
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figureNodes.forEach((key, value) -> {
            Double figure = parseNumber(scalar(value));
            if (!Names.isPartName(key)) {
                fields.problem(value, "flowparse.benchmark_category", "step", stepId, "category", key);
            } else if (figure == null || figure < 0) {
                fields.problem(value, "flowparse.benchmark_figure", "step", stepId, "category", key);
            } else {
                figures.put(key, figure);
            }
        });
        Double of = fields.number(m, "of");
        if (of == null && !m.containsKey("of")) {
            fields.problem(node, "flowparse.benchmark_no_of", "step", stepId);
        } else if (of != null && of <= 0) {
            fields.problem(m.get("of"), "flowparse.benchmark_of", "step", stepId);
        } else if (of != null && figures.values().stream().mapToDouble(Double::doubleValue).sum() > of) {
            fields.problem(m.get("of"), "flowparse.benchmark_sum", "step", stepId, "of", whole(of));
        }
        return fields.problemCount() > problemsBefore ? null : new Benchmark(figures, of, null, source, line(node));
    }

    private static String whole(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
