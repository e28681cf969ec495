package nl.samenspraak.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import nl.samenspraak.conversation.ConversationService;
import nl.samenspraak.conversation.Turn;

/** The JSON API of a conversation. Answers are committed before the response is sent. */
@Controller("/api/conversations")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConversationController {
    private final ConversationService conversations;
    private final ApiErrors errors;

    private final nl.samenspraak.limits.StartLimit startLimit;

    public ConversationController(ConversationService conversations, ApiErrors errors, nl.samenspraak.limits.StartLimit startLimit) {
        this.startLimit = startLimit;
        this.conversations = conversations;
        this.errors = errors;
    }

    @Post
    @Operation(summary = "Start a conversation", description = "201 with the state; 404 for an unknown flow; "
            + "422 for a language the flow lacks (the message lists the ones it has); 429 after too many starts from "
            + "one client in an hour")
    public HttpResponse<?> start(HttpRequest<?> http, @Body @Valid StartRequest request) {
        if (!startLimit.tryStart(http)) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "3600")
                    .body(ApiError.of(errors.message(errors.languageOf(http), "error.too_many_starts")));
        }
        Turn turn = conversations.start(request.flow(), request.language(), "api");
        return turn.kind() == Turn.Kind.OK ? HttpResponse.created(turn.state()) : reply(turn);
    }

    @Get("/{id}")
    @Operation(summary = "The state of a conversation (to resume it)", description = "200; 404; 410 for a finished "
            + "conversation whose result can no longer be opened (it can still be deleted)")
    public HttpResponse<?> get(HttpRequest<?> request, @PathVariable String id) {
        return conversations.state(id).<HttpResponse<?>>map(HttpResponse::ok).orElseGet(() -> missing(request, id));
    }

    /** 410 for a finished conversation whose result is closed (it only serves deletion now), else 404. */
    private HttpResponse<?> missing(HttpRequest<?> request, String id) {
        return conversations.closed(id, false)
                ? HttpResponse.status(HttpStatus.GONE).body(ApiError.of(conversations.closedMessage(errors.languageOf(request))))
                : errors.notFound(errors.languageOf(request));
    }

    @Get("/{id}/transcript")
    @Operation(summary = "The way so far: each question as it was shown and the answer as the chat repeats it",
            description = "200 {id, language, direction, entries: [{step, type, question, answer, skipped}]}; 404")
    public HttpResponse<?> transcript(HttpRequest<?> request, @PathVariable String id) {
        return conversations.transcript(id).<HttpResponse<?>>map(HttpResponse::ok).orElseGet(() -> missing(request, id));
    }

    @Post("/{id}/answers")
    @Operation(summary = "Answer the current step", description = "200 with the next step or the result; "
            + "422 with a message and the same step for an invalid value; 409 for a step that is not current, "
            + "except a repeat of the last accepted answer, which changes nothing and returns 200; 409 for any answer "
            + "to a finished conversation, which is final")
    public HttpResponse<?> answer(@PathVariable String id, @Body @Valid AnswerRequest request) {
        return reply(conversations.answer(id, request.step(), request.value()));
    }

    @Post("/{id}/back")
    @Operation(summary = "Go back one step; the earlier answer comes in step.previous",
            description = "409 for a finished conversation, which is final")
    public HttpResponse<?> back(@PathVariable String id) {
        return reply(conversations.back(id));
    }

    @Delete("/{id}")
    @Operation(summary = "Delete a conversation and every answer in it")
    public HttpResponse<?> delete(@PathVariable String id) {
        return conversations.delete(id) ? HttpResponse.noContent() : errors.notFound(null);
    }

    /** A turn as the API answers it (also for other controllers that speak this API, e.g. an intermediair's). */
    public static HttpResponse<?> reply(Turn turn) {
        return switch (turn.kind()) {
            case OK -> HttpResponse.ok(turn.state());
            case INVALID, UNKNOWN_LANGUAGE -> HttpResponse.unprocessableEntity().body(new ApiError(turn.error(), turn.state()));
            case NOT_CURRENT, BUSY, FINISHED -> HttpResponse.status(HttpStatus.CONFLICT).body(new ApiError(turn.error(), turn.state()));
            case UNKNOWN_FLOW, NOT_FOUND -> HttpResponse.notFound(ApiError.of(turn.error()));
        };
    }
}
