package nl.samenspraak.retention;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.Caller;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.support.Respondents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daily retention job deletes what each flow's {@code retention} no longer keeps (issue 9, item 8): unfinished
 * conversations after 30 days, the cultureel interview's after a week and its finished ones after two weeks; other
 * finished conversations stay. Its own database: the job deletes across all conversations.
 */
@MicronautTest(transactional = false)
@Property(name = "datasources.default.url",
        value = "jdbc:h2:mem:retention;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class RetentionJobTest {
    @Inject
    RetentionJob job;
    @Inject
    ReadConversation readConversation;
    @Inject
    Respondents respondents;

    private boolean exists(String id) {
        return readConversation.origin(id, Caller.PUBLIC).isPresent();
    }

    @Test
    void eachFlowKeepsItsConversationsAsLongAsItsRetentionSays() {
        String unfinished = respondents.leaveUnfinished("voorbeeld", "nl", Origin.NONE, 2);
        String finished = respondents.finish("voorbeeld", "nl", Origin.NONE, Map.of());
        String story = respondents.finish("cultureel-interview", "nl", Origin.NONE, Map.of("toestemming", "ja"));
        String storyUnfinished = respondents.leaveUnfinished("cultureel-interview", "nl", Origin.NONE, 2);
        Instant now = Instant.now();

        job.run(now.plus(Duration.ofDays(6)));
        assertTrue(exists(unfinished) && exists(finished) && exists(story) && exists(storyUnfinished), "nothing is due yet");

        job.run(now.plus(Duration.ofDays(8)));
        assertFalse(exists(storyUnfinished), "an unfinished cultureel interview goes after a week");
        assertTrue(exists(story) && exists(unfinished));

        job.run(now.plus(Duration.ofDays(15)));
        assertFalse(exists(story), "a finished cultureel interview goes two weeks after it finished");
        assertTrue(exists(unfinished));

        job.run(now.plus(Duration.ofDays(31)));
        assertFalse(exists(unfinished), "an unfinished conversation goes after 30 days");
        assertTrue(exists(finished), "a finished one stays when its flow says nothing");
        assertTrue(readConversation.state(finished).isPresent() || readConversation.closed(finished, false), "with its answers");
    }

    /**
     * A resident's conversation that never got past the consent question holds no answer, but its row tells which
     * flow, language, team and wijk, and when: it goes a day later, not after the month an unfinished one is kept.
     * One with the yes stays, as does a flow without consent left at its first question.
     */
    @Test
    void aConversationStillWaitingForConsentGoesAfterADay() {
        String waiting = respondents.leaveUnfinished("wijkanalyse", "tr", Origin.NONE, 1);
        String agreed = respondents.leaveUnfinished("wijkanalyse", "tr", Origin.NONE, 2);
        String professional = respondents.leaveUnfinished("werk-jij-diversiteitsproof", "nl", Origin.NONE, 0);
        Instant now = Instant.now();

        job.run(now.plus(Duration.ofHours(23)));
        assertTrue(exists(waiting) && exists(agreed) && exists(professional), "nothing is due within the day");

        job.run(now.plus(Duration.ofHours(25)));
        assertFalse(exists(waiting), "still waiting for its yes after a day: gone");
        assertTrue(exists(agreed), "with the yes it is kept as its flow says");
        assertTrue(exists(professional), "a flow without consent keeps its unfinished conversations a month");
    }
}
