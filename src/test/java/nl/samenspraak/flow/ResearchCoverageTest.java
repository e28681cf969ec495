package nl.samenspraak.flow;

import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The research passages issue 10 found unused now each ground at least one step, benchmark or tip: a flow's
 * {@code source} cites the seed file with lines inside the passage.
 */
class ResearchCoverageTest {
    /** {@code mark}: words the citing source must also contain, where one seed line holds more than one question. */
    private record Passage(String file, int from, int to, String what, String mark) {
        Passage(String file, int from, int to, String what) {
            this(file, from, to, what, null);
        }
    }

    private static final List<Passage> PASSAGES = List.of(
            new Passage("003_f3d949291d9ed7ec.txt", 2127, 2184, "NJi's top 10 protective factors (cultureel-interview strengths)"),
            new Passage("004_35139a6e97f2a8aa.txt", 150, 187, "the ABC of interculturalisation (topiclijst agreements)"),
            new Passage("000_51ed5890fefdcf04.txt", 1084, 1085, "recommendation 5, team make-up (team_samenstelling)"),
            new Passage("002_c81065983ea1f61f.txt", 1127, 1141, "survey respondents selected themselves (benchmark)"),
            new Passage("002_c81065983ea1f61f.txt", 1207, 1221, "only municipalities with > 12% non-EU migrants (benchmark)"),
            new Passage("000_51ed5890fefdcf04.txt", 1197, 1197, "Bijlage 1 topic 6, 'Zijn er opvallende zaken?' (topiclijst)",
                    "opvallende zaken"),
            new Passage("000_51ed5890fefdcf04.txt", 1205, 1206, "Bijlage 1 topic 9, first sub-question (topiclijst)",
                    "eerste deelvraag"),
            new Passage("000_51ed5890fefdcf04.txt", 934, 965, "chapter 9, new migrant groups (topiclijst)"),
            new Passage("000_51ed5890fefdcf04.txt", 1175, 1179, "recommendation 28, information campaigns (topiclijst)",
                    "voorlichting"),
            new Passage("001_9508d08cb1aaeb2c.txt", 121, 121, "risk factor 6, western image of help", "6 (westerse uitstraling)"),
            new Passage("001_9508d08cb1aaeb2c.txt", 121, 121, "risk factor 8 as its own question", "risicofactor 8,"),
            new Passage("001_9508d08cb1aaeb2c.txt", 122, 122, "risk factor 11, time", "11 (weinig tijd)"),
            new Passage("001_9508d08cb1aaeb2c.txt", 122, 122, "risk factor 14, standard methods", "14 (standaardmethodieken)"),
            new Passage("001_9508d08cb1aaeb2c.txt", 122, 122, "risk factor 15, motivation", "15 (motivatie)"),
            new Passage("001_9508d08cb1aaeb2c.txt", 287, 482, "the seven-step plan", "zeven stappen"),
            new Passage("001_9508d08cb1aaeb2c.txt", 304, 311, "Step 1's questions to professionals", "Stap 1"));

    private static final Pattern CITED_LINES = Pattern.compile("(\\d+)(?:-(\\d+))?");

    @Test
    void everyNamedPassageGroundsAStepOrATip() {
        List<String> sources = new ArrayList<>();
        for (Flow flow : FlowWalk.library().flows()) {
            flow.steps().forEach(s -> {
                sources.add(s.source());
                if (s.benchmark() != null) {
                    sources.add(s.benchmark().source());
                }
            });
            flow.advice().forEach(a -> sources.add(a.source()));
        }
        for (Passage p : PASSAGES) {
            assertTrue(sources.stream().anyMatch(s -> cites(s, p) && (p.mark() == null || s.contains(p.mark()))), p.what() + " (" + p.file() + " r. " + p.from() + "-"
                    + p.to() + ") is the source of no step or tip");
        }
    }

    /** Whether a segment of {@code source} naming {@code p}'s file (or following it) cites a line inside it. */
    private static boolean cites(String source, Passage p) {
        if (source == null) {
            return false;
        }
        boolean inFile = false;
        for (String segment : source.split(";")) {
            Matcher file = Pattern.compile("\\d{3}_[0-9a-f]{16}\\.txt").matcher(segment);
            if (file.find()) {
                inFile = file.group().equals(p.file());
            }
            int at = segment.indexOf("r. ");
            if (!inFile || at < 0) {
                continue;
            }
            Matcher lines = CITED_LINES.matcher(segment.substring(at));
            while (lines.find()) {
                int from = Integer.parseInt(lines.group(1));
                int to = lines.group(2) == null ? from : Integer.parseInt(lines.group(2));
                if (from <= p.to() && to >= p.from()) {
                    return true;
                }
            }
        }
        return false;
    }
}
