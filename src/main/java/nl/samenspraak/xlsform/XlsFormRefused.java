package nl.samenspraak.xlsform;

import nl.samenspraak.flow.load.BundledMessages;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A spreadsheet that can't become a flow, with every problem found (not only the first). Its message lists them
 * in English, one a line, from the bundled locale file; a page says each problem in its reader's language.
 */
public final class XlsFormRefused extends RuntimeException {
    /** The language of {@link #getMessage()} and of the command line's problem lines. */
    public static final String LANGUAGE = "en";

    private final List<XlsFormProblem> problems;

    public XlsFormRefused(List<XlsFormProblem> problems) {
        this.problems = List.copyOf(problems);
    }

    public List<XlsFormProblem> problems() {
        return problems;
    }

    @Override
    public String getMessage() {
        return problems.stream().map(p -> p.line(BundledMessages.words(), LANGUAGE)).collect(Collectors.joining("\n"));
    }
}
