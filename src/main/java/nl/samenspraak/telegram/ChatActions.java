package nl.samenspraak.telegram;

import io.micronaut.core.annotation.Nullable;
import nl.samenspraak.chatlink.ChatLinks;
import nl.samenspraak.conversation.AnswerByVoice;
import nl.samenspraak.conversation.ChangeConversation;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.ConversationState.OptionView;
import nl.samenspraak.conversation.DeleteConversation;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.conversation.StartConversation;
import nl.samenspraak.conversation.Turn;
import nl.samenspraak.flow.Channel;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.conversation.ResumeByCode;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the bot does in a chat, whichever command or button asked for it: start, go back, pause, resume,
 * change language, forget, and show what came of it. Calls the conversation use cases ({@link BotUseCases}) for
 * every decision about the conversation; decides only what the chat sees next.
 */
final class ChatActions {
    static final Channel CHANNEL = Channel.TELEGRAM;
    /** How long after "Als PDF" a second tap of it sends no second file: the file is being made (seconds) or just came. */
    static final java.time.Duration PDF_AGAIN_AFTER = java.time.Duration.ofSeconds(30);

    private final BotUseCases useCases;
    private final StartConversation startConversation;
    private final ReadConversation readConversation;
    private final DeleteConversation deleteConversation;
    private final AnswerByVoice answerByVoice;
    private final ChangeConversation changeConversation;
    private final FlowLibrary library;
    private final TelegramWords words;
    private final ConversationView view;
    private final ReplySender sender;
    private final LiveMessage live;
    private final Chats chats;
    private final ResumeByCode byCode;
    private final Teams teams;
    private final WebResultLinks webLinks;

    /** Which flows the menu lists: the web's rule. */
    private final nl.samenspraak.conversation.OfferedFlows offered;

    /** The ids of the chat's messages, which a confirmed {@code /vergeet} has Telegram delete. */
    private final ChatMessages messages;

    ChatActions(BotUseCases useCases, FlowLibrary library, TelegramWords words, ConversationView view,
                ReplySender sender, LiveMessage live, Chats chats, ResumeByCode byCode, Teams teams,
                WebResultLinks webLinks, ChatMessages messages) {
        this.messages = messages;
        this.offered = useCases.offeredFlows;
        this.webLinks = webLinks;
        this.useCases = useCases;
        this.startConversation = useCases.startConversation;
        this.readConversation = useCases.readConversation;
        this.deleteConversation = useCases.deleteConversation;
        this.answerByVoice = useCases.answerByVoice;
        this.changeConversation = useCases.changeConversation;
        this.library = library;
        this.words = words;
        this.view = view;
        this.sender = sender;
        this.live = live;
        this.chats = chats;
        this.byCode = byCode;
        this.teams = teams;
    }

    BotUseCases useCases() {
        return useCases;
    }

    TelegramWords words() {
        return words;
    }

    ConversationView view() {
        return view;
    }

    ReplySender sender() {
        return sender;
    }

    LiveMessage live() {
        return live;
    }

    /**
     * What a typed answer to {@code stepId} of {@code state}'s conversation names when that question's options are
     * listed numbered in the chat: the option (or options) of the numbers typed, as a tap on those buttons gives
     * ({@link ConversationView#typedNumbers}: "2" is the second option); empty otherwise, and the conversation reads
     * the text as typed. The numbers are the chat's own (the web lists none), so the chat says what they name.
     */
    Optional<Object> numberedOptions(ConversationState state, String stepId, String text) {
        return listed(state, stepId).flatMap(q -> ConversationView.typedNumbers(q.type(), q.options(), text, words(state)));
    }

    /**
     * Whether {@code text}, typed at the question {@code shown} that {@code state}'s conversation asks, is only numbers
     * of buttons ("2", "1 en 3") and the chat showed that question with another list of options than it is asked with
     * now: a version of the flow published since it was sent may list them in another order, and "2" then names
     * another option than the one the person saw as 2. A tap on such a button names no answer either
     * ({@link Callback#countsIn}). Numbers typed at a question shown before the chat kept its list count in the list
     * asked now, as they did.
     */
    boolean numbersOfAnotherList(ChatContext chat, ConversationState state, String shown, String text) {
        TelegramChatRecord record = chat.record();
        if (record == null || !shown.equals(record.liveStep()) || state.done() || !state.step().id().equals(shown)) {
            return false;
        }
        return numbersOfAnotherList(state, shown, record.liveList(), text);
    }

    /**
     * As above, for numbers typed at {@code stepId} (the current question or an earlier one, an answer edited) when it
     * was listed as {@code list} ({@link Callback#mark}; null: not known, and they count in the list asked now).
     */
    boolean numbersOfAnotherList(ConversationState state, String stepId, @Nullable String list, String text) {
        if (list == null || ConversationView.buttonNumbers(text, words(state)).isEmpty()) {
            return false;
        }
        // a question its flow no longer has is not this one's to judge: the conversation refuses an answer to it
        return listOf(state, stepId).filter(now -> !now.equals(list)).isPresent();
    }

