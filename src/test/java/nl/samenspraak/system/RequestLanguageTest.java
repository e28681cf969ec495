package nl.samenspraak.system;

import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The language a request is answered in. Accept-Language is a preference anyone can write: one the JDK cannot read is
 * no preference at all. Until the probe of the public surface {@code Accept-Language: --} made the JDK's parser throw
 * an ArrayIndexOutOfBoundsException (not the IllegalArgumentException it documents), and every page and API reply
 * that says something in the person's language was a 500 without a body.
 */
class RequestLanguageTest {
    private final RequestLanguage language = new RequestLanguage(FlowWalk.library());

    @ParameterizedTest
    @ValueSource(strings = {"--", "-", "---", "nl,--", "-;q=0.5", "", ";q=x,,,", "q=x", "nl;q=2", "a b", "x-", "*;q=0.5;q=1"})
    void aHeaderNobodyCanReadIsDutch(String header) {
        assertEquals("nl", language.fromHeader(header));
    }

    @Test
    void aHeaderThatCanBeReadIsFollowed() {
        assertEquals("ar", language.fromHeader("ar-MA, en;q=0.5"));
        assertEquals("tr", language.fromHeader("de, tr;q=0.8"));
        assertEquals("pl", language.of(null, "pl"));
    }

    /** A language with q=0 is one the client does not want: "ar;q=0" was answered in Arabic (the API probe). */
    @Test
    void aLanguageWeighedZeroIsNotWanted() {
        assertEquals("nl", language.fromHeader("ar;q=0"));
        assertEquals("tr", language.fromHeader("ar;q=0, tr;q=0.5"));
        assertEquals("en", language.fromHeader("en, ar;q=0"));
    }
}
