package nl.samenspraak.conversation;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.samenspraak.engine.ConversationEngine;
import nl.samenspraak.engine.Progress;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.storage.ConversationStore;
import nl.samenspraak.storage.StoredConversation;

import java.util.Map;

/**
 * Changes an unfinished conversation other than by answering: a step back, another language, another wijk of its
 * team. Its own use case because none of these moves the conversation on or stores an answer; each is made on the
 * latest stored copy and refused once the conversation is finished ({@link StoredConversations#changing}).
 */
@Singleton
public class ChangeConversation {
    private final FlowLibrary library;
    private final ConversationEngine engine;
    private final ConversationStore store;
    private final TeamNames teams;
    private final ConversationReplies replies;
    private final StoredConversations stored;

    public ChangeConversation(FlowLibrary library, ConversationEngine engine, ConversationStore store, TeamNames teams,
                              ConversationReplies replies, StoredConversations stored) {
        this.library = library;
        this.engine = engine;
        this.store = store;
        this.teams = teams;
        this.replies = replies;
        this.stored = stored;
    }

    /** One step back in a conversation that opens publicly, nobody reading along. */
    public Turn back(String id) {
        return back(id, null, Caller.PUBLIC);
    }

    /** One step back, someone reading along in {@code readerLanguage} (may be null). */
    public Turn back(String id, @Nullable String readerLanguage, Caller caller) {
        return back(id, null, readerLanguage, caller);
    }

    /**
     * One step back from the question {@code from} (null: from wherever the conversation is). When the conversation
     * no longer asks {@code from}, nothing changes: NOT_CURRENT, with the question it does ask. So a "Vorige" sent
     * twice (a retry after a reply that was lost on a phone's bad connection, a second tab) goes back once, not
     * twice past a question the person never saw again.
     */
    public Turn back(String id, @Nullable String from, @Nullable String readerLanguage, Caller caller) {
        return stored.changing(id, readerLanguage, caller, (flow, conversation) -> {
            Progress before = replies.reconcile(flow, conversation);
            if (from != null && !ConversationEngine.asks(before, from)) {
                String says = replies.messageLanguage(conversation, readerLanguage);
                return new Turn(Turn.Kind.NOT_CURRENT, replies.render(flow, conversation, readerLanguage),
                        replies.message(says, flow, "error.not_current", Map.of()), says);
            }
            Progress after = engine.back(flow, before);
            return Turn.ok(replies.render(flow, after == before ? conversation : store.saveUnder(flow.version(), conversation, after, null, false,
                    Entry.RESPONDENT.enteredBy(), null),
                    readerLanguage));
        });
    }

    /**
     * Goes on in another language: the same step, its words in {@code language}. UNKNOWN_LANGUAGE (the
     * message lists the flow's languages) when the flow does not speak it.
     */
    public Turn changeLanguage(String id, String language) {
        return changeLanguage(id, language, null, Caller.PUBLIC);
    }

    /**
     * As above, for {@code caller}, someone reading along in {@code readerLanguage} (an intermediair whose resident
     * turns out to prefer another language): the same question, now in {@code language}; the answers given keep
     * theirs. Errors in the reader's language.
     */
    public Turn changeLanguage(String id, String written, @Nullable String readerLanguage, Caller caller) {
        // "AR" or "ar-SA" as written: the service's "ar" (a code it lacks stays as it came, to be refused)
        String language = library.translations().known(written).orElse(written);
        return stored.changing(id, readerLanguage, caller, (flow, conversation) -> {
            if (language == null || !flow.speaks(language) || library.translations().language(language).isEmpty()) {
                // said in the reader's language, else the one asked for, else the conversation's: a code the service
                // lacks ("xx") was refused in Dutch to someone talking Arabic
                String says = readerLanguage != null ? replies.messageLanguage(conversation, readerLanguage)
                        : library.translations().language(language).isPresent() ? language : conversation.language();
                return new Turn(Turn.Kind.UNKNOWN_LANGUAGE, replies.render(flow, conversation, readerLanguage),
                        replies.message(says, "error.language_not_offered", Map.of("languages", replies.languagesOf(flow))), says);
            }
            return Turn.ok(replies.render(flow, language.equals(conversation.language()) ? conversation
                    : store.changeLanguage(conversation, language), readerLanguage));
        });
    }

    /**
     * Counts an unfinished conversation under another wijk of its own team from now on (an intermediair who chose the
     * wrong one, or a resident who lives elsewhere than thought): the conversation goes on at the same question.
     * INVALID, with the message in the reader's language, for a wijk that is not one of the team's (a conversation
     * never moves to another team) or a conversation that is not counted per wijk.
     */
    public Turn changeWijk(String id, String wijk, @Nullable String readerLanguage, Caller caller) {
        return stored.changing(id, readerLanguage, caller, (flow, conversation) -> {
            Long teamId = conversation.record().teamId();
            if (teamId == null || conversation.record().wijk() == null || wijk == null || !teams.wijken(teamId).contains(wijk)) {
                String says = replies.messageLanguage(conversation, readerLanguage);
                return new Turn(Turn.Kind.INVALID, replies.render(flow, conversation, readerLanguage),
                        replies.message(says, "error.wijk_not_of_team", Map.of()), says);
            }
            return Turn.ok(replies.render(flow, wijk.equals(conversation.record().wijk()) ? conversation
                    : store.changeWijk(conversation, wijk), readerLanguage));
        });
    }

    /**
     * The wijk and the resident's language changed together (an intermediair's one form): both are judged before
     * either is written, so a refusal of one leaves the conversation as it was, the other included. A null wijk or
     * language is left as it is. The refusal of the wijk comes first, as the form shows it first.
     */
    public Turn changeContext(String id, @Nullable String wijk, @Nullable String language, @Nullable String readerLanguage,
                              Caller caller) {
        return stored.changing(id, readerLanguage, caller, (flow, conversation) -> {
            boolean newWijk = wijk != null && !wijk.equals(conversation.record().wijk());
            if (newWijk) {
                Long teamId = conversation.record().teamId();
                if (teamId == null || conversation.record().wijk() == null || !teams.wijken(teamId).contains(wijk)) {
                    String says = replies.messageLanguage(conversation, readerLanguage);
                    return new Turn(Turn.Kind.INVALID, replies.render(flow, conversation, readerLanguage),
                            replies.message(says, "error.wijk_not_of_team", Map.of()), says);
                }
            }
            if (language != null && (!flow.speaks(language) || library.translations().language(language).isEmpty())) {
                String says = readerLanguage != null ? replies.messageLanguage(conversation, readerLanguage)
                        : library.translations().languageOrSource(language).code();
                return new Turn(Turn.Kind.UNKNOWN_LANGUAGE, replies.render(flow, conversation, readerLanguage),
                        replies.message(says, "error.language_not_offered", Map.of("languages", replies.languagesOf(flow))), says);
            }
            StoredConversation after = newWijk ? store.changeWijk(conversation, wijk) : conversation;
            if (language != null && !language.equals(after.language())) {
                after = store.changeLanguage(after, language);
            }
            return Turn.ok(replies.render(flow, after, readerLanguage));
        });
    }
}
