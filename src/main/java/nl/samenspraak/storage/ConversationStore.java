package nl.samenspraak.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
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

/**
 * Keeps conversations and answers. Every change is committed before the caller replies (changes that
 * arrive together share one commit, see {@link GroupCommit}); of two changes to the same conversation at
 * once, the later fails with an optimistic-lock exception.
 */
@Singleton
public class ConversationStore {
    private final ConversationRepository conversations;
    private final AnswerRepository answers;
    private final AnswerValues answerValues;
    private final RecentConversations recent = new RecentConversations(10_000);

    private final SharedCommit commits;
    /**
     * Where a new conversation's resume code comes from. A code that is taken already (31 characters to the power 8:
     * one chance in 850 billion for each conversation kept) is not looked up first, which cost a read for every
     * start: its insert does nothing, the new conversation is taken back in the same commit, and another code is
     * drawn. Tests draw codes of their own here.
     */
    java.util.function.Supplier<String> codes = ResumeCodes::next;
    private static final int CODE_DRAWS = 5;

    private final TransactionOperations<Connection> transactions;
    private final VoiceAnswers voices;
    private final TurnWrites turns;
    /** Set while the current thread works inside {@link #inOneCommit}: its changes join that transaction. */
    private final ThreadLocal<Boolean> inUnit = new ThreadLocal<>();
    /** The copies written inside the current unit, kept once it commits (see {@link #remember}). */
    private final ThreadLocal<Map<String, StoredConversation>> unitCopies = new ThreadLocal<>();
    /** What channels keep of a conversation beside it, forgotten with it. */
    private final List<ConversationTraces> traces;

    public ConversationStore(ConversationRepository conversations, AnswerRepository answers, AnswerValues answerValues,
                             TransactionOperations<Connection> transactions, VoiceAnswers voices,
                             SharedCommit commits, TurnWrites turns, List<ConversationTraces> traces) {
        this.turns = turns;
        this.traces = List.copyOf(traces);
        this.transactions = transactions;
        this.voices = voices;
        this.conversations = conversations;
        this.answers = answers;
        this.answerValues = answerValues;
        this.commits = commits;
    }

    /**
     * A new conversation at the flow's first step, counted under a team (and a wijk of it), or under none when both
     * are null, held by the intermediair with account {@code heldBy} (null: the respondent's own); its id is a
     * UUID of version 7 ({@link ConversationIds}: its creation time, then 74 random bits).
     */
    public StoredConversation create(Flow flow, Progress start, String language, Channel channel,
                                     @Nullable Long teamId, @Nullable String wijk, @Nullable Long heldBy) {
        Instant now = now();
        for (int draw = 1; ; draw++) {
            String code = codes.get();
            ConversationRecord record = new ConversationRecord(ConversationIds.next(), flow.id(), flow.version(),
                    language, channel.key(), start.status().key(), start.current(), "", code, now, now, null, teamId, wijk, heldBy);
            try {
                if (queuesHere()) {
                    // one statement, sent with the batch's other starts in one round trip
                    return remember(commits.submitQueued(() -> queueStart(record, start)));
                }
                return remember(commit(() -> {
                    ConversationRecord saved = conversations.save(record);
                    if (conversations.keepCode(code, saved.id()) == 0) {
                        conversations.deleteById(saved.id());
                        // the group commit's way to skip one change without spoiling the others in its batch
                        throw new OptimisticLockException("resume code taken");
                    }
                    return new StoredConversation(saved, start);
                }));
            } catch (OptimisticLockException e) {
                if (draw == CODE_DRAWS) {
                    throw new IllegalStateException("no free resume code in " + CODE_DRAWS + " draws", e);
                }
            }
        }
    }

    public Optional<StoredConversation> find(String id) {
        return wellFormed(id) ? conversations.findById(id).map(this::withAnswers) : Optional.empty();
    }

