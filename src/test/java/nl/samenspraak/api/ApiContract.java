package nl.samenspraak.api;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The OpenAPI description the compiler wrote (the one the service serves at /openapi/...), read by a third-party
 * validator (Atlassian's swagger-request-validator): does a reply match what the contract promises for its route,
 * method and status? Replies to routes the contract does not describe (an unknown path, a wrong method) are not its
 * business and are left alone.
 */
public final class ApiContract {
    /** Every reply the tests produced that broke the contract, as "METHOD path status: problem". */
    public static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();

    private static final Set<String> NOT_DESCRIBED = Set.of(
            "validation.response.path.missing", "validation.response.operation.notAllowed",
            "validation.request.path.missing", "validation.request.operation.notAllowed");
    /** A schema only null matches: not any of the other JSON types (OpenAPI 3.0 has no "null" type to name). */
    private static final java.util.Map<String, Object> ONLY_NULL = java.util.Map.of("not", java.util.Map.of("anyOf",
            List.of(java.util.Map.of("type", "object"), java.util.Map.of("type", "array", "items", java.util.Map.of()), java.util.Map.of("type", "string"),
                    java.util.Map.of("type", "number"), java.util.Map.of("type", "boolean"))));
    private static volatile OpenApiInteractionValidator validator;

    private ApiContract() {
    }

    /** What is wrong with this reply by the contract; empty when nothing is. */
    public static List<String> problems(String method, String path, int status, String contentType, String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            response.withContentType(contentType);
        }
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        ValidationReport report = validator().validateResponse(path, Request.Method.valueOf(method), response.build());
        if (report.getMessages().stream().anyMatch(m -> NOT_DESCRIBED.contains(m.getKey()))) {
            return List.of();
        }
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage())
                .toList();
    }

    /** The description itself, as the service serves it. */
    public static String description() {
        try {
            return Files.readString(descriptionFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OpenApiInteractionValidator validator() {
        if (validator == null) {
            synchronized (ApiContract.class) {
                if (validator == null) {
                    validator = OpenApiInteractionValidator
                            .createForInlineApiSpecification(nullableReferencesSpelledOut(description())).build();
                }
            }
        }
        return validator;
    }

    /**
     * OpenAPI 3.0 writes "null or a Step" as {@code nullable: true} beside {@code allOf: [$ref: Step]} (the
     * generator does so for every nullable record field); the validator checks the {@code allOf} without the
     * {@code nullable} and so refuses every null there. For the validator only, such a schema is spelled out as
     * what it means, {@code anyOf: [Step, null]}: the same contract, in words the validator reads right.
     */
    @SuppressWarnings("unchecked")
    static String nullableReferencesSpelledOut(String yaml) {
        Object tree = new org.yaml.snakeyaml.Yaml().load(yaml);
        spellOut(tree);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void spellOut(Object node) {
        if (node instanceof java.util.Map<?, ?> map) {
            java.util.Map<String, Object> schema = (java.util.Map<String, Object>) map;
            if (Boolean.TRUE.equals(schema.get("nullable")) && schema.get("allOf") instanceof List<?> all
                    && all.size() == 1) {
                schema.remove("nullable");
                schema.remove("allOf");
                schema.put("anyOf", List.of(all.get(0), ONLY_NULL));
            }
            schema.values().forEach(ApiContract::spellOut);
        } else if (node instanceof List<?> list) {
            list.forEach(ApiContract::spellOut);
        }
    }

    private static Path descriptionFile() {
        URL folder = ApiContract.class.getResource("/META-INF/swagger");
        if (folder == null) {
            throw new IllegalStateException("no OpenAPI description on the class path (META-INF/swagger)");
        }
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.filter(f -> f.getFileName().toString().matches("samenspraak-.*\\.yml")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no samenspraak-<version>.yml in META-INF/swagger"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