    /** The {@link Callback#mark} of the list of options {@code stepId} of {@code state}'s conversation is asked with now. */
    Optional<String> listOf(ConversationState state, String stepId) {
        return listed(state, stepId).map(q -> Callback.mark(q.type(), q.options()));
    }

    /** A question as the chat lists it: its type and its options in their order. */
    private record Listed(String type, List<OptionView> options) {
    }

    /**
     * {@code stepId} of {@code state}'s conversation as the chat lists it now: the current question as the state asks
     * it; an earlier one (its answer edited) with its options as its flow has them, labelled in the conversation's
     * language. Empty when the flow has no such question.
     */
    private Optional<Listed> listed(ConversationState state, String stepId) {
        if (!state.done() && state.step().id().equals(stepId)) {
            return Optional.of(new Listed(state.step().type(), state.step().options()));
        }
        nl.samenspraak.result.AnswerLabels labels = new nl.samenspraak.result.AnswerLabels(library.translations());
        return library.flow(state.flow()).flatMap(flow -> flow.step(stepId).map(step -> new Listed(step.type().key(),
                step.options().stream().map(o -> new ConversationState.OptionView(o.value(),
                        labels.optionLabel(flow, step, o, state.language()), o.dontKnow(), o.exclusive())).toList())));
    }

    /** The words that join the numbers of several options in the conversation's language ("1 en 3"). */
    /** The words people type in the conversation's language ("en" between numbers, "twee" for 2). */
    private nl.samenspraak.engine.AnswerWords words(ConversationState state) {
        return nl.samenspraak.engine.AnswerWords.of(library.translations(), state.flow(), state.language());
    }

    /** A message in the chat's language, about the conversation the chat is in (if any): an error may quote an answer. */
    void say(ChatContext chat, String html) {
        sender.send(chat.chatId, Reply.text(html, chat.language()).about(chat.conversationId()));
    }

    /** {@code telegram.<key>} in the chat's language, worded as the flow of the chat's conversation says it. */
    void sayKey(ChatContext chat, String key) {
        say(chat, words.say(chat.language(), flowOf(chat), key, Map.of()));
    }

    /**
     * The flow of the conversation the chat is in (a finished one too), whose register the bot's words follow:
     * a resident hears "u", Pan/Pani, siz, the Arabic plural; null outside a conversation (the shared words).
     */
    @Nullable
    String flowOf(ChatContext chat) {
        String id = chat.conversationId();
        return id == null ? null : readConversation.flowOf(id, chat.caller()).orElse(null);
    }

    Optional<ConversationState> current(ChatContext chat) {
        String id = chat.conversationId();
        return id == null ? Optional.empty() : readConversation.state(id, null, chat.caller());
    }

    /**
     * The question a message sent in this chat answers: the one on its screen (the step of its live buttons). One
     * conversation may be answered in two places at once, by its code, and a chat that fell behind still shows the
     * question the person is answering there; the use case, given this step, refuses an answer to one it no longer
     * asks. With no question live (a menu on screen) the current one counts.
     */
    String shownStep(ChatContext chat, ConversationState state) {
        String onScreen = chat.record() == null ? null : chat.record().liveStep();
        return onScreen != null ? onScreen : state.step().id();
    }

    void back(ChatContext chat) {
        Optional<ConversationState> state = current(chat);
        if (state.isEmpty()) {
            sayKey(chat, "no_conversation");
            return;
        }
        // going back from "Controleer je antwoorden" drops the answer held there: it was never sent
        dropPending(chat);
        // and a text being typed for the question left: said, as /stop says it (it went without a word)
        boolean typing = !state.get().done() && TypedDraft.of(chat)
                .filter(d -> d.belongsTo(state.get().id(), state.get().step().id()) && !d.text().isEmpty()).isPresent();
        Turn turn = changeConversation.back(state.get().id(), null, chat.caller());
        if (turn.kind() != Turn.Kind.OK) {
            after(chat, turn, "");
            return;
        }
        boolean moved = state.get().done() || !turn.state().step().id().equals(state.get().step().id());
        String said = words.say(turn.state(), moved ? "went_back" : "at_first");
        after(chat, turn, moved && typing ? words.say(turn.state(), "back_draft_not_saved") + "\n" + said : said);
    }

    void restart(ChatContext chat) {
        Optional<ConversationState> state = current(chat);
        if (state.isEmpty()) {
            sayKey(chat, "no_conversation");
            return;
        }
        if (!mayStart(chat)) {
            return;
        }
        Origin origin = readConversation.origin(state.get().id(), chat.caller()).orElse(Origin.NONE);
        begin(chat, startConversation.startBy(state.get().flow(), state.get().language(), CHANNEL, origin, chat.caller()),
                words.say(state.get(), "restarted"), state.get().flow());
    }

