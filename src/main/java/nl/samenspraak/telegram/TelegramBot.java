package nl.samenspraak.telegram;

import nl.samenspraak.api.AttemptLimiter;
import nl.samenspraak.conversation.ConversationService;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.ConversationState.OptionView;
import nl.samenspraak.conversation.ConversationState.StepView;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.conversation.Turn;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.storage.ResumeCodes;
import nl.samenspraak.team.JoinController;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The Telegram channel's adapter: turns an update (a typed message, a command, a tapped button) into calls
 * on {@link ConversationService} and shows what comes back. The conversation engine decides whether an
 * answer is valid, where it leads and what the result is; this class decides only how it looks in Telegram
 * and which buttons are still live: exactly one message per chat has live buttons, and a tap on any
 * other gets "already answered".
 */
final class TelegramBot {
    static final String CHANNEL = "telegram";
    private static final int NOTICE_LIMIT = 200;

    private final ConversationService conversations;
    private final FlowLibrary library;
    private final TelegramWords words;
    private final ConversationView view;
    private final BotApiSender api;
    private final Chats chats;
    private final ChatIds chatIds;
    private final SeenUpdates seen;
    private final AttemptLimiter resumeAttempts;
    private final Teams teams;

    TelegramBot(ConversationService conversations, FlowLibrary library, TelegramWords words, BotApiSender api,
                Chats chats, ChatIds chatIds, SeenUpdates seen, AttemptLimiter resumeAttempts, Teams teams) {
        this.conversations = conversations;
        this.library = library;
        this.words = words;
        this.view = new ConversationView(words);
        this.api = api;
        this.chats = chats;
        this.chatIds = chatIds;
        this.seen = seen;
        this.resumeAttempts = resumeAttempts;
        this.teams = teams;
    }

