package nl.samenspraak.round;

import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.conversation.AnswerQuestion;
import nl.samenspraak.conversation.Caller;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.Entry;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.conversation.Turn;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.AssistedStart;
import nl.samenspraak.support.DashboardTeam;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.team.Teams;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An interview that finished after its round closed, as an intermediair holds it: a team with a wijk "Noord", an
 * intermediair in it (logged in, their pages in Dutch), the team's open resident round of {@code wijkanalyse}, a
 * conversation they start for a resident in {@code residentLanguage}, two answers, the admin closes the round, then the
 * rest. What the late-finish tests of intermediair pages start from.
 */
record LateInterview(DashboardTeam team, Account intermediair, String holder, String id) {
    static final String PASSWORD = "a long enough password";

    static LateInterview finished(EmbeddedServer server, Accounts accounts, Teams teams, Respondents respondents,
                                  ReadConversation readConversation, AnswerQuestion answerQuestion, String residentLanguage) {
        DashboardTeam t = DashboardTeam.create(server, accounts, teams, respondents, "Laat", PASSWORD, "Noord");
        Account intermediair = accounts.create("tolk-" + t.team.id() + "-" + System.nanoTime(), PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(t.team.id(), intermediair.id());
        String holder = t.http.login(intermediair.username(), PASSWORD);
        Caller me = Caller.intermediair(intermediair.id());
        long round = t.rounds.open(t.team.id(), "wijkanalyse", 0);

        String id = AssistedStart.start(t.http, holder, "wijkanalyse", residentLanguage, t.team.id() + "|Noord", "nl").id();
        ConversationState s = answer(answerQuestion, id, readConversation.state(id, "nl", me).orElseThrow(), me, 2);
        assertFalse(s.done(), "still answering when the round closes");
        t.rounds.close(round);
        s = answer(answerQuestion, id, s, me, 200);
        assertTrue(s.done(), s.toString());
        return new LateInterview(t, intermediair, holder, id);
    }

    /**
     * Up to {@code steps} answers as the intermediair gives them: consent yes, knowing well where to go, a short text
     * where one is asked, the first option elsewhere, info and other optional steps passed.
     */
    private static ConversationState answer(AnswerQuestion answerQuestion, String id, ConversationState s, Caller me, int steps) {
        for (int i = 0; i < steps && !s.done(); i++) {
            ConversationState.StepView step = s.step();
            Object value = step.id().equals("toestemming") ? "ja"
                    // knowing where to go well: skipped, it calls up the tip on where to go, and the result has one tip
                    : step.id().equals("weet_waar_hulp") ? "5"
                    : step.type().equals("text") ? "Het park is mooi"
                    : step.type().equals("info") || step.optional() ? null
                    : step.options().get(0).value();
            Turn turn = answerQuestion.answer(id, step.id(), value,
                    Entry.intermediair(step.type().equals("text") ? "nl" : null), "nl", me);
            assertEquals(Turn.Kind.OK, turn.kind(), step.id() + ": " + turn.error());
            s = turn.state();
        }
        return s;
    }
}
