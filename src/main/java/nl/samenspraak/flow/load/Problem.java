package nl.samenspraak.flow.load;

/** One thing wrong in a flow or locale file, pointing at the file and line an author has to open. */
public record Problem(String file, int line, String message) implements Comparable<Problem> {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }

    @Override
    public int compareTo(Problem other) {
        int byFile = file.compareTo(other.file);
        return byFile != 0 ? byFile : Integer.compare(line, other.line);
    }
}
