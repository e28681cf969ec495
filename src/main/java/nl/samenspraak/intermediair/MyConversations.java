package nl.samenspraak.intermediair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import nl.samenspraak.conversation.ConversationOverviews;
import nl.samenspraak.engine.Status;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.security.Accounts;

import java.time.Instant;
import java.util.List;

/**
 * "My conversations": the conversations an intermediair holds themselves (held_by is their account), so they can
 * find and continue an unfinished one later. Only what they may still open: counted under one of their teams, of a
 * flow an intermediair asks. Never a colleague's (the same team is not enough), and never an answer: a line says
 * which flow, where, in which language and when it last changed. Declined conversations are deleted, so they never
 * show.
 */
@Singleton
public class MyConversations {
    private final ConversationOverviews stored;
    private final IntermediairWork work;
    private final FlowLibrary library;

    public MyConversations(ConversationOverviews stored, IntermediairWork work, FlowLibrary library) {
        this.stored = stored;
        this.work = work;
        this.library = library;
    }

    /** One line of the list: nothing the resident said. {@code wijk} null: counted under the team as a whole. */
    public record Line(String id, String flowId, String language, long teamId, @Nullable String wijk, boolean finished,
                       Instant changedAt) {
    }

    /** This intermediair's own conversations, the last changed first. */
    public List<Line> of(Authentication me) {
        List<Long> teamIds = work.teamIds(me);
        return stored.heldBy(Accounts.idOf(me)).stream()
                .filter(c -> c.teamId() != null && teamIds.contains(c.teamId()))
                .filter(c -> c.status() != Status.DECLINED)
                .filter(c -> library.flow(c.flowId()).filter(f -> f.audience().askedByIntermediair()).isPresent())
                .map(MyConversations::line)
                .toList();
    }

    private static Line line(ConversationOverviews.Overview c) {
        return new Line(c.id(), c.flowId(), c.language(), c.teamId(), c.wijk(), c.status() == Status.DONE, c.changedAt());
    }
}
