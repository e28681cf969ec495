package nl.samenspraak.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import jakarta.inject.Singleton;
import nl.samenspraak.engine.AnswerWords;
import nl.samenspraak.engine.ConversationEngine;
import nl.samenspraak.engine.Outcome;
import nl.samenspraak.engine.Progress;
import nl.samenspraak.engine.Status;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.StepType;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.storage.ConversationStore;
import nl.samenspraak.storage.StoredConversation;

import java.util.Map;
import java.util.Optional;

/**
 * Answers the current question of a conversation, for every channel: loads the conversation, lets the engine decide,
 * commits the outcome, and only then renders the reply. Its own use case because an answer is the one turn that is
 * judged first on the copy this process kept and stored without reading, and the one whose storing follows consent;
 * a voice message as the answer is {@link AnswerByVoice}'s.
 */
@Singleton
public class AnswerQuestion {
    private final FlowLibrary library;
    private final ConversationEngine engine;
    private final ConversationStore store;
    private final ConversationReplies replies;
    private final StoredConversations stored;

    public AnswerQuestion(FlowLibrary library, ConversationEngine engine, ConversationStore store,
                          ConversationReplies replies, StoredConversations stored) {
        this.library = library;
        this.engine = engine;
        this.store = store;
        this.replies = replies;
        this.stored = stored;
    }

    /** Answers the current step of a conversation that opens publicly, entered by the respondent, nobody reading along. */
    public Turn answer(String id, String stepId, Object value) {
        return answer(id, stepId, value, Entry.RESPONDENT, null, Caller.PUBLIC);
    }

    /**
     * Answers the current step, recording who entered the answer and, for a typed text, its language ({@code entry});
     * someone reads along in {@code readerLanguage} (may be null). UNKNOWN_LANGUAGE when the text language is not
     * one the project knows. NOT_FOUND when it does not open for {@code caller}.
     */
    public Turn answer(String id, String stepId, Object value, Entry entry, @Nullable String readerLanguage, Caller caller) {
        return answer(id, stepId, value, entry, readerLanguage, caller, null);
    }

    /**
     * As above, from a screen that showed the question under flow version {@code shownVersion} (the state's
     * {@code version} it was shown with; null: not said). The answer is judged by how that version asked the question
     * ({@link ConversationReplies#read(Flow, StoredConversation, String)}): shown under the version the conversation
     * goes on under now, it is an answer to the question asked now, also before the conversation was stored under
     * that version; shown under an earlier one that asked it as another kind, it is none (QUESTION_CHANGED), also
     * after. Not said, it is judged by the version the conversation was stored under, as before.
     */
    public Turn answer(String id, String stepId, Object value, Entry entry, @Nullable String readerLanguage, Caller caller,
                       @Nullable String shownVersion) {
        if (entry.textLanguage() != null && library.translations().language(entry.textLanguage()).isEmpty()) {
            Optional<StoredConversation> found = stored.latest(id, caller);
            Optional<Flow> flow = found.flatMap(c -> library.flow(c.record().flowId(), c.record().flowVersion()));
            if (found.isEmpty() || flow.isEmpty()) {
                return replies.notFound();
            }
            String says = replies.messageLanguage(found.get(), readerLanguage);
            return new Turn(Turn.Kind.UNKNOWN_LANGUAGE, replies.render(flow.get(), found.get(), readerLanguage),
                    replies.message(says, "error.language_not_offered",
                            Map.of("languages", replies.languagesOf(library.translations().languages().stream().map(Language::code).toList()))), says);
        }
        // the last answer sent again to a finished conversation (a client's retry of the answer that finished it, whose
        // reply was lost): the engine's repeat, said as the result it already gave, not "finished" after the 200
        java.util.function.BiPredicate<Flow, StoredConversation> repeat = (flow, conversation) -> engine.answer(flow,
                conversation.progress(), stepId, value, AnswerWords.of(library.translations(), flow.id(), conversation.language()),
                false) instanceof Outcome.Repeated;
        return answering(id, readerLanguage, caller, repeat, (flow, conversation, checked) -> {
            // an intermediair entering the answer means a professional is in the conversation
            Outcome outcome = engine.answer(flow, replies.read(flow, conversation, shownVersion), stepId, value,
                    AnswerWords.of(library.translations(), flow.id(), conversation.language()),
                    entry.enteredBy() == nl.samenspraak.storage.EnteredBy.INTERMEDIAIR);
            String says = replies.messageLanguage(conversation, readerLanguage);
            if (outcome instanceof Outcome.Accepted accepted && (checked || !deletes(accepted))) {
                return taken(flow, commit(flow, conversation, accepted, entry, readerLanguage), accepted, readerLanguage);
            }
            if (outcome instanceof Outcome.AskedOtherwise otherwise) {
                // a write, conditional on the version judged on as an answer's: a kept copy made stale fails it
                return stored.questionChanged(flow, conversation, otherwise.progress(), readerLanguage);
            }
            if (!checked) {
                // judged against the copy this process kept: only a write (conditional on the version) proves it current
                throw new Unchecked();
            }
            if (outcome instanceof Outcome.Invalid invalid) {
                return new Turn(Turn.Kind.INVALID, replies.render(flow, conversation, readerLanguage),
                        replies.refusal(says, flow, stepId, invalid), says);
            }
            if (outcome instanceof Outcome.NotCurrent) {
                return new Turn(Turn.Kind.NOT_CURRENT, replies.render(flow, conversation, readerLanguage),
                        replies.message(says, flow, "error.not_current", Map.of()), says);
            }
            return Turn.ok(replies.render(flow, conversation, readerLanguage));
        });
    }

