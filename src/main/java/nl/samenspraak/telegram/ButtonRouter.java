package nl.samenspraak.telegram;

import nl.samenspraak.conversation.Entry;

import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.ConversationState.OptionView;
import nl.samenspraak.conversation.ConversationState.StepView;
import nl.samenspraak.conversation.Turn;
import nl.samenspraak.flow.Flow;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Routes a tapped button: only the live message's buttons count (any other gets "already answered" and
 * loses its buttons); menu buttons start, continue, switch language or forget; a question's buttons answer it.
 */
final class ButtonRouter {
    private final ChatActions actions;
    private final ReplySender sender;
    private final LiveMessage live;
    private final TelegramWords words;
    private final TypedAnswers typed;
    private final AnswerReview review;

    ButtonRouter(ChatActions actions, TypedAnswers typed, AnswerReview review) {
        this.actions = actions;
        this.typed = typed;
        this.review = review;
        this.sender = actions.sender();
        this.live = actions.live();
        this.words = actions.words();
    }

    void route(ChatContext chat, CallbackQuery query) {
        route(chat, query, null);
    }

    /** {@code voice}: the audio of a held voice answer, fetched before the update's commit, for "Afronden" (else null). */
    void route(ChatContext chat, CallbackQuery query, VoiceDownloads.Fetched voice) {
        MaybeInaccessibleMessage message = query.getMessage();
        if (query.getData() == null) {
            // a button without data (a game's) is none of the bot's: its spinner stops, and nothing is "already answered"
            sender.answerCallback(query, null, false);
            return;
        }
        Optional<Callback> callback = Callback.parse(query.getData());
        Long liveId = live.liveTelegramId(chat).orElse(null);
        if (callback.isEmpty() || liveId == null || message.getMessageId() == null || liveId != message.getMessageId().longValue()) {
            stale(chat, query, message.getMessageId());
            return;
        }
        Callback c = callback.get();
        switch (c.kind()) {
            case Callback.FLOW -> {
                sender.answerCallback(query, null, false);
                if (c.argument().startsWith(Callback.FLOW_HASH)) {
                    Optional<String> flowId = flowHashed(chat, c.argument().substring(Callback.FLOW_HASH.length()));
                    if (flowId.isPresent()) {
                        actions.startFlow(chat, flowId.get());
                    } else {
                        // the flow tapped is no longer offered: said so, with the flows offered now to choose from
                        actions.menu(chat, words.say(chat.language(), "menu_changed"));
                    }
                    return;
                }
                String flowId = c.argument().startsWith(Callback.FLOW_PLACE) ? flowAt(chat, c.index()) : c.argument();
                actions.startFlow(chat, flowId == null ? "" : flowId);
            }
            case Callback.CONTINUE -> {
                sender.answerCallback(query, null, false);
                Optional<ConversationState> state = actions.current(chat);
                if (state.isPresent()) {
                    actions.show(chat, state.get(), "");
                } else if (actions.paused(chat).isPresent()) {
                    // the menu's "Verder met" for the conversation paused with /stop: /hervat's, taken up here
                    actions.resume(chat, "");
                } else {
                    actions.menu(chat, "");
                }
            }
            case Callback.START_IN -> {
                sender.answerCallback(query, null, false);
                int colon = c.argument().indexOf(':');
                if (colon > 0) {
                    actions.startFlow(chat, c.argument().substring(colon + 1), c.argument().substring(0, colon));
                } else {
                    actions.menu(chat, "");
                }
            }
            case Callback.LANGUAGE -> {
                sender.answerCallback(query, null, false);
                actions.changeLanguage(chat, c.argument());
            }
            case Callback.FORGET -> {
                sender.answerCallback(query, null, false);
                if ("y".equals(c.argument())) {
                    actions.forget(chat);
                } else {
                    actions.keep(chat);
                }
            }
            case Callback.DELETE_CLOSED -> {
                sender.answerCallback(query, null, false);
                actions.deleteClosed(chat, c.argument());
            }
            case Callback.MORE -> {
                sender.answerCallback(query, null, false);
                actions.wholeResult(chat);
            }
            case Callback.WEB -> {
                sender.answerCallback(query, null, false);
                actions.webResult(chat);
            }
            case Callback.PDF -> {
                if (actions.pdfJustAsked(chat)) {
                    // a double tap: the file of the first is on its way (or just came); a second one is not made
                    sender.answerCallback(query, words.plain(chat.language(), actions.flowOf(chat), "pdf_coming"), false);
                    return;
                }
                // answered at once (after this short commit), before the file is made
                sender.answerCallback(query, null, false);
                actions.resultPdf(chat);
            }
            default -> questionButton(chat, query, c, voice);
        }
    }