    /** The conversation's row without its answers (one look-up by key): enough to know its language and holder. */
    public Optional<ConversationRecord> record(String id) {
        return wellFormed(id) ? conversations.findById(id) : Optional.empty();
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
     * and in {@code answerLanguage} (null: the conversation's language), under the conversation's own flow version.
     */
    public StoredConversation save(StoredConversation before, Progress after, String storeStep, boolean forget,
                                   EnteredBy enteredBy, @Nullable String answerLanguage) {
        return saveUnder(before.record().flowVersion(), before, after, storeStep, forget, enteredBy, answerLanguage);
    }

    /**
     * As {@link #save(StoredConversation, Progress, String, boolean, EnteredBy, String)}, {@code after} judged under
     * {@code flowVersion} of the conversation's flow. A conversation begun under another version goes on under this
     * one from now on, and the answers {@code after} no longer holds go with it (given under that version to questions
     * that are others in this one, see {@link nl.samenspraak.engine.VersionCarryOver}): read again, it would judge
     * its answers against the version it was begun under, and an answer given since to a question that changed kind
     * would be refused as given to the earlier question, or an earlier answer put back as the person's.
     */
    public StoredConversation saveUnder(String flowVersion, StoredConversation before, Progress after, String storeStep,
                                        boolean forget, EnteredBy enteredBy, @Nullable String answerLanguage) {
        boolean sameVersion = flowVersion.equals(before.record().flowVersion());
        if (sameVersion && answerAlone(before, storeStep, forget) && queuesHere()) {
            // one statement that needs nothing else written with it: sent with the batch's others in one round trip
            return remember(commits.submitQueued(() -> queueAnswer(before, after, storeStep, enteredBy, answerLanguage)));
        }
        return remember(commit(() -> write(flowVersion, before, after, storeStep, forget, enteredBy, answerLanguage, null)));
    }

    /**
     * As {@link #saveUnder}, the answer to {@code storeStep} a voice message whose audio is kept with it, in the
     * same commit.
     */
    public StoredConversation saveVoice(String flowVersion, StoredConversation before, Progress after, String storeStep,
                                        EnteredBy enteredBy, VoiceRecording voice) {
        return remember(commit(() -> write(flowVersion, before, after, storeStep, false, enteredBy, null, voice)));
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
        return Boolean.TRUE.equals(inUnit.get()) ? change.apply() : commits.submit(change::apply);
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

    private StoredConversation write(String flowVersion, StoredConversation before, Progress after, String storeStep, boolean forget,
                                     EnteredBy enteredBy, @Nullable String answerLanguage, @Nullable VoiceRecording voice) {
        ConversationRecord r = before.record();
        Instant now = now();
        String path = String.join(",", after.path());
        boolean keeps = !forget && storeStep != null;
        boolean moved = keeps
                ? turns.advanceAndKeep(r.id(), r.version(), after.status().key(), after.current(), path, now, storeStep,
                        answerValues.encode(after.answers().get(storeStep)),
                        answerLanguage == null ? r.language() : answerLanguage, enteredBy.key(),
                        before.progress().answers().containsKey(storeStep))
                : turns.advance(r.id(), r.version(), after.status().key(), after.current(), path, now);
        if (!moved) {
            throw new OptimisticLockException("conversation changed meanwhile");
        }
        if (!flowVersion.equals(r.flowVersion())) {
            conversations.changeFlowVersion(r.id(), flowVersion);
            List<String> dropped = before.progress().answers().keySet().stream()
                    .filter(step -> !after.answers().containsKey(step)).toList();
            if (!forget && !dropped.isEmpty()) {
                answers.deleteByConversationIdAndStepIdInList(r.id(), dropped);
                String id = r.id();
                dropped.forEach(step -> voices.remove(id, step));
            }
            r = r.under(flowVersion);
        }
        if (forget) {
            answers.deleteByConversationId(r.id());
            voices.removeAll(r.id());
        } else if (keeps) {
            if (voice != null) {
                voices.put(r.id(), storeStep, voice, now);
            } else if (nl.samenspraak.flow.Step.isVoice(before.progress().answers().get(storeStep))) {
                voices.remove(r.id(), storeStep); // typed over a voice answer: its audio goes
            }
        }
        return new StoredConversation(r.moved(after.status().key(), after.current(), path, now),
                forget ? withoutAnswers(after) : after);
    }

    /**
     * Whether a change can go as a queued statement ({@link GroupCommit.Queued}): on a database where it is one
     * ({@link TurnWrites#queues}), and not inside a unit of work, whose changes are part of the caller's transaction.
     */
    private boolean queuesHere() {
        return !Boolean.TRUE.equals(inUnit.get()) && turns.queues();
    }

    /**
     * Whether {@link #write}, given no audio, would write nothing for this turn beyond moving the conversation on
     * and keeping the answer (no audio to remove, nothing forgotten), so that it can be queued ({@link #queueAnswer}).
     * Whatever {@link #write} comes to do besides for an answered turn must be excluded here.
     */
    private static boolean answerAlone(StoredConversation before, @Nullable String storeStep, boolean forget) {
        return !forget && storeStep != null && !nl.samenspraak.flow.Step.isVoice(before.progress().answers().get(storeStep));
    }

    /**
     * An answered turn as {@link #write} stores it when nothing else goes with it ({@link #answerAlone}), only
     * queued: the batch sends it with the others, then the outcome says whether it moved the conversation.
     */
    private GroupCommit.Outcome<StoredConversation> queueAnswer(StoredConversation before, Progress after, String storeStep,
                                                                EnteredBy enteredBy, @Nullable String answerLanguage) {
        ConversationRecord r = before.record();
        Instant now = now();
        String path = String.join(",", after.path());
        int turn = turns.queueAdvanceAndKeep(r.id(), r.version(), after.status().key(), after.current(), path, now,
                storeStep, answerValues.encode(after.answers().get(storeStep)),
                answerLanguage == null ? r.language() : answerLanguage, enteredBy.key());
        return () -> {
            if (!turns.moved(turn)) {
                throw new OptimisticLockException("conversation changed meanwhile");
            }
            return new StoredConversation(r.moved(after.status().key(), after.current(), path, now), after);
        };
    }

    /**
     * A start as {@link #create} writes it, only queued: the batch sends it with the others, then the outcome says
     * whether it was written or its code was taken (skipped, like a stale answer: {@link #create} draws again).
     */
    private GroupCommit.Outcome<StoredConversation> queueStart(ConversationRecord record, Progress start) {
        int queued = turns.queueStart(record);
        return () -> {
            if (!turns.started(queued)) {
                throw new OptimisticLockException("resume code taken");
            }
            return new StoredConversation(record.withVersion(0L), start);
        };
    }

    /**
     * The finished conversations of each flow that finished before its instant no longer open their result: every
     * feature drops what links them to a person ({@link ConversationTraces#resultsClosed}).
     */
    public void resultsClosed(ConversationTraces.ClosedResults closed, Instant now) {
        traces.forEach(kept -> kept.resultsClosed(closed, now));
    }

    /** Removes the conversation, every answer in it and what channels keep of it ({@link ConversationTraces}). False when there was none. */
    @Transactional
    public boolean delete(String id) {
        return delete(id, record -> true);
    }

    /**
     * Deletes the conversation as {@code judged} saw it, as {@link #save} stores an answer: only while it is still at
     * that version. A "nee" to consent judged on one version and a "ja" stored a moment later were both told 200, and
     * the deletion took the conversation the "ja" was just told was kept. Throws an optimistic-lock exception, with
     * nothing removed, when the conversation moved on or is gone; the caller judges again on what is stored.
     */
    public void deleteAsJudged(StoredConversation judged) {
        Long version = judged.record().version();
        if (!delete(judged.id(), record -> java.util.Objects.equals(record.version(), version))) {
            throw new OptimisticLockException("conversation changed or gone since it was judged");
        }
    }

    /**
     * As {@link #delete(String)}, only when the conversation as stored is one {@code may} allows; false, with nothing
     * removed, when it is not (as when there is none).
     */
    @Transactional
    public boolean delete(String id, java.util.function.Predicate<ConversationRecord> may) {
        recent.remove(id);
        if (unitCopies.get() != null) {
            unitCopies.get().remove(id);
        }
        // the row locked first: a deletion at the same moment waits here and then finds nothing (one 204, one 404)
        Optional<StoredConversation> found = (wellFormed(id) ? conversations.lockRow(id) : Optional.<String>empty())
                .flatMap(this::find).filter(c -> may.test(c.record()));
        if (found.isEmpty()) {
            return false;
        }
        ConversationRecord r = found.get().record();
        ConversationTraces.Forgotten forgotten = new ConversationTraces.Forgotten(id, r.teamId(), r.flowId(),
                found.get().progress().answers());
        traces.forEach(kept -> kept.forget(forgotten));
        answers.deleteByConversationId(id);
        conversations.deleteById(id);
        return true;
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
            values.put(a.stepId(), answerValues.decode(a.answerValue()));
        }
        return progress(r, values);
    }

    /** A stored conversation's progress: its path and current step from the record, with these answers. */
    static Progress progress(ConversationRecord r, Map<String, Object> values) {
        List<String> path = r.path().isEmpty() ? List.of() : Arrays.asList(r.path().split(","));
        return new Progress(path, values, r.currentStep(), Status.fromKey(r.status()));
    }


    /** Microseconds: what both databases keep, so a value read back equals the value written. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
