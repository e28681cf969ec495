package nl.samenspraak.telegram;

import nl.samenspraak.conversation.AnswerQuestion;
import nl.samenspraak.conversation.Entry;

import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.ConversationState.StepView;
import nl.samenspraak.conversation.Turn;
import io.micronaut.core.annotation.Nullable;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;

import java.util.Map;
import java.util.Optional;

/**
 * Typed answers as people type them. People answer an open question in two or three messages, and Telegram
 * itself cuts a text over 4,096 characters into several: so the messages for a text question are collected
 * and echoed with "Klaar" and "Wissen" buttons, and only "Klaar" hands the whole text to the engine. A
 * follow-up message therefore never lands under the next question. Any other question (a choice, a list of
 * several, a number, a date) takes one message, which the conversation reads as people type it; the next question
 * then comes with the answer as it was stored, as a tap's does. An edit of a collected message replaces its part;
 * an edit of the last typed answer replaces that answer (the conversation's {@code answerAgain}, which refuses one
 * its question would refuse and then changes nothing); an edit of anything older gets a note that /terug changes an
 * answer.
 */
final class TypedAnswers {
    /** An echo longer than this shows its beginning and end: the whole text is in the person's own messages. */
    private static final int ECHO_LIMIT = 700;
    private static final int ECHO_HEAD = 400;
    private static final int ECHO_TAIL = 200;

    private final ChatActions actions;
    private final TelegramWords words;
    private final AnswerReview review;

    TypedAnswers(ChatActions actions, AnswerReview review) {
        this.actions = actions;
        this.words = actions.words();
        this.review = review;
    }

    static boolean collects(StepView step) {
        return "text".equals(step.type());
    }

    /**
     * A message typed for the text question {@code shown} on the chat's screen: added to what was typed so far, and
     * echoed. The use case says first whether that question is still the one to answer: gathered for one the
     * conversation left (answered on elsewhere by its code), "Klaar" would send it under a question never shown.
     */
    void collect(ChatContext chat, String conversationId, String shown, long messageId, String text) {
        Turn awaited = actions.useCases().answerQuestion.awaits(conversationId, shown, null, chat.caller());
        if (awaited.kind() != Turn.Kind.OK) {
            actions.after(chat, awaited, "");
            return;
        }
        ConversationState state = awaited.state();
        TypedDraft before = draft(chat).filter(d -> d.belongsTo(state.id(), state.step().id()))
                .orElse(TypedDraft.start(state.id(), state.step().id()));
        TypedDraft draft = before.plus(messageId, text);
        if (!DraftRoom.holds(draft, state.step().max())) {
            // kept, it would not fit its column: the update would fail on every retry, so this part is left out
            notTaken(chat, state, before, full(state));
            return;
        }
        // typing again under "Controleer je antwoorden" adds to the held text, which is held no longer: "Klaar" lists it again
        chat.update(chat.ensureRecord().withDraft(draft.json()).withPending(null));
        echo(chat, state, draft, "");
    }

    /** "Klaar": the collected text goes to the engine as one answer. */
    void submit(ChatContext chat, CallbackQuery query, ConversationState state) {
        Optional<TypedDraft> draft = draft(chat).filter(d -> d.belongsTo(state.id(), state.step().id()));
        if (draft.isEmpty() || draft.get().text().isEmpty()) {
            actions.sender().answerCallback(query, words.plain(state, "type_first"), false);
            return;
        }
        String text = draft.get().text();
        String echo = actions.echo(state, shortened(text));
        Optional<Turn> answered = review.answer(chat, state, text, shortened(text), echo);
        if (answered.isEmpty()) {
            // held for "Controleer je antwoorden" (which shows it): nothing sent yet
            actions.sender().answerCallback(query, null, false);
            return;
        }
        Turn turn = answered.get();
        if (turn.kind() == Turn.Kind.INVALID) {
            actions.sender().answerCallback(query, TelegramHtml.toPlain(turn.error()), true);
            echo(chat, state, draft.get(), turn.error());
            return;
        }
        actions.sender().answerCallback(query, null, false);
        chat.update(chat.record().withDraft(null));
        actions.after(chat, turn, echo);
        if (turn.kind() == Turn.Kind.OK && !turn.state().done()) {
            remember(chat, turn.state(), draft.get(), null);
        }
    }