    /** A button of the question that is live: the engine gets the answer; toggles only change the buttons. */
    private void questionButton(ChatContext chat, CallbackQuery query, Callback c, VoiceDownloads.Fetched voice) {
        if (actions.conversationGone(chat)) {
            sender.answerCallback(query, null, false);
            actions.conversationGoneMenu(chat);
            return;
        }
        // the buttons belong to the question the live message shows; whether the conversation still asks it (not
        // answered meanwhile by its code elsewhere, not finished) is the use case's to say, as for a typed answer
        String conversationId = chat.conversationId();
        Turn awaited = conversationId == null ? null
                : actions.useCases().answerQuestion.awaits(conversationId, chat.record().liveStep(), null, chat.caller());
        if (awaited == null || awaited.kind() != Turn.Kind.OK) {
            ConversationState shown = awaited == null ? null : awaited.state();
            sender.answerCallback(query, words.plain(chat.language(), shown == null ? null : shown.flow(), "stale_button"), false);
            if (shown != null) {
                actions.show(chat, shown, "");
            } else {
                live.retireAndSave(chat);
            }
            return;
        }
        ConversationState state = awaited.state();
        StepView step = state.step();
        if (!c.countsIn(step)) {
            // its buttons listed the options otherwise than the question lists them now (a version published since
            // put them in another order): the place tapped is another option now, so none is taken as the answer.
            // Answered as any answer to a question that changed: said so, and the question again with its buttons
            sender.answerCallback(query, null, false);
            actions.after(chat, actions.useCases().answerQuestion.shownOtherwise(conversationId, step.id(), null, chat.caller()), "");
            return;
        }
        String lang = state.language();
        List<OptionView> options = step.options();
        switch (c.kind()) {
            case Callback.NEXT -> {
                sender.answerCallback(query, null, false);
                review.answer(chat, state, null, "", "").ifPresent(turn -> actions.after(chat, turn, ""));
            }
            case Callback.SKIP -> {
                sender.answerCallback(query, null, false);
                String skipped = words.shared(lang, state.flow(), "answer.skipped", Map.of());
                String echo = actions.echo(state, skipped);
                review.answer(chat, state, null, skipped, echo).ifPresent(turn -> actions.after(chat, turn, echo));
            }
            case Callback.ANSWER -> {
                int i = c.index();
                if (i < 0 || i >= options.size()) {
                    stale(chat, query, null);
                    return;
                }
                sender.answerCallback(query, null, false);
                String label = TelegramHtml.forTelegram(options.get(i).label());
                String echo = actions.echo(state, label);
                review.answer(chat, state, options.get(i).value(), label, echo).ifPresent(turn -> actions.after(chat, turn, echo));
            }
            case Callback.FINISH -> review.finish(chat, query, state, voice);
            case Callback.BACK -> {
                sender.answerCallback(query, null, false);
                actions.back(chat);
            }
            case Callback.TOGGLE -> {
                int i = c.index();
                Set<Integer> selection = live.selection(chat, step);
                if (i >= 0 && i < options.size() && !selection.remove(i)) {
                    // an option that goes with no other ("Geen van deze", "Weet ik niet") unticks the others at once, and back
                    if (options.get(i).exclusive() || options.get(i).dontKnow()) {
                        selection.clear();
                    } else {
                        selection.removeIf(j -> j < options.size() && (options.get(j).exclusive() || options.get(j).dontKnow()));
                    }
                    selection.add(i);
                }
                live.select(chat, selection, step);
                sender.replaceButtons(chat.chatId, chat.liveMessageId(), actions.view().keyboard(state, selection));
                sender.answerCallback(query, null, false);
            }
            case Callback.DONE -> {
                if (TypedAnswers.collects(step)) {
                    typed.submit(chat, query, state);
                    return;
                }
                List<String> values = new ArrayList<>();
                live.selection(chat, step).stream().filter(i -> i < options.size()).forEach(i -> values.add(options.get(i).value()));
                // nothing ticked on a question that may be skipped is kept as skipped (the engine's rule): said so,
                // where the echo read "Uw antwoord: " and nothing
                String label = values.isEmpty() ? words.shared(lang, state.flow(), "answer.skipped", Map.of())
                        : actions.view().answerLabel(state, values);
                String echo = actions.echo(state, label);
                Optional<Turn> turn = review.answer(chat, state, values, label, echo);
                if (turn.isPresent() && turn.get().kind() == Turn.Kind.INVALID) {
                    sender.answerCallback(query, TelegramHtml.toPlain(turn.get().error()), true);
                    return;
                }
                sender.answerCallback(query, null, false);
                turn.ifPresent(t -> actions.after(chat, t, echo));
            }
            case Callback.WIPE -> typed.wipe(chat, query, state);
            case Callback.KEEP -> {
                Object earlier = step.previous();
                if (earlier == null || !List.of("text", "number", "date").contains(step.type())) {
                    stale(chat, query, null);
                    return;
                }
                sender.answerCallback(query, null, false);
                String label = actions.view().answerLabel(state, earlier);
                String echo = actions.echo(state, label);
                review.answer(chat, state, earlier, label, echo).ifPresent(turn -> actions.after(chat, turn, echo));
            }
            default -> stale(chat, query, null);
        }
    }

    /** A tap on buttons that are not live: a short notice, and those buttons go. */
    private void stale(ChatContext chat, CallbackQuery query, Integer messageId) {
        sender.answerCallback(query, words.plain(chat.language(), actions.flowOf(chat), "stale_button"), false);
        if (messageId != null && !live.liveTelegramId(chat).equals(java.util.Optional.of(messageId.longValue()))) {
            sender.removeButtons(chat.chatId, messageId);
        }
    }

    /**
     * The flow offered now whose id has {@code hash} ({@link Callback#flowHash}: a menu's button for an id too long to
     * carry), in the list the menu is made from; empty when none has it (taken away since the menu was sent).
     */
    private Optional<String> flowHashed(ChatContext chat, String hash) {
        return actions.flows(chat.language()).stream().map(Flow::id).filter(id -> Callback.flowHash(id).equals(hash)).findFirst();
    }

    /**
     * A flow by its place in the menu, for a button of a menu sent before such buttons named a flow by its hash: a
     * flow published or taken away since moves the places, as it did then.
     */
    private String flowAt(ChatContext chat, int index) {
        List<Flow> flows = actions.flows(chat.language());
        return index >= 0 && index < flows.size() ? flows.get(index).id() : null;
    }
}