    /**
     * Whether an answer to {@code stepId} may be gathered now, before it is handed over (a text typed in several
     * messages, sent with one tap): OK with the conversation's state when {@code stepId} is the question it asks;
     * NOT_CURRENT, with the not-current word and the question it does ask, when the conversation went on without the
     * screen that showed {@code stepId} (answered elsewhere by its code). Read-only. The rule is the engine's, the same
     * one {@link #answer} refuses by, so a channel never compares steps itself.
     */
    public Turn awaits(String id, String stepId, @Nullable String readerLanguage, Caller caller) {
        return stored.changing(id, readerLanguage, caller, (flow, conversation) -> {
            ConversationState state = replies.render(flow, conversation, readerLanguage);
            if (ConversationEngine.asks(replies.reconcile(flow, conversation), stepId)) {
                return Turn.ok(state);
            }
            String says = replies.messageLanguage(conversation, readerLanguage);
            return new Turn(Turn.Kind.NOT_CURRENT, state, replies.message(says, flow, "error.not_current", Map.of()), says);
        });
    }

    /**
     * An answer given to {@code stepId} as a screen showed it that is not the question as asked now, where the screen
     * cannot say which answer it would be now (a chat's button names an option by its place, and a version published
     * since lists that question's options in another order): nothing is stored, and it is answered as an answer to a
     * question that changed, with the question asked now (QUESTION_CHANGED); the conversation goes on under the
     * version run now, as after {@link #answer}'s. NOT_CURRENT when the conversation no longer asks {@code stepId}.
     */
    public Turn shownOtherwise(String id, String stepId, @Nullable String readerLanguage, Caller caller) {
        return stored.changing(id, readerLanguage, caller, (flow, conversation) -> {
            nl.samenspraak.engine.Progress now = replies.reconcile(flow, conversation);
            if (!ConversationEngine.asks(now, stepId)) {
                String says = replies.messageLanguage(conversation, readerLanguage);
                return new Turn(Turn.Kind.NOT_CURRENT, replies.render(flow, conversation, readerLanguage),
                        replies.message(says, flow, "error.not_current", Map.of()), says);
            }
            return stored.questionChanged(flow, conversation, now, readerLanguage);
        });
    }

