package nl.samenspraak.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The Telegram library's own log of a failed poll, as an operator can read it. Its long polling logs every retry as
 * an ERROR with a stack trace of some 35 lines: with Telegram unreachable (a firewall, an outage) that was 270 lines in
 * 20 seconds, where the database's outage is one line. So a failure of the library's is said in one line, with its
 * cause's class, at most once per {@link #QUIET} (while it lasts, a line every ten minutes says it still does); its
 * "interrupted while sleeping" when the service stops is no failure and is not logged.
 */
public final class TelegramPollingLog extends TurboFilter {
    static final Duration QUIET = Duration.ofMinutes(10);
    private static final String LIBRARY = "org.telegram.telegrambots";

    private final AtomicLong lastSaid = new AtomicLong(Long.MIN_VALUE);
    private final LongSupplier nanoTime;

    public TelegramPollingLog() {
        this(System::nanoTime);
    }

    TelegramPollingLog(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable thrown) {
        // the library's "retrying in {} millis" passes its exception as the last argument, not as the throwable
        Throwable t = thrown != null ? thrown
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
        if (t == null || level == null || !level.isGreaterOrEqual(Level.WARN) || !logger.getName().startsWith(LIBRARY)) {
            return FilterReply.NEUTRAL;
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof InterruptedException) {
            return FilterReply.DENY; // the service stopping while the library waited to try again
        }
        long now = nanoTime.getAsLong();
        long last = lastSaid.get();
        if ((last == Long.MIN_VALUE || now - last >= QUIET.toNanos()) && lastSaid.compareAndSet(last, now)) {
            logger.getLoggerContext().getLogger("nl.samenspraak.telegram.Polling").warn("Telegram could not be reached ({}{}); the bot keeps trying, and says so again in {} minutes while it lasts",
                    root.getClass().getSimpleName(), root == t ? "" : " in " + t.getClass().getSimpleName(), QUIET.toMinutes());
        }
        return FilterReply.DENY;
    }
}
