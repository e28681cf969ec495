package nl.samenspraak.intermediair;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.system.UniqueKeyTaken;

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
        if (kept.id() != null) {
            choices.update(kept);
            return;
        }
        try {
            choices.save(kept);
        } catch (DataAccessException e) {
            if (!UniqueKeyTaken.in(e)) {
                throw e;
            }
            // the same intermediair started this flow at the same moment elsewhere (a second tap, another instance):
            // this choice is kept over that one, as a moment later it would be; the start goes on
            LastChoice theirs = choices.findByAccountIdAndFlowId(account, choice.flow().id()).orElseThrow(() -> e);
            choices.update(new LastChoice(theirs.id(), account, theirs.flowId(), choice.language(), place, now));
        }
    }

    /** This intermediair's last choices, the flow used last first. */
    List<LastChoice> of(Authentication me) {
        return choices.findByAccountIdOrderByUpdatedAtDesc(Accounts.idOf(me));
    }
}