    void pause(ChatContext chat) {
        Optional<ConversationState> state = current(chat);
        if (state.isEmpty()) {
            // /stop again (or /STOP after /stop): "Je bent nog niet in gesprek" was untrue of a paused one, and in
            // the "je" of a resident's "u"; the paused one's own words, with the way back
            Optional<ConversationState> left = paused(chat);
            if (left.isPresent()) {
                sender.send(chat.chatId, Reply.text(words.say(left.get(), "already_paused"), left.get().language()));
            } else {
                sayKey(chat, "no_conversation");
            }
            return;
        }
        String notKept = notKept(chat, state.get()); // before retiring the question, which clears its ticks
        live.retire(chat);
        dropPending(chat);
        live.leaveConversation(chat);
        live.save(chat);
        String lang = state.get().language();
        String paused = words.say(state.get(), "paused") + notKept;
        // the code on the line under the notice, as a /start in the middle of a conversation says it (a blank line
        // parted them)
        sender.send(chat.chatId, Reply.text(paused + "\n" + codeLine(state.get()), lang).about(state.get().id()));
    }

    /**
     * What leaving {@code state} drops that the person may think kept, said below "bewaard" (true without it): an answer
     * held for review, shown back with Afronden, is not one of the conversation's, a text typed and not yet sent
     * with "Klaar" is kept by the chat for its current conversation only, and so are the options ticked on a multi
     * question before "Klaar" (the pause said "Je antwoorden zijn bewaard" and the ticks were gone on going on). ""
     * when there is none of these.
     */
    private String notKept(ChatContext chat, ConversationState state) {
        if (chat.record() != null && chat.record().pending() != null) {
            return "\n" + words.say(state, "paused_held_not_saved");
        }
        boolean typing = !state.done() && TypedDraft.of(chat)
                .filter(d -> d.belongsTo(state.id(), state.step().id()) && !d.text().isEmpty()).isPresent();
        if (typing) {
            return "\n" + words.say(state, "paused_draft_not_saved");
        }
        boolean ticking = !state.done() && "multi".equals(state.step().type()) && !live.selection(chat, state.step()).isEmpty();
        return ticking ? "\n" + words.say(state, "paused_ticks_not_saved") : "";
    }

    /** The line with a paused conversation's code: how to go on, and what the code does for a held one. */
    private String codeLine(ConversationState state) {
        return view.code(state, readConversation.heldFlow(state.resumeCode()).isPresent());
    }

    void resume(ChatContext chat, String code) {
        String lang = chat.language();
        Optional<ConversationState> found;
        if (code.isEmpty()) {
            found = paused(chat);
            if (found.isEmpty()) {
                say(chat, words.say(lang, "nothing_to_resume") + "\n" + words.say(lang, "resume_usage"));
                return;
            }
        } else {
            ResumeByCode.Lookup lookup = byCode.find(CHANNEL.key() + ":" + chat.hash, code);
            if (lookup instanceof ResumeByCode.Lookup.TooManyAttempts) {
                say(chat, words.shared(lang, "error.too_many_attempts", Map.of()));
                return;
            }
            if (lookup instanceof ResumeByCode.Lookup.Closed closed) {
                // its words say it can still be deleted: the code does that, so the chat offers it right here, as the
                // web's page of the code does (it said so and offered nothing; /vergeet keeps to the chat's own)
                live.retire(chat);
                live.show(chat, view.closedDeletion(lang, closed.flowId(), readConversation.closedMessage(lang, closed.flowId()),
                        nl.samenspraak.storage.ResumeCodes.normalize(code)));
                return;
            }
            if (!(lookup instanceof ResumeByCode.Lookup.Found resumed)) {
                say(chat, words.shared(lang, "error.resume_not_found", Map.of()) + "\n" + words.say(lang, "resume_usage"));
                return;
            }
            found = Optional.of(resumed.state());
        }
        ConversationState state = found.get();
        live.turnTo(chat, state.id());
        // a finished one has nothing to go on with: said so, over its result ("we go on where you were" was untrue)
        show(chat, state, words.say(state, state.done() ? "resumed_finished" : "resumed"));
    }

    /**
     * Starts a flow: {@code <flow-id>}, or {@code <flow-id>_<team code>} (a team's deep link), which counts the
     * conversation under that team, anonymously, as the team's join link does on the web.
     */
    void startFlow(ChatContext chat, String parameter) {
        takeNextLanguage(chat);
        startFlow(chat, parameter, chat.language());
    }

    /**
     * The chat leaves the conversation that lacked the language the person asked for (/taal): that language is the
     * chat's now, for the flows it lists and starts, and the bot's words.
     */
    private void takeNextLanguage(ChatContext chat) {
        String next = chat.record() == null ? null : chat.record().nextLanguage();
        if (next != null && speaks(next)) {
            live.language(chat, next);
        }
    }

