package nl.samenspraak.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A trivial liveness answer: for load balancers, and as the baseline of the benchmark. */
@Secured(SecurityRule.IS_ANONYMOUS) // for load balancers: no login
@Controller("/api/ping")
@Tag(name = "service")
// a client that asks for another format than JSON
@ApiResponse(responseCode = "406", description = ApiDocs.NOT_ACCEPTABLE,
        content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiError.class)))
public class PingController {

    /** Named as the description shows it (not after this controller, as the generator did). */
    @Serdeable
    @Schema(name = "Pong", description = "The process answers: `status` is \"up\".")
    public record Pong(String status) {
    }

    @Get
    @Operation(summary = "Is the service up?")
    @ApiResponse(responseCode = "200", description = "The process answers (whether the database does is /health/readiness)",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = Pong.class)))
    public Pong ping() {
        return new Pong("up");
    }
}
