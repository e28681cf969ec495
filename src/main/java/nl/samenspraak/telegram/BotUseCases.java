package nl.samenspraak.telegram;

import jakarta.inject.Singleton;
import nl.samenspraak.conversation.AnswerByVoice;
import nl.samenspraak.conversation.AnswerQuestion;
import nl.samenspraak.conversation.ChangeConversation;
import nl.samenspraak.conversation.ConversationService;
import nl.samenspraak.conversation.DeleteConversation;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.conversation.StartConversation;

/**
 * The conversation use cases the bot calls, handed from the channel to the bot and its actions as one, so that the
 * bot needing one more does not change every constructor on the way. It only holds them: every decision is the use
 * case's own.
 */
@Singleton
final class BotUseCases {
    final StartConversation startConversation;
    final ReadConversation readConversation;
    final DeleteConversation deleteConversation;
    final AnswerByVoice answerByVoice;
    final AnswerQuestion answerQuestion;
    final ChangeConversation changeConversation;
    final ConversationService conversations;

    BotUseCases(StartConversation startConversation, ReadConversation readConversation, DeleteConversation deleteConversation, AnswerByVoice answerByVoice, AnswerQuestion answerQuestion, ChangeConversation changeConversation,
                ConversationService conversations) {
        this.startConversation = startConversation;
        this.readConversation = readConversation;
        this.deleteConversation = deleteConversation;
        this.answerByVoice = answerByVoice;
        this.answerQuestion = answerQuestion;
        this.changeConversation = changeConversation;
        this.conversations = conversations;
    }
}
