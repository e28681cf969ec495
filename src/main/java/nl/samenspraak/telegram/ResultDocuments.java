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
 * ({@link ResultPdf}), named by the flow and the day it last changed, with the flow's title as its caption. Made once
 * for a tap: the sender keeps it ({@link MadeFiles}) while Telegram cannot take it for now.
 */
final class ResultDocuments {
    private final ReadConversation readConversation;
    private final FlowLibrary library;
    private final ResultPdf pdf;
    private final TelegramWords words;
    private final WebResultLinks webLinks;

    ResultDocuments(ReadConversation readConversation, FlowLibrary library, ResultPdf pdf, TelegramWords words,
                    WebResultLinks webLinks) {
        this.readConversation = readConversation;
        this.library = library;
        this.pdf = pdf;
        this.words = words;
        this.webLinks = webLinks;
    }

    /** A file made: its bytes (the person's answers are in them), its name and its caption (HTML). */
    record Made(byte[] bytes, String fileName, String caption) {
    }

    /** The result of {@code conversation} as a file; empty when that result is not (any more) to keep. */
    Optional<Made> make(String conversation, Caller caller) {
        Optional<ConversationState> found = keep(conversation, caller);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ConversationState state = found.get();
        LocalDate day = readConversation.lastChanged(state.id(), caller).orElse(LocalDate.now());
        byte[] bytes = pdf.make(state, day);
        String title = "<b>" + TelegramHtml.forTelegram(library.translations().flowText(state.language(), state.flow(), "title")) + "</b>";
        String caption = words.language(state.language()).rightToLeft()
                ? TelegramHtml.RLM + TelegramHtml.rightToLeft(TelegramHtml.isolateLeftToRight(title)) : title;
        return Optional.of(new Made(bytes, "samenspraak-" + state.flow() + "-" + day + ".pdf", caption));
    }

    /** The upload of a file made to the chat: a stream of its own for every try. */
    static SendDocument upload(long chatId, Made made) {
        return SendDocument.builder().chatId(chatId)
                .document(new InputFile(new ByteArrayInputStream(made.bytes()), made.fileName()))
                .caption(made.caption()).parseMode("HTML").build();
    }

    /**
     * That the file of {@code conversation} could not be sent (Telegram refused it, or it could not be made), and what
     * to do: tap "Als PDF" again later, or open the result on the web where "Bekijk op het web" is offered; in the
     * conversation's language and register. Empty when that result is not (any more) to keep: then there is nothing
     * to ask for again.
     */
    Optional<String> notSent(String conversation, Caller caller) {
        return keep(conversation, caller).map(state -> {
            String html = words.say(state, webLinks.offered() && readConversation.resultOpenUntil(state.id()).isPresent()
                    ? "pdf_not_sent_web" : "pdf_not_sent");
            // marked right-to-left where the language reads so, as every reply is (ReplySender)
            return words.language(state.language()).rightToLeft()
                    ? TelegramHtml.RLM + TelegramHtml.rightToLeft(TelegramHtml.isolateLeftToRight(html)) : html;
        });
    }

    private Optional<ConversationState> keep(String conversation, Caller caller) {
        return readConversation.state(conversation, null, caller).filter(readConversation::resultToKeep);
    }
}
