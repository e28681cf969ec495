package nl.samenspraak.storage;

import io.micronaut.data.exceptions.OptimisticLockException;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.AnswerQuestion;
import nl.samenspraak.conversation.ChangeConversation;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.conversation.StartConversation;
import nl.samenspraak.conversation.Turn;
import nl.samenspraak.engine.ConversationEngine;
import nl.samenspraak.engine.Outcome;
import nl.samenspraak.engine.Progress;
import nl.samenspraak.engine.Status;
import nl.samenspraak.flow.Channel;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What storage must do on every database we support; one subclass per database. */
abstract class ConversationStoreContract {
    @Inject
    ConversationStore store;
    @Inject
    StartConversation startConversation;
    @Inject
    ReadConversation readConversation;
    @Inject
    AnswerQuestion answerQuestion;
    @Inject
    ChangeConversation changeConversation;
    @Inject
    FlowLibrary library;
    @Inject
    ConversationEngine engine;
    @Inject
    AnswerRepository answers;
    @Inject
    ConversationRepository conversations;

    @Inject
    javax.sql.DataSource dataSource;

    /** The database product the subclass means to test. */
    abstract String expectedDatabase();

    @Test
    void runsOnTheIntendedDatabase() throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection()) {
            assertEquals(expectedDatabase(), c.getMetaData().getDatabaseProductName());
        }
    }

    private Flow example() {
        return library.flow("voorbeeld").orElseThrow();
    }

    /** Answers {@code step} with {@code value} and stores it, as the service does. */
    private StoredConversation answer(StoredConversation c, String step, Object value) {
        Outcome.Accepted accepted = (Outcome.Accepted) engine.answer(example(), c.progress(), step, value);
        return store.save(c, accepted.progress(), example().requireStep(step).asksSomething() ? step : null, false);
    }

    @Test
    void everyKindOfAnswerComesBackAsItWasStored() {
        Flow flow = example();
        StoredConversation c = store.create(flow, engine.start(flow), "nl", Channel.API, null, null, null);
        c = answer(c, "welkom", null);
        c = answer(c, "rol", "professional");
        c = answer(c, "ervaring_jaren", "7,5");
        c = answer(c, "talen", List.of("pools", "nederlands"));
        c = answer(c, "tolk", "ja");
        c = answer(c, "tolk_taal", "Tarifit – ⵜⴰⵔⵉⴼⵉⵜ");
        c = answer(c, "houding", 4);

        StoredConversation read = store.find(c.id()).orElseThrow();
        Progress p = read.progress();
        assertEquals(List.of("welkom", "rol", "ervaring_jaren", "talen", "tolk", "tolk_taal", "houding"), p.path());
        assertEquals("kennis", p.current());
        assertEquals(Status.ACTIVE, p.status());
        assertEquals("professional", p.answers().get("rol"));
        assertEquals(7.5, p.answers().get("ervaring_jaren"));
        assertEquals(List.of("nederlands", "pools"), p.answers().get("talen"));
        assertEquals("Tarifit – ⵜⴰⵔⵉⴼⵉⵜ", p.answers().get("tolk_taal"));
        assertEquals(4L, p.answers().get("houding"));
        assertEquals(flow.version(), read.record().flowVersion());
        assertEquals(6, answers.findByConversationId(c.id()).size());
    }

    /** Texts with quotes, backslashes and tabs, and zero, come back as they were given (not only plain ones). */
    @Test
    void escapedTextsAndZeroComeBackAsTheyWereGiven() {
        Flow flow = example();
        StoredConversation c = store.create(flow, engine.start(flow), "nl", Channel.API, null, null, null);
        c = answer(c, "welkom", null);
        c = answer(c, "rol", "professional");
        c = answer(c, "ervaring_jaren", "0");
        c = answer(c, "talen", List.of("pools"));
        c = answer(c, "tolk", "ja");
        c = answer(c, "tolk_taal", "Zei \"ja\" \\ of\tnee");

        Progress p = store.find(c.id()).orElseThrow().progress();
        assertEquals(0L, p.answers().get("ervaring_jaren"));
        assertEquals("Zei \"ja\" \\ of\tnee", p.answers().get("tolk_taal"));
        assertEquals(List.of("pools"), p.answers().get("talen"));
    }

    /**
     * A flow may lead back to a step (another child, as often as there are children). Going round two hundred times,
     * with the longest step names a flow may have, is stored every time: the way kept ({@code conversation.path}, 20,000
     * characters) holds each step once, where it had grown by 130 characters a round until the database refused the
     * answer.
     */
    @Test
    void goingRoundALoopOfLongStepNamesIsStoredEveryTime() {
        String child = "kind_" + "x".repeat(59);
        String another = "nog_een_" + "x".repeat(56);
        Flow loop = nl.samenspraak.flow.TestFlows.parse("""
                id: lus
                languages: [nl]
                steps:
                  - id: %1$s
                    type: text
                    maxLength: 20
                    source: s
                  - id: %2$s
                    type: yesno
                    next:
                      - if: "answers.%2$s == 'ja'"
                        goto: %1$s
                      - goto: end
                    source: s
                """.formatted(child, another));
        StoredConversation c = store.create(loop, engine.start(loop), "nl", Channel.API, null, null, null);
        for (int i = 0; i < 200; i++) {
            c = store.save(c, ((Outcome.Accepted) engine.answer(loop, c.progress(), child, "kind " + i)).progress(), child, false);
            c = store.save(c, ((Outcome.Accepted) engine.answer(loop, c.progress(), another, "ja")).progress(), another, false);
        }
        Progress read = store.find(c.id()).orElseThrow().progress();
        assertEquals(List.of(child, another), read.path());
        assertEquals("kind 199", read.answers().get(child));
        assertEquals(child, read.current());
    }

    @Test
    void answeringAStepAgainReplacesTheAnswer() {
        Flow flow = example();
        StoredConversation c = store.create(flow, engine.start(flow), "en", Channel.API, null, null, null);
        c = answer(c, "welkom", null);
        c = answer(c, "rol", "professional");
        c = store.save(c, engine.back(c.progress()), null, false);
        c = answer(c, "rol", "vrijwilliger");
        assertEquals(1, answers.findByConversationId(c.id()).size());
        assertEquals("vrijwilliger", store.find(c.id()).orElseThrow().progress().answers().get("rol"));
        assertEquals("en", answers.findByConversationId(c.id()).get(0).language());
    }

    @Test
    void aStaleWriteIsRefused() {
        Flow flow = example();
        StoredConversation c = store.create(flow, engine.start(flow), "nl", Channel.API, null, null, null);
        StoredConversation first = answer(c, "welkom", null);
        assertThrows(OptimisticLockException.class, () -> answer(c, "welkom", null));
        assertEquals("rol", store.find(first.id()).orElseThrow().progress().current());
    }

    /**
     * An answer judged against a copy someone else moved on since (another instance, a second tap) writes nothing:
     * neither a new answer nor one over the stored answer, which stays as it was.
     */
    @Test
    void aStaleAnswerWritesNothing() {
        Flow flow = example();
        StoredConversation c = answer(store.create(flow, engine.start(flow), "nl", Channel.API, null, null, null), "welkom", null);
        StoredConversation answered = answer(c, "rol", "professional");
        assertThrows(OptimisticLockException.class, () -> answer(c, "rol", "vrijwilliger"));
        assertEquals("professional", store.find(c.id()).orElseThrow().progress().answers().get("rol"));

        StoredConversation back = store.save(answered, engine.back(answered.progress()), null, false);
        StoredConversation again = answer(back, "rol", "vrijwilliger");
        assertThrows(OptimisticLockException.class, () -> answer(back, "rol", "professional"));

        StoredConversation stored = store.find(c.id()).orElseThrow();
        assertEquals("vrijwilliger", stored.progress().answers().get("rol"));
        assertEquals(again.record().version(), stored.record().version());
        assertEquals(1, answers.findByConversationId(c.id()).size());
    }

    /**
     * What a start returns is what was stored, column for column (on PostgreSQL a start is a statement of its own,
     * not the repository's insert): read back it is the same conversation, at version 0, found by its code.
     */
    @Test
    void aStartedConversationIsStoredAsItWasReturned() {
        Flow flow = example();
        StoredConversation started = store.create(flow, engine.start(flow), "ar", Channel.TELEGRAM, null, "Noord", 42L);
        ConversationRecord stored = conversations.findById(started.id()).orElseThrow();
        assertEquals(started.record(), stored);
        assertEquals(0L, stored.version());
        assertEquals("ar", stored.language());
        assertEquals("Noord", stored.wijk());
        assertEquals(42L, stored.heldBy());
        assertEquals(flow.steps().get(0).id(), stored.currentStep());
        assertEquals(started.id(), store.findByResumeCode(stored.resumeCode()).orElseThrow().id());
    }

    @Test
    void aResumeCodeDrawnTwiceIsDrawnAgainAndLeavesNothingBehind() {
        Flow flow = example();
        StoredConversation first = store.create(flow, engine.start(flow), "nl", Channel.WEB, null, null, null);
        long before = conversations.count();
        java.util.Iterator<String> drawn = List.of(first.record().resumeCode(), "QRST6789").iterator();
        store.codes = drawn::next;
        try {
            StoredConversation second = store.create(flow, engine.start(flow), "nl", Channel.WEB, null, null, null);
            assertEquals("QRST6789", second.record().resumeCode());
            assertEquals(second.id(), store.findByResumeCode("QRST6789").orElseThrow().id());
            assertEquals(first.id(), store.findByResumeCode(first.record().resumeCode()).orElseThrow().id(),
                    "the code stays with the conversation that had it");
            assertEquals(before + 1, conversations.count(), "no conversation without a code is left over");
        } finally {
            store.codes = ResumeCodes::next;
        }
    }

    /**
     * A deletion judged on one version (a "nee" to consent) deletes nothing once the conversation moved on (a "ja"
     * stored a moment before): the "ja" was told its answer was kept, and it is.
     */
    @Test
    void aDeletionJudgedOnAnEarlierVersionDeletesNothing() {
        Flow flow = example();
        StoredConversation judged = answer(store.create(flow, engine.start(flow), "nl", Channel.API, null, null, null), "welkom", null);
        StoredConversation moved = answer(judged, "rol", "professional");
        assertThrows(OptimisticLockException.class, () -> store.deleteAsJudged(judged));
        assertEquals("professional", store.find(judged.id()).orElseThrow().progress().answers().get("rol"));
        store.deleteAsJudged(moved);
        assertFalse(conversations.existsById(moved.id()));
        assertThrows(OptimisticLockException.class, () -> store.deleteAsJudged(moved), "gone: nothing to delete");
    }

    @Test
    void findsByResumeCodeAndDeletesEverything() {
        Flow flow = example();
        StoredConversation c = store.create(flow, engine.start(flow), "nl", Channel.WEB, null, null, null);
        c = answer(c, "welkom", null);
        c = answer(c, "rol", "intermediair");
        assertEquals(c.id(), store.findByResumeCode(c.record().resumeCode()).orElseThrow().id());
        assertTrue(store.delete(c.id()));
        assertFalse(conversations.existsById(c.id()));
        assertEquals(0, answers.findByConversationId(c.id()).size());
        assertFalse(store.delete(c.id()));
    }

    @Test
    void aWalkThroughTheServiceIsKeptForResuming() {
        Turn started = startConversation.start("voorbeeld", "nl", Channel.API);
        String id = started.state().id();
        answerQuestion.answer(id, "welkom", null);
        answerQuestion.answer(id, "rol", "vrijwilliger");
        Turn repeated = answerQuestion.answer(id, "rol", "vrijwilliger");
        assertEquals(Turn.Kind.OK, repeated.kind());
        assertEquals(1, answers.findByConversationId(id).size());
        assertEquals("ervaring_jaren", readConversation.state(id).orElseThrow().step().id());
        assertNull(readConversation.state(id).orElseThrow().result());
        Map<String, Object> stored = store.find(id).orElseThrow().progress().answers();
        assertEquals(Map.of("rol", "vrijwilliger"), stored);
    }

    @Test
    void aConversationGoesOnInAnotherLanguageAndAnswersKeepTheirs() {
        String id = startConversation.start("voorbeeld", "nl", Channel.TELEGRAM).state().id();
        answerQuestion.answer(id, "welkom", null);
        answerQuestion.answer(id, "rol", "professional");

        Turn english = changeConversation.changeLanguage(id, "en");
        assertEquals(Turn.Kind.OK, english.kind());
        assertEquals("en", english.state().language());
        assertEquals("ervaring_jaren", english.state().step().id(), "the same step");
        assertEquals("For how many years have you worked with families?", english.state().step().text());
        answerQuestion.answer(id, "ervaring_jaren", 3);

        StoredConversation read = store.find(id).orElseThrow();
        assertEquals("en", read.language());
        assertEquals(Map.of("rol", "nl", "ervaring_jaren", "en"), answers.findByConversationId(id).stream()
                .collect(java.util.stream.Collectors.toMap(AnswerRecord::stepId, AnswerRecord::language)));

        Turn arabic = changeConversation.changeLanguage(id, "ar");
        assertEquals(Turn.Kind.UNKNOWN_LANGUAGE, arabic.kind(), "the example flow has no Arabic");
        assertTrue(arabic.error().contains("English (en)"), arabic.error());
        assertEquals("en", readConversation.state(id).orElseThrow().language());
        assertEquals(Turn.Kind.NOT_FOUND, changeConversation.changeLanguage("no-such-conversation", "en").kind());
    }

    @Test
    void aLanguageSwitchOnAStaleCopyIsRefused() {
        Flow flow = example();
        StoredConversation c = store.create(flow, engine.start(flow), "nl", Channel.TELEGRAM, null, null, null);
        store.changeLanguage(c, "en");
        assertThrows(OptimisticLockException.class, () -> store.changeLanguage(c, "nl"));
        assertEquals("en", store.find(c.id()).orElseThrow().language());
    }

    /**
     * A channel is stored as the word it was stored as before it was a type, so rows written then still read the
     * same: web, api, telegram.
     */
    @Test
    void eachChannelIsStoredAsItsWord() {
        Flow flow = example();
        Map<Channel, String> words = Map.of(Channel.WEB, "web", Channel.API, "api", Channel.TELEGRAM, "telegram");
        assertEquals(java.util.Set.of(Channel.values()), words.keySet(), "a new channel needs its word here");
        words.forEach((channel, word) -> {
            StoredConversation c = store.create(flow, engine.start(flow), "nl", channel, null, null, null);
            assertEquals(word, conversations.findById(c.id()).orElseThrow().channel());
        });
    }
}