    /**
     * Would this answer to the current step finish the conversation (taken, and the end of the flow)? Read-only: the
     * engine's own decision on the conversation as stored now, nothing written; false for an answer that would be
     * refused, a repeat, a step that is not current, a "no" to consent, or a conversation that is gone or finished.
     * A channel asks it to show the answers for checking before it sends the one that finishes.
     */
    public boolean wouldFinish(String id, String stepId, Object value, Caller caller) {
        return stored.latest(id, caller).filter(c -> !c.progress().ended()).flatMap(c -> library.flow(c.record().flowId(), c.record().flowVersion())
                .map(flow -> engine.wouldFinish(flow, replies.read(flow, c), stepId, value,
                        AnswerWords.of(library.translations(), flow.id(), c.language()), false))).orElse(false);
    }

    /**
     * A new answer to {@code stepId}, the step just passed, from where the conversation stands (a chat's edit of the
     * message that answered it), judged before anything is written ({@link ConversationEngine#answerAgain}): refused by
     * the step, it is INVALID with the step's own message and nothing changes, neither the person's place nor the
     * answer stored before; taken, it is stored and the conversation goes on from it. NOT_CURRENT when {@code stepId}
     * is not the step just passed. The rule is the conversation's, so no channel goes back first and is then refused
     * one question too early.
     */
    public Turn answerAgain(String id, String stepId, Object value, Entry entry, @Nullable String readerLanguage, Caller caller) {
        return stored.changing(id, readerLanguage, caller, (flow, conversation) -> {
            Outcome outcome = engine.answerAgain(flow, replies.read(flow, conversation), stepId, value,
                    AnswerWords.of(library.translations(), flow.id(), conversation.language()),
                    entry.enteredBy() == nl.samenspraak.storage.EnteredBy.INTERMEDIAIR);
            String says = replies.messageLanguage(conversation, readerLanguage);
            if (outcome instanceof Outcome.Accepted accepted) {
                return taken(flow, commit(flow, conversation, accepted, entry, readerLanguage), accepted, readerLanguage);
            }
            if (outcome instanceof Outcome.AskedOtherwise otherwise) {
                return stored.questionChanged(flow, conversation, otherwise.progress(), readerLanguage);
            }
            if (outcome instanceof Outcome.Invalid invalid) {
                return new Turn(Turn.Kind.INVALID, replies.render(flow, conversation, readerLanguage),
                        replies.refusal(says, flow, stepId, invalid), says);
            }
            return new Turn(Turn.Kind.NOT_CURRENT, replies.render(flow, conversation, readerLanguage),
                    replies.message(says, flow, "error.not_current", Map.of()), says);
        });
    }

    /** As {@link #wouldFinish}, for {@link #answerAgain}: whether that new answer would end the conversation with a result. */
    public boolean wouldFinishAgain(String id, String stepId, Object value, Caller caller) {
        return stored.latest(id, caller).filter(c -> !c.progress().ended()).flatMap(c -> library.flow(c.record().flowId(), c.record().flowVersion())
                .map(flow -> engine.answerAgain(flow, replies.read(flow, c), stepId, value,
                        AnswerWords.of(library.translations(), flow.id(), c.language()), false)))
                .filter(o -> o instanceof Outcome.Accepted a && a.progress().status() == Status.DONE).isPresent();
    }

    /**
     * An answer to a conversation; {@code checked}: the conversation was read from the database (or its kept copy
     * checked against the stored version) for this answer. Unchecked, it may only write (the write is conditional on
     * the version it was judged against) or throw {@link Unchecked}.
     */
    private interface Answer {
        Turn apply(Flow flow, StoredConversation conversation, boolean checked);
    }

    /** The answer on a kept copy would not write: judge it again against the database's version. */
    private static final class Unchecked extends RuntimeException {
        Unchecked() {
            super(null, null, false, false);
        }
    }

