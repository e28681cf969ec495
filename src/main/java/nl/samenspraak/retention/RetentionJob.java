package nl.samenspraak.retention;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import nl.samenspraak.audit.AuditLog;
import nl.samenspraak.chatlink.ChatLinks;
import nl.samenspraak.cluster.ScheduledRuns;
import nl.samenspraak.conversation.ConversationSettings;
import nl.samenspraak.conversation.ResultHandOvers;
import nl.samenspraak.dashboard.FreeTextTags;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.limits.AttemptLog;
import nl.samenspraak.flow.Retention;
import nl.samenspraak.intermediair.ResidentLinks;
import nl.samenspraak.storage.ConversationStore;
import nl.samenspraak.storage.ConversationTraces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * Deletes, once a day, every conversation its flow no longer keeps ({@code retention:} in the flow file, see
 * {@link Retention}): unfinished ones after {@code unfinished} (30 days unless the flow says), finished ones after
 * {@code finished} when the flow sets it; a conversation of a flow that asks consent and still waits for the yes
 * after {@link #AWAITING_CONSENT} (it holds no answer, but its row says which flow, language, team and wijk, and when:
 * nothing of a person who never agreed is kept for a month). Deleted as "forget my answers" deletes: the conversation with all its
 * answers. With them go the managers' themes on free texts no conversation holds any more ({@link FreeTextTags}).
 * So do ended resident links (with their notes of which conversations they started) and ended result hand-overs,
 * which otherwise went only when an intermediair next made a link or opened a page, staff's Telegram link tokens a day
 * after they stopped working (used or not; before, only when the same account made a new one: {@link ChatLinks}), and audit events older than
 * {@code samenspraak.retention.audit-log} ({@link RetentionSettings}), which nothing else ever deletes. The log says
 * how many, never which.
 *
 * <p>Once a day across instances: each instance's timer looks every hour, and the one that claims the run
 * ({@link ScheduledRuns}: none started in the last {@link #EVERY}) does it; the others do nothing. So the job runs
 * once however many instances there are, and goes on when the instance that last ran it is gone. The claim holds
 * only {@link #RETRY_AFTER} until the run succeeded ({@link ScheduledRuns#claimUntilDone}): a run that failed (the
 * database away for a while) is tried again at the next hourly look, not a day later.
 */
@Singleton
public class RetentionJob {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    /** How long a conversation waits for its consent before it goes: a day, so a resident can still say yes tomorrow. */
    static final Duration AWAITING_CONSENT = Duration.ofDays(1);
    static final String NAME = "retention";
    /** A day, less the hour by which the timers of two instances may lie apart. */
    static final Duration EVERY = Duration.ofHours(23);
    /** A failed run is due again after this: the hourly look of the instance that tried it, none before. */
    static final Duration RETRY_AFTER = Duration.ofHours(1);

    private final FlowLibrary library;
    private final ExpiredConversations expired;
    private final ConversationStore store;
    private final ScheduledRuns runs;
    private final FreeTextTags tags;
    private final ResidentLinks residentLinks;
    private final ResultHandOvers handOvers;
    private final AuditLog audit;
    private final AttemptLog limits;
    private final ChatLinks chatLinks;
    /** How long a finished conversation's result opens where its flow does not say. */
    private final Duration resultOpenFor;
    private final Duration auditKept;
    private final Clock clock;

    RetentionJob(FlowLibrary library, ExpiredConversations expired, ConversationStore store, ScheduledRuns runs,
                 FreeTextTags tags, ResidentLinks residentLinks, ResultHandOvers handOvers, AuditLog audit,
                 AttemptLog limits, ChatLinks chatLinks, RetentionSettings settings, ConversationSettings conversations) {
        this.limits = limits;
        this.chatLinks = chatLinks;
        this.resultOpenFor = conversations.getResultOpenFor();
        this.library = library;
        this.expired = expired;
        this.store = store;
        this.runs = runs;
        this.tags = tags;
        this.residentLinks = residentLinks;
        this.handOvers = handOvers;
        this.audit = audit;
        this.auditKept = settings.auditLog();
        this.clock = Clock.systemUTC();
    }

    /** Looks a while after start-up (so a restart loop does not delete in a hurry), then every hour. */
    @Scheduled(initialDelay = "${samenspraak.retention.first-run}", fixedDelay = "1h")
    void daily() {
        runIfDue(clock.instant());
    }

    /** Runs the job when no instance did within {@link #EVERY} before {@code now}; true when this call ran it. */
    boolean runIfDue(Instant now) {
        try {
            if (!runs.claimUntilDone(NAME, EVERY, RETRY_AFTER, now)) {
                return false;
            }
            int deleted = run(now);
            runs.done(NAME, EVERY, RETRY_AFTER, now);
            LOG.info("retention: {} conversations past their flow's retention deleted", deleted);
            return true;
        } catch (RuntimeException e) {
            // the database may be away for a while: the next hourly look tries again
            LOG.warn("retention: not run this time ({})", e.getClass().getSimpleName());
            return false;
        }
    }

    /** Deletes what is past its retention at {@code now}; returns how many conversations went. */
    public int run(Instant now) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        List<String> flowIds = new ArrayList<>();
        for (Flow flow : library.flows()) {
            flowIds.add(flow.id());
            Retention r = flow.retention();
            ids.addAll(expired.unfinished(flow.id(), now.minus(r.unfinished())));
            if (flow.asksConsent()) {
                ids.addAll(expired.unanswered(flow.id(), now.minus(AWAITING_CONSENT)));
            }
            if (r.finished() != null) {
                ids.addAll(expired.finished(flow.id(), now.minus(r.finished())));
            }
        }
        if (!flowIds.isEmpty()) {
            ids.addAll(expired.unfinishedOfOtherFlows(flowIds, now.minus(Retention.DEFAULT.unfinished())));
        }
        int deleted = 0;
        for (String id : ids) {
            deleted += store.delete(id) ? 1 : 0;
        }
        Map<String, Instant> resultClosedBefore = new HashMap<>();
        for (Flow flow : library.flows()) {
            Duration open = flow.retention().resultOpenFor(resultOpenFor);
            resultClosedBefore.put(flow.id(), now.minus(open));
        }
        store.resultsClosed(new ConversationTraces.ClosedResults(resultClosedBefore,
                now.minus(Retention.DEFAULT.resultOpenFor(resultOpenFor))), now);
        int untagged = tags.deleteOfGoneTexts();
        long links = residentLinks.deleteEnded(now);
        long handedOver = handOvers.deleteEnded(now);
        long audited = audit.deleteBefore(now.minus(auditKept));
        long counts = limits.forgetOld(now);
        int linkTokens = chatLinks.deleteExpired(now);
        LOG.info("retention: {} themes on free texts no longer there, {} ended resident links, {} ended result hand-overs, "
                + "{} audit events past their period, {} limit counts older than a day, {} spent chat link tokens deleted",
                untagged, links, handedOver, audited, counts, linkTokens);
        return deleted;
    }
}
