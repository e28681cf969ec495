package nl.samenspraak.conversation;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.FinishedConversations.Finished;
import nl.samenspraak.conversation.FinishedConversations.Mark;
import nl.samenspraak.dashboard.Information;
import nl.samenspraak.dashboard.Response;
import nl.samenspraak.engine.SaysSomething;
import nl.samenspraak.flow.Channel;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.storage.ConversationStore;
import nl.samenspraak.storage.FinishedConversationQueries;
import nl.samenspraak.storage.FinishedConversationQueries.FinishedMark;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A finished conversation keeps whether it says something, and the team's page counts by that instead of by its
 * answers: so what is kept must be what the dashboard's rule ({@link Information}) says of the answers as stored,
 * for every kind of conversation, after forgetting, and after the flow's rule changed. One subclass per database.
 */
abstract class FinishedMarksContract {
    private static final String WIJKANALYSE = "wijkanalyse";
    private static final String WERK_JIJ = "werk-jij-diversiteitsproof";

    @Inject
    StartConversation startConversation;
    @Inject
    ReadConversation readConversation;
    @Inject
    DeleteConversation deleteConversation;
    @Inject
    AnswerQuestion answerQuestion;
    @Inject
    FinishedConversations finished;
    @Inject
    FinishedMarks marking;
    @Inject
    ConversationStore store;
    @Inject
    FinishedConversationQueries queries;
    @Inject
    FlowLibrary library;
    @Inject
    Teams teams;
    @Inject
    DataSource dataSource;

    @Inject
    Respondents respondents;
    private Team team;
    /** The conversations made here, and whether each says something as a person would judge it. */
    private final Map<String, Boolean> made = new HashMap<>();

    @BeforeEach
    void everyKindOfConversation() {
        team = teams.create("Marks " + UUID.randomUUID(), List.of("Oost", "West"));
        Origin oost = new Origin(team.id(), "Oost");
        made.clear();
        for (String flow : List.of(WIJKANALYSE, WERK_JIJ)) {
            made.put(respondents.finishSayingNothing(flow, "nl", oost), false);
            made.put(respondents.finish(flow, "nl", oost, Map.of()), true);
            made.put(skippingAll(flow, oost, null), false);
            made.put(skippingAll(flow, oost, "Een opmerking"), true);
        }
        made.put(respondents.finishSayingNothing(WIJKANALYSE, "ar", new Origin(team.id(), "West")), false);
        made.put(respondents.finish(WIJKANALYSE, "nl", oost, Map.of("kinderen_thuis", "nee")), true);
        // declined and unfinished ones are not finished: nothing is kept, nothing counted
        respondents.finish(WIJKANALYSE, "nl", oost, Map.of("toestemming", "nee"));
        respondents.leaveUnfinished(WIJKANALYSE, "nl", oost, 4);
    }

    /**
     * Finishes {@code flowId} skipping every question that may be skipped ("ja" to consent, "weet ik niet" where a
     * question must be answered and offers it), and typing {@code text} at the first optional text question.
     */
    private String skippingAll(String flowId, Origin origin, String text) {
        String id = startConversation.start(flowId, "nl", Channel.WEB, origin).state().id();
        ConversationState state = readConversation.state(id).orElseThrow();
        boolean typed = false;
        while (!state.done()) {
            ConversationState.StepView step = state.step();
            Object value;
            if (step.type().equals("text") && step.optional() && text != null && !typed) {
                value = text;
                typed = true;
            } else if (step.type().equals("info") || step.optional()) {
                value = null;
            } else {
                value = step.options().stream().filter(ConversationState.OptionView::dontKnow).findFirst()
                        .<Object>map(ConversationState.OptionView::value).orElse("ja");
            }
            Turn turn = answerQuestion.answer(id, step.id(), value);
            assertEquals(Turn.Kind.OK, turn.kind(), step.id() + ": " + turn.error());
            state = turn.state();
        }
        return id;
    }

    private Flow flow(String id) {
        return library.flow(id).orElseThrow();
    }

    /** What the dashboard's rule says of a finished conversation as it reads it from its stored answers. */
    private static boolean ruleSays(Flow flow, Finished f) {
        return Information.in(flow, new Response(f.createdAt(), f.flowVersion(), f.wijk(), f.language(), f.progress(),
                f.answerLanguages(), Map.of()));
    }

    private Map<String, Boolean> marks(String flowId) {
        return finished.marks(team.id(), flow(flowId)).stream().collect(Collectors.toMap(Mark::id, Mark::saysSomething));
    }

    private Map<String, FinishedMark> kept(String flowId) {
        return queries.finishedMarks(team.id(), flowId).stream().collect(Collectors.toMap(FinishedMark::id, m -> m));
    }

