package nl.samenspraak.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import nl.samenspraak.engine.Progress;
import nl.samenspraak.engine.SaysSomething;
import nl.samenspraak.engine.Status;
import nl.samenspraak.flow.Flow;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's reading of finished conversations: a team's finished conversations of a flow with their answers
 * (tens of thousands at once, so with plain JDBC), how many there are, and whether each says something, kept
 * once worked out. Apart from {@link ConversationStore}, which writes one conversation a turn and keeps copies of
 * the latest: a finished conversation never changes again, so nothing here needs that store's cache or commits.
 */
@Singleton
public class FinishedConversationQueries {
    private final ConversationRepository conversations;
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final AnswerValues answerValues;
    private final DatabaseKind database;

    FinishedConversationQueries(ConversationRepository conversations, JdbcOperations jdbc,
                                TransactionOperations<Connection> transactions, AnswerValues answerValues,
                                DatabaseKind database) {
        this.conversations = conversations;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.answerValues = answerValues;
        this.database = database;
    }

    /**
     * Every finished conversation of a flow counted under a team, with its answers and the language each answer
     * was given in (for the team's dashboard). Declined and unfinished conversations are not among them.
     */
    @Transactional
    public List<FinishedConversation> finished(long teamId, String flowId) {
        return withGiven(conversations.findByTeamIdAndFlowIdAndStatus(teamId, flowId, Status.DONE.key()));
    }

    /**
     * As {@link #finished(long, String)}, only those with the given ids: the answers of no other conversation are
     * read (the dashboard reads only those it counts, see {@link #finishedMarks}).
     */
    @Transactional
    public List<FinishedConversation> finished(long teamId, String flowId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        java.util.Set<String> wanted = ids instanceof java.util.Set<String> set ? set : new HashSet<>(ids);
        return withGiven(conversations.findByTeamIdAndFlowIdAndStatus(teamId, flowId, Status.DONE.key()).stream()
                .filter(r -> wanted.contains(r.id())).toList());
    }

    private List<FinishedConversation> withGiven(List<ConversationRecord> records) {
        Map<String, List<Given>> byConversation = answersOf(records.stream().map(ConversationRecord::id).toArray());
        return records.stream().map(r -> {
            List<Given> given = byConversation.getOrDefault(r.id(), List.of());
            Map<String, String> languages = new HashMap<>();
            Map<String, Object> values = new HashMap<>();
            for (Given a : given) {
                languages.put(a.stepId(), a.language());
                values.put(a.stepId(), answerValues.decode(a.value()));
            }
            return new FinishedConversation(r, ConversationStore.progress(r, values), languages);
        }).toList();
    }

    /**
     * What the dashboard needs of a finished conversation to know whether and where it counts, without its answers:
     * its id, when it last changed, and whether it says something ({@link SaysSomething}) with the rule that was
     * worked out under; both null until the dashboard or a start-up works it out (see {@link #markFinished}).
     */
    public record FinishedMark(String id, Instant updatedAt, @Nullable Boolean saysSomething, @Nullable String rule) {
    }

