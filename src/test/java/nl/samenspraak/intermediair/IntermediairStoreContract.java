package nl.samenspraak.intermediair;

import jakarta.inject.Inject;
import nl.samenspraak.conversation.AnswerQuestion;
import nl.samenspraak.conversation.Caller;
import nl.samenspraak.conversation.ChangeConversation;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.Entry;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.conversation.StartConversation;
import nl.samenspraak.conversation.Turn;
import nl.samenspraak.flow.Channel;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.storage.AnswerRecord;
import nl.samenspraak.storage.AnswerRepository;
import nl.samenspraak.storage.ConversationRepository;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An intermediair asks a resident the questions, on every database we support (one subclass per database):
 * every answer records who entered it and its language; a typed text keeps the language it was typed in;
 * nothing is stored before the resident's consent; the wijk groups the conversation. Resident links work for
 * their lifetime and for their team only.
 */
abstract class IntermediairStoreContract {
    @Inject
    StartConversation startConversation;
    @Inject
    ReadConversation readConversation;
    @Inject
    AnswerQuestion answerQuestion;
    @Inject
    ChangeConversation changeConversation;
    @Inject
    AnswerRepository answers;
    @Inject
    ConversationRepository stored;
    @Inject
    Teams teams;
    @Inject
    FlowLibrary library;
    @Inject
    ResidentLinkRepository linkRows;
    @Inject
    nl.samenspraak.security.Accounts accounts;

    Team team;

    @BeforeEach
    void team() {
        team = teams.create("Wijkteam " + UUID.randomUUID().toString().substring(0, 8), List.of("Oost", "Kanaleneiland"));
    }

    /** A Turkish resident with a Dutch intermediair, wijkanalyse in Kanaleneiland, at the consent question. */
    private ConversationState atConsent() {
        Turn started = startConversation.start("wijkanalyse", "tr", Channel.WEB, new Origin(team.id(), "Kanaleneiland"), "nl",
                Caller.PUBLIC);
        assertEquals(Turn.Kind.OK, started.kind(), started.error());
        ConversationState welcome = started.state();
        assertEquals("nl", welcome.step().translation().language());
        return ok(answerQuestion.answer(welcome.id(), "welkom", null, Entry.intermediair(null), "nl", Caller.PUBLIC));
    }

    private static ConversationState ok(Turn turn) {
        assertEquals(Turn.Kind.OK, turn.kind(), turn.error());
        return turn.state();
    }

    private Map<String, AnswerRecord> rows(String id) {
        return answers.findByConversationId(id).stream().collect(Collectors.toMap(AnswerRecord::stepId, Function.identity()));
    }

    /** Skips optional questions as the intermediair until {@code step}. */
    private ConversationState skipTo(ConversationState state, String step) {
        while (!state.step().id().equals(step)) {
            state = ok(answerQuestion.answer(state.id(), state.step().id(), null, Entry.intermediair(null), "nl", Caller.PUBLIC));
        }
        return state;
    }

    @Test
    void consentIsAskedInTheResidentsLanguageAndNothingIsStoredBeforeYes() {
        ConversationState consent = atConsent();
        assertEquals("toestemming", consent.step().id());
        assertEquals("tr", consent.language());
        assertTrue(consent.step().text().startsWith("Bu sorular " + team.name() + " tarafından soruluyor."), consent.step().text());
        String dutch = consent.step().translation().text();
        assertTrue(dutch.startsWith("Deze vragen komen van " + team.name() + "."), "the intermediair reads along in Dutch: " + dutch);
        assertTrue(answers.findByConversationId(consent.id()).isEmpty(), "nothing stored before consent");

        ConversationState next = ok(answerQuestion.answer(consent.id(), "toestemming", "ja", Entry.intermediair(null), "nl", Caller.PUBLIC));
        assertEquals("kinderen_thuis", next.step().id());
        AnswerRecord yes = rows(consent.id()).get("toestemming");
        assertEquals("\"ja\"", yes.answerValue());
        assertEquals("intermediair", yes.enteredBy());
        assertEquals("tr", yes.language());

        var conversation = stored.findById(consent.id()).orElseThrow();
        assertEquals(team.id(), conversation.teamId());
        assertEquals("Kanaleneiland", conversation.wijk());
    }