    /**
     * Handles an update once: one seen before is ignored. When handling fails, the update is let go
     * again (a webhook retry may bring it back) and the person hears that something went wrong.
     */
    void handle(Update update) {
        if (!seen.firstTime(update.getUpdateId())) {
            return;
        }
        try {
            if (update.hasCallbackQuery()) {
                onCallback(update.getCallbackQuery());
            } else if (update.hasMessage()) {
                onMessage(update.getMessage());
            }
        } catch (RuntimeException e) {
            seen.forget(update.getUpdateId());
            try {
                apologize(update);
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }

    // ---- messages and commands

    private void onMessage(Message message) {
        if (message.getChat() == null) {
            return;
        }
        String fallback = languageOf(message.getFrom());
        if (!Boolean.TRUE.equals(message.getChat().isUserChat())) {
            send(message.getChatId(), Reply.text(words.say(fallback, "private_only"), fallback));
            return;
        }
        ChatContext chat = open(message.getChatId(), fallback);
        String text = message.getText();
        if (text == null || text.isBlank()) {
            send(chat, Reply.text(words.say(chat.language(), "not_understood"), chat.language()));
            return;
        }
        text = text.strip();
        if (text.startsWith("/")) {
            command(chat, text);
        } else {
            typed(chat, text);
        }
    }

    private void command(ChatContext chat, String text) {
        String[] parts = text.substring(1).split("\\s+", 2);
        String name = parts[0].contains("@") ? parts[0].substring(0, parts[0].indexOf('@')) : parts[0];
        String argument = parts.length > 1 ? parts[1].strip() : "";
        switch (name.toLowerCase(Locale.ROOT)) {
            case "start" -> {
                if (argument.isEmpty()) {
                    menu(chat, "");
                } else {
                    startFlow(chat, argument);
                }
            }
            case "help" -> send(chat, view.help(chat.language(), ""));
            case "taal" -> {
                retireLive(chat);
                showLive(chat, view.languages(chat.language()));
            }
            case "terug" -> back(chat);
            case "opnieuw" -> restart(chat);
            case "stop" -> pause(chat);
            case "hervat" -> resume(chat, argument);
            case "vergeet" -> {
                retireLive(chat);
                showLive(chat, view.forgetConfirmation(chat.language()));
            }
            default -> send(chat, view.help(chat.language(), words.say(chat.language(), "unknown_command")));
        }
    }

    /** A typed answer goes to the current question, whatever its type: the engine says whether it fits. */
    private void typed(ChatContext chat, String text) {
        Optional<ConversationState> state = current(chat);
        if (state.isEmpty() || state.get().done()) {
            menu(chat, "");
            return;
        }
        StepView step = state.get().step();
        if ("info".equals(step.type())) {
            show(chat, state.get(), "");
            return;
        }
        after(chat, conversations.answer(state.get().id(), step.id(), text), "");
    }

    private void back(ChatContext chat) {
        Optional<ConversationState> state = current(chat);
        if (state.isEmpty()) {
            send(chat, Reply.text(words.say(chat.language(), "no_conversation"), chat.language()));
            return;
        }
        Turn turn = conversations.back(state.get().id());
        if (turn.kind() != Turn.Kind.OK) {
            after(chat, turn, "");
            return;
        }
        boolean moved = state.get().done() || !turn.state().step().id().equals(state.get().step().id());
        after(chat, turn, words.say(turn.state().language(), moved ? "went_back" : "at_first"));
    }

    private void restart(ChatContext chat) {
        Optional<ConversationState> state = current(chat);
        if (state.isEmpty()) {
            send(chat, Reply.text(words.say(chat.language(), "no_conversation"), chat.language()));
            return;
        }
        Origin origin = conversations.origin(state.get().id()).orElse(Origin.NONE);
        begin(chat, conversations.start(state.get().flow(), state.get().language(), CHANNEL, origin),
                words.say(state.get().language(), "restarted"));
    }

    private void pause(ChatContext chat) {
        Optional<ConversationState> state = current(chat);
        if (state.isEmpty()) {
            send(chat, Reply.text(words.say(chat.language(), "no_conversation"), chat.language()));
            return;
        }
        retireLive(chat);
        chat.update(chat.ensureRecord().withConversation(null));
        chats.save(chat);
        String lang = state.get().language();
        send(chat, Reply.text(words.say(lang, "paused") + "\n\n" + view.code(lang, state.get().resumeCode()), lang));
    }

    private void resume(ChatContext chat, String code) {
        String lang = chat.language();
        Optional<ConversationState> found;
        if (code.isEmpty()) {
            found = chats.conversations(chat.hash).stream().map(conversations::state).flatMap(Optional::stream)
                    .filter(s -> !s.done()).findFirst();
            if (found.isEmpty()) {
                send(chat, Reply.text(words.say(lang, "nothing_to_resume") + "\n" + words.say(lang, "resume_usage"), lang));
                return;
            }
        } else {
            if (!resumeAttempts.tryAcquire(CHANNEL + ":" + chat.hash)) {
                send(chat, Reply.text(words.shared(lang, "error.too_many_attempts", Map.of()), lang));
                return;
            }
            String normalized = ResumeCodes.normalize(code);
            found = normalized == null ? Optional.empty() : conversations.resume(normalized);
            if (found.isEmpty() && normalized != null && conversations.closed(normalized, true)) {
                send(chat, Reply.text(conversations.closedMessage(lang), lang));
                return;
            }
            if (found.isEmpty()) {
                send(chat, Reply.text(words.shared(lang, "error.resume_not_found", Map.of()) + "\n"
                        + words.say(lang, "resume_usage"), lang));
                return;
            }
        }
        ConversationState state = found.get();
        turnTo(chat, state.id());
        show(chat, state, words.say(state.language(), "resumed"));
    }

    /**
     * Starts a flow: {@code <flow-id>}, or {@code <flow-id>_<team code>} (a team's deep link), which counts the
     * conversation under that team, anonymously, as the team's join link does on the web.
     */
    private void startFlow(ChatContext chat, String parameter) {
        TelegramLinks.Start start = TelegramLinks.Start.parse(parameter);
        if (start.teamCode() == null) {
            begin(chat, conversations.start(start.flowId(), chat.language(), CHANNEL), "");
            return;
        }
        String lang = chat.language();
        Optional<Team> team = teams.byJoinCode(start.teamCode());
        if (team.isEmpty()) {
            menu(chat, words.say(lang, "team_link_gone"));
            return;
        }
        if (library.flow(start.flowId()).filter(f -> JoinController.AUDIENCE.equals(f.audience())).isEmpty()) {
            menu(chat, words.say(lang, "team_flow_not_offered"));
            return;
        }
        begin(chat, conversations.start(start.flowId(), lang, CHANNEL, Origin.team(team.get().id())),
                words.say(lang, "team_started", Map.of("team", team.get().name())));
    }

    private void begin(ChatContext chat, Turn started, String prefix) {
        if (started.kind() != Turn.Kind.OK) {
            retireLive(chat);
            if (chat.stored()) {
                chats.save(chat);
            }
            send(chat, Reply.text(started.error() + "\n" + words.say(chat.language(), "no_conversation"), chat.language()));
            return;
        }
        turnTo(chat, started.state().id());
        show(chat, started.state(), prefix);
    }

    /** Makes {@code conversationId} the chat's current conversation and remembers the chat had it. */
    private void turnTo(ChatContext chat, String conversationId) {
        chat.update(chat.ensureRecord().withConversation(conversationId));
        chats.save(chat);
        chats.link(chat, conversationId);
    }

    private void menu(ChatContext chat, String prefix) {
        retireLive(chat);
        String lang = chat.language();
        List<Flow> flows = library.flows().stream().filter(f -> f.speaks(lang)).toList();
        ConversationState unfinished = current(chat).filter(s -> !s.done()).orElse(null);
        showLive(chat, view.menu(lang, prefix, flows, unfinished));
    }

    // ---- buttons

    private void onCallback(CallbackQuery query) {
        MaybeInaccessibleMessage message = query.getMessage();
        if (message == null || message.getChatId() == null) {
            answerCallback(query, null, false);
            return;
        }
        ChatContext chat = open(message.getChatId(), languageOf(query.getFrom()));
        Optional<Callback> callback = Callback.parse(query.getData());
        Long live = chat.liveMessageId();
        if (callback.isEmpty() || live == null || message.getMessageId() == null || live != message.getMessageId().longValue()) {
            stale(chat, query, message.getMessageId());
            return;
        }
        Callback c = callback.get();
        switch (c.kind()) {
            case Callback.FLOW -> {
                answerCallback(query, null, false);
                String flowId = c.argument().startsWith("#") ? flowAt(chat, c.index()) : c.argument();
                startFlow(chat, flowId == null ? "" : flowId);
            }
            case Callback.CONTINUE -> {
                answerCallback(query, null, false);
                Optional<ConversationState> state = current(chat);
                if (state.isPresent()) {
                    show(chat, state.get(), "");
                } else {
                    menu(chat, "");
                }
            }
            case Callback.LANGUAGE -> {
                answerCallback(query, null, false);
                changeLanguage(chat, c.argument());
            }
            case Callback.FORGET -> {
                answerCallback(query, null, false);
                if ("y".equals(c.argument())) {
                    forget(chat);
                } else {
                    keep(chat);
                }
            }
            default -> questionButton(chat, query, c);
        }
    }

    /** A button of the question that is live: the engine gets the answer; toggles only change the buttons. */
    private void questionButton(ChatContext chat, CallbackQuery query, Callback c) {
        Optional<ConversationState> found = current(chat);
        String liveStep = chat.record().liveStep();
        if (found.isEmpty() || found.get().done() || liveStep == null || !liveStep.equals(found.get().step().id())) {
            answerCallback(query, words.plain(chat.language(), "already_answered"), false);
            found.ifPresentOrElse(s -> show(chat, s, ""), () -> retireLiveAndSave(chat));
            return;
        }
        ConversationState state = found.get();
        StepView step = state.step();
        String lang = state.language();
        List<OptionView> options = step.options();
        switch (c.kind()) {
            case Callback.NEXT -> {
                answerCallback(query, null, false);
                after(chat, conversations.answer(state.id(), step.id(), null), "");
            }
            case Callback.SKIP -> {
                answerCallback(query, null, false);
                after(chat, conversations.answer(state.id(), step.id(), null),
                        echo(lang, words.shared(lang, "answer.skipped", Map.of())));
            }
            case Callback.ANSWER -> {
                int i = c.index();
                if (i < 0 || i >= options.size()) {
                    stale(chat, query, null);
                    return;
                }
                answerCallback(query, null, false);
                after(chat, conversations.answer(state.id(), step.id(), options.get(i).value()),
                        echo(lang, TelegramHtml.forTelegram(options.get(i).label())));
            }
            case Callback.TOGGLE -> {
                int i = c.index();
                Set<Integer> selection = selection(chat);
                if (i >= 0 && i < options.size() && !selection.remove(i)) {
                    selection.add(i);
                }
                chat.update(chat.record().withSelection(selection.stream().map(String::valueOf).collect(Collectors.joining(","))));
                chats.save(chat);
                api.send(EditMessageReplyMarkup.builder().chatId(String.valueOf(chat.chatId))
                        .messageId(chat.liveMessageId().intValue()).replyMarkup(view.keyboard(state, selection)).build());
                answerCallback(query, null, false);
            }
            case Callback.DONE -> {
                List<String> values = new ArrayList<>();
                selection(chat).stream().filter(i -> i < options.size()).forEach(i -> values.add(options.get(i).value()));
                Turn turn = conversations.answer(state.id(), step.id(), values);
                if (turn.kind() == Turn.Kind.INVALID) {
                    answerCallback(query, TelegramHtml.toPlain(turn.error()), true);
                    return;
                }
                answerCallback(query, null, false);
                after(chat, turn, echo(lang, view.answerLabel(step, values)));
            }
            default -> stale(chat, query, null);
        }
    }

    /** A tap on buttons that are not live: a short notice, and those buttons go. */
    private void stale(ChatContext chat, CallbackQuery query, Integer messageId) {
        answerCallback(query, words.plain(chat.language(), "already_answered"), false);
        if (messageId != null && !messageId.equals(chat.liveMessageId() == null ? null : chat.liveMessageId().intValue())) {
            removeButtons(chat.chatId, messageId);
        }
    }

    private void changeLanguage(ChatContext chat, String code) {
        Optional<Language> language = library.translations().language(code);
        if (language.isEmpty()) {
            retireLiveAndSave(chat);
            return;
        }
        retireLive(chat);
        chat.update(chat.ensureRecord().withLanguage(code));
        chats.save(chat);
        String notice = words.say(code, "language_set", Map.of("language", TelegramWords.html(language.get().name())));
        Optional<ConversationState> state = current(chat).filter(s -> !s.done());
        if (state.isEmpty()) {
            menu(chat, notice);
            return;
        }
        Turn turn = conversations.changeLanguage(state.get().id(), code);
        switch (turn.kind()) {
            case OK -> show(chat, turn.state(), notice);
            case UNKNOWN_LANGUAGE, BUSY -> show(chat, turn.state(), notice + "\n" + turn.error());
            default -> menu(chat, notice);
        }
    }

    /** /vergeet, confirmed: every conversation this chat had, its answers, and the chat's own row. */
    private void forget(ChatContext chat) {
        retireLive(chat);
        List<String> ids = new ArrayList<>(chats.conversations(chat.hash));
        if (chat.conversationId() != null && !ids.contains(chat.conversationId())) {
            ids.add(chat.conversationId());
        }
        ids.forEach(conversations::delete);
        chats.delete(chat);
        send(chat, Reply.text(words.say(chat.language(), "forgotten"), chat.language()));
    }

    private void keep(ChatContext chat) {
        retireLiveAndSave(chat);
        String notice = words.say(chat.language(), "forget_cancelled");
        Optional<ConversationState> state = current(chat).filter(s -> !s.done());
        if (state.isPresent()) {
            show(chat, state.get(), notice);
        } else {
            send(chat, Reply.text(notice, chat.language()));
        }
    }

    // ---- showing

    /** What came of an answer (or back): the next question or the result; an error comes with the same question. */
    private void after(ChatContext chat, Turn turn, String echo) {
        switch (turn.kind()) {
            case OK -> show(chat, turn.state(), echo);
            case INVALID, NOT_CURRENT, BUSY -> show(chat, turn.state(), turn.error());
            default -> {
                retireLive(chat);
                chat.update(chat.ensureRecord().withConversation(null));
                if (chat.stored()) {
                    chats.save(chat);
                }
                send(chat, Reply.text(turn.error(), chat.language()));
            }
        }
    }

    private void show(ChatContext chat, ConversationState state, String prefix) {
        retireLive(chat);
        if (state.done()) {
            send(chat, view.result(state, prefix));
            chats.save(chat);
            return;
        }
        Set<Integer> selection = new TreeSet<>();
        if ("multi".equals(state.step().type()) && state.step().previous() instanceof Collection<?> previous) {
            List<OptionView> options = state.step().options();
            for (int i = 0; i < options.size(); i++) {
                if (previous.contains(options.get(i).value())) {
                    selection.add(i);
                }
            }
        }
        showLive(chat, view.question(state, prefix, selection));
        if (!selection.isEmpty() && chat.liveMessageId() != null) {
            chat.update(chat.record().withSelection(selection.stream().map(String::valueOf).collect(Collectors.joining(","))));
            chats.save(chat);
        }
    }

    /** Sends a reply whose buttons become the live ones (the caller retired the old ones). */
    private void showLive(ChatContext chat, Reply reply) {
        Integer messageId = send(chat, reply);
        if (reply.keyboard() != null) {
            chat.update(chat.ensureRecord().withLive(messageId == null ? null : messageId.longValue(), reply.step()));
        }
        if (reply.keyboard() != null || chat.stored()) {
            chats.save(chat);
        }
    }

    /** Takes the buttons off the live message, e.g. the question just answered. */
    private void retireLive(ChatContext chat) {
        Long live = chat.liveMessageId();
        if (live != null) {
            removeButtons(chat.chatId, live.intValue());
            chat.update(chat.record().withLive(null, null));
        }
    }

    private void retireLiveAndSave(ChatContext chat) {
        boolean had = chat.liveMessageId() != null;
        retireLive(chat);
        if (had) {
            chats.save(chat);
        }
    }

    private void removeButtons(long chatId, int messageId) {
        api.send(EditMessageReplyMarkup.builder().chatId(String.valueOf(chatId)).messageId(messageId).build());
    }

    private Integer send(ChatContext chat, Reply reply) {
        return send(chat.chatId, reply);
    }

    /**
     * Sends a reply, in parts below Telegram's limit when it is long (the buttons on the last part), each
     * line marked right-to-left for such a language. The id of the last part sent, or null.
     */
    private Integer send(long chatId, Reply reply) {
        boolean rtl = words.language(reply.language()).rightToLeft();
        String text = rtl ? TelegramHtml.rightToLeft(reply.html()) : reply.html();
        List<String> parts = TelegramHtml.split(text, TelegramHtml.MESSAGE_LIMIT - 1);
        Integer last = null;
        for (int i = 0; i < parts.size(); i++) {
            String part = rtl && !parts.get(i).startsWith(String.valueOf(TelegramHtml.RLM)) ? TelegramHtml.RLM + parts.get(i) : parts.get(i);
            InlineKeyboardMarkup keyboard = i == parts.size() - 1 ? reply.keyboard() : null;
            last = api.send(SendMessage.builder().chatId(String.valueOf(chatId)).text(part).parseMode("HTML")
                            .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                            .replyMarkup(keyboard).build())
                    .map(Message::getMessageId).orElse(null);
        }
        return last;
    }

    private void answerCallback(CallbackQuery query, String notice, boolean alert) {
        String text = notice == null ? null : notice.length() > NOTICE_LIMIT ? notice.substring(0, NOTICE_LIMIT - 1) + "\u2026" : notice;
        api.send(AnswerCallbackQuery.builder().callbackQueryId(query.getId()).text(text).showAlert(alert ? true : null).build());
    }

    private void apologize(Update update) {
        Long chatId = update.hasMessage() ? update.getMessage().getChatId()
                : update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null
                ? update.getCallbackQuery().getMessage().getChatId() : null;
        User from = update.hasMessage() ? update.getMessage().getFrom()
                : update.hasCallbackQuery() ? update.getCallbackQuery().getFrom() : null;
        if (update.hasCallbackQuery()) {
            answerCallback(update.getCallbackQuery(), null, false);
        }
        if (chatId != null) {
            String lang = languageOf(from);
            send(chatId, Reply.text(words.shared(lang, "error.internal", Map.of()), lang));
        }
    }

    // ---- small things

    private ChatContext open(long chatId, String fallbackLanguage) {
        return chats.open(chatId, chatIds.hash(chatId), fallbackLanguage);
    }

    private Optional<ConversationState> current(ChatContext chat) {
        String id = chat.conversationId();
        return id == null ? Optional.empty() : conversations.state(id);
    }

    private Set<Integer> selection(ChatContext chat) {
        String s = chat.record().selection();
        Set<Integer> chosen = new TreeSet<>();
        if (s != null && !s.isBlank()) {
            Arrays.stream(s.split(",")).map(String::trim).filter(p -> p.matches("\\d{1,4}")).map(Integer::valueOf).forEach(chosen::add);
        }
        return chosen;
    }

    private String echo(String lang, String answerHtml) {
        return "<i>" + words.say(lang, "chosen", Map.of("answer", TelegramWords.html(answerHtml))) + "</i>";
    }

    /** A flow by its place in the menu (for ids too long for a button). */
    private String flowAt(ChatContext chat, int index) {
        List<Flow> flows = library.flows().stream().filter(f -> f.speaks(chat.language())).toList();
        return index >= 0 && index < flows.size() ? flows.get(index).id() : null;
    }

    /** The person's Telegram language when the project speaks it ("pt-br" counts as "pt"), else Dutch. */
    private String languageOf(User user) {
        String code = user == null || user.getLanguageCode() == null ? "" : user.getLanguageCode().toLowerCase(Locale.ROOT);
        String primary = code.split("[-_]")[0];
        return library.translations().language(primary).isPresent() ? primary : Language.SOURCE;
    }
}