    /**
     * As {@link #startFlow(ChatContext, String)}, the conversation in {@code language} (a language of the flow's the
     * person chose when it lacked the chat's); the bot's own words stay in the chat's language.
     */
    void startFlow(ChatContext chat, String parameter, String language) {
        if (!mayStart(chat)) {
            return;
        }
        TelegramLinks.Start start = TelegramLinks.Start.parse(parameter);
        if (start.teamCode() == null) {
            begin(chat, startConversation.startBy(start.flowId(), language, CHANNEL, Origin.NONE, chat.caller()), "", parameter);
            return;
        }
        String lang = chat.language();
        Optional<Team> team = teams.byJoinCode(start.teamCode());
        if (team.isEmpty()) {
            menu(chat, words.say(lang, "team_link_gone"));
            return;
        }
        if (library.flow(start.flowId()).filter(Flow::joinsByTeamLink).isEmpty()) {
            menu(chat, words.say(lang, "team_flow_not_offered"));
            return;
        }
        begin(chat, startConversation.start(start.flowId(), language, CHANNEL, Origin.team(team.get().id())),
                words.say(lang, "team_started", Map.of("team", team.get().name())), parameter);
    }

    /**
     * Counts a start against the chat's share of starts an hour ({@link nl.samenspraak.limits.StartLimit}, as the web
     * counts per address, before anything is looked up); false, and said, when the chat has had it, with the question
     * of a conversation going on asked again. Without it one Telegram account sending /start in a loop filled the
     * database, or a team's figures through its deep link, where the web stops at thirty an hour.
     */
    private boolean mayStart(ChatContext chat) {
        if (useCases.starts.tryStart(CHANNEL.key() + ":" + chat.hash)) {
            return true;
        }
        String refused = words.say(chat.language(), "too_many_starts");
        Optional<ConversationState> ongoing = current(chat).filter(s -> !s.done());
        if (ongoing.isPresent()) {
            show(chat, ongoing.get(), refused);
        } else {
            menu(chat, refused);
        }
        return false;
    }

    /** {@code parameter}: what was asked to start (a flow's id, a team's code with it), to offer it in another language. */
    private void begin(ChatContext chat, Turn started, String prefix, String parameter) {
        Optional<Flow> otherLanguages = library.flow(TelegramLinks.Start.parse(parameter).flowId());
        if (started.kind() == Turn.Kind.UNKNOWN_LANGUAGE && otherLanguages.isPresent()) {
            // "choose from Nederlands, English" said with nothing to choose with, and /start's menu, in the chat's
            // language, does not list the flow: the flow's languages as buttons, each starting it in that one
            live.retire(chat);
            live.show(chat, view.flowLanguages(chat.language(), otherLanguages.get(), parameter, started.error()));
            return;
        }
        Optional<ConversationState> ongoing = current(chat).filter(s -> !s.done());
        if (started.kind() != Turn.Kind.OK && ongoing.isPresent()) {
            // a wrong /start while a conversation goes on: say so, and ask the same question again
            show(chat, ongoing.get(), started.error());
            return;
        }
        if (started.kind() == Turn.Kind.UNKNOWN_FLOW) {
            // a link to a flow no longer offered (or mistyped): why, and the flows there are, to start one with a tap
            // ("choose one with /start" asked for one more message)
            menu(chat, started.error());
            return;
        }
        if (started.kind() != Turn.Kind.OK) {
            live.retire(chat);
            live.saveIfStored(chat);
            say(chat, started.error() + "\n" + words.say(chat.language(), "no_conversation"));
            return;
        }
        // a /start while another conversation goes on leaves that one as it is: say so, with its code to come back
        // (a new conversation began without a word, and the person thought the earlier answers were gone)
        String left = ongoing.filter(s -> !s.id().equals(started.state().id()))
                .map(s -> words.say(s, "previous_paused") + notKept(chat, s) + "\n" + codeLine(s)).orElse("");
        live.turnTo(chat, started.state().id());
        // one blank line between the earlier conversation's notice and the new one (the question adds its own after
        // the prefix: ending the notice with two more line breaks made three)
        show(chat, started.state(), left.isEmpty() || prefix.isEmpty() ? left + prefix : left + "\n\n" + prefix);
    }

    /**
     * Whether the question on the chat's screen belongs to a conversation that is gone: deleted by retention (a slow
     * answerer's, past its flow's {@code unfinished}) or forgotten by its code elsewhere, the chat's link to it cleared
     * by the database while its buttons stayed live. Any other way out of a conversation takes those buttons first.
     */
    boolean conversationGone(ChatContext chat) {
        return chat.record() != null && chat.conversationId() == null && chat.record().liveStep() != null;
    }

    /**
     * For a chat whose conversation is gone: the conversation's own word for one not found, and the menu to begin
     * again. A tap there said "already answered" and took the buttons, a message got the bare menu: the person learnt
     * neither that the answers were gone nor why.
     */
    void conversationGoneMenu(ChatContext chat) {
        menu(chat, words.shared(chat.language(), "error.conversation_not_found", Map.of()));
    }

    /**
     * The chat's unfinished conversation it turned to last, when it is in none (paused with /stop, or left for a new
     * one): what /hervat alone takes up, and what the menu's "Verder met" goes on with.
     */
    Optional<ConversationState> paused(ChatContext chat) {
        return chats.conversations(chat.hash).stream().map(id -> readConversation.state(id, null, chat.caller()))
                .flatMap(Optional::stream).filter(s -> !s.done()).findFirst();
    }

