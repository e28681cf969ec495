package nl.samenspraak.intermediair;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.conversation.AnswerByVoice;
import nl.samenspraak.conversation.AnswerQuestion;
import nl.samenspraak.conversation.PlayVoiceAnswers;
import nl.samenspraak.conversation.StartConversation;
import nl.samenspraak.support.AssistedStart;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.Caller;
import nl.samenspraak.conversation.Turn;
import nl.samenspraak.conversation.VoiceMessage;
import nl.samenspraak.flow.Channel;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Voice answers are played only where the professional reads the answers (issue 13, item 6): on the page of a
 * cultureel interview that the intermediair holds, an audio player for each voice answer, served to that
 * intermediair alone. A colleague, a manager and someone not logged in get nothing of it; a public conversation's
 * voice answer is played by nobody; deleting the conversation takes the audio with it.
 */
@SharedService
class VoicePlaybackTest {
    static final String PASSWORD = "a long enough password";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    StartConversation startConversation;
    @Inject
    PlayVoiceAnswers playVoiceAnswers;
    @Inject
    AnswerByVoice answerByVoice;
    @Inject
    AnswerQuestion answerQuestion;
    @Inject
    DataSource dataSource;

    PageHttp http;
    Team team;
    Account holderAccount;
    String holder;
    String colleague;
    String manager;

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @BeforeEach
    void people() {
        http = new PageHttp(server.getURL().toString());
        team = teams.create("Wijkteam Zuid " + suffix(), List.of("Hoograven"));
        holderAccount = member(Role.INTERMEDIAIR);
        holder = http.login(holderAccount.username(), PASSWORD);
        colleague = http.login(member(Role.INTERMEDIAIR).username(), PASSWORD);
        manager = http.login(member(Role.MANAGER).username(), PASSWORD);
    }

    private Account member(Role role) {
        Account a = accounts.create(role.name().toLowerCase() + "-" + suffix(), PASSWORD, role);
        teams.addMember(team.id(), a.id());
        return a;
    }

    private PageHttp.Reply answer(String id, String json) {
        PageHttp.Reply r = http.send(http.request("/intermediair/api/conversations/" + id + "/answers?lang=nl")
                .header("Content-Type", "application/json").header("Accept", "application/json").header("Origin", http.base())
                .header("Cookie", holder).POST(HttpRequest.BodyPublishers.ofString(json)));
        assertEquals(200, r.status(), r.body());
        return r;
    }

    /** The holder and a client in the cultureel interview, at its first open question. */
    private String atOpenQuestion() {
        String id = AssistedStart.start(http, holder, "cultureel-interview", "tr", Long.toString(team.id()), "nl").id();
        answer(id, "{\"step\":\"welkom\",\"value\":null}");
        answer(id, "{\"step\":\"toestemming\",\"value\":\"ja\"}");
        answer(id, "{\"step\":\"talen\",\"value\":[\"turks\"]}");
        assertTrue(answer(id, "{\"step\":\"tolk_nodig\",\"value\":\"nee\"}").body().contains("\"leefwereld\""));
        return id;
    }

    private record Audio(int status, byte[] body, String type, String cache, String disposition) {
    }

    private Audio audio(String path, String cookie) {
        return audio(path, cookie, null);
    }