    /**
     * A message typed at the question {@code shown}, one that is not an open text: the answer, read by the conversation
     * (a label, "ja", a list such as "Berbers en Turks", a number, a date as people write it). Once stored, the next
     * question comes with the answer as stored, in one message, as a tap's does: "Turks, Berbers (Tamazight)", so a
     * person whose words were read as another option than they meant sees it at once, not only after /terug. The
     * message is remembered as the last typed answer, so an edit of it replaces the answer ({@link #edited}). Numbers
     * typed at buttons made for another list of the question's options than it is asked with now store nothing
     * ({@link ChatActions#numbersOfAnotherList}).
     */
    void answer(ChatContext chat, ConversationState state, String shown, @Nullable Integer messageId, String text) {
        if (actions.numbersOfAnotherList(chat, state, shown, text.strip())) {
            // numbers read off buttons made for another list of the question's options (a version published since put
            // them in another order): which option the person meant is not known here, so none is stored. Answered as a
            // tap on those buttons is: said so, and the question again with its options as listed now
            actions.after(chat, actions.useCases().answerQuestion.shownOtherwise(state.id(), shown, null, chat.caller()), "");
            return;
        }
        // "2" at a question whose options are listed numbered is the second option, as its button "2" is
        Optional<Object> numbered = actions.numberedOptions(state, shown, text.strip());
        Object answer = numbered.orElse(text.strip());
        String label = numbered.isPresent() ? actions.view().answerLabel(state, answer) : TelegramHtml.escape(text.strip());
        Optional<Turn> answered = review.answer(chat, state, shown, answer, label, "");
        if (answered.isEmpty()) {
            return; // held for "Controleer je antwoorden", which shows it
        }
        Turn turn = answered.get();
        Optional<String> stored = actions.stored(turn, shown);
        if (messageId != null && stored.isPresent() && !turn.state().done()) {
            // noted before the next question is shown, which saves the chat's row with it (no second write)
            // with the list its numbers counted in, for an edit of them
            String last = new TypedDraft.Last(turn.state().step().id(), TypedDraft.start(state.id(), shown).plus(messageId, text),
                    actions.listOf(state, shown).orElse(null)).json();
            chat.update(chat.ensureRecord().withLastText(DraftRoom.fitsColumn(last) ? last : null));
        }
        actions.after(chat, turn, stored.map(words -> actions.echo(turn.state(), words)).orElse(""));
    }

    /** "Wissen": what was typed so far is dropped, and the question asked again. */
    void wipe(ChatContext chat, CallbackQuery query, ConversationState state) {
        actions.sender().answerCallback(query, null, false);
        chat.update(chat.record().withDraft(null));
        actions.show(chat, state, words.say(state, "draft_wiped"));
    }

    /** A message the person changed after sending it. */
    void edited(ChatContext chat, long messageId, String text) {
        Optional<ConversationState> current = actions.current(chat).filter(s -> !s.done());
        if (current.isEmpty()) {
            note(chat);
            return;
        }
        ConversationState state = current.get();
        Optional<TypedDraft> typed = draft(chat).filter(d -> d.belongsTo(state.id(), state.step().id()));
        Optional<TypedDraft> draft = typed.flatMap(d -> d.edited(messageId, text));
        if (draft.isPresent()) {
            if (!DraftRoom.holds(draft.get(), state.step().max())) {
                // the edit is not taken, and said so: the answer stays as it was before it (the person's message now
                // reads otherwise)
                notTaken(chat, state, typed.get(), "<b>" + words.say(state, "change_not_kept") + "</b>");
                return;
            }
            // an edit under "Controleer je antwoorden" changes the held text: it is held no longer, and "Klaar" lists it again
            chat.update(chat.record().withDraft(draft.get().json()).withPending(null));
            echo(chat, state, draft.get(), "");
            return;
        }
        Optional<TypedDraft.Last> last = TypedDraft.Last.parse(chat.record() == null ? null : chat.record().lastText())
                .filter(l -> l.answer().conversation().equals(state.id()) && l.next().equals(state.step().id())
                        && l.answer().messages().contains(messageId));
        if (last.isEmpty()) {
            note(chat);
            return;
        }
        replaceLast(chat, state, last.get(), messageId, text);
    }

