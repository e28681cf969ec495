package nl.samenspraak.flow;

import nl.samenspraak.flow.load.FlowParser;
import nl.samenspraak.flow.load.Problem;
import java.util.ArrayList;
import java.util.List;

/** Flows written inline in a test, parsed as the loader parses a file. */
public final class TestFlows {
    private TestFlows() {
    }

    /** Parses a flow file's content; fails the test on any problem. The file is named after the flow id. */
    public static Flow parse(String yaml) {
        List<Problem> problems = new ArrayList<>();
        String id = yaml.lines().filter(l -> l.startsWith("id:")).findFirst()
                .map(l -> l.substring(3).trim()).orElse("test");
        Flow flow = FlowParser.parse("flows/" + id + ".yaml", yaml, "", problems).orElse(null);
        if (!problems.isEmpty() || flow == null) {
            throw new AssertionError("test flow does not parse: " + problems);
        }
        return flow;
    }
}
