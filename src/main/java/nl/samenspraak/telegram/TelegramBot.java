package nl.samenspraak.telegram;

import nl.samenspraak.conversation.Entry;

import nl.samenspraak.conversation.ResumeByCode;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.ConversationState.StepView;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.team.Teams;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Telegram channel's entry: takes each update once, finds its chat, and hands it on: a command to
 * {@link CommandRouter}, a tapped button to {@link ButtonRouter}, a typed answer to the current question.
 * The conversation engine decides whether an answer is valid, where it leads and what the result is.
 */
final class TelegramBot {
    private final FlowLibrary library;
    private final TelegramWords words;
    private final ReplySender sender;
    private final Chats chats;
    private final ChatIds chatIds;
    private final SeenUpdates seen;
    private final ChatLock chatLock;
    private final ChatActions actions;
    private final CommandRouter commands;
    private final ButtonRouter buttons;
    private final TypedAnswers typedAnswers;
    private final TelegramLinks links;
    private final SpokenAnswers spoken;
    private final GroupAddress group;
    /** Every answer goes to the conversation through it: the last one waits for "Controleer je antwoorden". */
    private final AnswerReview review;
    /** The ids of the person's messages in a private chat, noted in the update's commit for {@code /vergeet}. */
    private final ChatMessages messages;

    TelegramBot(BotUseCases useCases, FlowLibrary library, TelegramWords words, ReplySender sender,
                Chats chats, ChatIds chatIds, SeenUpdates seen, ChatLock chatLock, ResumeByCode resumeByCode, Teams teams, TelegramLinks links,
                VoiceDownloads voices, WebResultLinks webLinks, ChatMessages messages) {
        this.messages = messages;
        this.links = links;
        this.group = new GroupAddress(links.username());
        this.library = library;
        this.words = words;
        this.sender = sender;
        this.chats = chats;
        this.chatIds = chatIds;
        this.seen = seen;
        this.chatLock = chatLock;
        LiveMessage live = new LiveMessage(chats, sender);
        this.actions = new ChatActions(useCases, library, words, new ConversationView(words), sender, live, chats,
                resumeByCode, teams, webLinks, messages);
        this.commands = new CommandRouter(actions);
        this.review = new AnswerReview(actions);
        this.typedAnswers = new TypedAnswers(actions, review);
        this.buttons = new ButtonRouter(actions, typedAnswers, review);
        this.spoken = new SpokenAnswers(actions, review, library, voices);
    }

