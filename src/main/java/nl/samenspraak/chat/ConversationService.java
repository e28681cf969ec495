package nl.samenspraak.chat;

import io.micronaut.data.exceptions.OptimisticLockException;
import jakarta.inject.Singleton;
import nl.samenspraak.conversation.ConversationEngine;
import nl.samenspraak.conversation.Outcome;
import nl.samenspraak.conversation.Progress;
import nl.samenspraak.conversation.Status;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.Step;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.i18n.Translations;
import nl.samenspraak.storage.ConversationStore;
import nl.samenspraak.storage.StoredConversation;

import java.util.Map;
import java.util.Optional;

/**
 * The conversation use cases every channel shares: start, answer, back, resume, forget. Loads the
 * conversation, lets the engine decide, commits the outcome, and only then renders the reply.
 */
@Singleton
public class ConversationService {
    private static final int ATTEMPTS = 3;

    private final FlowLibrary library;
    private final ConversationEngine engine;
    private final ConversationStore store;
    private final StateRenderer renderer;
    private final TextRenderer text;

    public ConversationService(FlowLibrary library, ConversationEngine engine, ConversationStore store,
                               StateRenderer renderer, TextRenderer text) {
        this.library = library;
        this.engine = engine;
        this.store = store;
        this.renderer = renderer;
        this.text = text;
    }

    public Turn start(String flowId, String language, String channel) {
        return start(flowId, language, channel, Origin.NONE);
    }

    /** Starts a conversation counted under {@code origin}'s team and wijk (see {@link Origin}). */
    public Turn start(String flowId, String language, String channel, Origin origin) {
        Translations t = library.translations();
        String messageLanguage = t.languageOrSource(language).code();
        Optional<Flow> found = library.flow(flowId);
        if (found.isEmpty()) {
            return new Turn(Turn.Kind.UNKNOWN_FLOW, null, message(messageLanguage, "error.flow_not_found", Map.of()));
        }
        Flow flow = found.get();
        if (language == null || !flow.speaks(language) || t.language(language).isEmpty()) {
            return new Turn(Turn.Kind.UNKNOWN_LANGUAGE, null,
                    message(messageLanguage, "error.language_not_offered", Map.of("languages", languagesOf(flow))));
        }
        Progress start = engine.start(flow);
        StoredConversation created = store.create(flow, start, language, channel, origin.teamId(), origin.wijk());
        return Turn.ok(render(flow, created));
    }

    public Optional<ConversationState> state(String id) {
        return store.find(id).flatMap(this::render);
    }

    public Optional<ConversationState> resume(String code) {
        return store.findByResumeCode(code).flatMap(this::render);
    }

    public Turn answer(String id, String stepId, Object value) {
        for (int attempt = 1; ; attempt++) {
            Optional<StoredConversation> found = store.latest(id);
            Optional<Flow> flow = found.flatMap(c -> library.flow(c.record().flowId()));
            if (found.isEmpty() || flow.isEmpty()) {
                return notFound();
            }
            StoredConversation conversation = found.get();
            Progress progress = reconcile(flow.get(), conversation.progress());
            Outcome outcome = engine.answer(flow.get(), progress, stepId, value);
            try {
                if (outcome instanceof Outcome.Accepted accepted) {
                    return Turn.ok(render(flow.get(), commit(flow.get(), conversation, accepted)));
                }
                if (outcome instanceof Outcome.Invalid invalid) {
                    return new Turn(Turn.Kind.INVALID, render(flow.get(), conversation),
                            message(conversation.language(), flow.get(), invalid.message(), invalid.parameters()));
                }
                if (outcome instanceof Outcome.NotCurrent) {
                    return new Turn(Turn.Kind.NOT_CURRENT, render(flow.get(), conversation),
                            message(conversation.language(), flow.get(), "error.not_current", Map.of()));
                }
                return Turn.ok(render(flow.get(), conversation));
            } catch (OptimisticLockException e) {
                store.forget(id);
                if (attempt == ATTEMPTS) {
                    return new Turn(Turn.Kind.BUSY, render(flow.get(), conversation),
                            message(conversation.language(), flow.get(), "error.busy", Map.of()));
                }
            }
        }
    }

