package nl.samenspraak.result;

import nl.samenspraak.engine.ConversationEngine;
import nl.samenspraak.engine.Progress;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A questionnaire's new version drops a question some people already answered: their way so far still names it (its
 * answer stays stored), and their result is read under the new version. The result builder asked the flow for every
 * step on the way and threw: the answer that finished such a conversation was stored but told as a 500 ("probeer het
 * zo opnieuw", which never helped), and every result, page and PDF of those people was a 500 for good, finished ones
 * too (found by uploading a second version of a form). Now the dropped question is left out of the result's summary,
 * as the transcript leaves it out.
 */
class DroppedQuestionResultTest {
    private final ResultBuilder results = new ResultBuilder(new ConversationEngine(), FlowWalk.library().translations(),
            new TextRenderer(), TeamContactResultTest.template());

    @Test
    void aQuestionTheNewVersionDroppedIsLeftOutOfTheResultInsteadOfBreakingIt() {
        FlowWalk started = FlowWalk.start("cultureel-interview", "nl");
        FlowWalk walk = started.answerAll(step -> TeamContactResultTest.answer(started.flow(), step));
        Progress finished = walk.progress();
        Result asItWas = results.build(walk.flow(), finished, "nl", true);
        assertFalse(asItWas.summary().isEmpty(), "the flow's result has a summary of the answers");

        // the same way, with a question answered under the earlier version that this version no longer has
        List<String> path = new ArrayList<>(finished.path());
        path.add(path.size() - 1, "waarom_vervallen");
        Map<String, Object> answers = new HashMap<>(finished.answers());
        answers.put("waarom_vervallen", "Dit antwoord gaf iemand onder de vorige versie.");
        Progress withDropped = new Progress(List.copyOf(path), answers, finished.current(), finished.status());

        Result read = results.build(walk.flow(), withDropped, "nl", true);
        assertEquals(asItWas.html(), read.html(), "the result reads as the new version's, without the dropped question");
        assertTrue(read.summary().stream().flatMap(theme -> theme.items().stream())
                .noneMatch(item -> item.step().equals("waarom_vervallen")), "not in the summary");
    }
}