    @Test
    void noFromTheResidentStoresNothingAtAll() {
        ConversationState consent = atConsent();
        ConversationState declined = ok(answerQuestion.answer(consent.id(), "toestemming", "nee", Entry.intermediair(null), "nl", Caller.PUBLIC));
        assertTrue(declined.done());
        assertTrue(answers.findByConversationId(consent.id()).isEmpty());
        assertTrue(stored.findById(consent.id()).isEmpty(), "not even the conversation: nothing was stored");
        assertTrue(readConversation.state(consent.id()).isEmpty(), "nothing loadable afterwards");
        assertTrue(declined.result().html().contains("Er is geen antwoord van u bewaard."),
                "the intermediair reads it in their own language too: " + declined.result().html());
    }

    /**
     * Issue 14, honest consent: it says who asks (the team by name), what the managers see (figures, and free texts
     * word for word without names), and how long answers are kept, from the flow's own retention (wijkanalyse:
     * unfinished 30 days, finished no limit); a conversation nobody holds says nothing about an intermediair typing.
     */
    @Test
    void consentSaysWhoAsksWhatManagersSeeAndHowLongAnswersAreKept() {
        String dutch = atConsent().step().translation().text();
        assertTrue(dutch.contains("De managers zien alleen cijfers van veel mensen uit uw wijk samen."), dutch);
        assertTrue(dutch.contains("zien zij precies zoals u het zegt, zonder uw naam."), dutch);
        assertTrue(dutch.contains("Wij bewaren uw antwoorden zonder naam, zolang het team ze gebruikt."), dutch);
        assertTrue(dutch.contains("Stopt u halverwege? Dan wissen wij alles na 30 dagen."), dutch);
        assertTrue(dutch.contains("met de knop om uw antwoorden te wissen in het menu"), dutch);
        assertFalse(dutch.contains("intermediair"), "nobody holds this one: " + dutch);

        Turn alone = startConversation.start("wijkanalyse", "nl", Channel.WEB);
        String own = ok(answerQuestion.answer(alone.state().id(), "welkom", null)).step().text();
        assertTrue(own.startsWith("Deze vragen komen van het wijkteam."), "no team: the neighbourhood team in general: " + own);
    }

    /**
     * The same for a client's interview an intermediair holds: the intermediair types, managers see nothing, and
     * the interview's own retention (7 days unfinished, 14 finished) in the client's language and the intermediair's.
     */
    @Test
    void consentOfAnInterviewAnIntermediairHoldsSaysTheyTypeAndItsOwnRetention() {
        nl.samenspraak.security.Account holder = accounts.create("consent-" + UUID.randomUUID().toString().substring(0, 8),
                "a long enough password", nl.samenspraak.security.Role.INTERMEDIAIR);
        Turn started = startConversation.start("cultureel-interview", "ar", Channel.WEB, nl.samenspraak.conversation.Origin.team(team.id()),
                "nl", nl.samenspraak.conversation.Caller.intermediair(holder.id()));
        ConversationState consent = ok(answerQuestion.answer(started.state().id(), "welkom", null, Entry.intermediair(null), "nl",
                nl.samenspraak.conversation.Caller.intermediair(holder.id())));
        String dutch = consent.step().translation().text();
        assertTrue(dutch.startsWith("U voert dit gesprek met " + team.name() + ". Een intermediair stelt de vragen en typt uw antwoorden in."), dutch);
        assertTrue(dutch.contains("Managers zien er niets van, ook geen cijfers."), dutch);
        assertTrue(dutch.contains("Wij wissen uw antwoorden 14 dagen nadat het gesprek klaar is."), dutch);
        assertTrue(dutch.contains("Dan wissen wij alles na 7 dagen."), dutch);
        String arabic = consent.step().text();
        assertTrue(arabic.contains(team.name()) && arabic.contains("يطرح وسيطٌ الأسئلة"), arabic);
        assertTrue(arabic.contains("14 يومًا"), "the period in Arabic words: " + arabic);
        assertTrue(arabic.codePoints().noneMatch(c -> c >= 0x0660 && c <= 0x0669),
                "one kind of digit in one text (the flow's own numbers are 0-9): " + arabic);
    }

