package nl.samenspraak.flow.load;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when flows or their texts cannot be used; the message lists every problem, one per line. */
public class InvalidFlowsException extends RuntimeException {
    private final List<Problem> problems;

    public InvalidFlowsException(List<Problem> problems) {
        super(problems.stream().sorted().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