    /** The {@link FinishedMark} of every finished conversation of a flow counted under a team: one read, no answers. */
    public List<FinishedMark> finishedMarks(long teamId, String flowId) {
        return transactions.executeRead(status -> jdbc.prepareStatement("SELECT id, updated_at, says_something, says_something_rule FROM conversation "
                + "WHERE team_id = ? AND flow_id = ? AND status = ?", statement -> {
            statement.setLong(1, teamId);
            statement.setString(2, flowId);
            statement.setString(3, Status.DONE.key());
            List<FinishedMark> marks = new ArrayList<>();
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    boolean says = rows.getBoolean(3);
                    Boolean known = rows.wasNull() ? null : says;
                    marks.add(new FinishedMark(rows.getString(1), rows.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                            known, rows.getString(4)));
                }
            }
            return marks;
        }));
    }

    /**
     * The finished conversations of {@code flow} (of any team) whose says-something is not kept under the flow's
     * rule as loaded now: finished before it was kept, or under an earlier flow file.
     */
    public List<String> unmarked(Flow flow) {
        return transactions.executeRead(status -> jdbc.prepareStatement("SELECT id FROM conversation WHERE flow_id = ? AND status = ? "
                + "AND (says_something_rule IS NULL OR says_something_rule <> ?)", statement -> {
            statement.setString(1, flow.id());
            statement.setString(2, Status.DONE.key());
            statement.setString(3, SaysSomething.rule(flow));
            List<String> ids = new ArrayList<>();
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }));
    }

    /**
     * Works out and keeps whether each of these finished conversations of {@code flow} says something, from its
     * stored answers as the dashboard reads them (not from a copy in memory, which also holds answers given before
     * consent, never stored), in one commit; returns the outcome of each one kept. One that is gone or no longer
     * finished meanwhile is left out. Neither its version nor when it last changed moves: nothing about the
     * conversation changed, and a finished conversation never changes again (it can only be deleted).
     */
    public Map<String, Boolean> markFinished(Flow flow, List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        String rule = SaysSomething.rule(flow);
        return transactions.executeWrite(status -> {
            Map<String, String> paths = jdbc.prepareStatement("SELECT id, path FROM conversation WHERE id = ANY (?) "
                    + "AND flow_id = ? AND status = ?", statement -> {
                statement.setArray(1, statement.getConnection().createArrayOf("varchar", ids.toArray()));
                statement.setString(2, flow.id());
                statement.setString(3, Status.DONE.key());
                Map<String, String> found = new HashMap<>();
                try (java.sql.ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.put(rows.getString(1), rows.getString(2));
                    }
                }
                return found;
            });
            Map<String, List<Given>> given = answersOf(paths.keySet().toArray());
            Map<String, Boolean> outcomes = new HashMap<>();
            return jdbc.prepareStatement("UPDATE conversation SET says_something = ?, says_something_rule = ? "
                    + "WHERE id = ? AND status = ?", statement -> {
                List<String> order = new ArrayList<>(paths.keySet());
                for (String id : order) {
                    Map.Entry<String, String> p = Map.entry(id, paths.get(id));
                    Map<String, Object> values = new HashMap<>();
                    for (Given a : given.getOrDefault(p.getKey(), List.of())) {
                        values.put(a.stepId(), answerValues.decode(a.value()));
                    }
                    List<String> steps = p.getValue().isEmpty() ? List.of() : Arrays.asList(p.getValue().split(","));
                    boolean says = SaysSomething.of(flow, new Progress(steps, values, null, Status.DONE).answersOnPath());
                    outcomes.put(id, says);
                    statement.setBoolean(1, says);
                    statement.setString(2, rule);
                    statement.setString(3, p.getKey());
                    statement.setString(4, Status.DONE.key());
                    statement.addBatch();
                }
                int[] updated = statement.executeBatch();
                for (int i = 0; i < updated.length; i++) {
                    if (updated[i] == 0) {
                        outcomes.remove(order.get(i)); // deleted meanwhile
                    }
                }
                return outcomes;
            });
        });
    }

    /** How many finished conversations of a flow a team has, without reading them. */
    public long finishedCount(long teamId, String flowId) {
        return conversations.countByTeamIdAndFlowIdAndStatus(teamId, flowId, Status.DONE.key());
    }

    /** One stored answer as the dashboard needs it. */
    private record Given(String stepId, String value, String language) {
    }

    /**
     * The answers of the given conversations, by conversation: read with plain JDBC, as the dashboard reads tens of
     * thousands at once and the repository's entity mapping cost more than the query. Looked up by conversation id
     * in the answer table's unique index (conversation, step), as an array: joined with the team's conversations
     * instead, PostgreSQL read the whole answer table (a parallel scan of a million rows for 30,000) and the
     * team's conversations a second time.
     */
    private static final String ANSWERS = "SELECT conversation_id, step_id, answer_value, language FROM answer "
            + "WHERE conversation_id = ANY (?)";
    /**
     * The same on H2, which answers {@code = ANY (?)} by looking each id up in the index and then checking every row
     * found against the whole array again, one element after the other (for a team's 1,700 conversations, five
     * times slower than this join, which only looks up).
     */
    private static final String ANSWERS_H2 = "SELECT a.conversation_id, a.step_id, a.answer_value, a.language "
            + "FROM UNNEST(?) AS t(id) JOIN answer a ON a.conversation_id = t.id";
    private Map<String, List<Given>> answersOf(Object[] ids) {
        Map<String, List<Given>> byConversation = new HashMap<>();
        if (ids.length == 0) {
            return byConversation;
        }
        return jdbc.prepareStatement(database.postgres() ? ANSWERS : ANSWERS_H2, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("varchar", ids));
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    byConversation.computeIfAbsent(rows.getString(1), id -> new java.util.ArrayList<>())
                            .add(new Given(rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
            return byConversation;
        });
    }
}