    /** {@code path} asked for with {@code accept} (null: no Accept header), in Turkish. */
    private Audio audio(String path, String cookie, String accept) {
        HttpRequest.Builder r = http.request(path).header("Accept-Language", "tr").GET();
        if (cookie != null) {
            r.header("Cookie", cookie);
        }
        if (accept != null) {
            r.header("Accept", accept);
        }
        try {
            HttpResponse<byte[]> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                    .send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Audio(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Cache-Control").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(""));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private String codeOf(String id) throws SQLException {
        return (String) one("select resume_code from conversation where id = ?", id);
    }

    private long voiceRows(String id) throws SQLException {
        return ((Number) one("select count(*) from voice_answer where conversation_id = ?", id)).longValue();
    }

    /** The one value {@code sql} finds for the conversation {@code id}. */
    private Object one(String sql, String id) throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getObject(1);
            }
        }
    }

    private static byte[] sound() {
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        return bytes;
    }

    @Test
    void theHolderHearsItOnTheConversationsPageAndNobodyElseDoes() throws SQLException {
        String id = atOpenQuestion();
        byte[] sound = sound();
        Turn turn = answerByVoice.answerVoice(id, "leefwereld", new VoiceMessage(sound, "audio/ogg", 9),
                Caller.intermediair(holderAccount.id()));
        assertEquals(Turn.Kind.OK, turn.kind(), turn.error());
        String path = "/intermediair/c/" + id + "/voice/leefwereld";

        Audio heard = audio(path, holder);
        assertEquals(200, heard.status());
        assertArrayEquals(sound, heard.body());
        assertTrue(heard.type().startsWith("audio/ogg"), heard.type());
        assertTrue(heard.cache().contains("no-store"), heard.cache());
        PageHttp.Reply page = http.get("/intermediair/c/" + id + "?lang=nl", holder);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<audio controls preload=\"none\" src=\"" + path + "\">"), "a player on the page");
        assertTrue(page.body().contains("sesli mesaj"), "and the answer said in the client's language");

        assertEquals(404, audio(path, colleague).status(), "a team colleague: not found");
        int managers = audio(path, manager).status();
        assertTrue(managers == 403 || managers == 404, "a manager is refused: " + managers);
        assertEquals(401, audio(path, null).status(), "not logged in");
        assertEquals(404, audio("/intermediair/c/" + id + "/voice/talen", holder).status(), "a step not answered by voice");
        assertFalse(http.get("/intermediair/c/" + id + "?lang=nl", colleague).body().contains("<audio"));

        assertEquals(1, voiceRows(id));
        assertEquals(204, http.send(http.request("/api/resume/" + codeOf(id)).header("Origin", http.base()).DELETE()).status(),
                "the client's own forget, with their code");
        assertEquals(0, voiceRows(id), "the audio went with the conversation");
        assertEquals(404, audio(path, holder).status());
    }

    /**
     * A player or an app that asks for the voice answer as audio gets it: the route named no type (so the framework's
     * JSON), and {@code Accept: audio/ogg} or {@code audio/*} was 406. One that takes only another type gets 406 in the
     * person's language, not the file; a stored type that is no audio type goes to a client that takes a download.
     */
    @Test
    void aPlayerAskingForAudioGetsTheVoiceAnswer() {
        String id = atOpenQuestion();
        byte[] sound = sound();
        assertEquals(Turn.Kind.OK, answerByVoice.answerVoice(id, "leefwereld", new VoiceMessage(sound, "audio/ogg", 6),
                Caller.intermediair(holderAccount.id())).kind());
        String path = "/intermediair/c/" + id + "/voice/leefwereld";
        java.util.List<String> accepts = new java.util.ArrayList<>(List.of("audio/ogg", "audio/*", "audio/ogg, audio/mpeg;q=0.5",
                // Firefox's <audio>; Chrome's sends */*
                "audio/webm,audio/ogg,audio/wav,audio/*;q=0.9,application/ogg;q=0.7,video/*;q=0.6,*/*;q=0.5",
                "*/*", PageHttp.HTML));
        accepts.add(null);
        for (String accept : accepts) {
            Audio heard = audio(path, holder, accept);
            assertEquals(200, heard.status(), accept + ": " + new String(heard.body(), java.nio.charset.StandardCharsets.UTF_8));
            assertArrayEquals(sound, heard.body(), accept);
            assertEquals("audio/ogg", heard.type().split(";")[0], accept);
        }
        for (String accept : List.of("audio/mpeg", "audio/ogg;q=0", "audio/*;q=0, */*", "text/html")) {
            Audio refused = audio(path, holder, accept);
            String body = new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(406, refused.status(), accept + ": " + body);
            assertTrue(refused.type().startsWith("text/html"), accept + ": " + refused.type());
            assertTrue(body.contains("Bu adres istediğiniz biçimde yanıt veremez."), accept + ": " + body);
        }

        String download = atOpenQuestion();
        assertEquals(Turn.Kind.OK, answerByVoice.answerVoice(download, "leefwereld", new VoiceMessage(sound, "text/html", 6),
                Caller.intermediair(holderAccount.id())).kind());
        Audio bytes = audio("/intermediair/c/" + download + "/voice/leefwereld", holder, "application/octet-stream");
        assertEquals(200, bytes.status());
        assertEquals("application/octet-stream", bytes.type().split(";")[0]);
        assertEquals(406, audio("/intermediair/c/" + download + "/voice/leefwereld", holder, "audio/*").status(),
                "a player gets no bytes that are not audio");
    }

    @Test
    void aBrowserAskingForAVoiceAnswerThatIsNotThereGetsTheNotFoundPageInItsLanguage() {
        String id = atOpenQuestion();
        // the holder's own conversation, a step they answered by typing: nothing to play
        for (String[] c : new String[][]{{"en", "This page does not exist"}, {"tr", "Bu sayfa yok"}}) {
            PageHttp.Reply r = http.send(http.request("/intermediair/c/" + id + "/voice/talen")
                    .header("Accept", PageHttp.HTML).header("Accept-Language", c[0]).header("Cookie", holder).GET());
            assertEquals(404, r.status(), c[0] + ": " + r.body());
            assertTrue(r.header("Content-Type").startsWith("text/html"), r.header("Content-Type"));
            assertTrue(r.body().contains(c[1]), c[0] + ": " + r.body());
        }
        // the same for the QR code of a link that is not theirs (or no longer there), opened in a tab
        PageHttp.Reply qr = http.send(http.request("/intermediair/links/NOSUCHLINK/qr.png")
                .header("Accept", PageHttp.HTML).header("Accept-Language", "en").header("Cookie", holder).GET());
        assertEquals(404, qr.status(), qr.body());
        assertTrue(qr.body().contains("This page does not exist"), qr.body());
    }

    @Test
    void aVoiceAnswerInAConversationNobodyHoldsIsNotKeptAtAll() throws SQLException {
        String id = startConversation.start("cultureel-interview", "nl", Channel.TELEGRAM).state().id();
        answerQuestion.answer(id, "welkom", null);
        answerQuestion.answer(id, "toestemming", "ja");
        answerQuestion.answer(id, "talen", List.of());
        answerQuestion.answer(id, "tolk_nodig", "nee");
        // nobody could ever play it: refused (type the answer instead), and no audio is kept unheard
        assertFalse(answerByVoice.takesVoice(id, "leefwereld", Caller.PUBLIC), "no voice offered where nobody could play it");
        Turn refused = answerByVoice.answerVoice(id, "leefwereld", new VoiceMessage(sound(), "audio/ogg", 3), Caller.PUBLIC);
        assertEquals(Turn.Kind.INVALID, refused.kind());
        assertTrue(refused.error().contains("Typ het antwoord"), refused.error());
        assertEquals("leefwereld", refused.state().step().id(), "the same question stays");
        assertEquals(0, voiceRows(id));
        for (String cookie : new String[]{holder, colleague, manager}) {
            int status = audio("/intermediair/c/" + id + "/voice/leefwereld", cookie).status();
            assertTrue(status == 404 || status == 403, "nobody: " + status);
        }
        assertEquals(List.of(), List.copyOf(playVoiceAnswers.playableVoices(id, Caller.PUBLIC)));
        assertTrue(playVoiceAnswers.voice(id, "leefwereld", Caller.PUBLIC).isEmpty());
    }

    @Test
    void aTypeFromTelegramThatIsNoWellFormedAudioTypeIsADownloadNeverAPageNorA500() {
        String[][] cases = {
                {"audio/mpeg", "audio/mpeg", ""},
                {"Audio/OGG; codecs=opus", "audio/ogg", ""},
                {"text/html", "application/octet-stream", "attachment"},
                {"audio/", "application/octet-stream", "attachment"},
                {"ogg", "application/octet-stream", "attachment"},
                {"audio/ogg\u0000<script>", "application/octet-stream", "attachment"},
                {"/\"?=;", "application/octet-stream", "attachment"}};
        for (String[] c : cases) {
            String id = atOpenQuestion();
            byte[] sound = sound();
            assertEquals(Turn.Kind.OK, answerByVoice.answerVoice(id, "leefwereld", new VoiceMessage(sound, c[0], 4),
                    Caller.intermediair(holderAccount.id())).kind());
            Audio heard = audio("/intermediair/c/" + id + "/voice/leefwereld", holder);
            assertEquals(200, heard.status(), c[0]);
            assertArrayEquals(sound, heard.body(), c[0]);
            assertEquals(c[1], heard.type().split(";")[0], c[0]);
            assertTrue(heard.disposition().startsWith(c[2]) && (c[2].isEmpty() == heard.disposition().isEmpty()),
                    c[0] + ": " + heard.disposition());
        }
    }
}
