package nl.samenspraak.intermediair;

import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.conversation.AnswerQuestion;
import nl.samenspraak.conversation.DeleteConversation;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.Caller;
import nl.samenspraak.conversation.Entry;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.storage.ConversationRepository;
import nl.samenspraak.storage.HandOverRecord;
import nl.samenspraak.storage.HandOverRepository;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, items 4 and 5, by route: a finished result handed over to the resident's phone opens only the result, in
 * the resident's language, for its holder's link only; a wrong, expired, replaced or deleted token is 404; a colleague
 * can neither make nor delete one; a private result (cultureel-interview, {@code result: none}) is never handed over.
 * The wijk changes only to one of the team's, the language only to one of the flow's, and both are stored with the
 * conversation going on at the same question. The start form remembers the last choice, per account.
 */
@SharedService
class ResultHandOverTest {
    static final String PASSWORD = "a long enough password";
    static final String TYPED = "Het park is mooi en de buren helpen elkaar";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    ConversationRepository stored;
    @Inject
    ReadConversation readConversation;
    @Inject
    DeleteConversation deleteConversation;
    @Inject
    AnswerQuestion answerQuestion;
    @Inject
    HandOverRepository handOvers;

    PageHttp http;
    Team team;
    Account holderAccount;
    String holder;
    String colleague;

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @BeforeEach
    void people() {
        http = new PageHttp(server.getURL().toString());
        team = teams.create("Wijkteam Oost " + suffix(), List.of("Lunetten", "Hoograven"));
        holderAccount = accounts.create("houder-" + suffix(), PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(team.id(), holderAccount.id());
        holder = http.login(holderAccount.username(), PASSWORD);
        Account other = accounts.create("collega-" + suffix(), PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(team.id(), other.id());
        colleague = http.login(other.username(), PASSWORD);
    }

    private String start(String flow, String language) {
        String place = flow.equals("wijkanalyse") ? team.id() + "|Lunetten" : Long.toString(team.id());
        PageHttp.Reply started = http.post("/intermediair/start",
                form("flow", flow, "language", language, "place", place, "lang", "nl"), holder);
        assertEquals(303, started.status(), started.body());
        Matcher m = Pattern.compile("/intermediair/c/([0-9a-f-]{36})\\?lang=nl").matcher(started.location());
        assertTrue(m.matches(), started.location());
        return m.group(1);
    }

    /** Goes through the flow as the holder: consent yes, a typed answer where there is one, every other question skipped. */
    private void finish(String id) {
        HeldWalk.finish(readConversation, answerQuestion, id, holderAccount.id(), TYPED);
    }

    /** The link the chat shows beside its button "Nieuwe link maken" (posted with it): "" for none. */
    private String seen(String id) {
        Matcher m = Pattern.compile("name=\"seen\" value=\"([^\"]*)\"").matcher(http.get("/intermediair/c/" + id + "?lang=nl", holder).body());
        assertTrue(m.find(), "the chat's hand-over button");
        return m.group(1);
    }

    /** The holder makes a hand-over link with the chat's button: its address as the page shows it. */
    private String handOver(String id) {
        PageHttp.Reply made = http.post("/intermediair/c/" + id + "/hand-over?lang=nl", form("seen", seen(id)), holder);
        assertEquals(200, made.status(), made.body());
        Matcher m = Pattern.compile("id=\"hand-over-url\" class=\"code-field\" readonly value=\"([^\"]+)\"").matcher(made.body());
        assertTrue(m.find(), made.body());
        assertTrue(made.body().contains("src=\"data:image/png;base64,"), "the QR code is on the page");
        return m.group(1).substring(m.group(1).indexOf("/h/"));
    }

    @Test
    void aHandedOverLinkOpensOnlyTheResultUntilDeletedExpiredOrReplaced() throws Exception {
        String id = start("wijkanalyse", "tr");
        finish(id);
        String code = stored.findById(id).orElseThrow().resumeCode();
        String link = handOver(id);
        assertTrue(link.matches("/h/[A-Za-z0-9_-]{22}"), link);
        assertTrue(handOvers.findById(link.substring(3)).isEmpty(), "the token itself is not stored, only its hash");

        PageHttp.Reply page = http.get(link, null);
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("<html lang=\"tr\""), "the resident's language");
        assertTrue(page.body().contains(team.name()), "the team");
        assertTrue(page.body().contains("class=\"result\""), "the result");
        assertFalse(page.body().contains(TYPED), "no answers");
        assertFalse(page.body().contains("Lees de vraag voor"), "no intermediair's instructions");
        assertFalse(page.body().contains(code), "no resume code");
        assertFalse(page.body().contains("class=\"translation\""), "no intermediair's lines");
        assertEquals("no-store", page.header("Cache-Control"));

        HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(java.net.URI.create(http.base() + link + "/result.pdf")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.contains(team.name()), text);
            assertFalse(text.contains(TYPED), "no answers in the PDF");
        }

        assertEquals(404, http.get(link + "x", null).status(), "a wrong token");
        assertEquals(404, http.get("/h/AAAAAAAAAAAAAAAAAAAAAA", null).status(), "a guessed token");
        assertEquals(404, http.post("/intermediair/c/" + id + "/hand-over?lang=nl", form(), colleague).status(),
                "a colleague cannot make one");
        assertEquals(404, http.post("/intermediair/c/" + id + "/hand-over/delete?lang=nl", form(), colleague).status(),
                "nor delete one");
        assertEquals(200, http.get(link, null).status(), "still open after the colleague's attempt");

        // the chat's button posts only the link it replaces, its address carries the intermediair's language (the
        // phone probe: the page came back in the browser's language, and its delete button with it)
        PageHttp.Reply arabic = http.post("/intermediair/c/" + id + "/hand-over?lang=ar", form("seen", seen(id)), holder);
        assertTrue(arabic.body().contains("<html lang=\"ar\""), arabic.body());
        assertTrue(arabic.body().contains("/hand-over/delete?lang=ar"), "its delete button keeps the language");
        String newer = handOver(id);
        assertEquals(404, http.get(link, null).status(), "a new link replaces the old");
        assertEquals(200, http.get(newer, null).status());

        PageHttp.Reply deleted = http.post("/intermediair/c/" + id + "/hand-over/delete?lang=nl", form(), holder);
        assertEquals(200, deleted.status(), deleted.body());
        assertTrue(deleted.body().contains("hand-over-deleted"));
        assertEquals(404, http.get(newer, null).status(), "deleted");
        assertEquals(404, http.get(newer + "/result.pdf", null).status(), "its PDF too");

        String expiring = handOver(id);
        HandOverRecord row = handOvers.findByConversationId(id).get(0);
        handOvers.update(new HandOverRecord(row.tokenHash(), row.conversationId(), row.createdAt(),
                Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MICROS)));
        assertEquals(404, http.get(expiring, null).status(), "expired");

