package nl.samenspraak.telegram;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import nl.samenspraak.system.FailureResponses;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Telegram's webhook: only when TELEGRAM_WEBHOOK_SECRET is set, and only for a request that carries it in
 * {@code X-Telegram-Bot-Api-Secret-Token} (compared in constant time): 401 without it, 403 with another.
 * 200 once the update is handled (its answer stored); 503 with Retry-After while the database cannot be reached (nothing
 * was stored, as for every request then), 500 when handling failed otherwise: either way Telegram sends it again.
 */
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS) // Telegram proves itself with its secret header, checked here
@Controller("/telegram")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TelegramWebhookController {
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final TelegramChannel channel;

    public TelegramWebhookController(TelegramChannel channel) {
        this.channel = channel;
    }

    @Post(value = "/webhook", consumes = MediaType.ALL, produces = MediaType.TEXT_PLAIN)
    public HttpResponse<String> receive(@Nullable @Header(SECRET_HEADER) String secret, @Nullable @Body String body) {
        if (!channel.webhookMode()) {
            return HttpResponse.notFound("no webhook here");
        }
        if (secret == null || secret.isEmpty()) {
            return HttpResponse.<String>status(HttpStatus.UNAUTHORIZED).body("secret token missing");
        }
        if (!channel.webhookSecretMatches(secret)) {
            return HttpResponse.<String>status(HttpStatus.FORBIDDEN).body("wrong secret token");
        }
        Update update;
        try {
            update = body == null ? null : JSON.readValue(body, Update.class);
        } catch (JsonProcessingException e) {
            update = null;
        }
        if (update == null || update.getUpdateId() == null) {
            return HttpResponse.badRequest("not a Telegram update");
        }
        try {
            channel.handleNow(update);
            return HttpResponse.ok("ok");
        } catch (ExecutionException e) {
            if (channel.isOutage(e.getCause())) {
                return HttpResponse.<String>status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header("Retry-After", Integer.toString(FailureResponses.RETRY_AFTER_SECONDS))
                        .body("database unreachable, nothing stored; send it again");
            }
            return HttpResponse.<String>serverError().body("not handled; send it again");
        } catch (TimeoutException e) {
            return HttpResponse.<String>serverError().body("not handled; send it again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HttpResponse.<String>serverError().body("not handled; send it again");
        }
    }
}
