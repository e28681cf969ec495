package nl.samenspraak.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/**
 * Names the generated OpenAPI description, served at /openapi/samenspraak-&lt;version&gt;.yml. The statuses a request
 * can meet before any operation reads it (an address that cannot be read, a method an address does not take, an address or headers too long, another
 * HTTP version) are said once here: OpenAPI 3.0 has no place for responses common to every operation, and listing them
 * under each would hide the ones that operation chooses.
 */
@OpenAPIDefinition(info = @Info(title = "samenspraak", version = "0.1.0",
        description = "Guided conversations: flows, conversations, answers, resume codes.\n\n"
                + "Besides the statuses each operation lists, any request can be refused before an operation reads it, "
                + "with an `ApiError` body: 400 (an address that cannot be read: a broken %-escape, control characters), "
                + "405 (a method the address does not take; `Allow` names those it does), "
                + "414 (an address longer than the server reads), 431 (headers larger than the server reads) and "
                + "505 (an HTTP version other than 1.0 and 1.1). The messages of 414 and 431 are in Dutch: the "
                + "headers that name the client's language were not read."))
final class OpenApiDefinition {
    private OpenApiDefinition() {
    }
}
