package nl.samenspraak.telegram;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.AnswerQuestion;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.round.RoundStarts;
import nl.samenspraak.round.Rounds;
import nl.samenspraak.round.SurveyRound;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Telegram chat joins a round only by going on with a conversation an invitation started on the web (/hervat and
 * its code). Finished there after the round closed, the result message says the answers do not count in the team's
 * figures, right after "klaar"; finished before, it says nothing of the kind.
 */
@MicronautTest(transactional = false)
class TelegramLateFinishTest extends TelegramFixture {
    static final String WERK_JIJ = "werk-jij-diversiteitsproof";
    static final String LAST = "opmerking";

    @Inject
    Rounds rounds;
    @Inject
    RoundStarts roundStarts;
    @Inject
    Teams teams;
    @Inject
    AnswerQuestion answerQuestion;

    TelegramLateFinishTest() {
        super("818181:late-finish-test-token");
    }

    @Test
    void aResultFinishedInTelegramAfterTheRoundClosedSaysSo() {
        String notice = TelegramHtmlCheck.visibleText(words().shared("nl", "result.round_closed", java.util.Map.of()));
        SurveyRound round = openRound();
        List<String> codes = rounds.codes(round.id());
        ConversationState inTime = upToTheLastQuestion(codes.get(0));
        ConversationState late = upToTheLastQuestion(codes.get(1));

        TelegramUser early = user("nl");
        early.say("/hervat " + inTime.resumeCode());
        early.say("tekst");
        early.tap("k");
        early.tap("r"); // Afronden, after "Controleer je antwoorden"
        String onTime = String.join("\n", early.sent().stream().map(s -> s.text).toList());
        assertTrue(onTime.contains(say("nl", "done")), onTime);
        assertFalse(onTime.contains(notice), onTime);

        rounds.close(round.id());
        TelegramUser user = user("nl");
        user.say("/hervat " + late.resumeCode());
        int before = user.sent().size();
        user.say("tekst");
        user.tap("k");
        user.tap("r");
        String result = String.join("\n", user.sent().subList(before, user.sent().size()).stream().map(s -> s.text).toList());
        assertTrue(result.contains(say("nl", "done")), result);
        assertTrue(result.contains(notice), result);
        assertTrue(result.indexOf(notice) < result.indexOf(words().shared("nl", "result.heading_tips", java.util.Map.of())),
                "before the tips: " + result);
    }

    private SurveyRound openRound() {
        long team = teams.create("Laat tg " + UUID.randomUUID().toString().substring(0, 8), List.of("Noord")).id();
        return rounds.open(team, WERK_JIJ, LocalDate.now().plusDays(7), 2, ZoneId.of("Europe/Amsterdam"));
    }

    /** Starts by invitation on the web and answers every question but the last (an optional text). */
    private ConversationState upToTheLastQuestion(String code) {
        ConversationState state = roundStarts.startInvited(code, "nl").turn().state();
        for (int guard = 0; guard < 60 && !state.step().id().equals(LAST); guard++) {
            ConversationState.StepView step = state.step();
            String first = step.options().stream().filter(o -> !o.dontKnow()).map(ConversationState.OptionView::value)
                    .findFirst().orElse(null);
            Object value = switch (step.type()) {
                case "info" -> null;
                case "multi" -> List.of(first);
                case "text" -> "tekst";
                case "number" -> step.min() == null ? 1 : step.min();
                default -> first;
            };
            state = answerQuestion.answer(state.id(), step.id(), value).state();
        }
        assertEquals(LAST, state.step().id());
        return state;
    }
}
