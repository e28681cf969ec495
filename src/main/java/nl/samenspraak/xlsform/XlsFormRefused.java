package nl.samenspraak.xlsform;

import java.util.List;
import java.util.stream.Collectors;

/** A spreadsheet that can't become a flow, with every problem found (not only the first). */
public final class XlsFormRefused extends RuntimeException {
    private final List<XlsFormProblem> problems;

    public XlsFormRefused(List<XlsFormProblem> problems) {
        super(problems.stream().map(XlsFormProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<XlsFormProblem> problems() {
        return problems;
    }
}
