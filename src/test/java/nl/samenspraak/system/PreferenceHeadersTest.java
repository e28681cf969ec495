package nl.samenspraak.system;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Language and charset preferences keep the items that name something, in their order; nothing else changes. */
class PreferenceHeadersTest {
    @Test
    void itemsThatNameNothingAreDropped() {
        assertEquals("", PreferenceHeaders.kept(List.of(",")));
        assertEquals("", PreferenceHeaders.kept(List.of(";")));
        assertEquals("", PreferenceHeaders.kept(List.of(",,,;;")));
        assertEquals("", PreferenceHeaders.kept(List.of(" ;q=1 , ")));
        assertEquals("ar", PreferenceHeaders.kept(List.of(",ar")));
        assertEquals("ar;q=0.9, nl", PreferenceHeaders.kept(List.of(";q=1, ar;q=0.9,,nl")));
    }

    @Test
    void aUsableHeaderIsLeftAsItWas() {
        assertEquals("ar-SA,ar;q=0.9", PreferenceHeaders.kept(List.of("ar-SA,ar;q=0.9")));
        assertEquals("nl;;", PreferenceHeaders.kept(List.of("nl;;")));
        assertEquals("*", PreferenceHeaders.kept(List.of("*")));
    }

    @Test
    void severalLinesBecomeOneList() {
        assertEquals("tr, nl;q=0.5", PreferenceHeaders.kept(List.of("tr", ",nl;q=0.5")));
    }

    @Test
    void aHeaderLeftEmptyIsRemovedAndOthersAreNotTouched() {
        HttpHeaders headers = new DefaultHttpHeaders()
                .add(HttpHeaderNames.ACCEPT_LANGUAGE, ",")
                .add(HttpHeaderNames.ACCEPT_CHARSET, ";, utf-8")
                .add(HttpHeaderNames.ACCEPT, ",");

        PreferenceHeaders.tidy(headers);

        assertFalse(headers.contains(HttpHeaderNames.ACCEPT_LANGUAGE));
        assertEquals("utf-8", headers.get(HttpHeaderNames.ACCEPT_CHARSET));
        assertEquals(",", headers.get(HttpHeaderNames.ACCEPT), "only the two preference headers are tidied");
    }
}