    /**
     * The last typed answer again, with the edited message's new words in it. The conversation judges it where the
     * person stands ({@code AnswerQuestion.answerAgain}): one its question refuses is refused here, with that
     * question's message, and changes nothing. One that would finish the conversation goes back to its question and
     * waits for "Controleer je antwoorden", as every last answer does. A text is echoed as typed; any other answer as
     * the conversation stored it (an edited list by the labels of the options it names now).
     */
    private void replaceLast(ChatContext chat, ConversationState state, TypedDraft.Last last, long messageId, String text) {
        TypedDraft answer = last.answer().edited(messageId, text).orElse(last.answer());
        if (!DraftRoom.holds(answer, null)) {
            // longer than any text being typed may grow (the open question is the next one, so its limit is not
            // this answer's): the answer stays as it was, as the note says
            note(chat);
            return;
        }
        if (actions.numbersOfAnotherList(state, answer.step(), last.list(), answer.text())) {
            // numbers of the list the question was answered at, which a version published since lists otherwise: which
            // option the person means is not known here, so the answer stays as it was, and that is said
            actions.show(chat, state, "<b>" + words.say(state, "edit_refused") + "</b>");
            return;
        }
        AnswerQuestion answers = actions.useCases().answerQuestion;
        // the number of a button the question listed ("2" edited to "3") names its option, as when it was typed
        Optional<Object> numbered = actions.numberedOptions(state, answer.step(), answer.text());
        Object value = numbered.orElse(answer.text());
        if (answers.wouldFinishAgain(state.id(), answer.step(), value, chat.caller())) {
            Turn back = actions.useCases().changeConversation.back(state.id(), null, chat.caller());
            if (back.kind() == Turn.Kind.OK && !back.state().done() && back.state().step().id().equals(answer.step())) {
                // held: a text's echo says it as typed; any other answer is not worded before it is stored ("" here:
                // its result follows "Afronden"), never as typed, which the conversation may read otherwise
                String echo = collects(back.state().step()) ? editedEcho(state, shortened(answer.text())) : "";
                String label = numbered.isPresent() ? actions.view().answerLabel(back.state(), value) : shortened(answer.text());
                review.answer(chat, back.state(), value, label, echo).ifPresent(t -> actions.after(chat, t, ""));
            } else {
                note(chat);
            }
            return;
        }
        Turn turn = answers.answerAgain(state.id(), answer.step(), value, Entry.RESPONDENT, null, chat.caller());
        switch (turn.kind()) {
            case OK -> {
                ConversationState.TranscriptEntry stored = turn.state().echo();
                boolean typedText = stored != null && "text".equals(stored.type());
                actions.after(chat, turn, typedText ? editedEcho(state, shortened(answer.text()))
                        : actions.stored(turn, answer.step()).map(words -> editedEcho(state, words)).orElse(""));
                if (!turn.state().done()) {
                    remember(chat, turn.state(), answer, last.list());
                }
            }
            // refused where the person is: the question they were at, again, under why; the stored answer is the old one.
            // An options question's why speaks of "the answers below": said only when its own buttons are below ("'Somalisch'
            // staat niet tussen de antwoorden hieronder" stood above the next question's Ja and Nee, the Telegram probe)
            case INVALID -> actions.show(chat, turn.state(), "<b>" + words.say(state, "edit_refused") + "</b>"
                    + (turn.state().step().id().equals(answer.step()) || !actions.answeredFromOptions(state, answer.step())
                    ? "\n" + turn.error() : ""));
            case NOT_CURRENT -> note(chat);
            default -> actions.after(chat, turn, "");
        }
    }

    /** "Uw antwoord is aangepast: ..." with {@code answerHtml}, in the conversation's words. */
    private String editedEcho(ConversationState state, String answerHtml) {
        return "<i>" + words.say(state, "answer_edited", Map.of("answer", TelegramWords.html(answerHtml))) + "</i>";
    }

    /** {@code answer}, typed at a question listed as {@code list} (null for a text), as the last typed answer. */
    private void remember(ChatContext chat, ConversationState next, TypedDraft answer, @Nullable String list) {
        String last = new TypedDraft.Last(next.step().id(), answer, list).json();
        // one that would not fit its column is not kept for an edit (an edit of it then gets the note)
        chat.update(chat.record().withLastText(DraftRoom.fitsColumn(last) ? last : null));
        actions.live().save(chat);
    }

    /**
     * A message or an edit that would take the text past what the chat may gather, left out: the text so far with
     * {@code why}; held under "Controleer je antwoorden", the held text stays held and listed there with Afronden, which
     * sends what the list shows ("this message no longer fits, tap Klaar" over the old text took the list away while
     * the old text stayed held, and left the person to guess which words counted).
     */
    private void notTaken(ChatContext chat, ConversationState state, TypedDraft before, String why) {
        Optional<PendingAnswer> held = PendingAnswer.of(chat).filter(p -> p.belongsTo(state.id(), state.step().id()));
        if (held.isPresent()) {
            actions.showReview(chat, state, held.get(), "<b>" + words.say(state, "change_not_kept") + "</b>");
        } else {
            echo(chat, state, before, why);
        }
    }

    /** That the message just sent did not fit: what to do now, said above the text so far. */
    private String full(ConversationState state) {
        return "<b>" + words.say(state, "draft_full") + "</b>";
    }

    private void note(ChatContext chat) {
        actions.sayKey(chat, "edit_too_late");
    }

    /** What has been typed so far, with the buttons to send it or start again ({@link ConversationView#draft}). */
    private void echo(ChatContext chat, ConversationState state, TypedDraft draft, String prefix) {
        actions.live().retire(chat);
        actions.live().show(chat, actions.view().draft(state, draft.text(), prefix));
    }

    /** Typed text, escaped, its middle left out when long. */
    static String shortened(String text) {
        if (text.length() <= ECHO_LIMIT) {
            return TelegramHtml.escape(text);
        }
        int head = Character.isHighSurrogate(text.charAt(ECHO_HEAD - 1)) ? ECHO_HEAD - 1 : ECHO_HEAD;
        int tail = text.length() - ECHO_TAIL;
        tail = Character.isLowSurrogate(text.charAt(tail)) ? tail + 1 : tail;
        return TelegramHtml.escape(text.substring(0, head)) + " [\u2026] " + TelegramHtml.escape(text.substring(tail));
    }

    private static Optional<TypedDraft> draft(ChatContext chat) {
        return TypedDraft.of(chat);
    }
}
