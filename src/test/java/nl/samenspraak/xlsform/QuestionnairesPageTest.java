package nl.samenspraak.xlsform;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.audit.AuditLog;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.JsonHttp;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.InstancesOnOneDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin page "Vragenlijsten" on two instances of the service on one PostgreSQL database: an upload with
 * problems lists them by sheet, row and column (422), a file too large is refused (413), a good one is previewed
 * in each of its languages and published, and then walked through the JSON API in Dutch and Arabic, on the
 * instance that published it at once and on the other one after its periodic check, without a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuestionnairesPageTest {
    private static final String PASSWORD = "a long enough password";
    private static final int MAX_BYTES = 60_000;

    private InstancesOnOneDatabase instances;
    private EmbeddedServer a;
    private EmbeddedServer b;
    private PageHttp pagesOnA;
    private String admin;
    private String manager;

    @BeforeAll
    void startTwoInstances() {
        instances = new InstancesOnOneDatabase();
        a = start();
        b = start();
        pagesOnA = new PageHttp(a.getURL().toString());
        Accounts accounts = a.getApplicationContext().getBean(Accounts.class);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        accounts.create("admin-" + suffix, PASSWORD, Role.ADMIN);
        accounts.create("manager-" + suffix, PASSWORD, Role.MANAGER);
        admin = pagesOnA.login("admin-" + suffix, PASSWORD);
        manager = pagesOnA.login("manager-" + suffix, PASSWORD);
    }

    private EmbeddedServer start() {
        return instances.start(Map.of("samenspraak.questionnaires.refresh", "1s", "samenspraak.questionnaires.max-bytes", MAX_BYTES));
    }

    @AfterAll
    void stop() {
        if (instances != null) {
            instances.close();
        }
    }

    @Test
    void everyProblemIsListedWithSheetRowAndColumn() {
        byte[] form = SampleForms.buurtpeilingWith(2, "type", "begin_repeat").bytes();
        PageHttp.Reply r = upload(form, "repeat.xlsx", admin);
        assertEquals(422, r.status(), r.body());
        assertTrue(r.body().contains("<tr class=\"problem\"><td dir=\"auto\">survey</td><td>2</td><td dir=\"auto\">A (type)</td>"),
                r.body());
        assertTrue(r.body().contains("herhalingen (begin_repeat) worden niet ondersteund"), r.body());

        byte[] twoProblems = SampleForms.buurtpeilingWithColumn("choice_filter", 8, "x=1").bytes();
        PageHttp.Reply filter = upload(twoProblems, "filter.xlsx", admin);
        assertEquals(422, filter.status());
        assertTrue(filter.body().contains("<td>8</td><td dir=\"auto\">R (choice_filter)</td>"), filter.body());
    }

    /**
     * The page says each problem in its own language, the values from the spreadsheet in it as they were typed
     * (escaped); no English sentence is left on a Dutch or an Arabic page.
     */
    @Test
    void eachProblemIsSaidInThePagesLanguage() {
        byte[] form = SampleForms.buurtpeilingWith(2, "type", "begin_repeat").bytes();
        PageHttp.Reply dutch = upload(form, "repeat.xlsx", admin, "nl");
        assertEquals(422, dutch.status(), dutch.body());
        assertTrue(dutch.body().contains("<td dir=\"auto\">herhalingen (begin_repeat) worden niet ondersteund: een gesprek"
                + " stelt elke vraag één keer</td>"), dutch.body());
        PageHttp.Reply arabic = upload(form, "repeat.xlsx", admin, "ar");
        assertEquals(422, arabic.status(), arabic.body());
        assertTrue(arabic.body().contains("<td dir=\"auto\">التكرارات (\u2068begin_repeat\u2069) غير مدعومة: المحادثة تطرح"
                + " كل سؤال مرة واحدة</td>"), arabic.body());
        PageHttp.Reply english = upload(form, "repeat.xlsx", admin, "en");
        assertTrue(english.body().contains("repeats (begin_repeat) are not supported"), english.body());
        for (PageHttp.Reply r : new PageHttp.Reply[]{dutch, arabic}) {
            assertFalse(r.body().contains("not supported") || r.body().contains("conversation asks"), r.body());
        }

        // a file chosen that is empty is said to be empty, not "choose a file first"
        PageHttp.Reply empty = upload(new byte[0], "leeg.xlsx", admin, "nl");
        assertEquals(422, empty.status(), empty.body());
        assertTrue(empty.body().contains("Dit bestand is leeg."), empty.body());

        // a file that is no spreadsheet at all: the workbook, named in the page's language
        PageHttp.Reply noWorkbook = upload("hello".getBytes(StandardCharsets.UTF_8), "hello.xlsx", admin, "ar");
        assertEquals(422, noWorkbook.status(), noWorkbook.body());
        assertTrue(noWorkbook.body().contains("<tr class=\"problem\"><td dir=\"auto\">المصنف</td>"), noWorkbook.body());
        assertTrue(noWorkbook.body().contains("هذا ليس جدول بيانات \u2068.xlsx\u2069 يمكن قراءته"), noWorkbook.body());

        // what the flow loader finds in the flow a spreadsheet makes, e.g. a question before the consent: at the row
        // of the question, not at the flow file the conversion made
        String[][] survey = {{"text", "naam", "Naam?"}, {"acknowledge", "toestemming", "Mag dat?", "yes"}};
        byte[] late = new XlsFormBuilder().sheet("survey", new String[]{"type", "name", "label::Nederlands (nl)", "consent"}, survey)
                .sheet("settings", SampleForms.SETTINGS_HEADER, SampleForms.SETTINGS).bytes();
        PageHttp.Reply consent = upload(late, "toestemming.xlsx", admin, "nl");
        assertEquals(422, consent.status(), consent.body());
        assertTrue(consent.body().contains("<tr class=\"problem\"><td dir=\"auto\">survey</td><td>2</td><td dir=\"auto\"></td>"
                + "<td dir=\"auto\">stap 'naam' vraagt iets vóór de toestemming ('toestemming')</td>"), consent.body());
        assertFalse(consent.body().contains("flows/buurt-peiling.yaml"), consent.body());
        PageHttp.Reply inArabic = upload(late, "toestemming.xlsx", admin, "ar");
        assertTrue(inArabic.body().contains("تطرح الخطوة \u2068'naam'\u2069 سؤالًا قبل الموافقة (\u2068'toestemming'\u2069)"),
                inArabic.body());

        // what the flow parser finds in a setting: in the page's language, on the sheet settings, at the setting's column
        byte[] audience = new XlsFormBuilder().sheet("survey", SampleForms.SURVEY_HEADER, SampleForms.SURVEY)
                .sheet("choices", SampleForms.CHOICES_HEADER, SampleForms.CHOICES)
                .sheet("settings", new String[]{"form_id", "default_language", "audience"},
                        XlsFormBuilder.row("buurt_peiling", "Nederlands (nl)", "bewoner")).bytes();
        PageHttp.Reply parsed = upload(audience, "doelgroep.xlsx", admin, "nl");
        assertEquals(422, parsed.status(), parsed.body());
        assertTrue(parsed.body().contains("<tr class=\"problem\"><td dir=\"auto\">settings</td><td>2</td><td dir=\"auto\">C (audience)</td>"
                + "<td dir=\"auto\">audience is professional, resident, client, organisation, niet 'bewoner'</td>"), parsed.body());
        assertFalse(parsed.body().contains("flows/buurt-peiling.yaml"), parsed.body());
    }

    /**
     * A setting the flow parser refuses (minimum_group_size out of range, named by that column, a retention that is no duration) is said in the
     * page's language and pointed at on the sheet settings: never by the path and line of the flow file the conversion
     * made, which the admin can't open.
     */
    @Test
    void aSettingTheFlowParserRefusesIsSaidInThePagesLanguageOnTheSettingsSheet() {
        byte[] form = new XlsFormBuilder().sheet("survey", SampleForms.SURVEY_HEADER, SampleForms.SURVEY)
                .sheet("choices", SampleForms.CHOICES_HEADER, SampleForms.CHOICES)
                .sheet("settings", new String[]{"form_id", "form_title", "version", "default_language", "minimum_group_size",
                        "retention_finished"}, XlsFormBuilder.row("buurt_peiling", "Buurtpeiling", "2026120101", "Nederlands (nl)",
                        "5000", "altijd")).bytes();

        PageHttp.Reply dutch = upload(form, "groep.xlsx", admin, "nl");
        assertEquals(422, dutch.status(), dutch.body());
        assertTrue(dutch.body().contains("<tr class=\"problem\"><td dir=\"auto\">settings</td><td>2</td>"
                + "<td dir=\"auto\">E (minimum_group_size)</td>"
                + "<td dir=\"auto\">minimum_group_size moet een geheel getal van 1 tot en met 1000 zijn</td>"), dutch.body());
        assertTrue(dutch.body().contains("<td dir=\"auto\">F (retention_finished)</td>"
                + "<td dir=\"auto\">hier hoort een duur zoals 30d of 12h, of forever, niet 'altijd'</td>"), dutch.body());

        PageHttp.Reply arabic = upload(form, "groep.xlsx", admin, "ar");
        assertEquals(422, arabic.status(), arabic.body());
        assertTrue(arabic.body().contains("<td dir=\"auto\">E (minimum_group_size)</td>"
                + "<td dir=\"auto\">يجب أن يكون \u2068minimum_group_size\u2069 عددًا صحيحًا من 1 إلى 1000</td>"), arabic.body());

        for (PageHttp.Reply r : new PageHttp.Reply[]{dutch, arabic}) {
            assertFalse(Pattern.compile("flows/[a-z0-9-]+\\.yaml").matcher(r.body()).find(), "no path of the generated flow file: " + r.body());
            assertFalse(r.body().contains("must be") || r.body().contains("was expected"), "no English: " + r.body());
        }
    }

    /** A sheet of 55,000 bad rows (200 kB packed) made a page of 19 MB listing every one. */
    @Test
    void aFileWithManyProblemsListsTheFirstHundredAndSaysHowManyInAll() {
        String[][] survey = new String[150][];
        for (int i = 0; i < survey.length; i++) {
            survey[i] = new String[]{"geen_type", "vraag_" + i, "Vraag " + i};
        }
        byte[] form = new XlsFormBuilder().sheet("survey", new String[]{"type", "name", "label::Nederlands (nl)"}, survey)
                .sheet("settings", SampleForms.SETTINGS_HEADER, SampleForms.SETTINGS).bytes();

        PageHttp.Reply r = upload(form, "veel.xlsx", admin);

        assertEquals(422, r.status(), r.body());
        int listed = r.body().split("<tr class=\"problem\">", -1).length - 1;
        assertEquals(100, listed, "the first hundred problems are listed");
        assertTrue(r.body().contains("<td>2</td>"), "from the first row on");
        Matcher all = Pattern.compile("Hierboven de eerste 100 problemen; het bestand heeft er (\\d+) in totaal.")
                .matcher(r.body());
        assertTrue(all.find(), r.body());
        assertTrue(Integer.parseInt(all.group(1)) >= 150, "one for each of the 150 rows at least: " + all.group(1));
        PageHttp.Reply arabic = upload(form, "veel.xlsx", admin, "ar");
        assertTrue(arabic.body().contains("أعلاه أول 100 مشكلة؛ وفي الملف " + all.group(1) + " مشكلة في المجموع."), arabic.body());
    }

    @Test
    void anIdOfAFlowThatComesWithTheServiceIsRefused() {
        PageHttp.Reply r = upload(sampleWithSettings("voorbeeld", "Voorbeeld", "1", "Nederlands (nl)"), "voorbeeld.xlsx", admin);
        assertEquals(422, r.status(), r.body());
        assertTrue(r.body().contains("<td dir=\"auto\">settings</td><td>2</td><td dir=\"auto\">A (form_id)</td>"
                + "<td dir=\"auto\">'voorbeeld' is de id van een gesprek dat met de dienst meekomt"), r.body());
        // without a form_id the id is the file's name, and that is what the admin has to change
        PageHttp.Reply byName = upload(sampleWithSettings("", "Voorbeeld", "1", "Nederlands (nl)"), "voorbeeld.xlsx", admin);
        assertEquals(422, byName.status(), byName.body());
        assertTrue(byName.body().contains("'voorbeeld' is de id van een gesprek dat met de dienst meekomt"), byName.body());
        assertTrue(byName.body().contains("<td dir=\"auto\">voorbeeld.xlsx</td>"), byName.body());
        assertFalse(byName.body().contains("A (form_id)"), "no cell that is not there: " + byName.body());
    }

    /** The sample form with one settings row (form_id, form_title, version, default_language). */
    private static byte[] sampleWithSettings(String... settings) {
        return new XlsFormBuilder().sheet("survey", SampleForms.SURVEY_HEADER, SampleForms.SURVEY)
                .sheet("choices", SampleForms.CHOICES_HEADER, SampleForms.CHOICES)
                .sheet("settings", SampleForms.SETTINGS_HEADER, new String[][]{settings}).bytes();
    }

    @Test
    void aFileTooLargeIsRefusedWithTheLimit() {
        PageHttp.Reply r = upload(new byte[MAX_BYTES + 1], "big.xlsx", admin);
        assertEquals(413, r.status(), r.body());
        assertTrue(pagesOnA.get("/admin/questionnaires?lang=en", admin).body().contains("Questionnaires"));
        PageHttp.Reply en = upload(new byte[MAX_BYTES + 1], "big.xlsx", admin, "en");
        assertTrue(en.body().contains("This file is too large: at most 60 kB."), en.body());
        // above the server's own limit (256 kB), refused before the page reads it: the same words, and the way back
        // (from a client of its own: the server stops reading such a request, and its connection is not to be used again)
        PageHttp own = new PageHttp(a.getURL().toString());
        PageHttp.Reply huge = own.send(own.request("/admin/questionnaires?lang=en").header("Accept", PageHttp.HTML)
                .header("Origin", own.base()).header("Cookie", admin)
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[300_000])));
        assertEquals(413, huge.status(), huge.body());
        assertTrue(huge.body().contains("This file is too large: at most 60 kB."), huge.body());
        assertTrue(huge.body().contains("href=\"/admin/questionnaires?lang=en\""), huge.body());
    }

    @Test
    void onlyAnAdminSeesThePage() {
        assertEquals(403, pagesOnA.get("/admin/questionnaires", manager).status());
        assertEquals(403, upload(SampleForms.buurtpeiling().bytes(), "b.xlsx", manager).status());
        assertEquals(403, pagesOnA.get("/admin/questionnaires/flows/wijkanalyse.xlsx", manager).status());
    }

    @Test
    void everyFlowDownloadsAsAnXlsForm() throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        java.net.URI.create(a.getURL() + "/admin/questionnaires/flows/wijkanalyse.xlsx"))
                .header("Cookie", admin).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        XlsFormImport importer = new XlsFormImport(nl.samenspraak.flow.load.DataFiles.readBundled("flows"),
                nl.samenspraak.flow.load.DataFiles.readBundled("locales"));
        assertEquals("wijkanalyse", importer.read(new java.io.ByteArrayInputStream(r.body()), "wijkanalyse.xlsx").id());
    }

    @Test
    void aPublishedQuestionnaireIsServedByEveryInstance() throws Exception {
        byte[] sent = SampleForms.buurtpeiling().bytes();
        PageHttp.Reply uploaded = upload(sent, "buurtpeiling.xlsx", admin);
        assertEquals(303, uploaded.status(), uploaded.body());
        String preview = uploaded.location();
        assertTrue(preview.matches("/admin/questionnaires/[0-9a-f]{64}\\?lang=nl"), preview);

        PageHttp.Reply page = pagesOnA.get(preview, admin);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("lang=\"nl\" dir=\"ltr\"") && page.body().contains("Hoe oud ben je?"), page.body());
        assertTrue(page.body().contains("lang=\"ar\" dir=\"rtl\"") && page.body().contains("كم عمرك؟"), page.body());
        assertTrue(page.body().contains("How old are you?"), page.body());
        assertTrue(page.body().contains("<li>نعم</li>"), "the choices in Arabic: " + page.body());
        assertTrue(page.body().contains("class=\"bubble bot preview-step\""), "each question as the chat shows it");
        // who it is for and where its answers go, said before publishing (without the settings: professionals, nowhere)
        assertTrue(page.body().contains("<li>Voor wie: professionals, over hun eigen werk"), page.body());
        assertTrue(page.body().contains("<li>De antwoorden: op geen dashboard en in geen export"), page.body());
        assertTrue(page.body().contains("Zet audience en dashboard in het blad settings"), page.body());

        JsonHttp onA = new JsonHttp(a.getURL().toString());
        JsonHttp onB = new JsonHttp(b.getURL().toString());
        assertNotEquals(201, start(onA, "nl").status(), "not served before it is published");

        String version = preview.substring("/admin/questionnaires/".length(), preview.indexOf('?'));
        PageHttp.Reply published = pagesOnA.post("/admin/questionnaires/" + version + "/publish", PageHttp.form("lang", "nl"), admin);
        assertEquals(303, published.status(), published.body());
        assertTrue(pagesOnA.get(published.location(), admin).body().contains("De vragenlijst is gepubliceerd."));
        assertTrue(a.getApplicationContext().getBean(AuditLog.class).latest(20).stream()
                .anyMatch(e -> e.detail().startsWith("questionnaire published: buurt-peiling")));

        walk(onA, "nl", "Welkom bij de buurtpeiling.");
        walk(onA, "ar", "مرحبا بكم في استطلاع الحي.");

        // its download is the spreadsheet the admin uploaded (written back from the flow, its "relevant" with several
        // ways out was refused with the flow file's path and line: the XLSForm probe)
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        java.net.URI.create(a.getURL() + "/admin/questionnaires/flows/buurt-peiling.xlsx"))
                .header("Cookie", admin).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode(), new String(download.body(), StandardCharsets.UTF_8));
        assertTrue(java.util.Arrays.equals(sent, download.body()), "the uploaded spreadsheet");

        // the other instance checks the database every second here (30 s by default) and needs no restart
        long until = System.currentTimeMillis() + 20_000;
        while (start(onB, "ar").status() != 201 && System.currentTimeMillis() < until) {
            Thread.sleep(200);
        }
        walk(onB, "ar", "مرحبا بكم في استطلاع الحي.");
        walk(onB, "nl", "Welkom bij de buurtpeiling.");
    }

    /**
     * Which version is live, on the preview and in the list: publishing an older preview again (the browser's back
     * button) put it back without a word, and the list called every version "Gepubliceerd". The live version's preview
     * offers no publish (twice wrote the audit twice); a newer one's says what it replaces; the list marks the one in
     * use and those replaced. A form that keeps the example's "demo: yes" says it is offered only where examples are
     * shown (it was "published" and offered nowhere).
     */
    @Test
    void thePreviewAndTheListSayWhichVersionIsInUse() {
        String firstVersion = publish(form("versie_stand", false));
        String firstPage = pagesOnA.get("/admin/questionnaires/" + firstVersion + "?lang=nl", admin).body();
        assertTrue(firstPage.contains("Deze versie is nu in gebruik."), firstPage);
        assertFalse(firstPage.contains("/publish\""), "no publish button for the version in use: " + firstPage);

        byte[] second = form("versie_stand", true);
        PageHttp.Reply uploaded = upload(second, "form.xlsx", admin);
        String secondVersion = uploaded.location().substring("/admin/questionnaires/".length(), uploaded.location().indexOf('?'));
        String secondPage = pagesOnA.get(uploaded.location(), admin).body();
        assertTrue(secondPage.contains("Publiceren vervangt de versie die nu in gebruik is (" + firstVersion.substring(0, 12)
                + ", gepubliceerd "), secondPage);
        assertTrue(secondPage.contains("/publish\""), secondPage);
        publish(second);

        String list = pagesOnA.get("/admin/questionnaires?lang=nl", admin).body();
        String secondRow = list.substring(list.indexOf(secondVersion.substring(0, 12)));
        String firstRow = list.substring(list.indexOf(firstVersion.substring(0, 12)));
        assertTrue(secondRow.substring(0, secondRow.indexOf("</li>")).contains("<strong>Nu in gebruik</strong>"), list);
        assertTrue(firstRow.substring(0, firstRow.indexOf("</li>")).contains("<strong>Vervangen door een latere versie</strong>"), list);
        String firstAgain = pagesOnA.get("/admin/questionnaires/" + firstVersion + "?lang=nl", admin).body();
        assertTrue(firstAgain.contains("Publiceren vervangt de versie die nu in gebruik is (" + secondVersion.substring(0, 12)), firstAgain);

        byte[] demo = new XlsFormBuilder().sheet("survey", SampleForms.SURVEY_HEADER, SampleForms.SURVEY)
                .sheet("choices", SampleForms.CHOICES_HEADER, SampleForms.CHOICES)
                .sheet("settings", new String[]{"form_id", "form_title", "demo"},
                        new String[][]{XlsFormBuilder.row("kopie_voorbeeld", "Kopie", "yes")}).bytes();
        String demoPage = pagesOnA.get(upload(demo, "voorbeeld.xlsx", admin).location(), admin).body();
        assertTrue(demoPage.contains("<li><strong>Een voorbeeld (demo: yes in het blad settings): alleen aangeboden als deze"
                + " dienst voorbeelden toont"), demoPage);
        assertFalse(firstPage.contains("Een voorbeeld (demo"), "only a demo says so");

        // the k its figures will have: a form's own minimum_group_size below the service's (5) lowers nothing
        byte[] lowK = new XlsFormBuilder().sheet("survey", SampleForms.SURVEY_HEADER, SampleForms.SURVEY)
                .sheet("choices", SampleForms.CHOICES_HEADER, SampleForms.CHOICES)
                .sheet("settings", new String[]{"form_id", "form_title", "dashboard", "minimum_group_size"},
                        new String[][]{XlsFormBuilder.row("lage_k", "Lage k", "anonymous", "3")}).bytes();
        String lowKPage = pagesOnA.get(upload(lowK, "lagek.xlsx", admin).location(), admin).body();
        assertTrue(lowKPage.contains("<li>De antwoorden: samen geteld op het dashboard van het team en in de export, alleen voor"
                + " groepen van minstens 5 mensen.</li>"), lowKPage);
    }

    /**
     * A double tap that arrives after a new version dropped the question: the answer was stored the first time, so
     * the second tap is told so (200, where the conversation stands), not 409 "no longer at its turn".
     */
    @Test
    void aDoubleTapAfterANewVersionDroppedTheQuestionIsNotRefused() {
        JsonHttp onA = new JsonHttp(a.getURL().toString());
        publish(form("dubbel_tik", false));
        String id = begunInDutch(onA, "dubbel-tik");
        ok(onA, id, "kinderen", "\"nee\"");
        ok(onA, id, "onderwerpen", "[\"zorg\"]");
        assertEquals("verhuisd", ok(onA, id, "tevreden", "3").at("/step/id").asText());

        publish(form("dubbel_tik", true)); // the next version asks no "tevreden"
        JsonHttp.Reply again = answer(onA, id, "tevreden", "3");
        assertEquals(200, again.status(), again.body());
        assertEquals("verhuisd", again.json().at("/step/id").asText());
        assertEquals(409, answer(onA, id, "tevreden", "4").status(), "another answer was never stored");
    }

    /**
     * A new version that asks other kinds of question under the names of two already answered: "wens" a choice among
     * the topics where it was a free text (answered "zorg", the name of one of them), "tevreden" a count where it was
     * a 1-5 scale (answered 3). The resident halfway is asked both again, neither shown as answered, and what is
     * stored for the dashboard and the export is what they answered under the new version, counted under it.
     */
    @Test
    void aNewVersionThatAsksAnotherKindOfQuestionUnderAnAnsweredNameAsksItAgain() {
        JsonHttp onA = new JsonHttp(a.getURL().toString());
        publish(form("soort_wissel", false));
        String id = begunInDutch(onA, "soort-wissel");
        ok(onA, id, "kinderen", "\"ja\"");
        ok(onA, id, "aantal_kinderen", "3");
        assertEquals("wens", ok(onA, id, "onderwerpen", "[\"zorg\"]").at("/step/id").asText());
        ok(onA, id, "wens", "\"zorg\"");
        JsonNode halfway = ok(onA, id, "tevreden", "3");
        assertEquals("verhuisd", halfway.at("/step/id").asText());
        int answeredHalfway = halfway.at("/progress/answered").asInt();

        publish(otherKinds());
        JsonNode now = onA.get("/api/conversations/" + id).json();
        assertEquals("wens", now.at("/step/id").asText(), "asked again: a choice now, not the text it was");
        assertEquals("choice", now.at("/step/type").asText());
        assertTrue(now.at("/step/previous").isMissingNode() || now.at("/step/previous").isNull(),
                "the text 'zorg' is not shown as the option chosen: " + now);
        assertEquals(answeredHalfway - 2, now.at("/progress/answered").asInt(), "neither counted as answered");
        assertEquals(409, answer(onA, id, "verhuisd", "\"2020-05-01\"").status(), "not where it stands now");
        // still stored under the version that asked a text there: the service cannot tell this answer from one typed
        // at the text, so it is not taken, and the conversation goes on under the new version
        JsonHttp.Reply changed = answer(onA, id, "wens", "\"werk\"");
        assertEquals(409, changed.status(), changed.body());
        assertEquals("choice", changed.json().at("/state/step/type").asText());

        JsonNode next = ok(onA, id, "wens", "\"werk\"");
        assertEquals("tevreden", next.at("/step/id").asText(), "the count is asked, not filled in with the scale's 3");
        assertEquals("number", next.at("/step/type").asText());
        assertTrue(next.at("/step/previous").isMissingNode() || next.at("/step/previous").isNull(), next.toString());
        assertEquals("verhuisd", ok(onA, id, "tevreden", "7").at("/step/id").asText());
        assertEquals("verhuisd", onA.get("/api/conversations/" + id).json().at("/step/id").asText(),
                "read again, it stands where the new version's answers led (the answers since judged under it)");

        nl.samenspraak.storage.StoredConversation stored = a.getApplicationContext()
                .getBean(nl.samenspraak.storage.ConversationStore.class).find(id).orElseThrow();
        String newVersion = a.getApplicationContext().getBean(nl.samenspraak.flow.FlowLibrary.class)
                .flow("soort-wissel").orElseThrow().version();
        assertEquals(newVersion, stored.record().flowVersion(), "counted under the version it was answered in");
        assertEquals("werk", stored.progress().answersOnPath().get("wens"));
        assertEquals(7L, ((Number) stored.progress().answersOnPath().get("tevreden")).longValue());
        assertEquals("ja", stored.progress().answersOnPath().get("kinderen"), "the same question: carried");
    }

    /**
     * An answer in flight when a new version is published: the resident's screen asks "tevreden" as a count, the
     * version published since asks a 1-5 scale under that name. Their 3 was stored as "3 van 5" (200) and scored, an
     * answer to a scale they never saw. It is refused with the scale to look at and why, nothing stored; the
     * conversation goes on under the new version, so their answer to the scale is then taken, not refused again.
     */
    @Test
    void anAnswerToTheQuestionAsTheEarlierVersionAskedItIsNotStoredUnderTheNewOne() {
        JsonHttp onA = new JsonHttp(a.getURL().toString());
        publish(countThenScale("tel_schaal", true));
        String id = begunInDutch(onA, "tel-schaal");
        ok(onA, id, "kinderen", "\"ja\"");
        ok(onA, id, "aantal_kinderen", "3");
        ok(onA, id, "onderwerpen", "[\"zorg\"]");
        JsonNode atCount = ok(onA, id, "wens", "\"zorg\"");
        assertEquals("tevreden", atCount.at("/step/id").asText());
        assertEquals("number", atCount.at("/step/type").asText(), "the screen shows a count");

        publish(countThenScale("tel_schaal", false));
        JsonHttp.Reply inFlight = answer(onA, id, "tevreden", "3");
        assertEquals(409, inFlight.status(), "the count's 3 is no point of the scale: " + inFlight.body());
        assertEquals("Deze vraag is intussen veranderd, dus je antwoord is niet bewaard. Bekijk de vraag opnieuw en geef je antwoord.",
                inFlight.json().get("error").asText());
        assertEquals("tevreden", inFlight.json().at("/state/step/id").asText());
        assertEquals("scale", inFlight.json().at("/state/step/type").asText(), "the question asked now, to look at");
        nl.samenspraak.storage.StoredConversation refused = a.getApplicationContext()
                .getBean(nl.samenspraak.storage.ConversationStore.class).find(id).orElseThrow();
        assertFalse(refused.progress().answers().containsKey("tevreden"), "nothing stored for the scale");
        String newVersion = a.getApplicationContext().getBean(nl.samenspraak.flow.FlowLibrary.class)
                .flow("tel-schaal").orElseThrow().version();
        assertEquals(newVersion, refused.record().flowVersion(), "gone on under the version whose scale it showed");

        JsonNode next = ok(onA, id, "tevreden", "4");
        assertEquals("verhuisd", next.at("/step/id").asText(), "the answer to the scale is taken, not refused again");
        nl.samenspraak.storage.StoredConversation stored = a.getApplicationContext()
                .getBean(nl.samenspraak.storage.ConversationStore.class).find(id).orElseThrow();
        assertEquals(4L, ((Number) stored.progress().answersOnPath().get("tevreden")).longValue());
        assertEquals("zorg", stored.progress().answersOnPath().get("wens"), "the same question: carried");
    }

    /** The sample survey as form {@code formId} with "tevreden" a count when {@code count}, else its 1-5 scale. */
    private static byte[] countThenScale(String formId, boolean count) {
        String[][] survey = java.util.Arrays.stream(SampleForms.SURVEY).map(r -> {
            String[] row = r.clone();
            if (count && row[1].equals("tevreden")) {
                row[0] = "integer";
                row[14] = "";
            }
            return row;
        }).toArray(String[][]::new);
        return new XlsFormBuilder().sheet("survey", SampleForms.SURVEY_HEADER, survey)
                .sheet("choices", SampleForms.CHOICES_HEADER, SampleForms.CHOICES)
                .sheet("settings", SampleForms.SETTINGS_HEADER,
                        new String[][]{XlsFormBuilder.row(formId, "Buurtpeiling", count ? "1" : "2", "Nederlands (nl)")}).bytes();
    }

    /** Form "soort_wissel" with "wens" a choice among the topics and "tevreden" a count (a text and a scale before). */
    private static byte[] otherKinds() {
        String[][] survey = java.util.Arrays.stream(SampleForms.SURVEY).map(r -> {
            String[] row = r.clone();
            if (row[1].equals("wens")) {
                row[0] = "select_one onderwerpen";
                row[10] = "";
            } else if (row[1].equals("tevreden")) {
                row[0] = "integer";
                row[14] = "";
            }
            return row;
        }).toArray(String[][]::new);
        return new XlsFormBuilder().sheet("survey", SampleForms.SURVEY_HEADER, survey)
                .sheet("choices", SampleForms.CHOICES_HEADER, SampleForms.CHOICES)
                .sheet("settings", SampleForms.SETTINGS_HEADER,
                        new String[][]{XlsFormBuilder.row("soort_wissel", "Buurtpeiling", "2", "Nederlands (nl)")}).bytes();
    }

    /** The sample survey as form {@code formId}, without its "tevreden" row when {@code withoutSatisfaction}. */
    private static byte[] form(String formId, boolean withoutSatisfaction) {
        String[][] survey = java.util.Arrays.stream(SampleForms.SURVEY)
                .filter(r -> !(withoutSatisfaction && r[1].equals("tevreden"))).toArray(String[][]::new);
        return new XlsFormBuilder().sheet("survey", SampleForms.SURVEY_HEADER, survey)
                .sheet("choices", SampleForms.CHOICES_HEADER, SampleForms.CHOICES)
                .sheet("settings", SampleForms.SETTINGS_HEADER,
                        new String[][]{XlsFormBuilder.row(formId, "Buurtpeiling", "1", "Nederlands (nl)")}).bytes();
    }

    /** Uploads and publishes {@code xlsx}; its version. */
    private String publish(byte[] xlsx) {
        PageHttp.Reply uploaded = upload(xlsx, "form.xlsx", admin);
        assertEquals(303, uploaded.status(), uploaded.body());
        String preview = uploaded.location();
        String version = preview.substring("/admin/questionnaires/".length(), preview.indexOf('?'));
        PageHttp.Reply published = pagesOnA.post("/admin/questionnaires/" + version + "/publish", PageHttp.form("lang", "nl"), admin);
        assertEquals(303, published.status(), published.body());
        return version;
    }

    /** A Dutch conversation of an uploaded {@code flow}, started and answered past its welcome, household and age (34). */
    private static String begunInDutch(JsonHttp onA, String flow) {
        JsonHttp.Reply started = onA.post("/api/conversations", "{\"flow\":\"" + flow + "\",\"language\":\"nl\"}");
        assertEquals(201, started.status(), started.body());
        String id = started.json().get("id").asText();
        ok(onA, id, "welkom", "null");
        ok(onA, id, "huishouden", "null");
        ok(onA, id, "leeftijd", "34");
        return id;
    }

    private static JsonHttp.Reply start(JsonHttp http, String language) {
        return http.post("/api/conversations", "{\"flow\":\"buurt-peiling\",\"language\":\"" + language + "\"}");
    }

    private static void walk(JsonHttp http, String language, String welcome) {
        JsonHttp.Reply started = start(http, language);
        assertEquals(201, started.status(), started.body());
        JsonNode s = started.json();
        String id = s.get("id").asText();
        assertEquals(welcome, s.at("/step/text").asText());
        s = ok(http, id, "welkom", "null");
        s = ok(http, id, "huishouden", "null");
        assertEquals("leeftijd", s.at("/step/id").asText());
        assertEquals(422, answer(http, id, "leeftijd", "15").status(), "the form's constraint");
        ok(http, id, "leeftijd", "34");
        s = ok(http, id, "kinderen", "\"nee\"");
        assertEquals("onderwerpen", s.at("/step/id").asText(), "no children: how many is not asked");
    }

    private static JsonHttp.Reply answer(JsonHttp http, String id, String step, String valueJson) {
        return http.post("/api/conversations/" + id + "/answers", "{\"step\":\"" + step + "\",\"value\":" + valueJson + "}");
    }

    private static JsonNode ok(JsonHttp http, String id, String step, String valueJson) {
        JsonHttp.Reply r = answer(http, id, step, valueJson);
        assertEquals(200, r.status(), step + ": " + r.body());
        return r.json();
    }

    private PageHttp.Reply upload(byte[] xlsx, String fileName, String cookie) {
        return upload(xlsx, fileName, cookie, "nl");
    }

    /** The page's form as a browser posts it: multipart, the file and the language. */
    private PageHttp.Reply upload(byte[] xlsx, String fileName, String cookie, String language) {
        String boundary = "----samenspraak" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"lang\"\r\n\r\n" + language + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(xlsx);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return pagesOnA.send(pagesOnA.request("/admin/questionnaires").header("Accept", PageHttp.HTML)
                .header("Origin", pagesOnA.base()).header("Cookie", cookie)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }
}