    /**
     * The flows to start, under {@code prefix}, with "Verder met" for the conversation the chat is in or, outside one,
     * the one it paused: a greeting after /stop showed the flows alone, and the way back (/hervat) nowhere.
     */
    void menu(ChatContext chat, String prefix) {
        live.retire(chat);
        ConversationState unfinished = current(chat).filter(s -> !s.done()).orElse(null);
        if (unfinished == null) {
            takeNextLanguage(chat);
            if (chat.conversationId() == null) {
                unfinished = paused(chat).orElse(null);
            }
        }
        String lang = chat.language();
        List<Flow> flows = flows(lang);
        live.show(chat, view.menu(lang, prefix, flows, unfinished));
    }

    /** The flows the menu offers in {@code lang}, in the order of their groups ({@link nl.samenspraak.flow.FlowGroups}). */
    List<Flow> flows(String lang) {
        return nl.samenspraak.flow.FlowGroups.inOrder(library.listed().stream().filter(f -> f.speaks(lang) && offered.offers(f)).toList());
    }

    void languageMenu(ChatContext chat, String prefix) {
        live.retire(chat);
        live.show(chat, view.languages(chat.language(), flowOf(chat), prefix));
    }

    /** /resultaat: the short result of the chat's last finished conversation, again, with its buttons. */
    void result(ChatContext chat) {
        Optional<ConversationState> finished = lastFinished(chat);
        if (finished.isEmpty()) {
            // at "Controleer je antwoorden" the result is one tap away: the list with "Afronden" again, not "no
            // conversation finished yet, choose one with /start" (which sent the person away from it)
            Optional<ConversationState> reviewing = current(chat).filter(s -> !s.done())
                    .filter(s -> PendingAnswer.of(chat).filter(p -> p.belongsTo(s.id(), s.step().id())).isPresent());
            if (reviewing.isPresent()) {
                show(chat, reviewing.get(), "");
                return;
            }
            // in the middle of one: when the result comes, and the question to go on with ("no conversation finished
            // yet, choose one with /start" sent the person away from it)
            Optional<ConversationState> going = current(chat).filter(s -> !s.done());
            if (going.isPresent()) {
                show(chat, going.get(), words.say(going.get(), "result_not_yet"));
                return;
            }
            sayKey(chat, "no_result");
            return;
        }
        live.retire(chat);
        live.show(chat, view.shortResult(finished.get(), "", readConversation.resultToKeep(finished.get()), webLink(finished.get())));
    }

    /**
     * "Als PDF" under a short result: the result of the chat's last finished conversation as the web chat's PDF,
     * sent as a document; only for a result the person may keep (the button is not offered otherwise, and an old
     * button of a flow that changed gets the "no result" line). Counted against the chat's share of PDFs a minute
     * ({@link nl.samenspraak.limits.DocumentLimit}, as the web's routes count per address) before anything is made: a
     * chat tapping the button in a loop kept a core busy.
     */
    void resultPdf(ChatContext chat) {
        // noted first, in the update's commit under the chat's lock: a second tap (on this instance or another) sees it
        chat.update(chat.record().withPdfAsked(sender.now()));
        live.save(chat);
        if (!useCases.documents.tryMake(CHANNEL.key() + ":" + chat.hash)) {
            say(chat, words.shared(chat.language(), "error.too_many_attempts", Map.of()));
            return;
        }
        Optional<ConversationState> finished = lastFinished(chat);
        if (finished.isEmpty() || !readConversation.resultToKeep(finished.get())) {
            sayKey(chat, "no_result");
            return;
        }
        // made and sent apart from the chat's updates, once the tap is answered: made in the update it held the
        // button's spinner, and every message the person sent meanwhile, for seconds
        sender.sendDocument(chat.chatId, finished.get().id(), chat.caller());
    }

    /**
     * Whether {@code stepId} of the conversation's flow is answered from options (a choice, a list, a scale, yes/no):
     * its refusals speak of "the answers below", which only its own buttons are.
     */
    boolean answeredFromOptions(ConversationState state, String stepId) {
        return library.flow(state.flow()).flatMap(f -> f.step(stepId)).map(step -> !step.options().isEmpty()).orElse(true);
    }

    /**
     * Whether "Als PDF" on the live buttons was tapped less than {@link #PDF_AGAIN_AFTER} ago: its file is being made or
     * was just sent, and a double tap (or an impatient second one) would bring a second file. Read from the chat's row
     * under the chat's lock, so it holds across instances; new live buttons (/resultaat) offer it afresh. Past that,
     * as long as its file still waits to go (Telegram away for longer, or its instance gone and its lease not yet
     * run out): a tap then brought a second file, both arriving once Telegram was back (the Telegram probe of
     * December 2026). Noted and read on the outbox's clock, as the file's own wait is: a clock of the tests' apart from
     * the wall's judged the tap by one and the file by the other.
     */
    boolean pdfJustAsked(ChatContext chat) {
        java.time.Instant asked = chat.record() == null ? null : chat.record().pdfAskedAt();
        return asked != null && (asked.isAfter(sender.now().minus(PDF_AGAIN_AFTER)) || sender.documentWaiting(chat.chatId));
    }