        String last = handOver(id);
        assertTrue(deleteConversation.deleteOwn(id));
        assertEquals(404, http.get(last, null).status(), "gone with the conversation");
        assertTrue(handOvers.findByConversationId(id).isEmpty());
    }

    /**
     * The link works only while its intermediair could still delete it with one tap. Taken out of the team, disabled,
     * made a manager or deleted, they no longer can (their delete is 404 or 403, and nobody else has one), and the
     * link went on opening the result until it expired: now it opens nothing, as their resident links do. Back in the
     * team and an intermediair again, it works until it expires.
     */
    @Test
    void aHandedOverLinkOpensOnlyWhileItsIntermediairCouldDeleteIt() {
        String id = start("wijkanalyse", "tr");
        finish(id);
        String link = handOver(id);
        assertEquals(200, http.get(link, null).status());
        long admin = accounts.create("beheer-" + suffix(), PASSWORD, Role.ADMIN).id();

        teams.removeMember(team.id(), holderAccount.id());
        assertEquals(404, http.post("/intermediair/c/" + id + "/hand-over/delete?lang=nl", form(), holder).status(),
                "out of the team, the intermediair cannot delete it");
        assertEquals(404, http.get(link, null).status(), "so it opens nothing");
        assertEquals(404, http.get(link + "/result.pdf", null).status(), "nor its PDF");
        teams.addMember(team.id(), holderAccount.id());
        assertEquals(200, http.get(link, null).status(), "back in the team: it works again until it expires");

        accounts.setEnabled(admin, holderAccount.id(), false);
        assertEquals(404, http.get(link, null).status(), "disabled");
        accounts.setEnabled(admin, holderAccount.id(), true);
        accounts.setRole(admin, holderAccount.id(), Role.MANAGER);
        assertEquals(404, http.get(link, null).status(), "a manager has no page to delete it from");
        accounts.setRole(admin, holderAccount.id(), Role.INTERMEDIAIR);
        assertEquals(200, http.get(link, null).status());

        teams.removeMember(team.id(), holderAccount.id());
        accounts.delete(admin, holderAccount.id());
        assertEquals(404, http.get(link, null).status(), "deleted");
    }

    /**
     * "A new link replaces the old" holds for links made at the same moment too (a double tap, two tabs, two
     * instances): the conversation's one link is a unique key in the database. Sixteen made at once used to leave
     * several working links, of which the one-tap delete removed all but the page showed one. Now exactly one opens;
     * a request that lost to a newer link sends the intermediair back to the chat, which says until when that one works.
     */
    @Test
    void linksMadeAtTheSameMomentLeaveOneThatWorks() throws Exception {
        String id = start("wijkanalyse", "tr");
        finish(id);
        // the race is a matter of milliseconds: several rounds of sixteen at once (without the unique key one in two failed)
        for (int round = 0; round < 10; round++) {
            List<String> shown = handOversAtOnce(id, 16);
            assertFalse(shown.isEmpty(), "at least one request made the link");
            assertEquals(1, shown.stream().filter(link -> http.get(link, null).status() == 200).count(),
                    "one working link of " + shown.size() + " shown");
            assertEquals(1, handOvers.findByConversationId(id).size());
        }
        PageHttp.Reply chat = http.get("/intermediair/c/" + id + "?lang=nl", holder);
        assertTrue(chat.body().contains("id=\"hand-over-delete\""), "the chat offers to delete the link that works");
    }

    /**
     * The page with a new link is the answer to a form: reloading it posts the form again, which made another link
     * and stopped the one the resident had just scanned (the intermediair's probe). The repeat makes nothing and goes
     * back to the chat, which says until when the link works; the link the resident has keeps working, and the
     * chat's button still makes a new one.
     */
    @Test
    void reloadingThePageWithTheLinkKeepsTheLinkTheResidentScanned() {
        String id = start("wijkanalyse", "tr");
        finish(id);
        String before = seen(id);
        assertEquals("", before, "no link yet");
        PageHttp.Reply made = http.post("/intermediair/c/" + id + "/hand-over?lang=nl", form("seen", before), holder);
        assertEquals(200, made.status(), made.body());
        Matcher m = Pattern.compile("readonly value=\"[^\"]*(/h/[^\"]+)\"").matcher(made.body());
        assertTrue(m.find(), made.body());
        String scanned = m.group(1);

        PageHttp.Reply reload = http.post("/intermediair/c/" + id + "/hand-over?lang=nl", form("seen", before), holder);
        assertEquals(303, reload.status(), reload.body());
        assertEquals("/intermediair/c/" + id + "?lang=nl", reload.location());
        assertEquals(200, http.get(scanned, null).status(), "the resident's link still opens their result");
        assertTrue(http.get(reload.location(), holder).body().contains("id=\"hand-over-delete\""), "the chat shows the link there is");

        String replacing = handOver(id);
        assertEquals(404, http.get(scanned, null).status(), "a tap on the chat's button replaces it");
        assertEquals(200, http.get(replacing, null).status());
    }

    /** The links the pages show when the holder makes {@code at} at the same moment; each other request goes back to the chat. */
    private List<String> handOversAtOnce(String id, int at) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(at);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<PageHttp.Reply>> replies = new ArrayList<>();
            String seen = seen(id); // every tap from tabs (or a page) that showed the same link
            for (int i = 0; i < at; i++) {
                replies.add(pool.submit(() -> {
                    go.await();
                    return http.post("/intermediair/c/" + id + "/hand-over?lang=nl", form("seen", seen), holder);
                }));
            }
            go.countDown();
            List<String> shown = new ArrayList<>();
            for (Future<PageHttp.Reply> f : replies) {
                PageHttp.Reply made = f.get(30, TimeUnit.SECONDS);
                if (made.status() == 303) {
                    assertEquals("/intermediair/c/" + id + "?lang=nl", made.location(), "back to the chat");
                    continue;
                }
                assertEquals(200, made.status(), made.body());
                Matcher m = Pattern.compile("id=\"hand-over-url\" class=\"code-field\" readonly value=\"[^\"]*(/h/[^\"]+)\"")
                        .matcher(made.body());
                assertTrue(m.find(), made.body());
                shown.add(m.group(1));
            }
            return shown;
        } finally {
            pool.shutdown();
        }
    }

    /** The resident's phone taps "PDF" on a page opened before the link ended: told so in their language, not sent to a login. */
    @Test
    void anEndedHandOversPdfIsTheSameNotFoundPageOnTheResidentsPhone() {
        String id = start("wijkanalyse", "tr");
        finish(id);
        String link = handOver(id);
        assertEquals(200, http.post("/intermediair/c/" + id + "/hand-over/delete?lang=nl", form(), holder).status());

        PageHttp.Reply pdf = http.send(http.request(link + "/result.pdf").header("Accept", PageHttp.HTML)
                .header("Accept-Language", "tr").GET());
        assertEquals(404, pdf.status(), pdf.location());
        assertTrue(pdf.body().contains("<html lang=\"tr\""), pdf.body());
        String title = between(http.send(http.request(link).header("Accept", PageHttp.HTML)
                .header("Accept-Language", "tr").GET()).body(), "<title>", "</title>");
        assertEquals(title, between(pdf.body(), "<title>", "</title>"), "the same page as the link's own");
        assertEquals("no-store", pdf.header("Cache-Control"));
    }

    /**
     * The handed-over page's PDF link names the resident's language, as the chat's does: a download refused after the
     * link was deleted is said in Turkish on a phone set to Dutch, not in the browser's language.
     */
    @Test
    void theHandedOverPdfLinkCarriesTheResidentsLanguage() {
        String id = start("wijkanalyse", "tr");
        finish(id);
        String link = handOver(id);
        Matcher pdf = Pattern.compile("href=\"([^\"]+)\" download id=\"handed-over-pdf\"")
                .matcher(http.send(http.request(link).header("Accept-Language", "nl").GET()).body());
        assertTrue(pdf.find(), "the page offers its PDF");
        assertEquals(link + "/result.pdf?lang=tr", pdf.group(1).replace("&amp;", "&"));
        assertEquals(200, http.post("/intermediair/c/" + id + "/hand-over/delete?lang=nl", form(), holder).status());

        PageHttp.Reply refused = http.send(http.request(pdf.group(1)).header("Accept", PageHttp.HTML)
                .header("Accept-Language", "nl").GET());
        assertEquals(404, refused.status());
        assertTrue(refused.body().contains("<html lang=\"tr\""), refused.body());
    }

    /** "Download als PDF" of a conversation that is not (or no longer) theirs: the not-found page, with a way back. */
    @Test
    void aPdfThatIsNotTheirsIsTheIntermediairsNotFoundPage() {
        String id = start("wijkanalyse", "tr");
        finish(id);
        String path = "/intermediair/c/" + id + "/result.pdf?lang=nl";
        assertEquals(200, http.get(path, holder, PageHttp.HTML).status(), "the holder's own");

        PageHttp.Reply colleagues = http.get(path, colleague, PageHttp.HTML);
        assertEquals(404, colleagues.status(), colleagues.body());
        assertTrue(colleagues.body().contains("href=\"/intermediair?lang=nl\""), "a way back: " + colleagues.body());

        assertTrue(deleteConversation.deleteOwn(id));
        PageHttp.Reply deleted = http.get(path, holder, PageHttp.HTML);
        assertEquals(404, deleted.status(), deleted.body());
        assertTrue(deleted.body().contains("href=\"/intermediair?lang=nl\""), "a way back: " + deleted.body());
    }

    @Test
    void aHandOverNeverOutlivesTheResultAndIsMadeOnlyForAFinishedOne() {
        String id = start("wijkanalyse", "ar");
        assertEquals(404, http.post("/intermediair/c/" + id + "/hand-over?lang=nl", form(), holder).status(),
                "nothing to hand over before the end");
        finish(id);
        String link = handOver(id);
        Instant until = handOvers.findByConversationId(id).get(0).expiresAt();
        Instant day = Instant.now().plus(24, ChronoUnit.HOURS);
        assertTrue(!until.isAfter(day) && until.isAfter(day.minus(1, ChronoUnit.MINUTES)), "24 hours: " + until);
        assertEquals(200, http.get(link, null).status());
    }

    @Test
    void aPrivateInterviewIsNeverHandedOver() {
        String id = start("cultureel-interview", "pl");
        finish(id);
        PageHttp.Reply chat = http.get("/intermediair/c/" + id + "?lang=nl", holder);
        assertEquals(200, chat.status());
        assertFalse(chat.body().contains("id=\"hand-over-make\""), "no button to make one");
        assertTrue(chat.body().contains("Dit resultaat kan niet worden meegegeven: het is alleen voor dit gesprek.</p>"),
                "and it says why: that reason alone (\"of de tijd is voorbij\" left the intermediair guessing)");
        assertFalse(chat.body().contains("id=\"hand-over-jump\""), "no jump at the top to a hand-over that cannot be made");
        // counted under the team, not a wijk: the header says so ("Wijk: Wijkteam ..." named a team a wijk)
        assertTrue(chat.body().contains("<span class=\"context-label\">Team:</span>"), "the header names the team as a team");
        assertEquals(404, http.post("/intermediair/c/" + id + "/hand-over?lang=nl", form(), holder).status());
        // the client's closing in Polish with the Dutch line, the professional's points in Dutch under their own heading
        assertTrue(chat.body().contains("class=\"result-message original\" lang=\"pl\""), "the client's closing in Polish");
        assertTrue(chat.body().contains("class=\"result-message translation\" lang=\"nl\""), "with the Dutch line");
        assertTrue(chat.body().contains("<section class=\"for-professional\" lang=\"nl\" dir=\"ltr\">"), chat.body());
        assertTrue(chat.body().contains("<h2>Voor de hulpverlener</h2>"), chat.body());
    }

    @Test
    void theWijkAndTheResidentsLanguageChangeMidWayAndTheConversationGoesOn() {
        String id = start("wijkanalyse", "tr");
        Caller me = Caller.intermediair(holderAccount.id());
        answerQuestion.answer(id, "welkom", null, Entry.intermediair(null), "nl", me);
        String step = stored.findById(id).orElseThrow().currentStep();

        Team other = teams.create("Wijkteam West " + suffix(), List.of("Lombok"));
        PageHttp.Reply refused = http.post("/intermediair/c/" + id + "/context?lang=nl", form("wijk", "Lombok", "language", "tr"), holder);
        assertEquals(422, refused.status(), "a wijk of another team: " + other.name());
        assertTrue(refused.body().contains("Kies een wijk van het team van dit gesprek."), refused.body());
        // the page of the change it refuses, not the hand-over's
        assertTrue(refused.body().contains("<title>Wijk of taal van de bewoner wijzigen · Samenspraak</title>")
                && refused.body().contains("<h1>Wijk of taal van de bewoner wijzigen</h1>"), refused.body());
        assertFalse(refused.body().contains("Resultaat meegeven"), refused.body());
        assertEquals("Lunetten", stored.findById(id).orElseThrow().wijk());
        assertEquals(404, http.post("/intermediair/c/" + id + "/context?lang=nl", form("wijk", "Hoograven"), colleague).status(),
                "a colleague cannot change it");

        PageHttp.Reply changed = http.post("/intermediair/c/" + id + "/context?lang=nl", form("wijk", "Hoograven", "language", "ar"), holder);
        assertEquals(303, changed.status(), changed.body());
        var after = stored.findById(id).orElseThrow();
        assertEquals(List.of("Hoograven", "ar", step), List.of(after.wijk(), after.language(), after.currentStep()),
                "stored, and the same question");
        assertEquals(team.id(), after.teamId());
        assertEquals(422, http.post("/intermediair/c/" + id + "/context?lang=nl", form("language", "xx"), holder).status());

        // a good wijk with a refused language: refused as a whole, and so nothing is saved, the wijk neither
        PageHttp.Reply half = http.post("/intermediair/c/" + id + "/context?lang=nl", form("wijk", "Lunetten", "language", "xx"), holder);
        assertEquals(422, half.status(), half.body());
        var unchanged = stored.findById(id).orElseThrow();
        assertEquals(List.of("Hoograven", "ar", after.version()), List.of(unchanged.wijk(), unchanged.language(), unchanged.version()),
                "the page says refused, so the wijk stays as it was");

        PageHttp.Reply chat = http.get("/intermediair/c/" + id + "?lang=nl", holder);
        assertTrue(chat.body().contains("<strong id=\"context-wijk\">Hoograven</strong>"), "the header shows the wijk");
        assertTrue(chat.body().contains("<span class=\"context-label\">Wijk:</span>"), chat.body());
        assertTrue(chat.body().contains("<strong id=\"context-resident\" lang=\"ar\">"), "and the resident's language");
    }

    /**
     * A colleague of the same team who reuses a held conversation's id (from a shared phone's history) gets the very
     * page a made-up id gets: the change form's refusal ("Wijk of taal van de bewoner wijzigen") told them it exists.
     */
    @Test
    void aColleaguesContextChangeCannotTellAHeldConversationFromNone() {
        String id = start("wijkanalyse", "tr");
        String none = UUID.randomUUID().toString();
        PageHttp.Reply held = http.post("/intermediair/c/" + id + "/context?lang=nl", form("wijk", "Hoograven"), colleague);
        PageHttp.Reply missing = http.post("/intermediair/c/" + none + "/context?lang=nl", form("wijk", "Hoograven"), colleague);
        assertEquals(404, held.status());
        assertEquals(missing.status(), held.status());
        assertEquals(missing.body(), held.body(), "exists-but-not-yours reads as does-not-exist");
        assertEquals("Lunetten", stored.findById(id).orElseThrow().wijk(), "and nothing changed");
    }

    @Test
    void theStartFormRemembersTheLastChoiceForThisIntermediairOnly() {
        http.post("/intermediair/start", form("flow", "wijkanalyse", "language", "ar", "place", team.id() + "|Hoograven",
                "lang", "nl"), holder);
        String mine = http.get("/intermediair?lang=nl", holder).body();
        assertTrue(Pattern.compile("<option value=\"ar\" lang=\"ar\" selected>").matcher(mine).find(), "the language");
        Pattern hoograven = Pattern.compile("<option value=\"" + team.id() + "\\|Hoograven\"[^>]* selected>");
        assertTrue(hoograven.matcher(mine).find(), "the wijk");
        String theirs = http.get("/intermediair?lang=nl", colleague).body();
        assertFalse(hoograven.matcher(theirs).find(), "not a colleague's");
        assertTrue(theirs.contains("|Hoograven\""), "the colleague has the wijk to choose: " + theirs);
        String cookie = http.get("/intermediair?lang=nl", holder).header("Set-Cookie");
        assertTrue(cookie == null || !cookie.contains("Hoograven") && !cookie.contains("choice"), "not kept in a cookie: " + cookie);
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertTrue(start >= 0, text);
        return text.substring(start + from.length(), text.indexOf(to, start));
    }
}
