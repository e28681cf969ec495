package nl.samenspraak.intermediair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import nl.samenspraak.conversation.ConversationOverviews;
import nl.samenspraak.engine.Status;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.TypedText;
import nl.samenspraak.round.Rounds;
import nl.samenspraak.round.SurveyRound;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Refused;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * "My conversations": the conversations an intermediair holds themselves (held_by is their account), so they can
 * find and continue an unfinished one later. Only what they may still open: counted under one of their teams, of a
 * flow an intermediair asks. Never a colleague's (the same team is not enough), and never an answer: a line says
 * which flow, where, in which language, when it last changed and the intermediair's own label. Declined
 * conversations are deleted, so they never show. Also how many of them finished, per wijk and round.
 */
@Singleton
public class MyConversations {
    /** A label is a few words to find an interview again: short, so it does not become a note about the resident. */
    public static final int LABEL_MAX = 40;

    private final ConversationOverviews stored;
    private final IntermediairWork work;
    private final FlowLibrary library;
    private final ConversationLabelRepository labels;
    private final Rounds rounds;
    private final FinishedAnswers finishedAnswers;

    public MyConversations(ConversationOverviews stored, IntermediairWork work, FlowLibrary library,
                           ConversationLabelRepository labels, Rounds rounds, FinishedAnswers finishedAnswers) {
        this.finishedAnswers = finishedAnswers;
        this.stored = stored;
        this.work = work;
        this.library = library;
        this.labels = labels;
        this.rounds = rounds;
    }

    /**
     * One line of the list: nothing the resident said. {@code wijk} null: counted under the team as a whole.
     * {@code label}: the intermediair's own, or null. {@code answersShown}: whether they may still open it
     * ({@link FinishedAnswers}: a finished one only shortly after it finished).
     */
    public record Line(String id, String flowId, String language, long teamId, @Nullable String wijk, boolean finished,
                       Instant changedAt, @Nullable String label, boolean answersShown, boolean awaitingConsent) {
    }

    /** This intermediair's own conversations, the last changed first. */
    public List<Line> of(Authentication me) {
        List<ConversationOverviews.Overview> mine = records(me);
        Map<String, String> labelled = new HashMap<>();
        if (!mine.isEmpty()) {
            labels.findByConversationIdIn(mine.stream().map(ConversationOverviews.Overview::id).toList())
                    .forEach(l -> labelled.put(l.conversationId(), l.label()));
        }
        return mine.stream().map(c -> line(c, labelled.get(c.id()), finishedAnswers.readable(c))).toList();
    }

    /** Whether this intermediair holds conversation {@code id} and may still open it (as {@link #of} lists it). */
    public boolean holds(Authentication me, String id) {
        return records(me).stream().anyMatch(c -> c.id().equals(id));
    }

    /**
     * Sets the label of a conversation this intermediair holds (blank: no label), on one line ({@link TypedText});
     * longer than {@link #LABEL_MAX} characters is refused. False: not theirs (or gone).
     */
    public boolean label(Authentication me, String id, @Nullable String text) {
        if (!holds(me, id)) {
            return false;
        }
        String label = TypedText.line(text);
        if (label.codePointCount(0, label.length()) > LABEL_MAX) {
            throw new Refused("intermediair.label_too_long", Map.<String, Object>of("max", LABEL_MAX));
        }
        if (label.isEmpty()) {
            labels.deleteById(id);
        } else if (labels.existsById(id)) {
            labels.update(new ConversationLabel(id, label, Accounts.idOf(me)));
        } else {
            labels.save(new ConversationLabel(id, label, Accounts.idOf(me)));
        }
        return true;
    }

    /** How many of an intermediair's own conversations finished in one wijk (null: the team) and round (null: none). */
    public record Finished(long teamId, @Nullable String wijk, String flowId, @Nullable SurveyRound round, long count) {
    }

    /** Their own finished conversations counted per team and wijk, flow and round; the most recent round first. */
    public List<Finished> finishedPerWijkAndRound(Authentication me) {
        List<ConversationOverviews.Overview> done = records(me).stream().filter(c -> c.status() == Status.DONE).toList();
        Map<String, SurveyRound> roundOf = rounds.roundsOf(done.stream().map(ConversationOverviews.Overview::id).toList());
        Map<List<Object>, Finished> groups = new LinkedHashMap<>();
        for (ConversationOverviews.Overview c : done) {
            SurveyRound round = roundOf.get(c.id());
            List<Object> key = java.util.Arrays.asList(c.teamId(), c.wijk(), c.flowId(), round == null ? null : round.id());
            Finished before = groups.get(key);
            groups.put(key, new Finished(c.teamId(), c.wijk(), c.flowId(), round, before == null ? 1 : before.count() + 1));
        }
        return groups.values().stream()
                .sorted(Comparator.comparing((Finished f) -> f.round() == null ? Instant.MIN : f.round().createdAt()).reversed()
                        .thenComparing(f -> Objects.requireNonNullElse(f.wijk(), ""))
                        .thenComparing(Finished::flowId))
                .toList();
    }

    private List<ConversationOverviews.Overview> records(Authentication me) {
        List<Long> teamIds = work.teamIds(me);
        return stored.heldBy(Accounts.idOf(me)).stream()
                .filter(c -> c.teamId() != null && teamIds.contains(c.teamId()))
                .filter(c -> c.status() != Status.DECLINED)
                .filter(c -> library.flow(c.flowId()).filter(f -> f.audience().askedByIntermediair()).isPresent())
                .toList();
    }

    private static Line line(ConversationOverviews.Overview c, @Nullable String label, boolean answersShown) {
        return new Line(c.id(), c.flowId(), c.language(), c.teamId(), c.wijk(), c.status() == Status.DONE,
                c.changedAt(), label, answersShown, c.awaitingConsent());
    }
}
