package nl.samenspraak.limits;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/**
 * How many result PDFs one client may have made in a minute ({@code samenspraak.limits.documents-per-minute}, 20),
 * whichever channel makes them: the web's routes count per client address ({@link DocumentLimitFilter}), the
 * Telegram bot per chat. A PDF is made anew at each request and costs a tenth to a quarter of a second of CPU:
 * without a limit, one client asking in a loop for a finished conversation's PDF kept both cores of a small server
 * busy (and a chat tapping "Als PDF" again and again kept one). Twenty a minute is more than a person saving results
 * in five languages needs. In the database as every limit, so every instance counts the same requests.
 */
@Singleton
public class DocumentLimit {
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final AttemptLog log;
    private final int perMinute;
    private final Clock clock;

    @Inject
    public DocumentLimit(AttemptLog log, LimitSettings settings) {
        this(log, settings.documentsPerMinute(), Clock.systemUTC());
    }

    DocumentLimit(AttemptLog log, int perMinute, Clock clock) {
        this.log = log;
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /**
     * Counts a PDF asked for by {@code client} (a channel's key: a network address, {@code telegram:<chat>}); false
     * when it, or its IPv6 /48 ({@link ClientShare}), has had its share this minute (nothing counted then).
     */
    public boolean tryMake(String client) {
        return ClientShare.of("document", client, "", perMinute).addIfUnder(log, clock.instant(), WINDOW);
    }
}
