package nl.samenspraak.intermediair;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import nl.samenspraak.security.Accounts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The start form remembers what an intermediair chose last (flow, resident's language, wijk), so the next resident of
 * the same wijk is one tap away. Stored per account on the server rather than in a cookie: intermediairs share
 * phones, and a cookie would tell the next person which wijk and which resident's language were chosen last. Only
 * choices that {@link IntermediairWork#choose} accepted are kept; the form checks them again when shown.
 */
@Singleton
public class LastChoices {
    private final LastChoiceRepository choices;

    public LastChoices(LastChoiceRepository choices) {
        this.choices = choices;
    }

    /** Keeps {@code choice} as this intermediair's last for its flow. */
    void remember(Authentication me, IntermediairWork.Choice choice, String place) {
        long account = Accounts.idOf(me);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        LastChoice kept = choices.findByAccountIdAndFlowId(account, choice.flow().id())
                .map(c -> new LastChoice(c.id(), account, c.flowId(), choice.language(), place, now))
                .orElse(new LastChoice(null, account, choice.flow().id(), choice.language(), place, now));
        if (kept.id() == null) {
            choices.save(kept);
        } else {
            choices.update(kept);
        }
    }

    /** This intermediair's last choices, the flow used last first. */
    List<LastChoice> of(Authentication me) {
        return choices.findByAccountIdOrderByUpdatedAtDesc(Accounts.idOf(me));
    }
}
