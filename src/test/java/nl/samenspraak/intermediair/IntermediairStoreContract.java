package nl.samenspraak.intermediair;

import jakarta.inject.Inject;
import nl.samenspraak.conversation.ConversationService;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.Entry;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.conversation.Turn;
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
    ConversationService conversations;
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

    Team team;

    @BeforeEach
    void team() {
        team = teams.create("Wijkteam " + UUID.randomUUID().toString().substring(0, 8), List.of("Oost", "Kanaleneiland"));
    }

    /** A Turkish resident with a Dutch intermediair, wijkanalyse in Kanaleneiland, at the consent question. */
    private ConversationState atConsent() {
        Turn started = conversations.start("wijkanalyse", "tr", "web", new Origin(team.id(), "Kanaleneiland"), "nl");
        assertEquals(Turn.Kind.OK, started.kind(), started.error());
        ConversationState welcome = started.state();
        assertEquals("nl", welcome.step().translation().language());
        return ok(conversations.answer(welcome.id(), "welkom", null, Entry.intermediair(null), "nl"));
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
            state = ok(conversations.answer(state.id(), state.step().id(), null, Entry.intermediair(null), "nl"));
        }
        return state;
    }

    @Test
    void consentIsAskedInTheResidentsLanguageAndNothingIsStoredBeforeYes() {
        ConversationState consent = atConsent();
        assertEquals("toestemming", consent.step().id());
        assertEquals("tr", consent.language());
        assertEquals(library.translations().flowText("tr", "wijkanalyse", "steps.toestemming.text"), consent.step().text());
        assertEquals(library.translations().flowText("nl", "wijkanalyse", "steps.toestemming.text"),
                consent.step().translation().text(), "the intermediair reads along in Dutch");
        assertTrue(answers.findByConversationId(consent.id()).isEmpty(), "nothing stored before consent");

        ConversationState next = ok(conversations.answer(consent.id(), "toestemming", "ja", Entry.intermediair(null), "nl"));
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
        ConversationState declined = ok(conversations.answer(consent.id(), "toestemming", "nee", Entry.intermediair(null), "nl"));
        assertTrue(declined.done());
        assertTrue(answers.findByConversationId(consent.id()).isEmpty());
    }

    @Test
    void eachAnswerSaysWhoEnteredItAndATypedTextKeepsTheLanguageItWasTypedIn() {
        ConversationState state = atConsent();
        state = ok(conversations.answer(state.id(), "toestemming", "ja", Entry.intermediair(null), "nl"));
        state = ok(conversations.answer(state.id(), "kinderen_thuis", "ja", Entry.RESPONDENT, "nl"));
        state = ok(conversations.answer(state.id(), "weet_waar_hulp", 2, Entry.intermediair("nl"), "nl"));
        state = skipTo(state, "goed_in_wijk");
        // the intermediair types the resident's words in Dutch
        state = ok(conversations.answer(state.id(), "goed_in_wijk", "Het park is mooi en de school helpt.", Entry.intermediair("nl"), "nl"));
        // the resident types themselves, in Turkish
        state = ok(conversations.answer(state.id(), "beter_in_wijk", "Daha çok oyun alanı.", Entry.RESPONDENT, "nl"));
        // the intermediair types in Turkish, the resident's language (the default)
        state = ok(conversations.answer(state.id(), "wensen", "Türkçe bilgi.", Entry.intermediair(null), "nl"));
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
        state = ok(conversations.answer(state.id(), "toestemming", "ja", Entry.intermediair(null), "nl"));
        state = skipTo(state, "goed_in_wijk");
        state = ok(conversations.answer(state.id(), "goed_in_wijk", "Rustig.", Entry.intermediair("nl"), "nl"));
        state = ok(conversations.back(state.id(), "nl"));
        assertEquals("goed_in_wijk", state.step().id());
        assertEquals("Rustig.", state.step().previous());
        assertNotNull(state.step().translation(), "going back keeps the Dutch line");
        ok(conversations.answer(state.id(), "goed_in_wijk", "Sakin.", Entry.RESPONDENT, "nl"));

        AnswerRecord row = rows(state.id()).get("goed_in_wijk");
        assertEquals("\"Sakin.\"", row.answerValue());
        assertEquals("tr", row.language());
        assertEquals("respondent", row.enteredBy());
    }

    @Test
    void errorsAreInTheIntermediairsLanguageAndAnUnknownTextLanguageStoresNothing() {
        ConversationState state = atConsent();
        state = ok(conversations.answer(state.id(), "toestemming", "ja", Entry.intermediair(null), "nl"));
        state = ok(conversations.answer(state.id(), "kinderen_thuis", null, Entry.intermediair(null), "nl"));

        Turn wrong = conversations.answer(state.id(), "weet_waar_hulp", 9, Entry.intermediair(null), "nl");
        assertEquals(Turn.Kind.INVALID, wrong.kind());
        String dutch = new TextRenderer().render(library.translations().flowMessage("nl", "wijkanalyse", "error.scale"),
                Map.of("min", 1, "max", 5));
        assertEquals(dutch, wrong.error());
        assertEquals("weet_waar_hulp", wrong.state().step().id());
        assertEquals("tr", wrong.state().language());
        assertEquals("nl", wrong.state().step().translation().language());

        state = skipTo(state, "goed_in_wijk");
        Turn unknown = conversations.answer(state.id(), "goed_in_wijk", "Mooi.", Entry.intermediair("xx"), "nl");
        assertEquals(Turn.Kind.UNKNOWN_LANGUAGE, unknown.kind());
        assertEquals("goed_in_wijk", unknown.state().step().id());
        assertNull(rows(state.id()).get("goed_in_wijk"));
    }

    @Test
    void aRespondentOnTheirOwnIsRecordedAsRespondentInTheirLanguage() {
        Turn started = conversations.start("wijkanalyse", "ar", "web", new Origin(team.id(), "Oost"));
        String id = started.state().id();
        assertNull(started.state().step().translation());
        ok(conversations.answer(id, "welkom", null));
        ok(conversations.answer(id, "toestemming", "ja"));
        ok(conversations.answer(id, "kinderen_thuis", "nee"));
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
        ResidentLinks links = new ResidentLinks(linkRows, Duration.ofHours(8), clock);
        ResidentLink link = links.create("wijkanalyse", "tr", new Origin(team.id(), "Oost"));
        assertTrue(link.code().matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{16}"), link.code());
        assertEquals(clock.now.plus(Duration.ofHours(8)), link.expiresAt());
        ResidentLink read = links.find(link.code().toLowerCase()).orElseThrow();
        assertEquals(List.of("wijkanalyse", "tr", team.id(), "Oost"), List.of(read.flowId(), read.language(), read.teamId(), read.wijk()));
        assertTrue(links.findFor(link.code(), List.of(team.id())).isPresent());
        assertTrue(links.findFor(link.code(), List.of(team.id() + 1000)).isEmpty(), "another team's intermediair");

        clock.now = clock.now.plus(Duration.ofHours(8).minusMinutes(1));
        assertTrue(links.find(link.code()).isPresent());
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertTrue(links.find(link.code()).isEmpty(), "ended after its lifetime");

        ResidentLink next = links.create("cultureel-interview", "ar", new Origin(team.id(), null));
        assertFalse(linkRows.existsById(link.code()), "ended links are cleared away");
        assertNull(links.find(next.code()).orElseThrow().wijk());
        links.stop(next);
        assertTrue(links.find(next.code()).isEmpty());
        assertTrue(links.find("").isEmpty());
        assertTrue(links.find("x".repeat(40)).isEmpty());
    }
}
