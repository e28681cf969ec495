package nl.samenspraak.conversation;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.samenspraak.engine.ConversationEngine;
import nl.samenspraak.engine.Progress;
import nl.samenspraak.flow.Channel;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.Translations;
import nl.samenspraak.storage.ConversationStore;
import nl.samenspraak.storage.StoredConversation;

import java.util.Map;
import java.util.Optional;

/**
 * Starts a conversation, for every channel: checks the flow and the language, lets the engine open the flow at its
 * first step, stores the conversation with who holds it and where it is counted, and only then renders the first
 * question. Its own use case because starting decides things nothing else does: who holds a conversation and under
 * which team it counts.
 */
@Singleton
public class StartConversation {
    private final FlowLibrary library;
    private final ConversationEngine engine;
    private final ConversationStore store;
    private final TeamNames teams;
    private final ConversationReplies replies;
    private final OfferedFlows offered;

    public StartConversation(FlowLibrary library, ConversationEngine engine, ConversationStore store, TeamNames teams,
                             ConversationReplies replies, OfferedFlows offered) {
        this.offered = offered;
        this.library = library;
        this.engine = engine;
        this.store = store;
        this.teams = teams;
        this.replies = replies;
    }

    /**
     * Whether a client may start one more conversation now (a channel's limit, e.g. {@code limits.StartLimit}, which
     * counts the start when it admits it). Asked only once the flow and the language are known to start: a start
     * refused for an unknown flow or a language the flow lacks used up the client's share, so thirty typos in an app
     * locked a community centre's address out for an hour with "too many conversations started" when none was (the
     * API probe of December 2026).
     */
    @FunctionalInterface
    public interface Admission {
        /** Every start is admitted: the channel asked its limit itself (a link's flow and language are known). */
        Admission ALWAYS = () -> true;

        boolean admit();
    }

    public Turn start(String flowId, String language, Channel channel) {
        return start(flowId, language, channel, Origin.NONE);
    }

    /** As {@link #start(String, String, Channel)}, when {@code admission} admits it (see {@link Admission}). */
    public Turn start(String flowId, String language, Channel channel, Admission admission) {
        return start(flowId, language, channel, Origin.NONE, null, Caller.PUBLIC, language, admission);
    }

    /** Starts a conversation counted under {@code origin}'s team and wijk (see {@link Origin}). */
    public Turn start(String flowId, String language, Channel channel, Origin origin) {
        return start(flowId, language, channel, origin, null, Caller.PUBLIC);
    }

    /**
     * As above, with someone reading along in {@code readerLanguage}, started by {@code holder}: an intermediair's
     * conversation opens only for them from now on (see {@link Caller}); {@link Caller#PUBLIC}: the respondent's own.
     */
    public Turn start(String flowId, String language, Channel channel, Origin origin, @Nullable String readerLanguage,
                      Caller holder) {
        return start(flowId, language, channel, origin, readerLanguage, holder, readerLanguage != null ? readerLanguage : language,
                Admission.ALWAYS);
    }

    /**
     * A start from a client that may name no language, and whose own language is known apart from it (the JSON API's
     * Accept-Language, {@code clientLanguage}): without a language, the client's when the flow speaks it, else the
     * flow's first. A refusal (an unknown flow, a language the flow does not speak) is said in the language asked for
     * when the service speaks it, else in the client's: "de" or a missing language was refused in Dutch to an English
     * client.
     */
    public Turn startForClient(String flowId, @Nullable String language, Channel channel, String clientLanguage,
                               Admission admission) {
        String asked = language;
        if (asked == null) {
            asked = library.flow(flowId).filter(offered::offers)
                    .map(f -> f.speaks(clientLanguage) ? clientLanguage : f.languages().get(0)).orElse(null);
        }
        String says = library.translations().known(language).orElse(clientLanguage);
        return start(flowId, asked, channel, Origin.NONE, null, Caller.PUBLIC, says, admission);
    }

    private Turn start(String flowId, String language, Channel channel, Origin origin, @Nullable String readerLanguage,
                       Caller holder, String refusalLanguage, Admission admission) {
        Translations t = library.translations();
        // "AR" or "ar-SA" as written by a client: the service's "ar" (a code it lacks stays as it came, to be refused)
        language = t.known(language).orElse(language);
        String messageLanguage = t.languageOrSource(refusalLanguage).code();
        // a flow the service does not offer (a hidden example) starts nowhere, and is as unknown as one that is not there
        Optional<Flow> found = library.flow(flowId).filter(offered::offers);
        if (found.isEmpty()) {
            return new Turn(Turn.Kind.UNKNOWN_FLOW, null, replies.message(messageLanguage, "error.flow_not_found", Map.of()), messageLanguage);
        }
        Flow flow = found.get();
        if (language == null || !flow.speaks(language) || t.language(language).isEmpty()) {
            return new Turn(Turn.Kind.UNKNOWN_LANGUAGE, null,
                    replies.message(messageLanguage, "error.language_not_offered", Map.of("languages", replies.languagesOf(flow))), messageLanguage);
        }
        if (!admission.admit()) {
            return new Turn(Turn.Kind.TOO_MANY_STARTS, null, replies.message(messageLanguage, "error.too_many_starts", Map.of()), messageLanguage);
        }
        Progress start = engine.start(flow);
        StoredConversation created = store.create(flow, start, language, channel, origin.teamId(), origin.wijk(),
                holder.accountId());
        return Turn.ok(replies.render(flow, created, readerLanguage));
    }

    /**
     * Starts a conversation from a chat that may be linked to an account ({@code starter}, see
     * {@link Caller#linkedChat}). Who holds it is decided here, once, by the rule the intermediair's page follows: a
     * flow an intermediair asks whose answers are recorded for the professional ({@link Flow#answersForProfessional},
     * the cultureel interview), started by a linked account that belongs to a team, is that account's, counted under
     * {@code origin}'s team when it is one of theirs (starting again) else their first team, exactly as if started on
     * their page (listed under "Mijn gesprekken", its voice answers played there for the holder alone). Anything
     * else starts publicly under {@code origin}.
     */
    public Turn startBy(String flowId, String language, Channel channel, Origin origin, Caller starter) {
        Long account = starter.accountId();
        if (account != null && library.flow(flowId)
                .filter(f -> f.audience().askedByIntermediair() && f.answersForProfessional()).isPresent()) {
            java.util.List<Long> teamIds = teams.teamsOf(account);
            if (!teamIds.isEmpty()) {
                Origin counted = origin.teamId() != null && teamIds.contains(origin.teamId()) ? origin : Origin.team(teamIds.get(0));
                return start(flowId, language, channel, counted, null, Caller.intermediair(account));
            }
        }
        return start(flowId, language, channel, origin);
    }
}
