package nl.samenspraak.telegram;

import nl.samenspraak.conversation.Caller;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.pdf.ResultPdf;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.objects.InputFile;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Makes the result PDF a chat asked for ("Als PDF") when its outbox row's turn comes, not in the update that asked:
 * making it takes seconds, and the chat's next update is not to wait for them. Read afresh from the conversation as it
 * is then, so a conversation forgotten or closed since the tap gives no file (empty). The same file as the web chat's
 * ({@link ResultPdf}), named by the flow and the day it last changed, with the flow's title as its caption.
 */
final class ResultDocuments {
    private final ReadConversation readConversation;
    private final FlowLibrary library;
    private final ResultPdf pdf;
    private final TelegramWords words;

    ResultDocuments(ReadConversation readConversation, FlowLibrary library, ResultPdf pdf, TelegramWords words) {
        this.readConversation = readConversation;
        this.library = library;
        this.pdf = pdf;
        this.words = words;
    }

    /** The upload of the result of {@code conversation} to the chat; empty when that result is not (any more) to keep. */
    Optional<SendDocument> make(long chatId, String conversation, Caller caller) {
        Optional<ConversationState> found = readConversation.state(conversation, null, caller)
                .filter(readConversation::resultToKeep);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ConversationState state = found.get();
        LocalDate day = readConversation.lastChanged(state.id(), caller).orElse(LocalDate.now());
        byte[] bytes = pdf.make(state, day);
        String title = "<b>" + TelegramHtml.forTelegram(library.translations().flowText(state.language(), state.flow(), "title")) + "</b>";
        String caption = words.language(state.language()).rightToLeft()
                ? TelegramHtml.RLM + TelegramHtml.rightToLeft(TelegramHtml.isolateLeftToRight(title)) : title;
        return Optional.of(SendDocument.builder().chatId(chatId)
                .document(new InputFile(new ByteArrayInputStream(bytes), "samenspraak-" + state.flow() + "-" + day + ".pdf"))
                .caption(caption).parseMode("HTML").build());
    }
}
