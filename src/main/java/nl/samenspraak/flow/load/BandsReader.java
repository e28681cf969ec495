package nl.samenspraak.flow.load;

import nl.samenspraak.flow.Bands;
import org.yaml.snakeyaml.nodes.Node;

import java.util.Map;
import java.util.Set;


/**
 * Reads a flow's score bands ({@code bands:}). They are read before any step or advice rule, because every condition
 * may name them ({@code band.<dimension>}), so they must be known, and checked, first.
 */
final class BandsReader {
    private static final Set<String> KEYS = Set.of("middle", "high");

    private final FieldReader fields;

    BandsReader(FieldReader fields) {
        this.fields = fields;
    }

    /** The score bands: {@code {middle: 50, high: 75}} means low below 50, middle below 75, high from 75. */
    Bands read(Node node) {
        if (node == null) {
            return null;
        }
        Map<String, Node> m = fields.mapping(node, KEYS, "flowparse.bands_not_a_mapping", "flowparse.unknown_bands_key");
        if (m == null) {
            return null;
        }
        Double middle = fields.number(m, "middle");
        Double high = fields.number(m, "high");
        if (middle == null || high == null) {
            fields.problem(node, "flowparse.bands_incomplete");
            return null;
        }
        if (middle.intValue() < 0 || high.intValue() > 100 || middle.intValue() >= high.intValue()) {
            fields.problem(node, "flowparse.bands_order", "middle", middle.intValue(), "high", high.intValue());
            return null;
        }
        return new Bands(middle.intValue(), high.intValue());
    }
}
