package nl.samenspraak.limits;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/**
 * How many conversations one client may start in an hour ({@code samenspraak.limits.starts-per-hour}, 30): through
 * the API, a join link, a resident link or the start page. Enough for a meeting's shared tablet; it stops one
 * client from padding a team's figures or filling the database. Counted per client (see {@link ClientAddress}),
 * and an IPv6 client's /48 has five clients' shares together ({@link ClientShare}).
 */
@Singleton
public class StartLimit {
    private static final Duration WINDOW = Duration.ofHours(1);

    private final AttemptLog log;
    private final ClientAddress clients;
    private final int perHour;
    private final Clock clock;

    @Inject
    public StartLimit(AttemptLog log, ClientAddress clients, LimitSettings settings) {
        this(log, clients, settings.startsPerHour(), Clock.systemUTC());
    }

    StartLimit(AttemptLog log, ClientAddress clients, int perHour, Clock clock) {
        this.log = log;
        this.clients = clients;
        this.perHour = perHour;
        this.clock = clock;
    }

    /** Counts a start by the request's client; false when it (or its /48) has had its share this hour (nothing is counted then). */
    public boolean tryStart(HttpRequest<?> request) {
        return tryStart(clients.of(request));
    }

    /** As {@link #tryStart(HttpRequest)}, for a client a channel names itself ({@code telegram:<chat>}). */
    public boolean tryStart(String client) {
        return ClientShare.of("start", client, "", perHour).addIfUnder(log, clock.instant(), WINDOW);
    }
}
