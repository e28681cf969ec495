package nl.samenspraak.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;

/**
 * Calls the Bot API and rides out its bad moments: a 429 waits as long as Telegram's {@code retry_after}
 * says, a 5xx or a network failure waits with doubling back-off, then the same call goes again, up to a
 * number of attempts. Only sending is repeated, never the answer that led to it, so an answer is recorded
 * once however often the reply has to be tried. A refusal (4xx) is logged, without chat ids, and given up.
 */
final class BotApiSender {
    private static final Logger LOG = LoggerFactory.getLogger(BotApiSender.class);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

    private final TelegramClient client;
    private final int attempts;
    private final Duration firstDelay;

    BotApiSender(TelegramClient client, int attempts, Duration firstDelay) {
        this.client = client;
        this.attempts = attempts;
        this.firstDelay = firstDelay;
    }

    /** The call's result, or empty when Telegram refused it or kept failing. */
    <T extends Serializable> Optional<T> send(BotApiMethod<T> method) {
        return retrying(method.getMethod(), () -> client.execute(method));
    }

    /**
     * One try, for the outbox: sent (with the result), to try again (after {@code retry_after} when Telegram
     * named a wait, else after the caller's back-off: {@code after} null), or refused for good (a 4xx); a 403 also
     * {@code blocked}: the chat takes nothing from the bot (the person blocked it, a group removed it), which the
     * outbox says once for all the chat's rows it gives up, so it is not logged here for each.
     */
    record Attempt<T>(@io.micronaut.core.annotation.Nullable T result, boolean done, boolean again,
                      @io.micronaut.core.annotation.Nullable Duration after, boolean blocked) {
        Attempt(@io.micronaut.core.annotation.Nullable T result, boolean done, boolean again,
                @io.micronaut.core.annotation.Nullable Duration after) {
            this(result, done, again, after, false);
        }
    }

    <T extends Serializable> Attempt<T> once(BotApiMethod<T> method) {
        return once(method.getMethod(), () -> client.execute(method));
    }

    /** One try of a file's upload, for the outbox, as {@link #once(BotApiMethod)}. */
    Attempt<org.telegram.telegrambots.meta.api.objects.message.Message> once(
            org.telegram.telegrambots.meta.api.methods.send.SendDocument document) {
        return once(document.getMethod(), () -> client.execute(document));
    }

    private <T> Attempt<T> once(String method, ApiCall<T> call) {
        try {
            return new Attempt<>(call.run(), true, false, null);
        } catch (TelegramApiRequestException e) {
            int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
            if (code == 429) {
                return new Attempt<>(null, false, true, retryAfter(e.getParameters()).orElse(null));
            }
            if (code >= 500 || code == 0) {
                LOG.debug("Telegram {} failed: {}", method, code);
                return new Attempt<>(null, false, true, null);
            }
            if (code == 403) {
                return new Attempt<>(null, false, false, null, true);
            }
            LOG.info("Telegram refused {}: {}", method, code + " " + e.getApiResponse());
            return new Attempt<>(null, false, false, null);
        } catch (TelegramApiException e) {
            LOG.debug("Telegram {} unreachable: {}", method, rootCause(e));
            return new Attempt<>(null, false, true, null);
        }
    }

    boolean setWebhook(SetWebhook setWebhook) {
        return retrying(setWebhook.getMethod(), () -> client.execute(setWebhook)).orElse(false);
    }

    private interface ApiCall<T> {
        T run() throws TelegramApiException;
    }

    private <T> Optional<T> retrying(String method, ApiCall<T> call) {
        Duration backOff = firstDelay;
        for (int attempt = 1; ; attempt++) {
            Duration wait;
            try {
                return Optional.ofNullable(call.run());
            } catch (TelegramApiRequestException e) {
                int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
                if (code == 429) {
                    wait = retryAfter(e.getParameters()).orElse(backOff);
                } else if (code >= 500 || (code == 0 && e.getCause() instanceof IOException)) {
                    wait = backOff;
                } else {
                    LOG.info("Telegram refused {}: {}", method, code == 0 ? e.getMessage() : code + " " + e.getApiResponse());
                    return Optional.empty();
                }
                if (attempt == attempts) {
                    LOG.warn("Telegram {} still failing after {} attempts: {} {}", method, attempts, code, e.getApiResponse());
                    return Optional.empty();
                }
            } catch (TelegramApiException e) {
                if (attempt == attempts) {
                    LOG.warn("Telegram {} unreachable after {} attempts: {}", method, attempts, rootCause(e));
                    return Optional.empty();
                }
                wait = backOff;
            }
            LOG.debug("Telegram {} attempt {} failed; again in {} ms", method, attempt, wait.toMillis());
            if (!sleep(min(wait, LONGEST_WAIT))) {
                return Optional.empty();
            }
            backOff = min(backOff.multipliedBy(2), LONGEST_WAIT);
        }
    }

    private static Optional<Duration> retryAfter(ResponseParameters parameters) {
        return parameters == null || parameters.getRetryAfter() == null ? Optional.empty()
                : Optional.of(Duration.ofSeconds(Math.max(0, parameters.getRetryAfter())));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The innermost cause's class and message: no URL, so no bot token in the log. */
    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t instanceof IOException ? "" : ": " + t.getMessage());
    }

    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
