package nl.samenspraak.conversation;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.samenspraak.engine.Status;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.Step;
import nl.samenspraak.storage.ConversationRecord;
import nl.samenspraak.storage.ConversationRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What is known about stored conversations without their answers, for a channel that lists or checks them (the
 * intermediair's own conversations, whether they may assist one): the storage stays behind this use case.
 */
@Singleton
public class ConversationOverviews {
    private final ConversationRepository stored;
    private final FlowLibrary library;

    public ConversationOverviews(ConversationRepository stored, FlowLibrary library) {
        this.stored = stored;
        this.library = library;
    }

    /**
     * One conversation without anything the person said.
     *
     * @param teamId null: counted under no team
     * @param wijk   null: counted under the team as a whole
     */
    public record Overview(String id, String flowId, String language, @Nullable Long teamId, @Nullable String wijk,
                           Status status, Instant changedAt, boolean awaitingConsent) {
    }

    public Optional<Overview> find(String id) {
        return stored.findById(id).map(this::overview);
    }

    /**
     * The resident's own code of a conversation that opens for {@code caller} (an intermediair's: the one they hold),
     * so its holder can give it to the resident, who can have it deleted with it without them, also once finished
     * (when the conversation's own state no longer carries it). Empty for anyone else.
     */
    public Optional<String> residentCode(String id, Caller caller) {
        return stored.findById(id).filter(caller::opens).map(ConversationRecord::resumeCode);
    }

    /** Whether the conversation exists and opens for {@code caller} (an intermediair's: the one they hold). */
    public boolean opensFor(String id, Caller caller) {
        return stored.findById(id).filter(caller::opens).isPresent();
    }

    /** The conversations held by an account (an intermediair's assisted ones), the last changed first. */
    public List<Overview> heldBy(long accountId) {
        return stored.findByHeldByOrderByUpdatedAtDesc(accountId).stream().map(this::overview).toList();
    }

    private Overview overview(ConversationRecord c) {
        return new Overview(c.id(), c.flowId(), c.language(), c.teamId(), c.wijk(), Status.fromKey(c.status()), c.updatedAt(),
                awaitingConsent(c));
    }

    /**
     * Whether the person has not yet said yes to the flow's consent question: nothing they said is stored (the row is
     * there so the talk can go on). An intermediair's list showed such talks as interviews waiting, beside a note that
     * nothing is kept before the yes (the intermediair's probe of December 2026).
     */
    private boolean awaitingConsent(ConversationRecord c) {
        List<String> passed = c.path() == null || c.path().isEmpty() ? List.of() : List.of(c.path().split(","));
        return library.flow(c.flowId()).map(f -> f.steps().stream().anyMatch(Step::consent)
                && f.steps().stream().filter(Step::consent).noneMatch(step -> passed.contains(step.id())))
                .orElse(false);
    }
}
