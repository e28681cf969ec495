package nl.samenspraak.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One checker for every page and file that shows figures about respondents (the dashboard's pages, the admin's
 * team pages, both exports): it fails on any figure, label, option or difference about 1..k-1 people. It reads
 * what a manager gets, not the service's model:
 * <ul>
 * <li>pages: the respondent count, every {@code .count}, the groups in figure tables and charts (how many have a
 * score, respondents per period), the "answered" line of each question and what it leaves out of the
 * respondents, and how many free texts carry each language label;</li>
 * <li>drop-downs, against the true number of respondents per value ({@link #options});</li>
 * <li>exports read back as a spreadsheet: every group of rows that the describing columns (version, language,
 * wijk, period, alone or together) make, and within it those who answered each question column and those who
 * did not; the free texts' table (its own CSV and sheet), how many texts each column holds.</li>
 * </ul>
 * How the answers of a group of at least k are spread over the options (3 of 12 said "nee"), or its scores over
 * the bands, is what the dashboard is for, and is not a group of its own: the checker leaves those counts alone.
 */
public final class SmallCellChecker {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TABLE = Pattern.compile("(?s)<table class=\"figures\"( id=\"([^\"]+)\")?>(.*?)</table>");
    private static final Pattern ROW = Pattern.compile("(?s)<tr>(.*?)</tr>");
    private static final Pattern CELL = Pattern.compile("(?s)<t[dh][^>]*>(.*?)</t[dh]>");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.\\-])\\d+(?![\\d.\\-])");
    private final int k;

    public SmallCellChecker(int k) {
        this.k = k;
    }

    private void people(long n, String where) {
        if (n > 0 && n < k) {
            fail("a figure about " + n + " people (k = " + k + "): " + where);
        }
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#34;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#39;", "'");
    }

    /** A page of the dashboard or the admin's team pages. */
    public void page(String html) {
        Matcher m = Pattern.compile("<strong id=\"respondents\">(\\d+)</strong>").matcher(html);
        Long respondents = null;
        if (m.find()) {
            respondents = Long.parseLong(m.group(1));
            people(respondents, "the respondent count");
        }
        Matcher counts = Pattern.compile("(?s)class=\"count\"[^>]*>(.*?)</").matcher(html);
        while (counts.find()) {
            Matcher n = NUMBER.matcher(counts.group(1));
            while (n.find()) {
                people(Long.parseLong(n.group()), "count " + counts.group(1));
            }
        }
        String withoutBenchmarks = html.replaceAll("(?s)<aside class=\"benchmark\".*?</aside>", "");
        Matcher tables = TABLE.matcher(withoutBenchmarks);
        while (tables.find()) {
            table(tables.group(2), tables.group(3));
        }
        Matcher charts = Pattern.compile("data-chart=\"([^\"]*)\"").matcher(withoutBenchmarks);
        while (charts.find()) {
            chart(unescape(charts.group(1)));
        }
        Matcher questions = Pattern.compile("(?s)<article class=\"question\".*?</article>").matcher(withoutBenchmarks);
        while (questions.find()) {
            question(questions.group(), respondents);
        }
    }

    private void table(String id, String body) {
        Matcher rows = ROW.matcher(body);
        int bodyRow = 0;
        while (rows.find()) {
            List<String> cells = new ArrayList<>();
            Matcher c = CELL.matcher(rows.group(1));
            while (c.find()) {
                cells.add(c.group(1).trim());
            }
            if (cells.size() < 2 || rows.group(1).contains("scope=\"col\"")) {
                continue;
            }
            bodyRow++;
            for (int i = 1; i < cells.size(); i++) {
                // the people per round are the second column, or on their side (a phone's) the first row
                boolean isPeople = ("table-scores".equals(id) || "table-trend".equals(id) || "table-rounds".equals(id)
                        || "table-wijken".equals(id) || "table-teams".equals(id)) && i == 1
                        || id != null && id.endsWith("-by-part") && bodyRow == 1;
                if (isPeople && cells.get(i).matches("\\d+")) {
                    people(Long.parseLong(cells.get(i)), "table " + id + " row " + cells);
                }
            }
        }
    }

    private void chart(String json) {
        try {
            JsonNode chart = JSON.readTree(json);
            for (JsonNode series : chart.get("series")) {
                boolean isPeople = "trend".equals(chart.get("kind").asText()) && "count".equals(series.path("axis").asText());
                if (isPeople) {
                    for (JsonNode n : series.get("data")) {
                        if (n.isNumber()) {
                            people(n.asLong(), "chart " + json);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void question(String article, Long respondents) {
        Matcher answered = Pattern.compile("(?s)</h[1-3]>\\s*<p class=\"hint\"[^>]*>([^<]*)</p>").matcher(article);
        if (answered.find()) {
            Matcher n = NUMBER.matcher(answered.group(1));
            while (n.find()) {
                long count = Long.parseLong(n.group());
                people(count, "answered: " + answered.group(1));
                if (respondents != null && count <= respondents) {
                    people(respondents - count, "respondents " + respondents + " beside " + answered.group(1));
                }
            }
        }
        Matcher lists = Pattern.compile("(?s)<ul class=\"free-texts\".*?</ul>").matcher(article);
        while (lists.find()) {
            Map<String, Long> labels = new HashMap<>();
            Matcher label = Pattern.compile("<span class=\"language\">([^<]*)</span>").matcher(lists.group());
            while (label.find()) {
                labels.merge(label.group(1), 1L, Long::sum);
            }
            labels.forEach((l, n) -> people(n, "free texts labelled " + l));
        }
    }

    /** The options of a drop-down: each value listed has at least k respondents (the truth, from the test). */
    public void options(String html, String selectId, Map<String, Long> respondentsPerValue) {
        Matcher select = Pattern.compile("(?s)<select id=\"" + selectId + "\".*?</select>").matcher(html);
        if (!select.find()) {
            return;
        }
        Matcher option = Pattern.compile("<option value=\"([^\"]+)\"").matcher(select.group());
        while (option.find()) {
            String value = unescape(option.group(1));
            people(respondentsPerValue.getOrDefault(value, 0L), "drop-down " + selectId + " lists " + value);
            assertTrue(respondentsPerValue.containsKey(value) || value.isEmpty(), "unknown option " + value);
        }
    }

    /**
     * A Dutch export read back ({@link ExcelCsv} or the XLSX's cells): row number, then the describing columns (the
     * round where rounds are counted, version, language, wijk and period; a cell starting with {@code hiddenMark}
     * means the column is left out), then the question columns. Every combination of describing columns is checked:
     * the round's column counts as one of them, and the period is found by its header, not its place.
     */
    public void export(List<List<String>> records, String hiddenMark) {
        List<List<String>> rows = records.subList(1, records.size());
        people(rows.size(), "rows in the export");
        int period = records.get(0).indexOf("Periode");
        if (period < 4) {
            throw new AssertionError("no Period column after the describing ones: " + records.get(0));
        }
        List<Integer> describing = new ArrayList<>();
        for (int c = 1; c <= period; c++) {
            int column = c;
            if (rows.stream().noneMatch(r -> r.get(column).startsWith(hiddenMark))) {
                describing.add(c);
            }
        }
        int width = records.get(0).size();
        for (int subset = 0; subset < 1 << describing.size(); subset++) {
            Map<List<String>, List<List<String>>> groups = new HashMap<>();
            for (List<String> row : rows) {
                List<String> key = new ArrayList<>();
                for (int i = 0; i < describing.size(); i++) {
                    if ((subset & 1 << i) != 0) {
                        key.add(row.get(describing.get(i)));
                    }
                }
                groups.computeIfAbsent(key, x -> new ArrayList<>()).add(row);
            }
            for (var group : groups.entrySet()) {
                people(group.getValue().size(), "rows with " + group.getKey());
                for (int c = period + 1; c < width; c++) {
                    int column = c;
                    long filled = group.getValue().stream().filter(r -> column < r.size() && !r.get(column).isEmpty()).count();
                    people(filled, "answers in column " + records.get(0).get(c) + " of rows with " + group.getKey());
                    people(group.getValue().size() - filled, "empty cells in column " + records.get(0).get(c) + " of rows with " + group.getKey());
                }
            }
        }
    }

    /**
     * The free texts' export read back ({@link #export}'s rows hold none): a header and a column per text question,
     * each filled from the top. A column holds the texts of nobody or of at least k.
     */
    public void texts(List<List<String>> records) {
        List<List<String>> rows = records.subList(1, records.size());
        for (int c = 0; c < records.get(0).size(); c++) {
            int column = c;
            people(rows.stream().filter(r -> column < r.size() && !r.get(column).isEmpty()).count(),
                    "texts in column " + records.get(0).get(c));
        }
    }
}