    /**
     * "Meer tips" under a short result: the whole result of the chat's last finished conversation, which takes over
     * the short one's other buttons (a second tap on "Meer tips" is then one on an earlier message: a double tap sent
     * the whole result twice).
     */
    void wholeResult(ChatContext chat) {
        Optional<ConversationState> finished = lastFinished(chat);
        if (finished.isEmpty()) {
            sayKey(chat, "no_result");
            return;
        }
        ConversationState state = finished.get();
        live.retire(chat);
        live.show(chat, view.wholeResult(state, readConversation.resultToKeep(state), webLink(state)));
    }

    /** Whether "Bekijk op het web" is offered: a public address is set and the result may be kept and still opens. */
    private boolean webLink(ConversationState state) {
        return webLinks.offered() && readConversation.resultToKeep(state) && readConversation.resultOpenUntil(state.id()).isPresent();
    }

    /**
     * "Bekijk op het web": a link to the result only ({@link WebResultLinks}), in a message of its own, never as a URL
     * button on the result, with what it shows and until when it works. When no link may be made, says so.
     */
    void webResult(ChatContext chat) {
        Optional<ConversationState> finished = lastFinished(chat);
        if (finished.isEmpty()) {
            sayKey(chat, "no_result");
            return;
        }
        ConversationState state = finished.get();
        Optional<WebResultLinks.Link> link = readConversation.resultToKeep(state) ? webLinks.make(state.id()) : Optional.empty();
        if (link.isEmpty()) {
            sender.send(chat.chatId, Reply.text(words.say(state, "web_result_closed"), state.language()).about(state.id()));
            return;
        }
        String until = webLinks.until(link.get(), state.language());
        sender.send(chat.chatId, Reply.text(words.say(state, "web_result_link",
                Map.of("date", until, "link", link.get().url())), state.language()).about(state.id()));
    }

    private Optional<ConversationState> lastFinished(ChatContext chat) {
        List<String> ids = new ArrayList<>();
        if (chat.conversationId() != null) {
            ids.add(chat.conversationId());
        }
        ids.addAll(chats.conversations(chat.hash));
        return ids.stream().distinct().map(id -> readConversation.state(id, null, chat.caller())).flatMap(Optional::stream)
                .filter(ConversationState::done).findFirst();
    }

    /**
     * {@code /start LINK<token>} from the deep link a professional made on their page: links this chat to their
     * account (see {@link ChatLinks}), or says the link expired or was used already. Nothing of the chat is logged.
     */
    void link(ChatContext chat, String token) {
        ChatLinks.Redeemed redeemed = chats.accounts().redeem(CHANNEL, chat.hash, token);
        chat.relinked();
        String key = redeemed instanceof ChatLinks.Redeemed.Linked ? "chat_linked"
                : redeemed instanceof ChatLinks.Redeemed.Expired ? "chat_link_expired" : "chat_link_used";
        say(chat, words.shared(chat.language(), "chatlink." + key, Map.of()));
    }

    /** {@code /ontkoppel}: this chat no longer acts for an account; its conversations stay where they are. */
    void unlink(ChatContext chat) {
        boolean was = chats.accounts().unlink(CHANNEL, chat.hash);
        chat.relinked();
        say(chat, words.shared(chat.language(), was ? "chatlink.chat_unlinked" : "chatlink.chat_not_linked", Map.of()));
    }

    /** For a person whose Telegram language the project lacks: which language, before anything else. */
    void languageMenuForEveryone(ChatContext chat) {
        live.retire(chat);
        live.show(chat, view.languagesForEveryone());
    }

    void forgetQuestion(ChatContext chat) {
        live.retire(chat);
        live.show(chat, view.forgetConfirmation(chat.language(), flowOf(chat)));
    }

    /** Whether the project speaks the language with this code (the bot's words, and flows, in it). */
    boolean speaks(String code) {
        return !code.isEmpty() && library.translations().language(code).isPresent();
    }

