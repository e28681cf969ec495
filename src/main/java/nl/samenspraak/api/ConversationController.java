package nl.samenspraak.api;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.core.annotation.Nullable;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nl.samenspraak.conversation.AnswerQuestion;
import nl.samenspraak.conversation.ChangeConversation;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.Caller;
import nl.samenspraak.conversation.DeleteConversation;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.conversation.StartConversation;
import nl.samenspraak.conversation.Turn;
import nl.samenspraak.flow.Channel;

/** The JSON API of a conversation. Answers are committed before the response is sent. */
@Secured(SecurityRule.IS_ANONYMOUS) // the API is for everyone: a conversation is reached by its id
@Controller("/api/conversations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "conversations")
// every operation here can meet these three
@ApiResponse(responseCode = "406", description = ApiDocs.NOT_ACCEPTABLE,
        content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "503", description = ApiDocs.UNAVAILABLE,
        content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "400", description = ApiDocs.MALFORMED,
        content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
public class ConversationController {
    private final StartConversation startConversation;
    private final ReadConversation readConversation;
    private final DeleteConversation deleteConversation;
    private final AnswerQuestion answerQuestion;
    private final ChangeConversation changeConversation;
    private final ApiErrors errors;

    private final nl.samenspraak.limits.StartLimit startLimit;

    public ConversationController(StartConversation startConversation, ReadConversation readConversation,
                                  DeleteConversation deleteConversation, AnswerQuestion answerQuestion,
                                  ChangeConversation changeConversation, ApiErrors errors,
                                  nl.samenspraak.limits.StartLimit startLimit) {
        this.startLimit = startLimit;
        this.startConversation = startConversation;
        this.readConversation = readConversation;
        this.deleteConversation = deleteConversation;
        this.answerQuestion = answerQuestion;
        this.changeConversation = changeConversation;
        this.errors = errors;
    }

    @ApiResponse(responseCode = "201", description = "Started: the first step",
            headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Location",
                    description = "The conversation's address: /api/conversations/{id}", schema = @Schema(type = "string")),
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ConversationState.class)))
    @ApiResponse(responseCode = "404", description = "Unknown flow",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "422", description = "A language the flow lacks (the message lists the ones it has)",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "429", description = "Too many conversations started from one client; try again after Retry-After seconds",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "413", description = ApiDocs.TOO_LARGE,
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "415", description = ApiDocs.NOT_JSON,
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    @Post
    @Operation(summary = "Start a conversation")
    public HttpResponse<?> start(HttpRequest<?> http, @Body @Valid StartRequest request) {
        Turn turn = startConversation.startForClient(request.flow(), request.language(), Channel.API, errors.languageOf(http),
                () -> startLimit.tryStart(http));
        // where it is now, as a 201 says (RFC 9110): a client reads the id from there or from the body
        return turn.kind() == Turn.Kind.OK
                ? HttpResponse.created(turn.state(), java.net.URI.create("/api/conversations/" + turn.state().id()))
                : reply(turn);
    }

    @Get("/{id}")
    @ApiResponse(responseCode = "200", description = "The conversation as it stands",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ConversationState.class)))
    @ApiResponse(responseCode = "404", description = "No such conversation",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "410", description = "A finished conversation whose result can no longer be opened (it can still be deleted)",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    @Operation(summary = "The state of a conversation (to resume it)")
    public HttpResponse<?> get(HttpRequest<?> request, @PathVariable String id) {
        return readConversation.state(id).<HttpResponse<?>>map(HttpResponse::ok).orElseGet(() -> missing(request, id));
    }

    /**
     * 410 for a finished conversation whose result is closed (it only serves deletion now), in the conversation's
     * language (the person's, whatever the client's Accept-Language says), else 404.
     */
    private HttpResponse<?> missing(HttpRequest<?> request, String id) {
        return readConversation.closedResult(id, false).<HttpResponse<?>>map(closed -> {
                    String language = errors.languageOf(request, closed.language());
                    return errors.said(HttpResponse.status(HttpStatus.GONE), language)
                            .body(ApiError.of("result_closed", readConversation.closedMessage(language, closed.flowId())));
                })
                .orElseGet(() -> errors.notFound(errors.languageOf(request)));
    }

    @Get("/{id}/transcript")
    @ApiResponse(responseCode = "200", description = "The way so far",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ConversationState.Transcript.class)))
    @ApiResponse(responseCode = "404", description = "No such conversation",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "410", description = "A finished conversation whose result can no longer be opened (it can still be deleted)",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    @Operation(summary = "The way so far: each question as it was shown and the answer as the chat repeats it")
    public HttpResponse<?> transcript(HttpRequest<?> request, @PathVariable String id) {
        return readConversation.transcript(id).<HttpResponse<?>>map(HttpResponse::ok).orElseGet(() -> missing(request, id));
    }

    @Post("/{id}/answers")
    @ApiResponse(responseCode = "200", description = "Stored: the next step, or the result",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ConversationState.class)))
    @ApiResponse(responseCode = "404", description = "No such conversation",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "Not the current step, or another answer is being stored, or the conversation is finished (final), "
            + "or the question changed: a version of the flow published since asks it as another kind than the version it was shown as "
            + "(the answer's version, else the one the conversation was stored under); nothing changed, the state shows the question asked now",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "422", description = "An invalid value: the message says why, the same step comes with it",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "413", description = ApiDocs.TOO_LARGE,
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "415", description = ApiDocs.NOT_JSON,
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    @Operation(summary = "Answer the current step", description = "A repeat of the last accepted answer changes "
            + "nothing and returns 200 with the state as it is.")
    public HttpResponse<?> answer(HttpRequest<?> http, @PathVariable String id, @Body @Valid AnswerRequest request) {
        return reply(http, answerQuestion.answer(id, request.step(), request.value(), nl.samenspraak.conversation.Entry.RESPONDENT,
                null, Caller.PUBLIC, request.version()));
    }

    @Post("/{id}/back")
    @ApiResponse(responseCode = "200", description = "One step back: the earlier answer in step.previous",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ConversationState.class)))
    @ApiResponse(responseCode = "404", description = "No such conversation",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "The conversation is finished, which is final, or it no longer asks "
            + "the step named in from (not_current: gone back already, or answered elsewhere); nothing changed, the state "
            + "shows the question asked now",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "413", description = ApiDocs.TOO_LARGE,
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "415", description = ApiDocs.NOT_JSON,
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "422", description = "A from longer than 100 characters",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    @Operation(summary = "Go back one step; the earlier answer comes in step.previous", description = "Without a body, "
            + "one step back from wherever the conversation is. With {\"from\": \"<step id>\"}, only from that step: "
            + "a retry whose first reply was lost changes nothing and gets 409 not_current with the state as it is.")
    public HttpResponse<?> back(HttpRequest<?> http, @PathVariable String id, @Body @Nullable @Valid BackRequest request) {
        return reply(http, changeConversation.back(id, request == null ? null : request.from(), null, Caller.PUBLIC));
    }

    @Delete("/{id}")
    @ApiResponse(responseCode = "204", description = "Deleted, with every answer")
    @ApiResponse(responseCode = "404", description = "No such conversation",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    @Operation(summary = "Delete a conversation and every answer in it")
    public HttpResponse<?> delete(HttpRequest<?> http, @PathVariable String id) {
        return deleteConversation.delete(id, Caller.PUBLIC) ? HttpResponse.noContent() : errors.notFound(errors.languageOf(http));
    }

    /**
     * A turn as {@link #reply(Turn)} says it, but a conversation that is not there in the client's language (as
     * reading it is): without a conversation there is no language of its own to say it in.
     */
    private HttpResponse<?> reply(HttpRequest<?> http, Turn turn) {
        return turn.kind() == Turn.Kind.NOT_FOUND ? errors.notFound(errors.languageOf(http)) : reply(turn);
    }

    /** A turn as the API answers it (also for other controllers that speak this API, e.g. an intermediair's). */
    public static HttpResponse<?> reply(Turn turn) {
        io.micronaut.http.MutableHttpResponse<?> reply = switch (turn.kind()) {
            case OK -> HttpResponse.ok(turn.state());
            case INVALID, UNKNOWN_LANGUAGE -> HttpResponse.unprocessableEntity()
                    .body(new ApiError(ApiError.codeOf(turn.kind()), turn.error(), turn.state()));
            case NOT_CURRENT, QUESTION_CHANGED, BUSY, FINISHED -> HttpResponse.status(HttpStatus.CONFLICT)
                    .body(new ApiError(ApiError.codeOf(turn.kind()), turn.error(), turn.state()));
            case UNKNOWN_FLOW -> HttpResponse.notFound(ApiError.of(ApiError.codeOf(turn.kind()), turn.error()));
            case NOT_FOUND -> HttpResponse.notFound(ApiError.of("conversation_not_found", turn.error()));
            case TOO_MANY_STARTS -> HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "3600")
                    .body(ApiError.of(ApiError.codeOf(turn.kind()), turn.error()));
        };
        // the language the message is in, as the framework's own refusals say theirs (system.ErrorReplies): a client
        // marks the message with it (lang, dir), and an Arabic refusal is not set left to right in a Dutch page
        return turn.language() == null ? reply : reply.header(io.micronaut.http.HttpHeaders.CONTENT_LANGUAGE, turn.language());
    }
}
