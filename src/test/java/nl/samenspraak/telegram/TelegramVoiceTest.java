package nl.samenspraak.telegram;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.chatlink.ChatLinks;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.team.Teams;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.storage.ConversationRepository;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Voice answers (issue 13, item 6), through the real library and a fake Bot API on loopback that serves the audio
 * (getFile, then the file): a voice message on an open question of the cultureel interview is kept as the answer,
 * bytes and length in the database, said as "spraakbericht"; /vergeet takes it away. A photo, a document, a voice
 * message where none is taken, and one over the limit get an explanation and the same question stays.
 */
@MicronautTest(transactional = false)
class TelegramVoiceTest extends TelegramFixture {
    @Inject
    ConversationRepository conversations;
    @Inject
    ChatLinks chatLinks;
    /** The account the chat of the test at hand is linked to: its interview opens for them alone. */
    nl.samenspraak.conversation.Caller holder;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    nl.samenspraak.conversation.AnswerQuestion answerQuestion;

    TelegramVoiceTest() {
        super("747474:voice-test-token", Map.of("telegram.bot-username", "SamenspraakVoiceBot", "telegram.voice.max-bytes", "50000",
                "telegram.voice.max-duration", "2m"));
    }

    /** The bot's words as the client's flow words them (issue 10: its register; the shared words where it has none). */
    @Override
    String say(String language, String key, Map<String, ?> parameters) {
        return TelegramHtmlCheck.visibleText(words().say(language, "cultureel-interview", key, parameters));
    }

    @Override
    String step(TelegramUser user) {
        // read as stored: a linked chat's interview is its holder's, and opens for nobody else
        return conversations.findById(conversationOf(user)).orElseThrow().currentStep();
    }

    /**
     * The chat linked to an intermediair's account ("Koppel Telegram"), so the interviews it starts are held by them:
     * only there is a voice answer kept, as only there someone (the holder) can ever play it.
     */
    private TelegramUser linked(TelegramUser user) {
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
        Account holder = accounts.create("voice-holder-" + suffix, "a long enough password", Role.INTERMEDIAIR);
        teams.addMember(teams.create("Wijkteam Stem " + suffix, List.of()).id(), holder.id());
        this.holder = nl.samenspraak.conversation.Caller.intermediair(holder.id());
        String address = chatLinks.newLink(holder.id()).orElseThrow().address();
        user.say("/start " + address.substring(address.indexOf("?start=") + "?start=".length()));
        return user;
    }

    /** A parent in the cultural interview at "leefwereld", its first open question, which takes a voice message. */
    private TelegramUser atOpenQuestion(String language) {
        TelegramUser user = toTheInterviewsOpenQuestion(linked(user(language)));
        assertEquals("leefwereld", step(user));
        return user;
    }

    private record Stored(byte[] audio, String mimeType, int seconds) {
    }

    private List<Stored> voices(String conversationId) throws SQLException {
        try (Connection c = connection();
             PreparedStatement s = c.prepareStatement("select audio, mime_type, duration_seconds from voice_answer where conversation_id = ?")) {
            s.setString(1, conversationId);
            try (ResultSet r = s.executeQuery()) {
                List<Stored> all = new java.util.ArrayList<>();
                while (r.next()) {
                    all.add(new Stored(r.getBytes(1), r.getString(2), r.getInt(3)));
                }
                return all;
            }
        }
    }

    /**
     * A voice message as the last answer ("nog_iets") waits for "Controleer uw antwoorden" like any other: no audio is
     * kept until Afronden, which fetches it from Telegram again (no instance keeps it in memory) and finishes.
     */
    @Test
    void aVoiceMessageAsTheLastAnswerIsKeptOnlyOnAfronden() throws SQLException {
        TelegramUser user = atOpenQuestion("nl");
        String id = conversationOf(user);
        for (int guard = 0; !"nog_iets".equals(step(user)); guard++) {
            assertTrue(guard < 100, "the walk reaches the last question");
            var step = readConversation.state(id, null, holder).orElseThrow().step();
            switch (step.type()) {
                case "multi" -> {
                    user.tap(user.last(), "t:0");
                    user.tap(user.last(), "k");
                }
                case "text", "number", "date" -> user.tap(user.lastWithButtons(), "s");
                default -> user.tap(user.last(), "a:1");
            }
        }
        int fetched = fake.calls("getFile").size();
        user.sendVoice(7, audio(9_999));

        FakeBotApi.Sent review = user.last();
        assertTrue(review.text.contains(say("nl", "review_title")) && review.text.contains("spraakbericht (0:07)"), review.text);
        assertEquals(List.of(), voices(id), "no audio kept before Afronden");
        assertFalse(readConversation.state(id, null, holder).orElseThrow().done());
        assertFalse(review.text.contains(say("nl", "voice_saved", Map.of("duration", "0:07"))), "not said to be kept: " + review.text);

        int mark = user.mark();
        user.tap(review, "r");
        assertTrue(readConversation.state(id, null, holder).orElseThrow().done(), "Afronden finishes");
        assertEquals(fetched + 2, fake.calls("getFile").size(), "fetched for the dry run's message and again on Afronden");
        assertEquals(1, voices(id).size());
        assertEquals(7, voices(id).get(0).seconds());
        assertTrue(user.textSince(mark).contains(say("nl", "voice_saved", Map.of("duration", "0:07"))), user.textSince(mark));
        assertEquals(List.of(), fake.problems());
    }

