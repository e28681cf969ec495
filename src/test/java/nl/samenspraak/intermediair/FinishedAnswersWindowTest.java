package nl.samenspraak.intermediair;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.conversation.AnswerQuestion;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.storage.ConversationRepository;
import nl.samenspraak.support.AssistedStart;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.FileAccepts;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An intermediair reads a finished conversation's answers only shortly after it finished (2 hours by default,
 * {@link FinishedAnswers}): within that window "Resultaat", the chat at "Klaar", the PDF and a new hand-over work;
 * after it the line still says "Klaar" without "Resultaat", and the chat, its API, the PDF and a new hand-over say in
 * the intermediair's language that the answers are no longer shown to them, while the resident's hand-over link and
 * own code work as before. The service's clock for this rule is a test clock moved forward: no sleeping.
 */
class FinishedAnswersWindowTest {
    static final String PASSWORD = "a long enough password";
    static final String TYPED = "De speeltuin bij de school is kapot";

    /** Wall time plus whatever the test moved it on. */
    static final class MovedClock extends Clock {
        volatile Duration ahead = Duration.ZERO;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead);
        }
    }

    static final MovedClock CLOCK = new MovedClock();
    static ApplicationContext context;
    static PageHttp http;

    @BeforeAll
    static void service() {
        context = ApplicationContext.builder().environments("test").singletons(CLOCK).start();
        http = new PageHttp(context.getBean(EmbeddedServer.class).start().getURL().toString());
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void theAnswersAreReadOnlyShortlyAfterFinishingAndTheResidentKeepsTheResult() throws Exception {
        Teams teams = context.getBean(Teams.class);
        Accounts accounts = context.getBean(Accounts.class);
        Team team = teams.create("Wijkteam Zuid " + UUID.randomUUID().toString().substring(0, 8), List.of("Lunetten"));
        Account account = accounts.create("venster-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(team.id(), account.id());
        String holder = http.login(account.username(), PASSWORD);

        String id = AssistedStart.start(http, holder, "wijkanalyse", "tr", team.id() + "|Lunetten", "nl").id();
        finish(id, account.id());
        String chat = "/intermediair/c/" + id + "?lang=nl";

        // within the window: "Resultaat" in the list, the chat with the typed answer, the PDF and a hand-over link
        CLOCK.ahead = Duration.ofHours(2).minusMinutes(1);
        assertTrue(finishedLine(http.get("/intermediair?lang=nl", holder).body(), id).contains("href=\"" + chat + "\""));
        PageHttp.Reply within = http.get(chat, holder);
        assertEquals(200, within.status());
        assertTrue(within.body().contains(TYPED), "the answers at Klaar, to go through with the resident");
        String code = context.getBean(ConversationRepository.class).findById(id).orElseThrow().resumeCode();
        assertTrue(within.body().contains(code.substring(0, 4) + "-" + code.substring(4))
                && within.body().contains("<span class=\"original\" lang=\"tr\" dir=\"ltr\">Bu görüşmeyi sildirmek için kodunuz</span>"),
                "at Klaar too the resident gets their code to have it deleted later, in their language: " + within.body());
        assertEquals(200, http.get("/intermediair/c/" + id + "/result.pdf?lang=nl", holder).status());
        PageHttp.Reply made = http.post("/intermediair/c/" + id + "/hand-over?lang=nl", form(), holder);
        assertEquals(200, made.status(), made.body());
        Matcher url = Pattern.compile("readonly value=\"[^\"]*(/h/[^\"]+)\"").matcher(made.body());
        assertTrue(url.find(), made.body());
        String handOver = url.group(1);

        // after it: still listed as Klaar with its flow, wijk, language, but no way to its answers
        CLOCK.ahead = Duration.ofHours(2).plusMinutes(1);
        String line = finishedLine(http.get("/intermediair?lang=nl", holder).body(), id);
        assertTrue(line.contains("<bdi>Lunetten</bdi> · <bdi lang=\"tr\">Türkçe</bdi>"), line);
        assertFalse(line.contains("href=\"" + chat + "\""), "no Resultaat: " + line);
        assertTrue(line.contains("Antwoorden niet meer te zien"), line);

        PageHttp.Reply page = http.get(chat, holder);
        assertEquals(410, page.status());
        assertFalse(page.body().contains(TYPED), page.body());
        assertTrue(page.body().contains("De antwoorden zie je niet meer")
                && page.body().contains("Wat je de bewoner meegaf (een link naar het resultaat, of de PDF) blijft van de bewoner"), page.body());
        // not "through their own code": a held conversation's code only deletes it (the probe of December 2026)
        assertFalse(page.body().contains("resultaat via de eigen code"), page.body());
        PageHttp.Reply english = http.get("/intermediair/c/" + id + "?lang=en", holder);
        assertTrue(english.body().contains("The answers are no longer shown to you"), "in the intermediair's language");
        PageHttp.Reply pdf = http.get("/intermediair/c/" + id + "/result.pdf?lang=nl", holder);
        assertEquals(410, pdf.status());
        assertTrue(pdf.body().contains("De antwoorden zie je niet meer"), "a page, not the PDF");
        PageHttp.Reply newLink = http.post("/intermediair/c/" + id + "/hand-over?lang=nl", form(), holder);
        assertEquals(410, newLink.status(), "no new hand-over link either");
        // a finished conversation's 409 would carry its state, answers and all: the API says 410 without one
        PageHttp.Reply api = http.send(http.request("/intermediair/api/conversations/" + id + "/back?lang=nl")
                .header("Accept", "application/json").header("Origin", http.base()).header("Cookie", holder)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(410, api.status(), api.body());
        assertFalse(api.body().contains(TYPED), api.body());
        assertTrue(api.body().contains("De antwoorden zie je niet meer") || api.body().contains("Om de bewoner te beschermen"), api.body());

        // the resident keeps theirs: the hand-over link opens, and their own code still deletes the conversation
        assertEquals(200, http.get(handOver, null).status(), "the hand-over link works as before");
        PageHttp.Reply forget = http.send(http.request("/api/resume/" + code).header("Accept", "application/json")
                .header("Origin", http.base()).DELETE());
        assertEquals(204, forget.status(), forget.body());
        assertEquals(404, http.get(chat, holder).status(), "gone for the holder too");
    }

    /**
     * A resident who asks their intermediair, days later, to delete the conversation: its chat, whose menu had the
     * delete button, is closed to them then, so the line in "Mijn gesprekken" has one of its own. A colleague of the
     * same team cannot use it (the same "not found" as for an id that does not exist), and it deletes for good.
     */
    @Test
    void pastTheWindowTheLineStillDeletesAtTheResidentsRequest() throws Exception {
        Teams teams = context.getBean(Teams.class);
        Accounts accounts = context.getBean(Accounts.class);
        Team team = teams.create("Wijkteam Oost " + UUID.randomUUID().toString().substring(0, 8), List.of("Overvecht"));
        Account account = accounts.create("wis-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, Role.INTERMEDIAIR);
        Account colleague = accounts.create("collega-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(team.id(), account.id());
        teams.addMember(team.id(), colleague.id());
        String holder = http.login(account.username(), PASSWORD);
        String other = http.login(colleague.username(), PASSWORD);
        String id = AssistedStart.start(http, holder, "wijkanalyse", "ar", team.id() + "|Overvecht", "nl").id();
        finish(id, account.id());

        CLOCK.ahead = Duration.ofHours(2).minusMinutes(1);
        assertFalse(finishedLine(http.get("/intermediair?lang=nl", holder).body(), id).contains("/delete"),
                "within the window the chat's own menu deletes it");
        CLOCK.ahead = Duration.ofDays(3);
        String line = finishedLine(http.get("/intermediair?lang=nl", holder).body(), id);
        assertTrue(line.contains("action=\"/intermediair/c/" + id + "/delete\"") && line.contains("Gesprek voorgoed wissen"), line);

        // a colleague gets what an id that does not exist gets: a 410 "no longer shown" told them it is there and finished
        assertEquals(404, http.get("/intermediair/c/" + id + "?lang=nl", other).status());
        assertEquals(404, http.get("/intermediair/c/" + id + "/result.pdf?lang=nl", other).status());
        assertEquals(404, http.post("/intermediair/c/" + id + "/hand-over?lang=nl", form(), other).status());
        PageHttp.Reply colleaguesBack = http.send(http.request("/intermediair/api/conversations/" + id + "/back?lang=nl")
                .header("Accept", "application/json").header("Origin", http.base()).header("Cookie", other)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(404, colleaguesBack.status(), colleaguesBack.body());
        assertEquals(404, http.post("/intermediair/c/" + id + "/delete", form("lang", "nl"), other).status(), "not a colleague's");
        PageHttp.Reply deleted = http.post("/intermediair/c/" + id + "/delete", form("lang", "nl"), holder);
        assertEquals(303, deleted.status(), deleted.body());
        String home = http.get(deleted.location(), holder).body();
        assertTrue(home.contains("Het gesprek en alle antwoorden zijn gewist."), home);
        assertFalse(home.contains("data-id=\"" + id + "\""), "no longer listed");
        assertTrue(context.getBean(ConversationRepository.class).findById(id).isEmpty(), "deleted from the database");
        assertEquals(404, http.post("/intermediair/c/" + id + "/delete", form("lang", "nl"), holder).status(), "once");
        CLOCK.ahead = Duration.ZERO;
    }

    /**
     * The resident's PDF, made by the intermediair or opened through the hand-over link, is the PDF to a client that
     * asks for it by its type (a PDF reader app): that was 406. Where there is none (an id that is not there, a
     * colleague's, past the window, an ended link) the reply is the page that says so, labelled as a page to every
     * client: labelled as the PDF it asked for, a viewer showed a broken file instead of the explanation.
     */
    @Test
    void theResultsPdfsGoToAClientThatAsksForAPdfAndWhereThereIsNoneThePageSaysWhy() {
        CLOCK.ahead = Duration.ZERO;
        Teams teams = context.getBean(Teams.class);
        Accounts accounts = context.getBean(Accounts.class);
        Team team = teams.create("Wijkteam West " + UUID.randomUUID().toString().substring(0, 8), List.of("Kanaleneiland"));
        Account account = accounts.create("pdf-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, Role.INTERMEDIAIR);
        Account colleague = accounts.create("collega-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(team.id(), account.id());
        teams.addMember(team.id(), colleague.id());
        String holder = http.login(account.username(), PASSWORD);
        String other = http.login(colleague.username(), PASSWORD);
        String id = startHeld("wijkanalyse", team.id() + "|Kanaleneiland", holder);
        finish(id, account.id());
        java.util.function.Function<HttpRequest.Builder, HttpRequest.Builder> asHolder = r -> r.header("Cookie", holder);
        String pdf = "/intermediair/c/" + id + "/result.pdf?lang=nl";
        String notFound = "Dit gesprek of deze link bestaat niet (meer)";

        FileAccepts.PDF.assertFile(http, pdf, asHolder);
        PageHttp.Reply made = http.post("/intermediair/c/" + id + "/hand-over?lang=nl", form(), holder);
        Matcher url = Pattern.compile("readonly value=\"[^\"]*(/h/[^\"]+)\"").matcher(made.body());
        assertTrue(url.find(), made.body());
        String handedOver = url.group(1) + "/result.pdf";
        java.util.function.Function<HttpRequest.Builder, HttpRequest.Builder> dutch = r -> r.header("Accept-Language", "nl");
        FileAccepts.PDF.assertFile(http, handedOver, dutch);
        FileAccepts.PDF.assertError(http, "/intermediair/c/" + UUID.randomUUID() + "/result.pdf?lang=nl", asHolder, 404, notFound);
        FileAccepts.PDF.assertError(http, pdf, r -> r.header("Cookie", other), 404, notFound);
        FileAccepts.PDF.assertError(http, "/h/" + "x".repeat(22) + "/result.pdf", dutch, 404, "Deze link is verlopen of verwijderd.");

        CLOCK.ahead = Duration.ofHours(2).plusMinutes(1);
        FileAccepts.PDF.assertError(http, pdf, asHolder, 410, "De antwoorden zie je niet meer");
        FileAccepts.PDF.assertError(http, pdf, r -> r.header("Cookie", other), 404, notFound);
        FileAccepts.PDF.assertFile(http, handedOver, dutch);
        assertEquals(200, http.post("/intermediair/c/" + id + "/hand-over/delete?lang=nl", form(), holder).status());
        FileAccepts.PDF.assertError(http, handedOver, dutch, 404, "Deze link is verlopen of verwijderd.");
        CLOCK.ahead = Duration.ZERO;
    }

    /**
     * A voice answer is an answer: past the window its holder is told so (410), as by the chat, its API, the PDF and a
     * new hand-over, where it was "not found" (404) as if it had never been recorded. A colleague, and an id that is
     * not there, stay "not found": a colleague told "no longer shown" would learn that the conversation exists.
     */
    @Test
    void pastTheWindowAVoiceAnswerIsNoLongerPlayedToItsHolderAndStaysNotFoundForOthers() {
        CLOCK.ahead = Duration.ZERO;
        Teams teams = context.getBean(Teams.class);
        Accounts accounts = context.getBean(Accounts.class);
        Team team = teams.create("Wijkteam Noord " + UUID.randomUUID().toString().substring(0, 8), List.of());
        Account account = accounts.create("stem-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, Role.INTERMEDIAIR);
        Account colleague = accounts.create("collega-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(team.id(), account.id());
        teams.addMember(team.id(), colleague.id());
        String holder = http.login(account.username(), PASSWORD);
        String other = http.login(colleague.username(), PASSWORD);
        String id = startHeld("cultureel-interview", Long.toString(team.id()), holder);
        nl.samenspraak.conversation.Caller me = nl.samenspraak.conversation.Caller.intermediair(account.id());
        AnswerQuestion answer = context.getBean(AnswerQuestion.class);
        for (Object[] step : new Object[][]{{"welkom", null}, {"toestemming", "ja"}, {"talen", List.of("turks")}, {"tolk_nodig", "nee"}}) {
            assertEquals(nl.samenspraak.conversation.Turn.Kind.OK, answer.answer(id, (String) step[0], step[1],
                    nl.samenspraak.conversation.Entry.intermediair(null), "nl", me).kind(), (String) step[0]);
        }
        byte[] sound = new byte[2048];
        new java.util.Random(11).nextBytes(sound);
        assertEquals(nl.samenspraak.conversation.Turn.Kind.OK, context.getBean(nl.samenspraak.conversation.AnswerByVoice.class)
                .answerVoice(id, "leefwereld", new nl.samenspraak.conversation.VoiceMessage(sound, "audio/ogg", 5), me).kind());
        finish(id, account.id());
        String voice = "/intermediair/c/" + id + "/voice/leefwereld";

        PageHttp.Reply heard = voice(voice + "?lang=nl", holder);
        assertEquals(200, heard.status(), "within the window its holder hears it");
        assertTrue(heard.header("Content-Type").startsWith("audio/ogg"), heard.header("Content-Type"));
        assertTrue(http.get("/intermediair/c/" + id + "?lang=nl", holder).body().contains("src=\"" + voice + "\""), "a player at Klaar");
        assertEquals(404, voice(voice, other).status(), "a colleague");

        CLOCK.ahead = Duration.ofHours(2).plusMinutes(1);
        PageHttp.Reply past = voice(voice + "?lang=nl", holder);
        assertEquals(410, past.status(), past.body());
        assertTrue(past.header("Content-Type").startsWith("text/html"), past.header("Content-Type"));
        assertTrue(past.body().contains("De antwoorden zie je niet meer"), past.body());
        PageHttp.Reply english = voice(voice + "?lang=en", holder);
        assertTrue(english.body().contains("The answers are no longer shown to you"), "in the intermediair's language");
        PageHttp.Reply colleagues = voice(voice + "?lang=nl", other);
        assertEquals(404, colleagues.status(), "a colleague learns nothing of it");
        assertEquals(404, voice("/intermediair/c/" + UUID.randomUUID() + "/voice/leefwereld?lang=nl", holder).status(),
                "an id that is not there");
        // nor is it played anywhere else: the chat, which had the player, is closed to them too
        PageHttp.Reply chat = http.get("/intermediair/c/" + id + "?lang=nl", holder);
        assertEquals(410, chat.status());
        assertFalse(chat.body().contains("/voice/"), chat.body());
        CLOCK.ahead = Duration.ZERO;
    }

    /** The voice answer as an audio element asks for it (Chrome's media Accept). */
    private static PageHttp.Reply voice(String path, String cookie) {
        return http.send(http.request(path).header("Accept", "*/*").header("Cookie", cookie).GET());
    }

    /** A conversation of {@code flow} the intermediair ({@code cookie}) starts with a resident in Turkish; its id. */
    private static String startHeld(String flow, String place, String cookie) {
        return AssistedStart.start(http, cookie, flow, "tr", place, "nl").id();
    }

    /** Consent yes, a typed answer where there is one, every other question its first option or skipped. */
    private static void finish(String id, long accountId) {
        HeldWalk.finish(context.getBean(ReadConversation.class), context.getBean(AnswerQuestion.class), id, accountId, TYPED);
    }

    /** The line of conversation {@code id} under "Klaar" on the home page. */
    private static String finishedLine(String home, String id) {
        int from = home.indexOf("id=\"mine-finished\"");
        assertTrue(from >= 0, home);
        int at = home.indexOf("data-id=\"" + id + "\"", from);
        assertTrue(at >= 0, home);
        return home.substring(at, home.indexOf("</li>", at));
    }
}
