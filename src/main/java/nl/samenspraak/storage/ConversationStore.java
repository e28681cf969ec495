package nl.samenspraak.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import io.micronaut.transaction.TransactionOperations;
import jakarta.transaction.Transactional;
import nl.samenspraak.engine.Progress;
import nl.samenspraak.engine.SaysSomething;
import nl.samenspraak.engine.Status;
import nl.samenspraak.flow.Channel;
import nl.samenspraak.flow.Flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps conversations and answers. Every change is committed before the caller replies (changes that
 * arrive together share one commit, see {@link GroupCommit}); of two changes to the same conversation at
 * once, the later fails with an optimistic-lock exception.
 */
@Singleton
public class ConversationStore {
    private final ConversationRepository conversations;
    private final AnswerRepository answers;
    private final JsonMapper json;
    private final RecentConversations recent = new RecentConversations(10_000);

    private final GroupCommit<StoredConversation> commits;

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final VoiceAnswers voices;
    /** Set while the current thread works inside {@link #inOneCommit}: its changes join that transaction. */
    private final ThreadLocal<Boolean> inUnit = new ThreadLocal<>();
    /** The copies written inside the current unit, kept once it commits (see {@link #remember}). */
    private final ThreadLocal<Map<String, StoredConversation>> unitCopies = new ThreadLocal<>();

