package nl.samenspraak.telegram;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.storage.ConversationRepository;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Voice answers sent in Telegram are played for the professional (issue 13, item 6): an intermediair links their
 * Telegram chat to their account with the single-use link from "Mijn gesprekken"; a cultureel interview started in
 * that chat is theirs, so it is listed under "Mijn gesprekken" and its page plays the voice answer (the bytes as
 * Telegram served them) for them alone: not a colleague, not a manager, not someone logged out, not the public API.
 * An expired or used link is refused with a clear message, an unlinked chat's interview is nobody's, and /vergeet
 * takes the audio away. Through the real library, a fake Bot API on loopback and the pages over HTTP.
 */
@MicronautTest(transactional = false)
class LinkedChatVoiceTest extends TelegramFixture {
    static final String PASSWORD = "a long enough password";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    ConversationRepository conversations;

    PageHttp http;
    Team team;
    Account holderAccount;
    String holder;
    String colleague;
    String manager;

    LinkedChatVoiceTest() {
        super("757575:linked-voice-test-token", Map.of("telegram.bot-username", "SamenspraakTestBot"));
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @BeforeEach
    void people() {
        http = new PageHttp(server.getURL().toString());
        team = teams.create("Wijkteam West " + suffix(), List.of());
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

    /** The bot's words for the link, in the professional's language. */
    private String said(String language, String key) {
        return TelegramHtmlCheck.visibleText(words().shared(language, "chatlink." + key, Map.of()));
    }

    private String word(String language, String key) {
        return library.translations().message(language, "chatlink." + key);
    }

    /** "Koppel Telegram" on Mijn gesprekken: the start parameter of the deep link the page shows. */
    private String linkFromThePage(String cookie) {
        PageHttp.Reply mine = http.get("/intermediair?lang=nl", cookie);
        assertEquals(200, mine.status());
        assertTrue(mine.body().contains("action=\"/intermediair/telegram/link\""), "the page offers the link");
        PageHttp.Reply made = http.post("/intermediair/telegram/link", form("lang", "nl"), cookie);
        assertEquals(200, made.status(), made.body());
        assertTrue(made.header("Cache-Control").contains("no-store"), "a link shown once is not cached");
        Matcher m = Pattern.compile("href=\"https://t\\.me/SamenspraakTestBot\\?start=(LINK[A-Za-z0-9_-]+)\"").matcher(made.body());
        assertTrue(m.find(), made.body());
        assertTrue(m.group(1).length() <= 64, "a start parameter Telegram takes");
        return m.group(1);
    }

    /** The holder's chat, linked with the link "Koppel Telegram" made for them. */
    private TelegramUser linkedByThePage(String language) {
        TelegramUser professional = user(language);
        linkWith(professional, linkFromThePage(holder));
        return professional;
    }

    private void linkWith(TelegramUser professional, String start) {
        professional.say("/start " + start);
        assertTrue(professional.last().text.contains(said(professional.languageCode, "chat_linked")), professional.last().text);
    }

    /** At the interview's first open question; only a held interview offers a voice message there (only its holder can play it). */
    private String interviewAtOpenQuestion(TelegramUser user, boolean held) {
        toTheInterviewsOpenQuestion(user);
        String id = conversationOf(user);
        assertEquals(held, user.last().text.contains(TelegramHtmlCheck.visibleText(words()
                .say("nl", "cultureel-interview", "voice_hint", Map.of()))), "at the open question: " + user.last().text);
        return id;
    }

    private record Audio(int status, byte[] body) {
    }

    private Audio audio(String path, String cookie) {
        HttpRequest.Builder r = http.request(path).GET();
        if (cookie != null) {
            r.header("Cookie", cookie);
        }
        try {
            HttpResponse<byte[]> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                    .send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Audio(response.statusCode(), response.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private long voiceRows(String id) throws SQLException {
        return count("select count(*) from voice_answer where conversation_id = ?", id);
    }

    private void expireTokensOf(long accountId) throws SQLException {
        try (Connection c = connection();
             PreparedStatement s = c.prepareStatement("update chat_link_token set expires_at = ? where account_id = ? and used_at is null")) {
            s.setObject(1, java.time.OffsetDateTime.now().minusMinutes(1));
            s.setLong(2, accountId);
            assertEquals(1, s.executeUpdate());
        }
    }

    @Test
    void aLinkedChatsVoiceAnswerIsPlayedForTheHolderAloneAndGoesWithVergeet() throws SQLException {
        TelegramUser professional = linkedByThePage("nl");
        assertTrue(http.get("/intermediair?lang=nl", holder).body().contains(word("nl", "linked")), "the page says it is linked");

        String id = interviewAtOpenQuestion(professional, true);
        assertEquals(holderAccount.id(), conversations.findById(id).orElseThrow().heldBy(), "the interview is the holder's");
        byte[] sound = audio(9_876);
        professional.sendVoice(6, sound);
        assertEquals(1, voiceRows(id), "the voice message is the answer");
        assertTrue(professional.last().text.length() > 0);

        PageHttp.Reply mine = http.get("/intermediair?lang=nl", holder);
        assertTrue(mine.body().contains("id=\"mine-" + id + "\""), "listed under Mijn gesprekken");
        String path = "/intermediair/c/" + id + "/voice/leefwereld";
        PageHttp.Reply page = http.get("/intermediair/c/" + id + "?lang=nl", holder);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<audio controls preload=\"none\" src=\"" + path + "\">"), "a player on its page");
        Audio heard = audio(path, holder);
        assertEquals(200, heard.status());
        assertArrayEquals(sound, heard.body(), "the bytes Telegram served");

        assertEquals(404, audio(path, colleague).status(), "a team colleague: not found");
        int managers = audio(path, manager).status();
        assertTrue(managers == 403 || managers == 404, "a manager is refused: " + managers);
        assertEquals(401, audio(path, null).status(), "not logged in");
        assertFalse(http.get("/intermediair?lang=nl", colleague).body().contains("mine-" + id), "not in a colleague's list");
        assertEquals(404, http.get("/api/conversations/" + id, null, "application/json").status(), "not public");

        professional.say("/vergeet");
        professional.tap(professional.last(), "v:y");
        assertFalse(conversations.existsById(id));
        assertEquals(0, voiceRows(id), "the audio went with the conversation");
        assertEquals(404, audio(path, holder).status());
        assertFalse(http.get("/intermediair?lang=nl", holder).body().contains("mine-" + id));
        assertFalse(http.get("/intermediair?lang=nl", holder).body().contains(word("nl", "linked")),
                "nothing of the chat is kept, its link neither");
        professional.say("/start cultureel-interview");
        assertNull(conversations.findById(conversationOf(professional)).orElseThrow().heldBy(), "so a new interview is nobody's");
    }

    /**
     * The type of a voice message is the sender's app's word: one over the 100 characters its column holds failed the
     * answer's insert (a 500, an apology, and the audio fetched again on every retry). It is kept as audio/ogg now.
     */
    @Test
    void aVoiceMessageWithAnOverlongTypeIsKeptAsOgg() throws SQLException {
        TelegramUser professional = linkedByThePage("nl");
        String id = interviewAtOpenQuestion(professional, true);
        byte[] sound = audio(4_321);
        var update = fake.voice(professional.chatId, "nl", 5, sound);
        ((com.fasterxml.jackson.databind.node.ObjectNode) update.get("message").get("voice"))
                .put("mime_type", "audio/" + "ogg".repeat(40));
        int downloads = fake.calls("download").size();
        int mark = professional.mark();
        fake.enqueue(update);
        fake.awaitConfirmed(update.get("update_id").asLong());

        assertEquals(1, voiceRows(id), "the voice message is the answer");
        assertEquals(1, count("select count(*) from voice_answer where conversation_id = ? and mime_type = 'audio/ogg'", id));
        assertEquals(downloads + 1, fake.calls("download").size(), "the audio fetched once");
        assertFalse(professional.textSince(mark).contains(TelegramHtmlCheck.visibleText(words().shared("nl", "error.internal", Map.of()))),
                "no apology: " + professional.textSince(mark));
        assertArrayEquals(sound, audio("/intermediair/c/" + id + "/voice/leefwereld", holder).body(), "and it plays");
        assertEquals(List.of(), fake.problems());
    }

    @Test
    void aUsedOrExpiredLinkIsRefusedAndThatChatsInterviewIsNobodys() throws SQLException {
        String start = linkFromThePage(holder);
        TelegramUser professional = user("en");
        linkWith(professional, start);

        TelegramUser other = user("nl");
        other.say("/start " + start);
        assertTrue(other.last().text.contains(said("nl", "chat_link_used")), "used once already: " + other.last().text);
        String id = interviewAtOpenQuestion(other, false);
        assertNull(conversations.findById(id).orElseThrow().heldBy(), "the other chat is not linked: its interview is nobody's");
        assertFalse(http.get("/intermediair?lang=nl", holder).body().contains("mine-" + id));

        TelegramUser guessing = user("tr");
        guessing.say("/start LINK" + suffix());
        assertTrue(guessing.last().text.contains(said("tr", "chat_link_used")), "a token never made: " + guessing.last().text);
    }

    @Test
    void anExpiredLinkSaysSo() throws SQLException {
        String start = linkFromThePage(holder);
        expireTokensOf(holderAccount.id());
        TelegramUser late = user("ar");
        late.say("/start " + start);
        assertTrue(late.last().text.contains(said("ar", "chat_link_expired")), late.last().text);
        late.say("/start cultureel-interview");
        assertNull(conversations.findById(conversationOf(late)).orElseThrow().heldBy());
    }

    /**
     * A linked chat's interview is its holder's: paused, it goes on here with /hervat or on the website's "Mijn
     * gesprekken", and its code only has it deleted. The pause said "hier met /hervat CODE of op de website", and both
     * found nothing (the probe of December 2026).
     */
    @Test
    void aHeldInterviewPausedSaysHowItGoesOnAndWhatItsCodeIsFor() {
        TelegramUser professional = linkedByThePage("nl");
        professional.say("/start cultureel-interview");
        String id = conversationOf(professional);
        assertEquals(holderAccount.id(), conversations.findById(id).orElseThrow().heldBy());
        String code = conversations.findById(id).orElseThrow().resumeCode();
        String grouped = code.substring(0, 4) + "-" + code.substring(4);
        professional.say("/stop");
        String paused = professional.last().text;
        assertTrue(paused.contains(say("nl", "code_held", Map.of("code", grouped))), paused);
        assertFalse(paused.contains("/hervat " + grouped), "not a way on that finds nothing: " + paused);
        assertNull(conversationOf(professional), "paused: the chat is in no conversation");
        int mark = professional.mark();
        professional.say("/hervat");
        assertEquals(id, conversationOf(professional), "it goes on here with /hervat: " + professional.textSince(mark));
        assertFalse(professional.textSince(mark).contains(say("nl", "nothing_to_resume")), professional.textSince(mark));
    }

    @Test
    void unlinkingInTheChatOrOnThePageEndsIt() {
        TelegramUser professional = user("pl");
        professional.say("/start " + linkFromThePage(holder));
        professional.say("/ontkoppel");
        assertTrue(professional.last().text.contains(said("pl", "chat_unlinked")), professional.last().text);
        professional.say("/start cultureel-interview");
        assertNull(conversations.findById(conversationOf(professional)).orElseThrow().heldBy(), "unlinked: nobody's");

        professional.say("/start " + linkFromThePage(holder));
        professional.say("/start cultureel-interview");
        String held = conversationOf(professional);
        assertEquals(holderAccount.id(), conversations.findById(held).orElseThrow().heldBy());
        professional.tap("n");
        assertFalse(professional.last().text.contains(say("pl", "no_conversation")), "the chat goes on with the interview it holds: " + professional.last().text);
        assertEquals("toestemming", conversations.findById(held).orElseThrow().currentStep());

        PageHttp.Reply unlinked = http.post("/intermediair/telegram/unlink", form("lang", "nl"), holder);
        assertEquals(303, unlinked.status());
        PageHttp.Reply page = http.get(unlinked.location().replace(http.base(), "").replaceAll("#.*", ""), holder);
        assertTrue(page.body().contains(word("nl", "done_unlinked")), "the page says so");
        assertFalse(page.body().contains(word("nl", "linked")));
        assertTrue(page.body().contains("mine-" + held), "the interview it had stays the holder's");
        professional.say("/start cultureel-interview");
        assertNotNull(conversationOf(professional));
        assertNull(conversations.findById(conversationOf(professional)).orElseThrow().heldBy(), "unlinked on the page: nobody's");
    }
}
