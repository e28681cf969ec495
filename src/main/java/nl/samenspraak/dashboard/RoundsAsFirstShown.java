package nl.samenspraak.dashboard;

import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A closed round is shown as it was first shown, or not at all. Its figures appear once it has settled, and nothing
 * can join it after that; but a person can still withdraw (forget their conversation), and a team flow's
 * {@code retention.finished} lets conversations expire. Shown with one less, the round's every page, filter and
 * export could be set beside those of before: not only one less in the withdrawn person's cells, but whatever the
 * smaller count changed about what may be shown, such as the wijk folded in with the small ones ("Andere wijken
 * samen") now one and then another, which together tell about the two people of a third wijk (the privacy probe of
 * December 2026). So the number a round counted when its figures were first shown is written down, and a round that
 * counts another number is no longer shown: what a manager who looked before and after learns is that someone left.
 */
@Singleton
public class RoundsAsFirstShown {
    private final RoundFirstShownRepository firstShown;

    RoundsAsFirstShown(RoundFirstShownRepository firstShown) {
        this.firstShown = firstShown;
    }

    /**
     * Of the rounds about to be shown ({@code countedNow}: round id, how many it counts now), those that count what they
     * counted when first shown; a round shown for the first time is written down with its count here.
     */
    public Set<Long> unchanged(Map<Long, Integer> countedNow) {
        if (countedNow.isEmpty()) {
            return Set.of();
        }
        Map<Long, Integer> first = new HashMap<>();
        firstShown.findByRoundIdIn(countedNow.keySet()).forEach(f -> first.put(f.roundId(), f.counted()));
        Set<Long> unchanged = new HashSet<>();
        for (Map.Entry<Long, Integer> round : countedNow.entrySet()) {
            Integer before = first.get(round.getKey());
            if (before == null && firstShown.firstTime(round.getKey(), round.getValue()) == 0) {
                // another instance showed it first, a moment ago: its count is the one to hold to
                before = firstShown.findByRoundIdIn(Set.of(round.getKey())).stream().findFirst()
                        .map(RoundFirstShownRepository.FirstShown::counted).orElse(null);
            }
            if (before == null || before.equals(round.getValue())) {
                unchanged.add(round.getKey());
            }
        }
        return unchanged;
    }

    /** Which of {@code roundIds} were shown at some time (whether or not they still are). */
    public Set<Long> everShown(java.util.Collection<Long> roundIds) {
        Set<Long> shown = new HashSet<>();
        if (!roundIds.isEmpty()) {
            firstShown.findByRoundIdIn(roundIds).forEach(f -> shown.add(f.roundId()));
        }
        return shown;
    }
}
