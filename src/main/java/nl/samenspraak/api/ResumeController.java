package nl.samenspraak.api;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.conversation.ResumeByCode;
import nl.samenspraak.limits.ClientAddress;

/** Finds a conversation by its short resume code; look-ups are limited per client to stop guessing. */
@Secured(SecurityRule.IS_ANONYMOUS) // for everyone: limited per client instead
@Controller("/api/resume")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "conversations")
// every operation here can meet these three
@ApiResponse(responseCode = "406", description = ApiDocs.NOT_ACCEPTABLE,
        content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "503", description = ApiDocs.UNAVAILABLE,
        content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "400", description = ApiDocs.MALFORMED,
        content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
public class ResumeController {
    private final ReadConversation readConversation;
    private final ResumeByCode byCode;
    private final ApiErrors errors;
    private final ClientAddress clients;

    public ResumeController(ReadConversation readConversation, ResumeByCode byCode, ApiErrors errors,
                            ClientAddress clients) {
        this.clients = clients;
        this.readConversation = readConversation;
        this.byCode = byCode;
        this.errors = errors;
    }

    @Delete("/{code}")
    @Operation(operationId = "deleteByCode", summary = "Delete the conversation with this code and every answer in it",
            description = "Also for a finished conversation whose result the code no longer opens")
    @ApiResponse(responseCode = "204", description = "Deleted, with every answer")
    @ApiResponse(responseCode = "404", description = "No conversation has this code",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "429", description = "Too many look-ups from one client; try again after Retry-After seconds",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    public HttpResponse<?> delete(HttpRequest<?> request, @PathVariable String code) {
        String language = errors.languageOf(request);
        return switch (byCode.delete(clients.of(request), code)) {
            case TOO_MANY_ATTEMPTS -> tooMany(language);
            case DELETED -> HttpResponse.noContent();
            case NOT_FOUND -> errors.worded(HttpStatus.NOT_FOUND, language, "error.resume_not_found");
        };
    }

    @Get("/{code}")
    @Operation(summary = "Resume a conversation by its code")
    @ApiResponse(responseCode = "200", description = "The conversation as it stands",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ConversationState.class)))
    @ApiResponse(responseCode = "404", description = "No conversation has this code",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "410", description = "A finished conversation whose result the code no longer opens (DELETE still deletes it)",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "429", description = "Too many look-ups from one client; try again after Retry-After seconds",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
    public HttpResponse<?> resume(HttpRequest<?> request, @PathVariable String code) {
        String language = errors.languageOf(request);
        ResumeByCode.Lookup lookup = byCode.find(clients.of(request), code);
        if (lookup instanceof ResumeByCode.Lookup.Found found) {
            return HttpResponse.ok(found.state());
        }
        if (lookup instanceof ResumeByCode.Lookup.Closed closed) {
            // in the conversation's language, as /api/conversations/{id} says it: the person's, whatever the client's
            // Accept-Language (an Arabic conversation resumed on a phone set to Dutch was told so in Dutch)
            String said = errors.languageOf(request, closed.language());
            return errors.said(HttpResponse.status(HttpStatus.GONE), said)
                    .body(ApiError.of("result_closed", readConversation.closedMessage(said, closed.flowId())));
        }
        if (lookup instanceof ResumeByCode.Lookup.TooManyAttempts) {
            return tooMany(language);
        }
        return errors.worded(HttpStatus.NOT_FOUND, language, "error.resume_not_found");
    }

    private HttpResponse<?> tooMany(String language) {
        return errors.worded(HttpStatus.TOO_MANY_REQUESTS, language, "error.too_many_attempts").header("Retry-After", "60");
    }
}
