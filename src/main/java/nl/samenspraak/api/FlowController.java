package nl.samenspraak.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.samenspraak.conversation.OfferedFlows;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.Translations;

import java.util.List;

@Secured(SecurityRule.IS_ANONYMOUS) // the API is for everyone: no login
@Controller("/api/flows")
@Tag(name = "flows")
// a client that asks for another format than JSON
@ApiResponse(responseCode = "406", description = ApiDocs.NOT_ACCEPTABLE,
        content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
public class FlowController {
    private final FlowLibrary library;
    private final OfferedFlows offered;

    private final ApiErrors errors;

    public FlowController(FlowLibrary library, OfferedFlows offered, ApiErrors errors) {
        this.library = library;
        this.offered = offered;
        this.errors = errors;
    }

    /**
     * The flows on offer, with title and description in {@code lang} where the flow has it (else Dutch); without a
     * {@code lang} the product speaks, in the client's (Accept-Language), as every other reply of the API. Until the
     * probe of the public surface a client without {@code lang} got Dutch whatever its Accept-Language.
     */
    @Get
    @Operation(operationId = "listFlows", summary = "List the flows")
    @ApiResponse(responseCode = "200", description = "The flows on offer",
            content = @Content(mediaType = ApiDocs.JSON, array = @ArraySchema(schema = @Schema(implementation = FlowSummary.class))))
    public List<FlowSummary> list(HttpRequest<?> request, @QueryValue @Nullable String lang) {
        Translations t = library.translations();
        String language = errors.languageOf(request, lang);
        return library.listed().stream().filter(offered::offers)
                .map(f -> summary(f, t, f.speaks(language) ? language : "nl")).toList();
    }

    private static FlowSummary summary(Flow flow, Translations t, String language) {
        return new FlowSummary(flow.id(), t.flowText(language, flow.id(), "title"),
                t.flowText(language, flow.id(), "description"), flow.audience().key(), flow.languages());
    }
}
