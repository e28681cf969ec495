package nl.samenspraak.telegram;

import jakarta.inject.Singleton;
import nl.samenspraak.conversation.AnswerByVoice;
import nl.samenspraak.conversation.AnswerQuestion;
import nl.samenspraak.conversation.ChangeConversation;
import nl.samenspraak.conversation.DeleteConversation;
import nl.samenspraak.conversation.OfferedFlows;
import nl.samenspraak.conversation.OneCommit;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.conversation.StartConversation;
import nl.samenspraak.limits.DocumentLimit;
import nl.samenspraak.limits.StartLimit;

/**
 * The conversation use cases the bot calls, handed from the channel to the bot and its actions as one, so that the
 * bot needing one more does not change every constructor on the way. It only holds them: every decision is the use
 * case's own.
 */
@Singleton
final class BotUseCases {
    final StartConversation startConversation;
    final AnswerQuestion answerQuestion;
    final AnswerByVoice answerByVoice;
    final ChangeConversation changeConversation;
    final ReadConversation readConversation;
    final DeleteConversation deleteConversation;
    /** Wraps a whole update, the answer and the chat's replies, in one commit ({@link TelegramBot#handle}). */
    final OneCommit oneCommit;
    /** Which flows the menu lists: the same rule as the web's start page. */
    final OfferedFlows offeredFlows;
    /** How many result PDFs a chat may have made a minute: the same limit as the web's per address. */
    final DocumentLimit documents;
    /** How many conversations a chat may start an hour: the same limit as the web's per address. */
    final StartLimit starts;

    BotUseCases(StartConversation startConversation, AnswerQuestion answerQuestion, AnswerByVoice answerByVoice,
                ChangeConversation changeConversation, ReadConversation readConversation,
                DeleteConversation deleteConversation, OneCommit oneCommit, OfferedFlows offeredFlows,
                DocumentLimit documents, StartLimit starts) {
        this.offeredFlows = offeredFlows;
        this.documents = documents;
        this.starts = starts;
        this.startConversation = startConversation;
        this.answerQuestion = answerQuestion;
        this.answerByVoice = answerByVoice;
        this.changeConversation = changeConversation;
        this.readConversation = readConversation;
        this.deleteConversation = deleteConversation;
        this.oneCommit = oneCommit;
    }
}