    @Test
    void eachConversationKeepsWhatTheRuleSaysOfItsStoredAnswersWhenItFinishes() {
        int checked = 0;
        for (String flowId : List.of(WIJKANALYSE, WERK_JIJ)) {
            Flow flow = flow(flowId);
            Map<String, Boolean> marks = marks(flowId); // the dashboard looks: worked out once, and kept
            Map<String, FinishedMark> kept = kept(flowId);
            List<Finished> read = finished.of(team.id(), flowId);
            assertEquals(read.size(), kept.size(), "one mark per finished conversation, none for declined or unfinished");
            for (Finished f : read) {
                FinishedMark k = kept.get(f.id());
                assertNotNull(k.saysSomething(), "kept once counted");
                assertEquals(SaysSomething.rule(flow), k.rule());
                assertEquals(ruleSays(flow, f), k.saysSomething(), flowId + " " + f.id());
                assertEquals(made.get(f.id()), k.saysSomething(), "as a person would judge it: " + flowId);
                assertEquals(made.get(f.id()), marks.get(f.id()));
                checked++;
            }
        }
        assertEquals(made.size(), checked);
        assertTrue(made.containsValue(true) && made.containsValue(false));
    }

    @Test
    void aForgottenConversationIsCountedNowhere() {
        String says = made.entrySet().stream().filter(e -> e.getValue() && marks(WIJKANALYSE).containsKey(e.getKey()))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        long before = marks(WIJKANALYSE).values().stream().filter(b -> b).count();
        assertTrue(deleteConversation.delete(says, Caller.PUBLIC));
        assertFalse(marks(WIJKANALYSE).containsKey(says));
        assertFalse(kept(WIJKANALYSE).containsKey(says));
        assertEquals(before - 1, marks(WIJKANALYSE).values().stream().filter(b -> b).count());
        assertTrue(queries.markFinished(flow(WIJKANALYSE), List.of(says)).isEmpty(), "nothing left to mark");
        assertFalse(queries.unmarked(flow(WIJKANALYSE)).contains(says));
    }

    /** Half as if finished before marks were kept, half as if kept under an earlier flow file, and wrongly so. */
    private void forget(Map<String, Boolean> truth) throws Exception {
        List<String> ids = List.copyOf(truth.keySet());
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement none = c.prepareStatement(
                     "UPDATE conversation SET says_something = NULL, says_something_rule = NULL WHERE id = ?");
             PreparedStatement other = c.prepareStatement(
                     "UPDATE conversation SET says_something = ?, says_something_rule = 'an earlier flow' WHERE id = ?")) {
            for (int i = 0; i < ids.size(); i++) {
                if (i % 2 == 0) {
                    none.setString(1, ids.get(i));
                    none.executeUpdate();
                } else {
                    other.setBoolean(1, !truth.get(ids.get(i)));
                    other.setString(2, ids.get(i));
                    other.executeUpdate();
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        assertTrue(queries.unmarked(flow(WIJKANALYSE)).containsAll(ids));
    }

    private void assertKept(Map<String, Boolean> truth) {
        Map<String, FinishedMark> kept = kept(WIJKANALYSE);
        for (String id : truth.keySet()) {
            assertEquals(truth.get(id), kept.get(id).saysSomething(), id);
            assertEquals(SaysSomething.rule(flow(WIJKANALYSE)), kept.get(id).rule());
        }
        assertFalse(queries.unmarked(flow(WIJKANALYSE)).stream().anyMatch(truth::containsKey));
    }

    @Test
    void marksMissingOrKeptUnderAnotherRuleAreWorkedOutFromTheAnswersAtStartUp() throws Exception {
        Map<String, Boolean> truth = marks(WIJKANALYSE);
        assertTrue(truth.containsValue(true) && truth.containsValue(false));
        forget(truth);
        assertTrue(marking.run() >= truth.size());
        assertKept(truth);
        assertEquals(truth, marks(WIJKANALYSE));
    }

    @Test
    void marksMissingOrKeptUnderAnotherRuleAreWorkedOutFromTheAnswersWhenCounted() throws Exception {
        Map<String, Boolean> truth = marks(WIJKANALYSE);
        forget(truth);
        assertEquals(truth, marks(WIJKANALYSE));
        assertKept(truth);
    }

    @Test
    void markingNeitherMovesWhenAConversationLastChangedNorItsVersion() throws Exception {
        marks(WIJKANALYSE);
        Map<String, FinishedMark> before = kept(WIJKANALYSE);
        String id = before.keySet().iterator().next();
        long version = store.find(id).orElseThrow().record().version();
        Flow flow = flow(WIJKANALYSE);
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement none = c.prepareStatement("UPDATE conversation SET says_something_rule = NULL WHERE id = ?")) {
            none.setString(1, id);
            none.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        assertEquals(1, queries.markFinished(flow, List.of(id)).size());
        FinishedMark after = kept(WIJKANALYSE).get(id);
        assertEquals(before.get(id).updatedAt(), after.updatedAt(), "a round counts it by when it last changed");
        assertEquals(version, store.find(id).orElseThrow().record().version());
        assertEquals(before.get(id).saysSomething(), after.saysSomething());
    }
}