    /**
     * A client who starts the interview on their own (the public page, the API, a chat not linked to an account): no
     * professional holds it, so no one of a team ever reads it. Consent said it was "alleen voor u en voor de
     * hulpverlener die dit gesprek met u voert" and to ask that care worker to delete it; now it says no one reads it
     * and how to have the talk with a care worker, in every language, before a word of their story is stored.
     */
    @Test
    void consentOfAnInterviewNobodyHoldsSaysNoOneOfATeamReadsIt() {
        Map<String, String> nobodyReads = Map.of("nl", "Niemand van een team leest uw antwoorden",
                "en", "No one from a team reads your answers", "tr", "Hiçbir ekipten kimse cevaplarınızı okumaz",
                "pl", "Nikt z żadnego zespołu nie czyta Państwa odpowiedzi", "ar", "لا يقرأ أحد من أي فريق إجاباتكم");
        Map<String, String> withYou = Map.of("nl", "hulpverlener die dit gesprek met u voert",
                "en", "care worker who is having this conversation", "tr", "bu görüşmeyi sizinle yapan",
                "pl", "która prowadzi z Państwem tę rozmowę", "ar", "الذي يجري معكم هذا الحديث");
        nobodyReads.forEach((language, words) -> {
            Turn started = startConversation.start("cultureel-interview", language, Channel.WEB,
                    nl.samenspraak.conversation.Origin.team(team.id()));
            ConversationState consent = ok(answerQuestion.answer(started.state().id(), "welkom", null, Entry.RESPONDENT, null,
                    nl.samenspraak.conversation.Caller.PUBLIC));
            String text = consent.step().text().replaceAll("\\s+", " ");
            assertTrue(text.contains(words), language + ": " + text);
            assertFalse(text.contains(withYou.get(language)), language + ": " + text);
        });
    }

    /**
     * A resident whose answers an intermediair types is told how to have them deleted as it is for them: during the
     * conversation and right after, by asking the intermediair (the menu is on the intermediair's phone), and later by
     * the code they get; not "the button in the menu (in Telegram: /vergeet)", which is not theirs (the phone probe).
     */
    @Test
    void consentOfAResidentAnIntermediairHelpsSaysHowTheyHaveTheirAnswersDeleted() {
        nl.samenspraak.security.Account holder = accounts.create("wis-" + UUID.randomUUID().toString().substring(0, 8),
                "a long enough password", nl.samenspraak.security.Role.INTERMEDIAIR);
        Turn started = startConversation.start("wijkanalyse", "tr", Channel.WEB, nl.samenspraak.conversation.Origin.team(team.id()),
                "nl", nl.samenspraak.conversation.Caller.intermediair(holder.id()));
        ConversationState consent = ok(answerQuestion.answer(started.state().id(), "welkom", null, Entry.intermediair(null), "nl",
                nl.samenspraak.conversation.Caller.intermediair(holder.id())));
        String dutch = consent.step().translation().text();
        assertTrue(dutch.contains("Dat kan tijdens het gesprek en direct daarna: vraag het de intermediair. U krijgt ook een code"
                + " waarmee u ze later zelf kunt laten wissen."), dutch);
        assertFalse(dutch.contains("/vergeet") || dutch.contains("knop"), dutch);
        String turkish = consent.step().text();
        assertTrue(turkish.contains("aracıdan isteyebilirsiniz") && !turkish.contains("/vergeet"), turkish);
    }