    /**
     * Handles an update once, as one commit: the update's claim (one seen before is ignored), the answer, the chat's
     * row and the replies in the outbox, under the chat's lock (one update of a chat at a time on every instance);
     * the replies are sent after that commit. When handling fails, nothing of it is kept, the claim included (a
     * webhook retry may bring the update back), and the person hears that something went wrong.
     */
    void handle(Update update) {
        seen.pruneNowAndThen();
        try {
            VoiceDownloads.Fetched voice = voiceFor(update);
            long chat = chatOf(update);
            sender.afterCommit(() -> actions.useCases().oneCommit.run(() -> {
                chatLock.hold(chatIds.hash(chat));
                if (!seen.claim(update.getUpdateId())) {
                    return null;
                }
                noteMessage(update);
                if (update.hasCallbackQuery()) {
                    onCallback(update.getCallbackQuery(), voice);
                } else if (update.hasMessage()) {
                    onMessage(update.getMessage(), voice);
                } else if (update.hasEditedMessage()) {
                    onEdit(update.getEditedMessage());
                }
                return null;
            }));
        } catch (RuntimeException e) {
            try {
                apologize(update);
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }

    /**
     * A message the person sent in a private chat (whatever it is: an answer, a command, a photo) is noted by its id,
     * so that {@code /vergeet} can have Telegram delete it; a tap is no message, and an edit is one noted before. Noted as
     * of when it was sent, so that Telegram's 48 hours count right also for an update handled late (after an outage).
     */
    private void noteMessage(Update update) {
        Message message = update.hasMessage() ? update.getMessage() : null;
        if (message != null && message.getChat() != null && Boolean.TRUE.equals(message.getChat().isUserChat())
                && message.getMessageId() != null) {
            messages.note(chatIds.hash(message.getChatId()), message.getMessageId(),
                    message.getDate() == null ? null : java.time.Instant.ofEpochSecond(message.getDate()));
        }
    }

    /**
     * Whether a message the update carries names no chat. Telegram never sends one, but the webhook takes whatever
     * comes with the secret, and the library's message throws when asked for the chat of one: such an update is
     * passed over (acknowledged, so it is not delivered again), not failed.
     */
    static boolean namesNoChat(Update update) {
        return update.hasMessage() && update.getMessage().getChat() == null
                || update.hasEditedMessage() && update.getEditedMessage().getChat() == null
                || update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null
                        && update.getCallbackQuery().getMessage().getChat() == null;
    }

    /** The chat an update belongs to, for ordering only (never stored or logged); 0 when it has none. */
    static long chatOf(Update update) {
        if (update.hasMessage() && update.getMessage().getChatId() != null) {
            return update.getMessage().getChatId();
        }
        if (update.hasEditedMessage() && update.getEditedMessage().getChatId() != null) {
            return update.getEditedMessage().getChatId();
        }
        if (update.hasCallbackQuery()) {
            if (update.getCallbackQuery().getMessage() != null && update.getCallbackQuery().getMessage().getChatId() != null) {
                return update.getCallbackQuery().getMessage().getChatId();
            }
            if (update.getCallbackQuery().getFrom() != null) {
                return update.getCallbackQuery().getFrom().getId();
            }
        }
        return 0;
    }

    /**
     * A voice message for a question that takes one, fetched before the update's commit opens (a download is no
     * work to hold a transaction open for); null for anything else.
     */
    private VoiceDownloads.Fetched voiceFor(Update update) {
        if (update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null
                && update.getCallbackQuery().getMessage().getChatId() != null && AnswerReview.isFinish(update.getCallbackQuery().getData())) {
            // "Afronden" under a voice answer held for review: its audio, fetched again from Telegram
            CallbackQuery query = update.getCallbackQuery();
            ChatContext chat = open(query.getMessage().getChatId(), languageOf(query.getFrom()));
            return AnswerReview.finishesVoice(chat, query.getData())
                    ? spoken.fetch(PendingAnswer.of(chat).orElseThrow().voice()) : null;
        }
        if (!update.hasMessage() || !update.getMessage().hasVoice() || update.getMessage().getChat() == null
                || !Boolean.TRUE.equals(update.getMessage().getChat().isUserChat())) {
            return null;
        }
        Message message = update.getMessage();
        if (forwarded(message)) {
            return null; // not an answer (onMessage), so nothing to fetch
        }
        return spoken.wanted(open(message.getChatId(), languageOf(message.getFrom()))) ? spoken.fetch(message) : null;
    }

    private void onMessage(Message message, VoiceDownloads.Fetched voice) {
        if (message.getChat() == null) {
            return;
        }
        String fallback = languageOf(message.getFrom());
        if (!Boolean.TRUE.equals(message.getChat().isUserChat())) {
            if (!group.meansTheBot(message.getText())) {
                // the group's own talk, which a bot without privacy mode gets too: a reply to each would be spam
                return;
            }
            // with the bot's username known, the way to a private chat is one tap away
            String link = links.privateChat().map(l -> "\n" + TelegramHtml.escape(l)).orElse("");
            sender.send(message.getChatId(), Reply.text(words.say(fallback, "private_only") + link, fallback));
            return;
        }
        ChatContext chat = open(message.getChatId(), fallback);
        if (!chat.stored() && languageLacking(message.getFrom())) {
            // a team's poster or an intermediair's link names what to start: start it first (counted under the team,
            // in Dutch), then let the person choose the language it goes on in; the choice alone lost the link
            CommandRouter.command(message.getText() == null ? "" : message.getText())
                    .filter(CommandRouter::startsSomethingNamed).ifPresent(start -> commands.route(chat, start));
            actions.languageMenuForEveryone(chat);
            return;
        }
        String text = message.getText();
        if (forwarded(message) && (text == null || CommandRouter.command(text).isEmpty())) {
            // someone else's words (or a button question's value typed by another): never the person's answer
            actions.forwarded(chat);
            return;
        }
        if (text == null || text.isBlank()) {
            if (message.hasVoice() && voice != null) {
                spoken.answer(chat, voice, PendingAnswer.SpokenFile.of(message.getVoice()));
            } else {
                spoken.explain(chat, notText(message));
            }
            return;
        }
        Optional<String> command = CommandRouter.command(text);
        if (command.isPresent()) {
            commands.route(chat, command.get());
        } else {
            typed(chat, message.getMessageId(), message.getReplyToMessage() == null ? null
                    : message.getReplyToMessage().getMessageId(), text);
        }
    }

    /**
     * Whether a message was forwarded from elsewhere ({@code forward_origin}; the older {@code forward_date} too): it
     * carries what someone else wrote or said, and perhaps who they are.
     */
    static boolean forwarded(Message message) {
        return message.getForwardOrigin() != null || message.getForwardDate() != null;
    }

    /** A friendly word for what was sent instead of text: a photo, a sticker, a voice message, or anything else. */
    private static String notText(Message message) {
        if (message.hasPhoto() || message.hasVideo() || message.hasDocument()) {
            // words written with it (a caption) are not read either: said, so that nobody takes them as kept, and the
            // photo itself is never fetched (it may show a face, a letter, an address)
            return message.getCaption() == null || message.getCaption().isBlank() ? "not_understood_photo" : "not_understood_photo_caption";
        }
        if (message.hasSticker()) {
            return "not_understood_sticker";
        }
        if (message.hasVoice() || message.hasAudio() || message.hasVideoNote()) {
            return "not_understood_voice";
        }
        return "not_understood";
    }

    /** A message changed after it was sent: part of an answer being typed, the last text answer, or older. */
    private void onEdit(Message message) {
        if (message.getChat() == null || !Boolean.TRUE.equals(message.getChat().isUserChat()) || message.getText() == null
                || message.getText().isBlank() || CommandRouter.command(message.getText()).isPresent()) {
            return;
        }
        ChatContext chat = open(message.getChatId(), languageOf(message.getFrom()));
        typedAnswers.edited(chat, message.getMessageId(), message.getText());
    }

    /** A typed answer goes to the current question, whatever its type: the engine says whether it fits. */
    private void typed(ChatContext chat, Integer messageId, Integer replyTo, String text) {
        Optional<ConversationState> state = actions.current(chat);
        if (state.isEmpty() && actions.conversationGone(chat)) {
            actions.conversationGoneMenu(chat);
            return;
        }
        if (state.isEmpty()) {
            actions.menu(chat, "");
            return;
        }
        if (state.get().done()) {
            // said, not dropped in silence: "Oh, en nog iets: ..." after the result got the menu alone (the Telegram probe)
            actions.menu(chat, words.say(state.get(), "after_done"));
            return;
        }
        StepView step = state.get().step();
        if ("info".equals(step.type())) {
            actions.show(chat, state.get(), "");
            return;
        }
        // the question on this chat's screen, which the conversation may have left (answered on elsewhere by its code):
        // the use case refuses an answer to it then, with its not-current word and the question it does ask
        String shown = actions.shownStep(chat, state.get());
        if (TypedAnswers.collects(step) && messageId != null) {
            // an open question's first line sent before the question appeared ("Klaar", then one more line meant for
            // the answer just given) is not the start of this one's; once a draft is begun, the live message is its
            // echo, and the parts typed meanwhile are all the answer's
            boolean begun = TypedDraft.of(chat).filter(d -> d.belongsTo(state.get().id(), step.id()))
                    .filter(d -> !d.text().isEmpty()).isPresent();
            if (!begun && typedBeforeTheQuestion(chat, messageId)) {
                actions.show(chat, state.get(), words.say(state.get(), "typed_before_question"));
                return;
            }
            typedAnswers.collect(chat, state.get().id(), shown, messageId, text);
            return;
        }
        if (messageId != null && typedBeforeTheQuestion(chat, messageId)) {
            actions.show(chat, state.get(), words.say(state.get(), "typed_before_question"));
            return;
        }
        if (replyTo != null && typedBeforeTheQuestion(chat, replyTo)) {
            // a reply to an earlier question (swiped to answer it again, say): meant for that one, and stored under
            // the question now on screen it was an answer the person never gave
            actions.show(chat, state.get(), words.say(state.get(), "reply_to_earlier"));
            return;
        }
        typedAnswers.answer(chat, state.get(), shown, messageId, text);
    }

    /**
     * Whether a typed message was sent before the question now on screen: in a private chat Telegram numbers the
     * person's messages and the bot's in one sequence, so a message numbered below the live question's was typed
     * before that question appeared. Two quick messages ("3", then "4" as a correction) made the second the answer to
     * the next question, which the person had not seen. While the question is still on its way (its number not known
     * yet: another instance is sending it, or Telegram is away) nobody has seen it either, so the message was typed
     * before it: with two instances "4" right after "3" was taken by the second while the first still sent question 2,
     * and stored as the answer to it (the Telegram probe of December 2026).
     */
    private boolean typedBeforeTheQuestion(ChatContext chat, long messageId) {
        java.util.Optional<Long> live = actions.live().liveTelegramId(chat);
        return live.isPresent() ? messageId < live.get() : actions.live().liveOnItsWay(chat);
    }

    private void onCallback(CallbackQuery query, VoiceDownloads.Fetched voice) {
        MaybeInaccessibleMessage message = query.getMessage();
        if (message == null || message.getChatId() == null) {
            sender.answerCallback(query, null, false);
            return;
        }
        buttons.route(open(message.getChatId(), languageOf(query.getFrom())), query, voice);
    }

    private void apologize(Update update) {
        Long chatId = update.hasMessage() ? update.getMessage().getChatId()
                : update.hasEditedMessage() ? update.getEditedMessage().getChatId()
                : update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null
                ? update.getCallbackQuery().getMessage().getChatId() : null;
        User from = update.hasMessage() ? update.getMessage().getFrom()
                : update.hasEditedMessage() ? update.getEditedMessage().getFrom()
                : update.hasCallbackQuery() ? update.getCallbackQuery().getFrom() : null;
        if (update.hasCallbackQuery()) {
            sender.answerCallback(update.getCallbackQuery(), null, false);
        }
        if (chatId != null) {
            String lang = languageOf(from);
            sender.send(chatId, Reply.text(words.shared(lang, "error.internal", Map.of()), lang));
        }
    }

    private ChatContext open(long chatId, String fallbackLanguage) {
        return chats.open(chatId, chatIds.hash(chatId), fallbackLanguage);
    }

    /** Whether the person's Telegram app speaks a language the project does not offer (e.g. Persian). */
    private boolean languageLacking(User user) {
        String primary = primaryLanguage(user);
        return !primary.isEmpty() && library.translations().language(primary).isEmpty();
    }

    /** The person's Telegram language when the project speaks it ("pt-br" counts as "pt"), else Dutch. */
    private String languageOf(User user) {
        String primary = primaryLanguage(user);
        return !primary.isEmpty() && library.translations().language(primary).isPresent() ? primary : Language.SOURCE;
    }

    /**
     * The language of the person's app without its region ("pt-br" is "pt"), lower case; "" when it names none. Cut at
     * the first '-' or '_' rather than split: a code of "-" or "_" split into nothing, and the update failed.
     */
    static String primaryLanguage(User user) {
        String code = user == null || user.getLanguageCode() == null ? "" : user.getLanguageCode().strip().toLowerCase(Locale.ROOT);
        int dash = code.indexOf('-');
        int underscore = code.indexOf('_');
        int cut = dash < 0 ? underscore : underscore < 0 ? dash : Math.min(dash, underscore);
        return cut < 0 ? code : code.substring(0, cut);
    }
}