    public ConversationStore(ConversationRepository conversations, AnswerRepository answers, JsonMapper json,
                             TransactionOperations<Connection> transactions, JdbcOperations jdbc, VoiceAnswers voices) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.voices = voices;
        this.conversations = conversations;
        this.answers = answers;
        this.json = json;
        this.commits = new GroupCommit<>(transactions, "conversation-writer");
    }

    /**
     * A new conversation at the flow's first step, counted under a team (and a wijk of it), or under none when both
     * are null, held by the intermediair with account {@code heldBy} (null: the respondent's own); its id is a random
     * UUID (122 random bits).
     */
    public StoredConversation create(Flow flow, Progress start, String language, Channel channel,
                                     @Nullable Long teamId, @Nullable String wijk, @Nullable Long heldBy) {
        Instant now = now();
        for (int attempt = 0; ; attempt++) {
            String code = ResumeCodes.next();
            if (conversations.findByResumeCode(code).isPresent() && attempt < 5) {
                continue;
            }
            ConversationRecord record = new ConversationRecord(UUID.randomUUID().toString(), flow.id(), flow.version(),
                    language, channel.key(), start.status().key(), start.current(), "", code, now, now, null, teamId, wijk, heldBy);
            return remember(commit(() -> new StoredConversation(conversations.save(record), start)));
        }
    }

    public Optional<StoredConversation> find(String id) {
        return wellFormed(id) ? conversations.findById(id).map(this::withAnswers) : Optional.empty();
    }

    /** Ids are UUIDs (see {@link #create}): anything else names no conversation, and needs no look-up. */
    private static boolean wellFormed(String id) {
        if (id == null || id.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = id.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The conversation as the database has it now. When this process wrote it last, the copy it kept is used,
     * but only after checking that the stored version is still the one it wrote (one look-up by key): another
     * instance may have changed it since, and an answer judged against an old copy could be turned away as "not
     * current" or, worse, taken for a repeat of an answer the database no longer holds. A change made after this
     * check by someone else still fails on save with an optimistic-lock exception; {@link #forget(String)} then
     * drops the copy and the caller reads again.
     */
    public Optional<StoredConversation> latest(String id) {
        if (!wellFormed(id)) {
            return Optional.empty();
        }
        StoredConversation known = recent.get(id);
        if (known == null) {
            return find(id);
        }
        Optional<Long> stored = conversations.findVersionById(id);
        if (stored.isPresent() && stored.get().equals(known.record().version())) {
            return Optional.of(known);
        }
        recent.remove(id);
        return stored.isEmpty() ? Optional.empty() : find(id);
    }

    /**
     * The copy this process kept of a conversation it wrote last, unchecked: another instance may have changed it
     * since. Only for a change whose write is conditional on this copy's version (see {@link #save}), which then
     * fails with an optimistic-lock exception; anything decided without writing must use {@link #latest(String)}.
     */
    public Optional<StoredConversation> kept(String id) {
        return wellFormed(id) ? Optional.ofNullable(recent.get(id)) : Optional.empty();
    }

    /** Drops what this process remembers of a conversation. */
    public void forget(String id) {
        recent.remove(id);
    }

    public Optional<StoredConversation> findByResumeCode(String code) {
        return conversations.findByResumeCode(code).map(this::withAnswers);
    }

    /**
     * Stores where the conversation went and, when {@code storeStep} is not null, the answer to that step.
     * With {@code forget}, every stored answer is removed (consent withdrawn).
     */
    public StoredConversation save(StoredConversation before, Progress after, String storeStep, boolean forget) {
        return save(before, after, storeStep, forget, EnteredBy.RESPONDENT, null);
    }

    /**
     * As {@link #save(StoredConversation, Progress, String, boolean)}, the answer entered by {@code enteredBy}
     * and in {@code answerLanguage} (null: the conversation's language).
     */
    public StoredConversation save(StoredConversation before, Progress after, String storeStep, boolean forget,
                                   EnteredBy enteredBy, @Nullable String answerLanguage) {
        return remember(commit(() -> write(before, after, storeStep, forget, enteredBy, answerLanguage, null)));
    }

    /**
     * As {@link #save(StoredConversation, Progress, String, boolean, EnteredBy, String)}, the answer to
     * {@code storeStep} a voice message whose audio is kept with it, in the same commit.
     */
    public StoredConversation saveVoice(StoredConversation before, Progress after, String storeStep, EnteredBy enteredBy,
                                        VoiceRecording voice) {
        return remember(commit(() -> write(before, after, storeStep, false, enteredBy, null, voice)));
    }

    /** The audio of a voice answer, if the step was answered by voice. */
    public Optional<VoiceRecording> voice(String conversationId, String stepId) {
        return wellFormed(conversationId) ? transactions.executeRead(status -> voices.find(conversationId, stepId)) : Optional.empty();
    }

    /**
     * Runs {@code work} as one commit: every change it makes through this store, and whatever else it writes to the
     * database on this thread (a channel's reply in its outbox), is committed together or not at all. Such changes
     * skip the {@link GroupCommit}: they are part of the caller's transaction. Inside another unit, joins it.
     */
    public <T> T inOneCommit(java.util.function.Supplier<T> work) {
        if (Boolean.TRUE.equals(inUnit.get())) {
            return work.get();
        }
        inUnit.set(Boolean.TRUE);
        Map<String, StoredConversation> copies = new java.util.LinkedHashMap<>();
        unitCopies.set(copies);
        try {
            T result = transactions.executeWrite(status -> work.get());
            copies.values().forEach(recent::put);
            return result;
        } finally {
            inUnit.remove();
            unitCopies.remove();
        }
    }

    /** A change: committed with the next group, or within the unit this thread works in. */
    private StoredConversation commit(GroupCommit.Change<StoredConversation> change) {
        return Boolean.TRUE.equals(inUnit.get()) ? change.apply() : commits.submit(change);
    }

    /**
     * Keeps the copy of what was just committed; inside a unit (not committed yet, and it may roll back) the copy is
     * dropped until the unit commits, so a read meanwhile goes to the database and a rollback leaves no copy behind.
     */
    private StoredConversation remember(StoredConversation saved) {
        if (Boolean.TRUE.equals(inUnit.get())) {
            recent.remove(saved.id());
            unitCopies.get().put(saved.id(), saved);
        } else {
            recent.put(saved);
        }
        return saved;
    }

    /**
     * Goes on in another language from now on; answers given keep the language they were given in. Fails
     * with an optimistic-lock exception when someone changed the conversation since {@code before} was read.
     */
    public StoredConversation changeLanguage(StoredConversation before, String language) {
        return remember(commit(() -> {
            ConversationRecord r = before.record();
            Instant now = now();
            if (conversations.changeLanguage(r.id(), r.version(), language, now) == 0) {
                throw new OptimisticLockException("conversation changed meanwhile");
            }
            return new StoredConversation(r.speaking(language, now), before.progress());
        }));
    }

    /**
     * Counts the conversation under another wijk of its team from now on (an intermediair corrects it mid-way).
     * Fails with an optimistic-lock exception when someone changed the conversation since {@code before} was read.
     */
    public StoredConversation changeWijk(StoredConversation before, String wijk) {
        return remember(commit(() -> {
            ConversationRecord r = before.record();
            Instant now = now();
            if (conversations.changeWijk(r.id(), r.version(), wijk, now) == 0) {
                throw new OptimisticLockException("conversation changed meanwhile");
            }
            return new StoredConversation(r.inWijk(wijk, now), before.progress());
        }));
    }

    private StoredConversation write(StoredConversation before, Progress after, String storeStep, boolean forget,
                                     EnteredBy enteredBy, @Nullable String answerLanguage, @Nullable VoiceRecording voice) {
        ConversationRecord r = before.record();
        Instant now = now();
        String path = String.join(",", after.path());
        if (conversations.advance(r.id(), r.version(), after.status().key(), after.current(), path, now) == 0) {
            throw new OptimisticLockException("conversation changed meanwhile");
        }
        if (forget) {
            answers.deleteByConversationId(r.id());
            voices.removeAll(r.id());
        } else if (storeStep != null) {
            if (voice != null) {
                voices.put(r.id(), storeStep, voice, now);
            } else if (nl.samenspraak.flow.Step.isVoice(before.progress().answers().get(storeStep))) {
                voices.remove(r.id(), storeStep); // typed over a voice answer: its audio goes
            }
            String value = encode(after.answers().get(storeStep));
            String language = answerLanguage == null ? r.language() : answerLanguage;
            if (!before.progress().answers().containsKey(storeStep)
                    || answers.updateValue(r.id(), storeStep, value, language, enteredBy.key(), now) == 0) {
                answers.save(new AnswerRecord(null, r.id(), storeStep, value, language, now, now, enteredBy.key()));
            }
        }
        return new StoredConversation(r.moved(after.status().key(), after.current(), path, now),
                forget ? withoutAnswers(after) : after);
    }

    @PreDestroy
    void close() {
        commits.close();
    }

    /** Removes the conversation and every answer in it. False when there was none. */
    @Transactional
    public boolean delete(String id) {
        recent.remove(id);
        if (unitCopies.get() != null) {
            unitCopies.get().remove(id);
        }
        if (!wellFormed(id) || !conversations.existsById(id)) {
            return false;
        }
        answers.deleteByConversationId(id);
        conversations.deleteById(id);
        return true;
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
                values.put(a.stepId(), decode(a.value()));
            }
            return new FinishedConversation(r, progress(r, values), languages);
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
                        values.put(a.stepId(), decode(a.value()));
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
    /** Whether the database is H2 (asked once). */
    private volatile Boolean h2;

    private boolean onH2() {
        Boolean known = h2;
        if (known == null) {
            known = transactions.executeRead(status -> {
                try {
                    return status.getConnection().getMetaData().getDatabaseProductName().equals("H2");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            h2 = known;
        }
        return known;
    }

    private Map<String, List<Given>> answersOf(Object[] ids) {
        Map<String, List<Given>> byConversation = new HashMap<>();
        if (ids.length == 0) {
            return byConversation;
        }
        return jdbc.prepareStatement(onH2() ? ANSWERS_H2 : ANSWERS, statement -> {
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

    private static Progress withoutAnswers(Progress p) {
        return new Progress(p.path(), Map.of(), p.current(), p.status());
    }

    private StoredConversation withAnswers(ConversationRecord r) {
        return new StoredConversation(r, progress(r, answers.findByConversationId(r.id())));
    }

    private Progress progress(ConversationRecord r, List<AnswerRecord> given) {
        Map<String, Object> values = new HashMap<>();
        for (AnswerRecord a : given) {
            values.put(a.stepId(), decode(a.answerValue()));
        }
        return progress(r, values);
    }

    private static Progress progress(ConversationRecord r, Map<String, Object> values) {
        List<String> path = r.path().isEmpty() ? List.of() : Arrays.asList(r.path().split(","));
        return new Progress(path, values, r.currentStep(), Status.fromKey(r.status()));
    }

    private String encode(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Back to the engine's forms: text, whole numbers as Long, other numbers as Double, lists of text. A plain
     * text without escapes and a plain whole number, most of what is stored, are read without the JSON parser:
     * the dashboard reads every answer of a team.
     */
    Object decode(String stored) {
        if (stored == null) {
            return null;
        }
        Object plain = plain(stored);
        if (plain != null) {
            return plain;
        }
        try {
            return normalize(json.readValue(stored, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON string with no escape in it, or a whole number of at most 18 digits; else null (the parser reads it). */
    private static Object plain(String s) {
        int n = s.length();
        if (n >= 2 && s.charAt(0) == '"' && s.charAt(n - 1) == '"') {
            for (int i = 1; i < n - 1; i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\' || c < 0x20) {
                    return null;
                }
            }
            return s.substring(1, n - 1);
        }
        int start = n > 0 && s.charAt(0) == '-' ? 1 : 0;
        if (n == start || n - start > 18 || (s.charAt(start) == '0' && n - start > 1)) {
            return null;
        }
        for (int i = start; i < n; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(s);
    }

    private static Object normalize(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte || value instanceof BigInteger) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigDecimal b) {
            return b.stripTrailingZeros().scale() <= 0 ? (Object) b.longValue() : (Object) b.doubleValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ConversationStore::normalize).toList();
        }
        return value;
    }

    /** Microseconds: what both databases keep, so a value read back equals the value written. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
