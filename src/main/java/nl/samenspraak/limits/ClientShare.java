package nl.samenspraak.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one client's attempt is counted: under the client itself (an address, an IPv6 /64, a Telegram chat) and, for
 * an IPv6 client, under its /48 too, which has {@link #PER_NETWORK} clients' shares together. Counted per /64 alone,
 * whoever holds a /48 (a household or an office is given one, or a /56 of 256 /64s) had 65,536 clients' shares: that
 * many times the guesses at a resume code or a password, the result PDFs a minute (a tenth to a quarter of a second of
 * CPU each), the conversations started an hour. Every limit per client counts this way, so none is the way around.
 *
 * <p>An attempt is counted under both or under neither: one that a full count refuses takes back what it counted.
 */
public final class ClientShare {
    /** How many clients' shares a /48 has together: a site with several networks, not one per /64. */
    public static final int PER_NETWORK = 5;

    private record Count(String bucket, long limit) {
    }

    private final List<Count> counts;

    private ClientShare(List<Count> counts) {
        this.counts = counts;
    }

    /**
     * The counts of {@code kind} for {@code client}, each client allowed {@code perClient}; {@code about} sets apart
     * what is counted per client and something else ("|anna" for a name tried), "" when nothing.
     */
    public static ClientShare of(String kind, String client, String about, long perClient) {
        List<Count> counts = new ArrayList<>(2);
        ClientAddress.network(client).ifPresent(network -> counts.add(new Count(kind + "48|" + network + about, perClient * PER_NETWORK)));
        counts.add(new Count(kind + "|" + client + about, perClient));
        return new ClientShare(List.copyOf(counts));
    }

    /** Counts an attempt at {@code at} when each count has room in the {@code window} before it; true when counted. */
    public boolean addIfUnder(AttemptLog log, Instant at, Duration window) {
        for (int i = 0; i < counts.size(); i++) {
            if (!log.addIfUnder(counts.get(i).bucket(), at, window, counts.get(i).limit())) {
                for (int j = 0; j < i; j++) {
                    log.takeBack(counts.get(j).bucket(), at, window);
                }
                return false;
            }
        }
        return true;
    }

    /** Takes back an attempt counted at {@code at} (one held in advance that turned out not to count). */
    public void takeBack(AttemptLog log, Instant at, Duration window) {
        counts.forEach(c -> log.takeBack(c.bucket(), at, window));
    }

    /** Whether the client's count or its network's is full since {@code since}. */
    public boolean full(AttemptLog log, Instant since) {
        return counts.stream().anyMatch(c -> log.count(c.bucket(), since) >= c.limit());
    }

    /**
     * Forgets the client's own count (not its network's, which others of the /48 share: of that, only the attempt at
     * {@code at} is taken back).
     */
    public void clearOwn(AttemptLog log, Instant at, Duration window) {
        for (int i = 0; i < counts.size() - 1; i++) {
            log.takeBack(counts.get(i).bucket(), at, window);
        }
        log.clear(counts.get(counts.size() - 1).bucket());
    }
}