    /**
     * An answer, first judged against the copy of the conversation this process kept when it wrote it last, without
     * asking the database: most answers are accepted, and their write is conditional on that copy's version, so a
     * copy another instance made stale fails the write (an optimistic-lock exception) and is read again. An answer
     * that would not write (a repeat, not the current step, invalid, a "no" to consent) is never decided on the
     * kept copy: it is judged again on the conversation as the database has it ({@link StoredConversations#changing}). So a turn writes
     * (the conditional update and the answer's row, one statement on PostgreSQL) without reading first.
     */
    private Turn answering(String id, @Nullable String readerLanguage, Caller caller,
                           java.util.function.BiPredicate<Flow, StoredConversation> repeat, Answer answer) {
        Optional<StoredConversation> kept = store.kept(id).filter(c -> caller.opens(c.record()) && !c.progress().ended());
        Optional<Flow> keptFlow = kept.flatMap(c -> library.flow(c.record().flowId(), c.record().flowVersion()));
        if (kept.isPresent() && keptFlow.isPresent()) {
            try {
                return answer.apply(keptFlow.get(), kept.get(), false);
            } catch (Unchecked e) {
                // judged below on what the database holds
            } catch (OptimisticLockException e) {
                store.forget(id);
            }
        }
        return stored.changing(id, readerLanguage, caller, (flow, conversation) -> answer.apply(flow, conversation, true), repeat);
    }

    /** "Nee" to consent: the answer that deletes its conversation ({@link #commit}). */
    private static boolean deletes(Outcome.Accepted accepted) {
        return accepted.progress().status() == Status.DECLINED;
    }

    /** The turn of an answer taken and committed: it says so when the answer deleted the conversation. */
    private Turn taken(Flow flow, StoredConversation committed, Outcome.Accepted accepted, @Nullable String readerLanguage) {
        ConversationState state = replies.render(flow, committed, readerLanguage);
        return deletes(accepted) ? Turn.deleted(state) : Turn.ok(state);
    }

    /**
     * Stores an accepted answer, with who entered it and its language: a typed text in the language it was typed
     * in (an intermediair's, checked against its letters: {@link TypedLanguage}), anything else in the conversation's.
     * Nothing is stored before consent; "nee" to consent deletes the
     * conversation itself with whatever there was: the person was told "nothing was stored", so no row, code or
     * link of it is left to open (the one rule for every channel). The reply is made from the ended conversation in
     * memory. Info steps leave no answer row.
     */
    private StoredConversation commit(Flow flow, StoredConversation before, Outcome.Accepted accepted, Entry entry,
                                      @Nullable String readerLanguage) {
        Progress after = accepted.progress();
        if (deletes(accepted)) {
            // only the version the "nee" was judged on: a "ja" stored meanwhile stays, and the "nee" is judged again
            store.deleteAsJudged(before);
            return new StoredConversation(before.record(), after);
        }
        Step step = flow.requireStep(accepted.step());
        boolean consented = engine.mayKeepAnswers(flow, after);
        String language = step.type() == StepType.TEXT ? typedIn(before, accepted, entry, readerLanguage) : null;
        return store.saveUnder(flow.version(), before, after, step.asksSomething() && consented ? accepted.step() : null,
                false, entry.enteredBy(), language);
    }

    /**
     * The language a typed text is stored under (null: the conversation's): the one said with it, but an intermediair's
     * (said, or the resident's when they said none) follows the text's letters where that one's script contradicts
     * them, by the one rule ({@link TypedLanguage}); the respondent's own text is in the language of their conversation.
     */
    private String typedIn(StoredConversation c, Outcome.Accepted accepted, Entry entry, @Nullable String readerLanguage) {
        if (entry.enteredBy() != nl.samenspraak.storage.EnteredBy.INTERMEDIAIR || !(accepted.value() instanceof String text)) {
            return entry.textLanguage();
        }
        String chosen = entry.textLanguage() == null ? c.language() : entry.textLanguage();
        String stored = new TypedLanguage(library.translations().languages()).of(text, chosen, c.language(), readerLanguage);
        return stored.equals(chosen) ? entry.textLanguage() : stored;
    }
}