    public Turn back(String id) {
        for (int attempt = 1; ; attempt++) {
            Optional<StoredConversation> found = store.latest(id);
            Optional<Flow> flow = found.flatMap(c -> library.flow(c.record().flowId()));
            if (found.isEmpty() || flow.isEmpty()) {
                return notFound();
            }
            StoredConversation conversation = found.get();
            Progress before = reconcile(flow.get(), conversation.progress());
            Progress after = engine.back(before);
            if (after == before) {
                return Turn.ok(render(flow.get(), conversation));
            }
            try {
                return Turn.ok(render(flow.get(), store.save(conversation, after, null, false)));
            } catch (OptimisticLockException e) {
                store.forget(id);
                if (attempt == ATTEMPTS) {
                    return new Turn(Turn.Kind.BUSY, render(flow.get(), conversation),
                            message(conversation.language(), flow.get(), "error.busy", Map.of()));
                }
            }
        }
    }

    /**
     * Goes on in another language: the same step, its words in {@code language}. UNKNOWN_LANGUAGE (the
     * message lists the flow's languages) when the flow does not speak it.
     */
    public Turn changeLanguage(String id, String language) {
        for (int attempt = 1; ; attempt++) {
            Optional<StoredConversation> found = store.latest(id);
            Optional<Flow> flow = found.flatMap(c -> library.flow(c.record().flowId()));
            if (found.isEmpty() || flow.isEmpty()) {
                return notFound();
            }
            StoredConversation conversation = found.get();
            if (language == null || !flow.get().speaks(language) || library.translations().language(language).isEmpty()) {
                return new Turn(Turn.Kind.UNKNOWN_LANGUAGE, render(flow.get(), conversation),
                        message(library.translations().languageOrSource(language).code(), "error.language_not_offered",
                                Map.of("languages", languagesOf(flow.get()))));
            }
            if (language.equals(conversation.language())) {
                return Turn.ok(render(flow.get(), conversation));
            }
            try {
                return Turn.ok(render(flow.get(), store.changeLanguage(conversation, language)));
            } catch (OptimisticLockException e) {
                store.forget(id);
                if (attempt == ATTEMPTS) {
                    return new Turn(Turn.Kind.BUSY, render(flow.get(), conversation),
                            message(conversation.language(), "error.busy", Map.of()));
                }
            }
        }
    }

    public boolean delete(String id) {
        return store.delete(id);
    }

    /**
     * Stores an accepted answer. Nothing is stored before consent; "nee" to consent removes whatever there was.
     * Info steps leave no answer row.
     */
    private StoredConversation commit(Flow flow, StoredConversation before, Outcome.Accepted accepted) {
        Progress after = accepted.progress();
        if (after.status() == Status.DECLINED) {
            return store.save(before, after, null, true);
        }
        Step step = flow.requireStep(accepted.step());
        boolean consented = !flow.asksConsent() || flow.steps().stream().filter(Step::consent)
                .anyMatch(s -> "ja".equals(after.answersOnPath().get(s.id())));
        return store.save(before, after, step.asksSomething() && consented ? accepted.step() : null, false);
    }

    /** A conversation started under an older flow version may stand on a step that no longer exists. */
    private static Progress reconcile(Flow flow, Progress progress) {
        if (progress.ended() || flow.step(progress.current()).isPresent()) {
            return progress;
        }
        return new Progress(java.util.List.of(), progress.answers(), flow.first().id(), Status.ACTIVE);
    }

    private Optional<ConversationState> render(StoredConversation conversation) {
        return library.flow(conversation.record().flowId()).map(flow -> render(flow, conversation));
    }

    private ConversationState render(Flow flow, StoredConversation c) {
        return renderer.render(c.id(), c.record().resumeCode(), flow, reconcile(flow, c.progress()), c.language());
    }

    /** The languages a flow speaks, each by its own name with its code: "Nederlands (nl), English (en)". */
    private String languagesOf(Flow flow) {
        Translations t = library.translations();
        return String.join(", ", flow.languages().stream()
                .map(code -> t.language(code).map(Language::name).orElse(code) + " (" + code + ")").toList());
    }

    private Turn notFound() {
        return new Turn(Turn.Kind.NOT_FOUND, null, message(Language.SOURCE, "error.conversation_not_found", Map.of()));
    }

    /** A message as the conversation's flow words it (see {@link Translations#flowMessage}). */
    private String message(String language, Flow flow, String key, Map<String, Object> parameters) {
        return text.render(library.translations().flowMessage(language, flow.id(), key), parameters);
    }

    private String message(String language, String key, Map<String, Object> parameters) {
        return text.render(library.translations().message(language, key), parameters);
    }
}
