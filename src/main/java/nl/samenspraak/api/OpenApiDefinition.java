package nl.samenspraak.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Names the generated OpenAPI description, served at /openapi/samenspraak-&lt;version&gt;.yml. */
@OpenAPIDefinition(info = @Info(title = "samenspraak", version = "0.1.0",
        description = "Guided conversations: flows, conversations, answers, resume codes"))
final class OpenApiDefinition {
    private OpenApiDefinition() {
    }
}
