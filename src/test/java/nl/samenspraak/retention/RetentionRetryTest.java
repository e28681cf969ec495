package nl.samenspraak.retention;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.cluster.ScheduledRuns;
import nl.samenspraak.conversation.Caller;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.storage.ConversationStore;
import nl.samenspraak.support.Respondents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A daily retention run that fails half-way (the database went away after the run was claimed) is tried again at
 * the next hourly look, not a day later; once it succeeded it does not run again that day. Its own database: the
 * job deletes across all conversations and claims the one run of the day.
 */
@MicronautTest(transactional = false)
@Property(name = "datasources.default.url",
        value = "jdbc:h2:mem:retention-retry;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class RetentionRetryTest {
    @Inject
    FlowLibrary library;
    @Inject
    ExpiredConversations expired;
    @Inject
    ConversationStore store;
    @Inject
    ScheduledRuns runs;
    @Inject
    nl.samenspraak.dashboard.FreeTextTags tags;
    @Inject
    nl.samenspraak.intermediair.ResidentLinks residentLinks;
    @Inject
    nl.samenspraak.conversation.ResultHandOvers handOvers;
    @Inject
    nl.samenspraak.audit.AuditLog audit;
    @Inject
    RetentionSettings settings;
    @Inject
    ReadConversation readConversation;
    @Inject
    Respondents respondents;
    @Inject
    nl.samenspraak.limits.AttemptLog limits;
    @Inject
    nl.samenspraak.conversation.ConversationSettings conversationSettings;
    @Inject
    nl.samenspraak.chatlink.ChatLinks chatLinks;

    @Test
    void aRunThatFailedIsTriedAgainAtTheNextHourlyLook() {
        String unfinished = respondents.leaveUnfinished("voorbeeld", "nl", Origin.NONE, 2);
        AtomicBoolean away = new AtomicBoolean(true);
        RetentionJob job = new RetentionJob(library, new FailingWhileAway(expired, away), store, runs, tags, residentLinks, handOvers,
                audit, limits, chatLinks, settings, conversationSettings);
        Instant now = Instant.now().plus(Duration.ofDays(31));

        assertFalse(job.runIfDue(now), "the database is away during the run");
        assertTrue(readConversation.origin(unfinished, Caller.PUBLIC).isPresent(), "nothing deleted yet");

        away.set(false);
        assertTrue(job.runIfDue(now.plus(Duration.ofHours(1))), "the next hourly look runs it again");
        assertFalse(readConversation.origin(unfinished, Caller.PUBLIC).isPresent(), "and it did its work");
        assertFalse(job.runIfDue(now.plus(Duration.ofHours(2))), "having succeeded, not again that day");
        assertFalse(job.runIfDue(now.plus(Duration.ofHours(23))));
        assertTrue(job.runIfDue(now.plus(Duration.ofHours(25))), "the next day it runs");
    }

    /** The real query, failing as a lost connection does while {@code away}. */
    private record FailingWhileAway(ExpiredConversations real, AtomicBoolean away) implements ExpiredConversations {
        private void check() {
            if (away.get()) {
                throw new io.micronaut.data.exceptions.DataAccessException("connection to the database lost");
            }
        }

        @Override
        public List<String> unfinished(String flowId, Instant before) {
            check();
            return real.unfinished(flowId, before);
        }

        @Override
        public List<String> finished(String flowId, Instant before) {
            check();
            return real.finished(flowId, before);
        }

        @Override
        public List<String> unanswered(String flowId, Instant before) {
            check();
            return real.unanswered(flowId, before);
        }

        @Override
        public List<String> unfinishedOfOtherFlows(List<String> flowIds, Instant before) {
            check();
            return real.unfinishedOfOtherFlows(flowIds, before);
        }
    }
}