    void changeLanguage(ChatContext chat, String code) {
        Optional<Language> language = library.translations().language(code);
        if (language.isEmpty()) {
            live.retireAndSave(chat);
            return;
        }
        Optional<ConversationState> state = current(chat).filter(s -> !s.done());
        Turn turn = state.map(s -> changeConversation.changeLanguage(s.id(), code, null, chat.caller())).orElse(null);
        Optional<Flow> flow = state.flatMap(s -> library.flow(s.flow()));
        if (turn != null && turn.kind() == Turn.Kind.UNKNOWN_LANGUAGE && flow.isPresent()) {
            // the conversation's flow lacks it: the bot's words in it around questions in another made a chat in two
            // languages, so the chat keeps its words while this conversation goes on. The wish is kept for the chat's
            // next flow (it was forgotten, and the next flow began in the old language): said in the chat's words,
            // with the flow's own languages to tap, and first in the language chosen, for a reader of that one only
            Map<String, Object> said = Map.of("language", TelegramWords.html(language.get().name()), "languages",
                    TelegramWords.html(String.join(", ", flow.get().languages().stream().map(l -> library.translations().language(l)
                            .map(Language::name).orElse(l) + " (" + l + ")").toList())));
            chat.update(chat.ensureRecord().withNextLanguage(code));
            live.retire(chat);
            sender.send(chat.chatId, Reply.text(words.say(code, "language_next", said), code)
                    .about(chat.conversationId()));
            live.show(chat, view.conversationLanguages(chat.language(), flow.get(),
                    words.say(chat.language(), flow.get().id(), "language_next", said)));
            return;
        }
        String wished = chat.record() == null ? null : chat.record().nextLanguage();
        live.retire(chat);
        live.language(chat, code);
        // a language of its own chosen for the conversation that lacked the one wished for (a tap under "the next
        // conversation starts in ..."): for this conversation; the wish stays for the next
        if (wished != null && turn != null && turn.kind() == Turn.Kind.OK && flow.isPresent() && !flow.get().speaks(wished)) {
            chat.update(chat.record().withNextLanguage(wished));
            live.save(chat);
        }
        String notice = words.say(code, flowOf(chat), "language_set", Map.of("language", TelegramWords.html(language.get().name())));
        if (turn == null) {
            menu(chat, notice);
            return;
        }
        switch (turn.kind()) {
            case OK -> show(chat, turn.state(), notice);
            case UNKNOWN_LANGUAGE, BUSY -> show(chat, turn.state(), notice + "\n" + turn.error());
            default -> menu(chat, notice);
        }
    }

    /**
     * /vergeet, confirmed: every conversation this chat had, its answers (voice too), the chat's own row and its link
     * to an account: "nothing of this chat is kept" holds.
     */
    void forget(ChatContext chat) {
        // what still waits to go to the chat never goes (nobody saw it; it may hold answers), so nothing older than
        // this reply turns up after it; a message on its way at this moment is deleted once it arrived
        sender.withdrawWaiting(chat.chatId);
        live.retire(chat);
        List<String> ids = new ArrayList<>(chats.conversations(chat.hash));
        if (chat.conversationId() != null && !ids.contains(chat.conversationId())) {
            ids.add(chat.conversationId());
        }
        ids.forEach(deleteConversation::deleteOwn);
        chats.accounts().unlink(CHANNEL, chat.hash);
        chat.relinked();
        live.delete(chat);
        // the chat's messages on the phone too, as far as Telegram still lets a bot delete them (48 hours); the reply
        // that says so is not noted, so that no row of this chat is left, and says otherwise when Telegram refused
        List<Long> deletions = sender.deleteMessages(chat.chatId, messages.take(chat.hash));
        sender.sendUnnotedUnlessRefused(chat.chatId, Reply.text(words.say(chat.language(), flowOf(chat), "forgotten", Map.of()), chat.language()),
                words.say(chat.language(), flowOf(chat), "forgotten_not_deleted", Map.of()), deletions);
    }

    /**
     * "Yes" under a closed result reached by its code: deletes that conversation with its answers by the code, as the
     * web does (counted as a look-up of the chat's), and says what came of it in the chat's language.
     */
    void deleteClosed(ChatContext chat, String code) {
        live.retireAndSave(chat);
        String lang = chat.language();
        switch (byCode.delete(CHANNEL.key() + ":" + chat.hash, code)) {
            case DELETED -> say(chat, words.say(lang, "closed_deleted"));
            case TOO_MANY_ATTEMPTS -> say(chat, words.shared(lang, "error.too_many_attempts", Map.of()));
            // deleted meanwhile (another tap, the web): nothing has this code any more
            case NOT_FOUND -> say(chat, words.shared(lang, "error.resume_not_found", Map.of()));
        }
    }

    void keep(ChatContext chat) {
        live.retireAndSave(chat);
        String notice = words.say(chat.language(), flowOf(chat), "forget_cancelled", Map.of());
        Optional<ConversationState> state = current(chat).filter(s -> !s.done());
        if (state.isPresent()) {
            show(chat, state.get(), notice);
        } else {
            say(chat, notice);
        }
    }

    /**
     * A forwarded message (a text, a voice message, anything): someone else's words, or a value for a button question
     * that the person did not give, so never their answer, not even gathered for "Klaar" (nor kept: it may name a third
     * person). In a conversation: why, in its words, with the question again (what they typed themselves stays);
     * outside one, what any message gets there.
     */
    void forwarded(ChatContext chat) {
        Optional<ConversationState> state = current(chat).filter(s -> !s.done());
        if (state.isPresent()) {
            show(chat, state.get(), words.say(state.get(), "forwarded_not_answer"));
        } else if (conversationGone(chat)) {
            conversationGoneMenu(chat);
        } else {
            menu(chat, "");
        }
    }

    /** What came of an answer (or back): the next question or the result; an error comes with the same question. */
    void after(ChatContext chat, Turn turn, String echo) {
        switch (turn.kind()) {
            case OK -> {
                if (turn.deleted()) {
                    // "nee" to consent: the use case deleted the conversation with its answers in this commit, and says
                    // so. The chat leaves it: saving its row, still naming it, failed the whole update, and the
                    // person read "something went wrong, earlier answers are saved" with the conversation kept
                    live.retire(chat);
                    dropPending(chat);
                    live.leaveConversation(chat);
                }
                show(chat, turn.state(), echo);
            }
            case INVALID, NOT_CURRENT, QUESTION_CHANGED, BUSY -> show(chat, turn.state(), turn.error());
            default -> {
                live.retire(chat);
                dropPending(chat);
                live.leaveConversation(chat);
                say(chat, turn.error());
            }
        }
    }

