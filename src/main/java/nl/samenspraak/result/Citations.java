package nl.samenspraak.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a flow's {@code source} (written for auditors: seed file, section words and line numbers, e.g.
 * "000_51ed5890fefdcf04.txt, Bijlage 3, werkwijze (r. 1251-1269); 001_...") into what a reader can use: the
 * reports and their parts, as keys into the bibliography in {@code locales/<lang>/messages.yaml}
 * ({@code sources.reports.*}, {@code sources.sections.<report>.*}, {@code sources.legal.*}). The line numbers
 * stay in the flow files for auditors; no file name reaches a reader.
 */
final class Citations {
    /**
     * A report cited, and the parts of it (in the order first cited). {@code recommendations}: the numbered
     * recommendations cited, by the part whose lines follow them ("" for numbers no line number follows): FORUM 2014
     * numbers the recommendations of its chapter on new migrants 1-6 and those of chapter 10 1-29, so "aanbevelingen
     * 2, 3 en 5 (r. 946-958), aanbeveling 29 (r. 1180)" are two lists, not "chapter 10, recommendations 2, 3, 5, 29".
     * {@code legal}: a law, not a report.
     */
    record Cited(String report, Set<String> sections, Map<String, Set<String>> recommendations, boolean legal) {
    }

    private record Part(int from, int to, String key) {
    }

    private static final Pattern FILE = Pattern.compile("(\\d{3}_[0-9a-f]{16})\\.txt");
    private static final Pattern LINES = Pattern.compile("r\\. (\\d+)");
    /** "aanbeveling 10", "aanbevelingen 6 en 8", "aanbevelingen 14-21": numbered recommendations a reader can look up. */
    private static final Pattern RECOMMENDATIONS = Pattern.compile("aanbeveling(?:en)?\\s+(\\d+(?:\\s*(?:,|en|-)\\s*\\d+)*)");

    /** The seed files, as the reports they are. */
    private static final Map<String, String> REPORTS = Map.of(
            "000_51ed5890fefdcf04", "forum2014",
            "001_9508d08cb1aaeb2c", "forum2011",
            "002_c81065983ea1f61f", "kis2016",
            "003_f3d949291d9ed7ec", "nji2015",
            "004_35139a6e97f2a8aa", "pharos2010");

    /** Each report's parts by the lines of its seed file (chapters, appendices, steps), first line first. */
    private static final Map<String, List<Part>> PARTS = Map.of(
            "forum2014", List.of(new Part(1, 76, "inleiding"), new Part(77, 340, "visie"), new Part(341, 610, "praktijk"),
                    new Part(611, 664, "populatie"), new Part(665, 741, "monitoring"),
                    new Part(742, 826, "migrantenorganisaties"), new Part(827, 906, "clientenparticipatie"),
                    new Part(907, 933, "communicatie"), new Part(934, 970, "nieuwe_migranten"),
                    new Part(971, 1067, "conclusies"), new Part(1068, 1183, "aanbevelingen"),
                    new Part(1184, 1210, "bijlage1"), new Part(1211, 1232, "bijlage2"), new Part(1233, 1283, "bijlage3")),
            "forum2011", List.of(new Part(1, 47, "voorwoord"), new Part(48, 135, "drempels"),
                    new Part(136, 286, "samenwerken"), new Part(287, 502, "stappenplan"), new Part(503, 553, "literatuur")),
            "kis2016", List.of(new Part(1, 534, "samenvatting"), new Part(535, 643, "inleiding"),
                    new Part(644, 1122, "literatuur"), new Part(1123, 1963, "enquete"), new Part(1964, 2701, "casestudies"),
                    new Part(2702, 3236, "instrumenten"), new Part(3237, 3702, "conclusies"), new Part(3703, 3704, "bijlage")),
            "nji2015", List.of(new Part(1, 141, "inleiding"), new Part(142, 723, "achtergrond"),
                    new Part(724, 1184, "verhoudingen"), new Part(1185, 2122, "stelsel"), new Part(2123, 2396, "effectief"),
                    new Part(2397, 2966, "gemeente")),
            "pharos2010", List.of(new Part(1, 55, "stap3"), new Part(56, 91, "stap4"), new Part(92, 345, "abc")));

    private Citations() {
    }

    /** The reports (and laws) {@code source} cites, each with the parts its line numbers fall in. */
    static List<Cited> of(String source) {
        Map<String, Set<String>> reports = new LinkedHashMap<>();
        Map<String, Map<String, Set<String>>> recommendations = new LinkedHashMap<>();
        Set<String> laws = new LinkedHashSet<>();
        String current = null;
        for (String segment : source.split(";")) {
            Matcher file = FILE.matcher(segment);
            if (file.find()) {
                current = REPORTS.get(file.group(1));
            }
            if (segment.contains("Meldcode")) {
                laws.add("meldcode");
            }
            if (segment.contains("Burgerlijk Wetboek")) {
                laws.add("bw");
            }
            if (current == null || segment.contains("wettelijk kader") || segment.contains("Burgerlijk Wetboek")) {
                continue;
            }
            Set<String> parts = reports.computeIfAbsent(current, k -> new LinkedHashSet<>());
            Map<String, Set<String>> numbers = recommendations.computeIfAbsent(current, k -> new LinkedHashMap<>());
            Matcher recommendation = RECOMMENDATIONS.matcher(segment);
            while (recommendation.find()) {
                Matcher following = LINES.matcher(segment);
                String part = following.find(recommendation.end()) ? part(current, Integer.parseInt(following.group(1))) : null;
                Set<String> ofPart = numbers.computeIfAbsent(part == null ? "" : part, k -> new LinkedHashSet<>());
                for (String number : recommendation.group(1).split("\\s*(?:,|\\ben\\b)\\s*")) {
                    ofPart.add(number.replaceAll("\\s*-\\s*", "-"));
                }
            }
            Matcher lines = LINES.matcher(segment);
            while (lines.find()) {
                String part = part(current, Integer.parseInt(lines.group(1)));
                if (part != null) {
                    parts.add(part);
                }
            }
        }
        List<Cited> cited = new ArrayList<>();
        reports.forEach((report, parts) -> cited.add(new Cited(report, parts, recommendations.get(report), false)));
        laws.forEach(law -> cited.add(new Cited(law, Set.of(), Map.of(), true)));
        return cited;
    }

    /** The part of {@code report} that line {@code line} of its seed file lies in; null past its end. */
    static String part(String report, int line) {
        for (Part p : PARTS.getOrDefault(report, List.of())) {
            if (line >= p.from() && line <= p.to()) {
                return p.key();
            }
        }
        return null;
    }
}