    @Test
    void eachAnswerSaysWhoEnteredItAndATypedTextKeepsTheLanguageItWasTypedIn() {
        ConversationState state = atConsent();
        state = ok(answerQuestion.answer(state.id(), "toestemming", "ja", Entry.intermediair(null), "nl", Caller.PUBLIC));
        state = ok(answerQuestion.answer(state.id(), "kinderen_thuis", "ja", Entry.RESPONDENT, "nl", Caller.PUBLIC));
        state = ok(answerQuestion.answer(state.id(), "weet_waar_hulp", 2, Entry.intermediair("nl"), "nl", Caller.PUBLIC));
        state = skipTo(state, "goed_in_wijk");
        // the intermediair types the resident's words in Dutch
        state = ok(answerQuestion.answer(state.id(), "goed_in_wijk", "Het park is mooi en de school helpt.", Entry.intermediair("nl"), "nl", Caller.PUBLIC));
        // the resident types themselves, in Turkish
        state = ok(answerQuestion.answer(state.id(), "beter_in_wijk", "Daha çok oyun alanı.", Entry.RESPONDENT, "nl", Caller.PUBLIC));
        // the intermediair types in Turkish, the resident's language (the default)
        state = ok(answerQuestion.answer(state.id(), "wensen", "Türkçe bilgi.", Entry.intermediair(null), "nl", Caller.PUBLIC));
        assertTrue(state.done());

        Map<String, AnswerRecord> rows = rows(state.id());
        assertEquals("intermediair", rows.get("toestemming").enteredBy());
        assertEquals("respondent", rows.get("kinderen_thuis").enteredBy());
        assertEquals("tr", rows.get("kinderen_thuis").language());
        assertEquals("tr", rows.get("weet_waar_hulp").language(), "a tapped answer is in the language the resident saw");
        assertEquals("\"Het park is mooi en de school helpt.\"", rows.get("goed_in_wijk").answerValue());
        assertEquals("nl", rows.get("goed_in_wijk").language(), "typed in Dutch for a Turkish resident");
        assertEquals("intermediair", rows.get("goed_in_wijk").enteredBy());
        assertEquals("tr", rows.get("beter_in_wijk").language());
        assertEquals("respondent", rows.get("beter_in_wijk").enteredBy());
        assertEquals("tr", rows.get("wensen").language());
        assertEquals("intermediair", rows.get("wensen").enteredBy());
        assertNull(rows.get("welkom"), "an info step leaves no row");
    }

    @Test
    void answeringAgainAfterGoingBackRecordsTheNewEntry() {
        ConversationState state = atConsent();
        state = ok(answerQuestion.answer(state.id(), "toestemming", "ja", Entry.intermediair(null), "nl", Caller.PUBLIC));
        state = skipTo(state, "goed_in_wijk");
        state = ok(answerQuestion.answer(state.id(), "goed_in_wijk", "Rustig.", Entry.intermediair("nl"), "nl", Caller.PUBLIC));
        state = ok(changeConversation.back(state.id(), "nl", Caller.PUBLIC));
        assertEquals("goed_in_wijk", state.step().id());
        assertEquals("Rustig.", state.step().previous());
        assertNotNull(state.step().translation(), "going back keeps the Dutch line");
        ok(answerQuestion.answer(state.id(), "goed_in_wijk", "Sakin.", Entry.RESPONDENT, "nl", Caller.PUBLIC));

        AnswerRecord row = rows(state.id()).get("goed_in_wijk");
        assertEquals("\"Sakin.\"", row.answerValue());
        assertEquals("tr", row.language());
        assertEquals("respondent", row.enteredBy());
    }