    @Test
    void aVoiceMessageIsKeptAsTheAnswerSaidAsSpraakberichtAndGoneAfterVergeet() throws SQLException {
        TelegramUser user = atOpenQuestion("nl");
        assertTrue(user.last().text.contains(say("nl", "voice_hint")), "the question says a voice message is fine: " + user.last().text);
        String id = conversationOf(user);
        byte[] audio = audio(12_345);
        int mark = user.mark();

        user.sendVoice(4, audio);

        assertEquals("in_nederland_sinds", step(user), "the voice message answered the question");
        List<Stored> kept = voices(id);
        assertEquals(1, kept.size());
        assertArrayEquals(audio, kept.get(0).audio(), "the audio as Telegram served it");
        assertEquals(4, kept.get(0).seconds());
        assertEquals("audio/ogg", kept.get(0).mimeType());
        assertTrue(fake.calls("getFile").stream().anyMatch(c -> c.body().path("file_id").asText().startsWith("voice-")));
        String echoed = user.textSince(mark);
        assertTrue(echoed.contains(say("nl", "voice_saved", Map.of("duration", "0:04"))), echoed);
        assertTrue(echoed.contains("Uw spraakbericht is bewaard (0:04)"), "in the client flow's register: " + echoed);
        ConversationState.TranscriptEntry entry = readConversation.transcript(id, holder).orElseThrow().entries().stream()
                .filter(e -> e.step().equals("leefwereld")).findFirst().orElseThrow();
        assertEquals("spraakbericht", entry.answer(), "the transcript says what it was, not the audio's mark");
        assertEquals(1, answers.findByConversationId(id).stream().filter(a -> a.stepId().equals("leefwereld")).count());

        user.say("/vergeet");
        user.tap(user.last(), "v:y");
        assertTrue(user.last().text.contains(say("nl", "forgotten")), user.last().text);
        assertFalse(conversations.existsById(id));
        assertEquals(List.of(), voices(id), "the audio went with the conversation");
    }

    /**
     * One interview answered in two places at once (the resident's chat, and the holder's page where they go on with
     * it): the chat fell behind at "probleem" while the page answered it. A voice message recorded on the phone for "probleem" was kept
     * as the answer to "probleem_oorzaak", a question the phone never showed (it takes voice too); now nothing is kept,
     * the person hears that question is no longer the one to answer, and sees the one that is.
     */
    @Test
    void aVoiceMessageInAChatThatFellBehindIsNotTheNextQuestionsAnswer() throws SQLException {
        TelegramUser phone = atOpenQuestion("nl");
        String id = conversationOf(phone);
        for (int guard = 0; !"probleem".equals(step(phone)); guard++) {
            assertTrue(guard < 100, "the walk reaches the question about the problem");
            var step = readConversation.state(id, null, holder).orElseThrow().step();
            switch (step.type()) {
                case "multi" -> {
                    phone.tap(phone.last(), "t:0");
                    phone.tap(phone.last(), "k");
                }
                case "text", "number", "date" -> phone.tap(phone.lastWithButtons(), "s");
                default -> phone.tap(phone.last(), "a:1");
            }
        }
        // the holder goes on with it on their own page (a held interview opens only for them, not by its code)
        assertEquals(nl.samenspraak.conversation.Turn.Kind.OK, answerQuestion.answer(id, "probleem", "Hij slaapt slecht.",
                nl.samenspraak.conversation.Entry.intermediair("nl"), null, holder).kind());
        assertEquals("probleem_oorzaak", step(phone), "another question that takes a voice message");

        int mark = phone.mark();
        phone.sendVoice(6, audio(3_000));

        assertEquals(List.of(), voices(id), "no audio kept under a question the phone never showed");
        assertTrue(answers.findByConversationId(id).stream().noneMatch(a -> a.stepId().equals("probleem_oorzaak")));
        assertEquals("probleem_oorzaak", step(phone), "the conversation is where the tablet left it");
        String reply = phone.textSince(mark);
        String notCurrent = TelegramHtmlCheck.visibleText(words().shared("nl", "cultureel-interview", "error.not_current", Map.of()));
        assertTrue(reply.contains(notCurrent), reply);
        assertEquals("probleem_oorzaak", chat(phone).liveStep(), "the question to answer now is on the phone's screen");
        assertEquals(List.of(), fake.problems());
    }

