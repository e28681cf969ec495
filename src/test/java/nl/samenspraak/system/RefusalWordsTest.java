package nl.samenspraak.system;

import io.micronaut.http.MediaType;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.support.FlowWalk;
import nl.samenspraak.system.RefusalWords.Reader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefusalWordsTest {
    private static final FlowLibrary LIBRARY = FlowWalk.library();

    private static List<String> languages() {
        return LIBRARY.translations().languages().stream().map(Language::code).toList();
    }

    private static String words(String language, int status, Reader reader) {
        return LIBRARY.translations().message(language, RefusalWords.key(status, reader));
    }

    /** A page and the API say the same of an outage, a wrong method, a file too large, too many tries, our failure. */
    @ParameterizedTest
    @ValueSource(ints = {405, 413, 429, 500, 502, 503})
    void aPageAndTheApiAgreeOnWhatHappened(int status) {
        assertEquals(RefusalWords.key(status, Reader.API), RefusalWords.key(status, Reader.PAGE));
    }

    @Test
    void anOutageSaysWhatWasSentWasNotSavedInEveryLanguage() {
        assertTrue(words("nl", 503, Reader.PAGE).contains("NIET bewaard"), words("nl", 503, Reader.PAGE));
        for (String language : languages()) {
            if (!language.equals("nl")) {
                assertNotEquals(words("nl", 503, Reader.PAGE), words(language, 503, Reader.PAGE), language + " says it in Dutch");
            }
        }
    }

    /** A person on a page sent no JSON; the API's words for a bad request ask for it, a page's never do. */
    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 406, 415, 422})
    void aPageNeverAsksForJson(int status) {
        for (String language : languages()) {
            assertFalse(words(language, status, Reader.PAGE).toUpperCase(Locale.ROOT).contains("JSON"),
                    language + " " + status + ": " + words(language, status, Reader.PAGE));
        }
        assertTrue(words("nl", 400, Reader.API).contains("JSON"));
    }

    @Test
    void theApiNamesWhatWasWrong() {
        assertEquals("error.not_found", RefusalWords.key(404, Reader.API));
        assertEquals("error.unsupported_media_type", RefusalWords.key(415, Reader.API));
        assertEquals("auth.json_unauthorized", RefusalWords.key(401, Reader.API));
    }

    /** A page answers a person unless the client explicitly prefers JSON; a JSON route always answers a program. */
    @Test
    void whoReadsTheAnswerIsThePageUnlessTheClientPrefersJson() {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        for (String accept : new String[]{browser, "*/*", "", "text/html, application/json", "application/json;q=0.5, text/html",
                "image/png"}) {
            assertEquals(Reader.PAGE, Reader.of("/start", MediaType.orderedOf(accept.isEmpty() ? List.of() : List.of(accept))),
                    "a page for: " + accept);
            assertEquals(Reader.API, Reader.of("/api/conversations", MediaType.orderedOf(accept.isEmpty() ? List.of() : List.of(accept))),
                    "the API for: " + accept);
        }
        for (String accept : new String[]{"application/json", "application/json, */*;q=0.1", "application/problem+json",
                "text/html;q=0.5, application/json"}) {
            assertEquals(Reader.API, Reader.of("/login", MediaType.orderedOf(List.of(accept))), "prefers JSON: " + accept);
        }
        assertEquals(Reader.API, Reader.of("/intermediair/api/conversations/x/answers", List.of(MediaType.TEXT_HTML_TYPE)));
        assertEquals(Reader.PAGE, Reader.of("/apis", List.of()), "only /api itself and below");
    }
}