    @Test
    void errorsAreInTheIntermediairsLanguageAndAnUnknownTextLanguageStoresNothing() {
        ConversationState state = atConsent();
        state = ok(answerQuestion.answer(state.id(), "toestemming", "ja", Entry.intermediair(null), "nl", Caller.PUBLIC));
        state = ok(answerQuestion.answer(state.id(), "kinderen_thuis", null, Entry.intermediair(null), "nl", Caller.PUBLIC));

        Turn wrong = answerQuestion.answer(state.id(), "weet_waar_hulp", 9, Entry.intermediair(null), "nl", Caller.PUBLIC);
        assertEquals(Turn.Kind.INVALID, wrong.kind());
        String dutch = new TextRenderer().render(library.translations().flowMessage("nl", "wijkanalyse", "error.scale"),
                Map.of("min", 1, "max", 5));
        assertEquals(dutch, wrong.error());
        assertEquals("weet_waar_hulp", wrong.state().step().id());
        assertEquals("tr", wrong.state().language());
        assertEquals("nl", wrong.state().step().translation().language());

        state = skipTo(state, "goed_in_wijk");
        Turn unknown = answerQuestion.answer(state.id(), "goed_in_wijk", "Mooi.", Entry.intermediair("xx"), "nl", Caller.PUBLIC);
        assertEquals(Turn.Kind.UNKNOWN_LANGUAGE, unknown.kind());
        assertEquals("goed_in_wijk", unknown.state().step().id());
        assertNull(rows(state.id()).get("goed_in_wijk"));
    }

    @Test
    void aRespondentOnTheirOwnIsRecordedAsRespondentInTheirLanguage() {
        Turn started = startConversation.start("wijkanalyse", "ar", Channel.WEB, new Origin(team.id(), "Oost"));
        String id = started.state().id();
        assertNull(started.state().step().translation());
        ok(answerQuestion.answer(id, "welkom", null));
        ok(answerQuestion.answer(id, "toestemming", "ja"));
        ok(answerQuestion.answer(id, "kinderen_thuis", "nee"));
        Map<String, AnswerRecord> rows = rows(id);
        assertEquals(List.of("respondent", "respondent"), List.of(rows.get("toestemming").enteredBy(), rows.get("kinderen_thuis").enteredBy()));
        assertEquals("ar", rows.get("kinderen_thuis").language());
    }

    /** A clock the test moves on. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-11-02T09:00:00Z");

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
            return now;
        }
    }

    @Test
    void aResidentLinkWorksForItsLifetimeForItsTeamOnlyAndUntilItIsStopped() {
        TestClock clock = new TestClock();
        ResidentLinks links = new ResidentLinks(linkRows, new IntermediairsAtWork(teams, accounts),
                Duration.ofHours(8), clock);
        ResidentLink link = links.create("wijkanalyse", "tr", new Origin(team.id(), "Oost"), null);
        assertTrue(link.code().matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{16}"), link.code());
        assertEquals(clock.now.plus(Duration.ofHours(8)), link.expiresAt());
        ResidentLink read = links.find(link.code().toLowerCase()).orElseThrow();
        assertEquals(List.of("wijkanalyse", "tr", team.id(), "Oost"), List.of(read.flowId(), read.language(), read.teamId(), read.wijk()));
        assertTrue(links.findFor(link.code(), 1, List.of(team.id())).isPresent(), "a link without a maker: its team's");
        assertTrue(links.findFor(link.code(), 1, List.of(team.id() + 1000)).isEmpty(), "another team's intermediair");

        clock.now = clock.now.plus(Duration.ofHours(8).minusMinutes(1));
        assertTrue(links.find(link.code()).isPresent());
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertTrue(links.find(link.code()).isEmpty(), "ended after its lifetime");

        ResidentLink next = links.create("wijkanalyse", "ar", new Origin(team.id(), null), null);
        assertFalse(linkRows.existsById(link.code()), "ended links are cleared away");
        assertNull(links.find(next.code()).orElseThrow().wijk());
        links.stop(next);
        assertTrue(links.find(next.code()).isEmpty());
        assertTrue(links.find("").isEmpty());
        assertTrue(links.find("x".repeat(40)).isEmpty());
    }
}