    @Test
    void inArabicTheTranscriptSaysVoiceMessageInArabic() throws SQLException {
        TelegramUser user = atOpenQuestion("ar");
        String id = conversationOf(user);
        user.sendVoice(75, audio(2_000));
        assertEquals(1, voices(id).size());
        assertTrue(user.textSince(0).contains(say("ar", "voice_saved", Map.of("duration", "1:15"))));
        assertEquals("رسالة صوتية", readConversation.transcript(id, holder).orElseThrow().entries().stream()
                .filter(e -> e.step().equals("leefwereld")).findFirst().orElseThrow().answer());
    }

    @Test
    void aPhotoOrADocumentGetsAnExplanationAndTheSameQuestionStays() throws SQLException {
        TelegramUser user = atOpenQuestion("tr");
        String id = conversationOf(user);
        int mark = user.mark();
        user.send("photo");
        String said = user.textSince(mark);
        assertTrue(said.contains(say("tr", "not_understood_photo")), said);
        assertTrue(said.contains(say("tr", "voice_hint")), "here a voice message would do: " + said);
        // words written with a photo are not read either, and the person is told so, or they would take them as kept
        int captioned = user.mark();
        user.send("photo with a caption");
        assertTrue(user.textSince(captioned).contains(say("tr", "not_understood_photo_caption")), user.textSince(captioned));
        user.sendDocument();
        user.send("sticker");
        assertTrue(user.textSince(mark).contains(say("tr", "not_understood_sticker")));
        assertEquals("leefwereld", step(user), "still the same question");
        assertFalse(answers.findByConversationId(id).stream().anyMatch(a -> a.stepId().equals("leefwereld")));
        assertEquals(List.of(), voices(id));

        user.say("Çocuğum okulda iyi gidiyor.");
        user.tap("k");
        assertEquals("in_nederland_sinds", step(user), "typing still answers it");
    }

    @Test
    void aVoiceMessageWhereNoneIsTakenOrOverTheLimitIsExplainedAndNotFetched() throws SQLException {
        TelegramUser user = linked(user("pl"));
        user.say("/start cultureel-interview");
        user.tap("n");
        user.tap("a:0");
        assertEquals("talen", step(user), "a question with buttons");
        String id = conversationOf(user);
        int fetches = fake.calls("getFile").size();
        int mark = user.mark();
        user.sendVoice(3, audio(500));
        assertTrue(user.textSince(mark).contains(say("pl", "not_understood_voice")), user.textSince(mark));
        assertEquals("talen", step(user));
        assertEquals(fetches, fake.calls("getFile").size(), "nothing fetched for a question that takes no voice");

        user.tap("s");
        user.tap("a:1");
        assertEquals("leefwereld", step(user));
        mark = user.mark();
        user.sendVoice(121, audio(500));
        assertTrue(user.textSince(mark).contains(say("pl", "voice_too_long", Map.of("longest", "2 minuty"))), user.textSince(mark));
        user.sendVoice(10, audio(50_001));
        assertEquals(2, user.textSince(mark).split(java.util.regex.Pattern.quote(say("pl", "voice_too_long", Map.of("longest", "2 minuty"))), -1).length - 1,
                "too long and too large: both told");
        assertEquals(fetches, fake.calls("getFile").size(), "what says it is over the limit is not fetched");
        assertEquals("leefwereld", step(user));
        assertEquals(List.of(), voices(id));
    }

    @Test
    void inAnInterviewNobodyHoldsAVoiceMessageIsNotKeptAndNoneIsOffered() throws SQLException {
        // a chat not linked to a professional's account: nobody could ever play the audio, so none is taken
        TelegramUser user = user("nl");
        user.say("/start cultureel-interview");
        user.tap("n");
        user.tap("a:0");
        user.tap("s");
        int mark = user.mark();
        user.tap("a:1");
        assertEquals("leefwereld", step(user));
        assertFalse(user.textSince(mark).contains(say("nl", "voice_hint")), "the open question offers no voice message");
        String id = conversationOf(user);
        int fetches = fake.calls("getFile").size();
        mark = user.mark();
        user.sendVoice(4, audio(800));
        assertTrue(user.textSince(mark).contains(say("nl", "not_understood_voice")), user.textSince(mark));
        assertFalse(user.textSince(mark).contains(say("nl", "voice_saved", Map.of("duration", "0:04"))), "never said to be kept");
        assertEquals(fetches, fake.calls("getFile").size(), "not even fetched");
        assertEquals("leefwereld", step(user), "the same question stays");
        assertEquals(List.of(), voices(id));
    }
}
