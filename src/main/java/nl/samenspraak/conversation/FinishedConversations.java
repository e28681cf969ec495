package nl.samenspraak.conversation;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.samenspraak.engine.Progress;
import nl.samenspraak.engine.SaysSomething;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.storage.FinishedConversationQueries;
import nl.samenspraak.storage.FinishedConversationQueries.FinishedMark;
import nl.samenspraak.storage.FinishedConversation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The finished conversations of a team and flow, read only: what the team's dashboard counts and lists. A use case
 * so the dashboard, like every feature, reaches storage only through {@code conversation} and {@code team}; it
 * hands out no stored row, only what the figures read (no channel, no resume code, no holder). What the dashboard
 * counts is known without the answers ({@link #marks}), so it reads the answers only of the conversations it counts.
 */
@Singleton
public class FinishedConversations {
    private final FinishedConversationQueries store;

    public FinishedConversations(FinishedConversationQueries store) {
        this.store = store;
    }

    /**
     * One finished conversation: when it started and last changed, the flow version and language it was answered
     * in, the wijk it counts under (null: the team as a whole), the engine's view of its answers, and the language
     * each answer was given in (step id to language code), so free text keeps its original language.
     */
    public record Finished(String id, String flowVersion, String language, @Nullable String wijk, Instant createdAt,
                           Instant updatedAt, Progress progress, Map<String, String> answerLanguages) {
        public Finished {
            answerLanguages = Map.copyOf(answerLanguages);
        }
    }

    /** Every finished conversation of {@code flowId} counted under the team; declined and unfinished ones are not. */
    public List<Finished> of(long teamId, String flowId) {
        return store.finished(teamId, flowId).stream().map(FinishedConversations::finished).toList();
    }

    /** How many finished conversations of {@code flowId} the team has, without reading them. */
    public long count(long teamId, String flowId) {
        return store.finishedCount(teamId, flowId);
    }

    /**
     * As {@link #of(long, String)}, only the conversations with these ids (those the figures count, found by
     * {@link #marks}): the answers of no other are read.
     */
    public List<Finished> of(long teamId, String flowId, Collection<String> ids) {
        return store.finished(teamId, flowId, ids).stream().map(FinishedConversations::finished).toList();
    }

    private static Finished finished(FinishedConversation c) {
        return new Finished(c.record().id(), c.record().flowVersion(), c.record().language(), c.record().wijk(),
                c.record().createdAt(), c.record().updatedAt(), c.progress(), c.answerLanguages());
    }

    /**
     * A finished conversation as far as counting goes: its id, when it last changed (a round counts it only when
     * that is before the round closed), and whether it says something ({@link SaysSomething}).
     */
    public record Mark(String id, Instant updatedAt, boolean saysSomething) {
    }

    /**
     * The {@link Mark} of every finished conversation of {@code flow} counted under the team. Whether one says
     * something is kept with it, under the flow's rule then; one kept under another rule (the flow file changed
     * since) or not yet (finished since it was last looked at) is worked out here from its stored answers with the
     * rule as loaded now, and kept: so the outcome is always the one {@link SaysSomething#of} gives on the answers
     * the figures read, and each finished conversation's answers are read for it once.
     */
    public List<Mark> marks(long teamId, Flow flow) {
        String rule = SaysSomething.rule(flow);
        List<FinishedMark> kept = store.finishedMarks(teamId, flow.id());
        List<String> unknown = kept.stream().filter(m -> m.saysSomething() == null || !rule.equals(m.rule()))
                .map(FinishedMark::id).toList();
        Map<String, Boolean> workedOut = unknown.isEmpty() ? Map.of() : store.markFinished(flow, unknown);
        // one deleted meanwhile has no outcome: it is counted nowhere
        return kept.stream().filter(m -> m.saysSomething() != null && rule.equals(m.rule()) || workedOut.containsKey(m.id()))
                .map(m -> new Mark(m.id(), m.updatedAt(), workedOut.containsKey(m.id()) ? workedOut.get(m.id())
                        : m.saysSomething())).toList();
    }
}
