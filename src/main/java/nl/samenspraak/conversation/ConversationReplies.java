package nl.samenspraak.conversation;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.samenspraak.engine.CarriedOver;
import nl.samenspraak.engine.Outcome;
import nl.samenspraak.engine.Progress;
import nl.samenspraak.engine.Status;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.i18n.DurationWords;
import nl.samenspraak.i18n.Translations;
import nl.samenspraak.result.Result;
import nl.samenspraak.result.TeamContact;
import nl.samenspraak.storage.StoredConversation;

import java.util.Map;

/**
 * What the conversation use cases say back: a stored conversation rendered as the state a channel shows (its
 * transcript, its result alone), and the messages of a refusal in the language of whoever reads. One class that
 * every use case asks, so a state or a message reads the same whichever use case made it; none of them owns it.
 *
 * <p>Someone may read along in another language: an intermediair who asks a resident the questions. Calls
 * that take a {@code readerLanguage} then add the question in that language to the state (see
 * {@link ConversationState.Translation}) and word their error messages in it; the conversation itself goes on
 * in its own language. Null: nobody reads along.
 */
@Singleton
class ConversationReplies {
    private final FlowLibrary library;
    private final StateRenderer renderer;
    private final TextRenderer text;
    private final ContactLookup contacts;
    private final TeamNames teams;
    private final RoundStanding rounds;
    private final EarlierVersions versions;

    /**
     * {@code contacts} gives a finished resident's result their team's contact details, {@code teams} the team's name
     * that consent says (who asks), {@code rounds} whether a finished conversation came too late for its round,
     * {@code versions} how an earlier version of a flow asked its questions.
     */
    ConversationReplies(FlowLibrary library, StateRenderer renderer, TextRenderer text, ContactLookup contacts,
                        TeamNames teams, RoundStanding rounds, EarlierVersions versions) {
        this.library = library;
        this.renderer = renderer;
        this.text = text;
        this.contacts = contacts;
        this.teams = teams;
        this.rounds = rounds;
        this.versions = versions;
    }

    /**
     * A conversation started under another version of its flow than {@code flow} goes on under {@code flow}: its
     * answers carried to the questions that are the same there, asked again where they are not
     * ({@link nl.samenspraak.engine.VersionCarryOver}), judged against how its own version asked them
     * ({@link EarlierVersions#askedIn}). Under its own version it is as stored.
     */
    Progress reconcile(Flow flow, StoredConversation c) {
        return read(flow, c).now();
    }

    /**
     * The conversation as stored and as it goes on under {@code flow} ({@link #reconcile}), with the questions its own
     * version asked that {@code flow} asks as another kind under the same name: what an answer sent to it is judged on
     * ({@link nl.samenspraak.engine.ConversationEngine#answer(Flow, CarriedOver, String, Object,
     * nl.samenspraak.engine.AnswerWords, boolean)}), so that one given to the question as the earlier version showed it
     * is not taken as an answer to the new one.
     */
    CarriedOver read(Flow flow, StoredConversation c) {
        if (c.progress().ended() || flow.version().equals(c.record().flowVersion())) {
            return CarriedOver.same(c.progress());
        }
        return nl.samenspraak.engine.VersionCarryOver.read(flow, versions.askedIn(c.record().flowVersion(), flow), c.progress());
    }

    /**
     * As {@link #read(Flow, StoredConversation)}, for an answer whose screen showed its question under flow version
     * {@code shownVersion} ({@link nl.samenspraak.engine.VersionCarryOver#shownAs}): judged by how that version asked
     * it. Null, or a version of which nothing is known for this flow (none recorded by that name), says nothing: the
     * answer is judged as one that names no version.
     */
    CarriedOver read(Flow flow, StoredConversation c, @Nullable String shownVersion) {
        CarriedOver read = read(flow, c);
        if (shownVersion == null || shownVersion.equals(flow.version()) && read.askedOtherwise().isEmpty()) {
            return read; // nothing said, or shown as asked now where nothing is asked otherwise: judged as it is
        }
        Map<String, nl.samenspraak.engine.QuestionKind> shown = shownVersion.equals(flow.version())
                ? nl.samenspraak.engine.QuestionKind.of(flow) : versions.askedIn(shownVersion, flow);
        return shown.isEmpty() ? read : nl.samenspraak.engine.VersionCarryOver.shownAs(flow, shown, read);
    }

    ConversationState render(Flow flow, StoredConversation c) {
        return render(flow, c, null);
    }

    ConversationState render(Flow flow, StoredConversation c, @Nullable String readerLanguage) {
        Progress progress = reconcile(flow, c);
        // only a finished conversation counted under a team has a result that can name the team's desk
        TeamContact team = progress.ended() && c.record().teamId() != null
                ? contacts.of(c.record().teamId(), c.record().wijk()).orElse(null) : null;
        return lateNotice(flow, c, renderer.render(c.id(), c.record().resumeCode(), flow, progress, c.language(), readerLanguage, team,
                language -> about(flow, c, language)), readerLanguage);
    }

    /**
     * A result finished after its round's end says, in the person's language, that their answers are not in the
     * team's figures: the invitation told them they would count. When it finished is when it was last stored, the
     * moment the team's figures go by too; nothing else is kept for it. Someone reading along in another language
     * ({@code readerLanguage}, an intermediair) reads it beneath in theirs, as the rest of the result.
     */
    private ConversationState lateNotice(Flow flow, StoredConversation c, ConversationState state, @Nullable String readerLanguage) {
        if (state.result() == null || c.progress().status() != Status.DONE
                || !rounds.finishedAfterItsRound(c.id(), c.record().teamId(), c.record().updatedAt())) {
            return state;
        }
        String notice = message(state.language(), flow, "result.round_closed", Map.of());
        if (readerLanguage == null || readerLanguage.equals(state.language())
                || library.translations().language(readerLanguage).isEmpty()) {
            return state.withResult(state.result().withNotice(notice));
        }
        return state.withResult(state.result().withNotice(inLanguage(notice, state.language()),
                inLanguage(message(readerLanguage, flow, "result.round_closed", Map.of()), readerLanguage)));
    }