    void show(ChatContext chat, ConversationState state, String prefix) {
        Optional<PendingAnswer> held = PendingAnswer.of(chat);
        if (held.isPresent() && !state.done() && held.get().belongsTo(state.id(), state.step().id())) {
            // the last question with its answer held: the answers to check, again (in the language chosen now)
            showReview(chat, state, held.get(), prefix);
            return;
        }
        // the options toggled on this very question, asked again (a typed word refused, another language): kept, as
        // they are while it waits; they were dropped, and "Klaar" then said the question needs an answer
        boolean askedAgain = !state.done() && "multi".equals(state.step().type()) && chat.record() != null
                && state.id().equals(chat.conversationId()) && state.step().id().equals(chat.record().liveStep());
        Set<Integer> toggled = askedAgain ? live.selection(chat, state.step()) : Set.of();
        live.retire(chat);
        dropDraftUnlessFor(chat, state);
        dropPending(chat);
        if (state.done()) {
            live.show(chat, view.shortResult(state, prefix, readConversation.resultToKeep(state), webLink(state)));
            live.save(chat);
            return;
        }
        Set<Integer> selection = new TreeSet<>(toggled);
        if (!askedAgain && "multi".equals(state.step().type()) && state.step().previous() instanceof Collection<?> previous) {
            List<OptionView> options = state.step().options();
            for (int i = 0; i < options.size(); i++) {
                if (previous.contains(options.get(i).value())) {
                    selection.add(i);
                }
            }
        }
        Reply question = view.question(state, prefix, selection);
        if ("text".equals(state.step().type()) && answerByVoice.takesVoice(state.id(), state.step().id(), chat.caller())) {
            // a question that takes a voice message says so (what a voice message is kept as: SpokenAnswers)
            question = question.withHtml(question.html() + "\n<i>" + words.say(state, "voice_hint") + "</i>");
        }
        Optional<TypedDraft> typing = TypedDraft.of(chat).filter(d -> d.belongsTo(state.id(), state.step().id()));
        if (typing.isPresent() && !typing.get().text().isEmpty()) {
            // asked again while an answer is being typed (another language, /hervat, a refusal): what was typed so far
            // and how to finish it come with the question, or the person no longer sees either
            question = view.draft(state, typing.get().text(), question.html());
        }
        live.show(chat, question);
        if (!selection.isEmpty() && chat.liveMessageId() != null) {
            live.select(chat, selection, state.step());
        }
    }

    /**
     * "Controleer je antwoorden": every answer given so far and the held one ({@link AnswerReview}), with "Afronden"
     * and "Wijzigen"; its buttons are the live ones, for the step the held answer answers.
     */
    void showReview(ChatContext chat, ConversationState state, PendingAnswer pending, String prefix) {
        live.retire(chat);
        List<ConversationState.TranscriptEntry> entries = readConversation.transcript(state.id())
                .map(ConversationState.Transcript::entries).orElse(List.of());
        live.show(chat, view.review(state, entries, pending, prefix));
    }

    /** The answer held for review, dropped (saved with the chat's next change). */
    private static void dropPending(ChatContext chat) {
        if (chat.record() != null && chat.record().pending() != null) {
            chat.update(chat.record().withPending(null));
        }
    }

    /** A text answer being typed counts only for the question it was typed for. */
    private static void dropDraftUnlessFor(ChatContext chat, ConversationState state) {
        if (chat.record() != null && chat.record().draft() != null && (state.done() || TypedDraft.parse(chat.record().draft())
                .filter(d -> d.belongsTo(state.id(), state.step().id())).isEmpty())) {
            chat.update(chat.record().withDraft(null));
        }
    }

    /** The answer just given, repeated in the conversation's words. */
    String echo(ConversationState state, String answerHtml) {
        return "<i>" + words.say(state, "chosen", Map.of("answer", TelegramWords.html(answerHtml))) + "</i>";
    }

    /**
     * The answer to {@code step} that {@code turn} stored, as the conversation words it ({@code state.echo}, the one
     * wording every channel repeats: an option by its label, a date with its year), for Telegram's HTML; empty when
     * the turn stored no answer to that step. A typed answer is read more loosely than a tap ("Berbers en Turks" names
     * "Berbers (Tamazight)"), so what was typed is never repeated as if it were what was kept.
     */
    Optional<String> stored(Turn turn, String step) {
        if (turn.kind() != Turn.Kind.OK || turn.deleted() || turn.state().echo() == null) {
            return Optional.empty();
        }
        ConversationState.TranscriptEntry echo = turn.state().echo();
        return step.equals(echo.step()) && echo.answer() != null ? Optional.of(TelegramHtml.forTelegram(echo.answer())) : Optional.empty();
    }
}
