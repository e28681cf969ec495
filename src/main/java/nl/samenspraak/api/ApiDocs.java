package nl.samenspraak.api;

/**
 * Words shared by the OpenAPI description of every operation: the failures any route can give. The description is
 * the API's contract (a client is generated from it in the test build, and every reply the tests see is checked
 * against it), so each operation lists its real status codes, the framework's refusals included.
 */
final class ApiDocs {
    static final String JSON = "application/json";
    static final String UNAVAILABLE = "The database cannot be reached: what was sent was NOT saved; "
            + "try again after Retry-After seconds";
    static final String MALFORMED = "A malformed request (a body that is not JSON, a value of the wrong type, "
            + "an address that cannot be read: a broken %-escape, control characters)";
    static final String TOO_LARGE = "The body is larger than the service accepts";
    static final String NOT_JSON = "The body is not application/json";
    static final String NOT_ACCEPTABLE = "The request's Accept header names no format this operation gives (it gives JSON)";

    private ApiDocs() {
    }
}