    private Result.InLanguage inLanguage(String text, String language) {
        return new Result.InLanguage(text, language, library.translations().languageOrSource(language).direction());
    }

    /** The conversation's way so far, questions as shown and answers as repeated (see {@link StateRenderer#transcript}). */
    ConversationState.Transcript transcript(Flow flow, StoredConversation c) {
        return transcript(flow, c, c.language());
    }

    /** The same way so far in {@code language}: the questions as they read in it (for someone reading along). */
    ConversationState.Transcript transcript(Flow flow, StoredConversation c, String language) {
        return renderer.transcript(c.id(), flow, reconcile(flow, c), language, l -> about(flow, c, l));
    }

    /** The result alone, as the person who answered reads it (see {@link ReadConversation#resultOnly}). */
    ConversationState resultOnly(Flow flow, StoredConversation c) {
        TeamContact team = c.record().teamId() == null ? null : contacts.of(c.record().teamId(), c.record().wijk()).orElse(null);
        return lateNotice(flow, c, renderer.resultOnly(c.id(), flow, reconcile(flow, c), c.language(), team), null);
    }

    /**
     * What a flow's texts may say about the conversation itself ({@code $conversation.*}), so consent can say who
     * asks and for how long answers are kept from the data instead of a promise typed into each language:
     * {@code team} (the team's name as it goes into a sentence of {@code language}, see
     * {@link nl.samenspraak.i18n.Translations#inSentence}; "" for none), {@code assisted} (an intermediair holds it and types the answers),
     * {@code telegram} (it was started in Telegram: a consent text names /vergeet there, and not in a web chat, where
     * it was noise in a long text),
     * {@code keptFor} / {@code unfinishedKeptFor} (the flow's retention in words, "" when it sets no limit).
     */
    private Map<String, Object> about(Flow flow, StoredConversation c, String language) {
        nl.samenspraak.flow.Retention retention = flow.retention();
        Object team = c.record().teamId() == null ? "" : teams.name(c.record().teamId())
                .map(name -> library.translations().inSentence(name, language)).orElse("");
        return Map.of("team", team,
                "assisted", c.record().heldBy() != null,
                "telegram", nl.samenspraak.flow.Channel.TELEGRAM.key().equals(c.record().channel()),
                "keptFor", DurationWords.of(retention.finished(), language),
                "unfinishedKeptFor", DurationWords.of(retention.unfinished(), language));
    }

    /** Errors are for whoever reads: the one reading along when there is one, else the respondent. */
    String messageLanguage(StoredConversation c, @Nullable String readerLanguage) {
        return readerLanguage != null && library.translations().language(readerLanguage).isPresent() ? readerLanguage : c.language();
    }

    /** The languages a flow speaks, each by its own name with its code: "Nederlands (nl), English (en)". */
    String languagesOf(Flow flow) {
        return languagesOf(flow.languages());
    }

    String languagesOf(java.util.List<String> codes) {
        Translations t = library.translations();
        return String.join(", ", codes.stream()
                .map(code -> t.language(code).map(Language::name).orElse(code) + " (" + code + ")").toList());
    }

    Turn notFound() {
        return new Turn(Turn.Kind.NOT_FOUND, null, message(Language.SOURCE, "error.conversation_not_found", Map.of()), Language.SOURCE);
    }

    /** Refusals for an answer of the right kind beyond the step's bounds: what a step's own words may explain. */
    private static final java.util.Set<String> OUT_OF_BOUNDS = java.util.Set.of("error.scale", "error.multi_min",
            "error.multi_max", "error.text_too_long", "error.number_range", "error.number_min", "error.number_max",
            "error.date_not_after_today", "error.date_not_after", "error.date_not_before_today", "error.date_not_before");

    /**
     * Why an answer was refused: for an answer beyond the step's bounds, the step's own words when its flow has
     * them ({@code steps.<id>.invalid}, e.g. an XLSForm's constraint_message); else the shared message, so a
     * missing answer or one of the wrong kind ("veel" for a number) is always told what is wrong.
     */
    String refusal(String language, Flow flow, String stepId, Outcome.Invalid invalid) {
        if (OUT_OF_BOUNDS.contains(invalid.message())) {
            java.util.Optional<String> own = library.translations().optionalFlowText(language, flow.id(),
                    "steps." + stepId + ".invalid");
            if (own.isPresent()) {
                return text.render(own.get(), invalid.parameters());
            }
        }
        return message(language, flow, invalid.message(), invalid.parameters());
    }

    /** A message as the conversation's flow words it (see {@link Translations#flowMessage}). */
    String message(String language, Flow flow, String key, Map<String, Object> parameters) {
        return text.render(library.translations().flowMessage(language, flow.id(), key), parameters);
    }

    /** As {@link #message(String, Flow, String, Map)}, by the flow's id. */
    String message(String language, String flowId, String key, Map<String, Object> parameters) {
        return text.render(library.translations().flowMessage(language, flowId, key), parameters);
    }

    String message(String language, String key, Map<String, Object> parameters) {
        return text.render(library.translations().message(language, key), parameters);
    }
}
