package nl.samenspraak.system;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which multipart headers are refused before their body is read: only those the decoder cannot read. */
class UnreadableMultipartTypesTest {

    @ParameterizedTest
    @ValueSource(strings = {"multipart/form-data; boundary=", "multipart/form-data; boundary=\"", "multipart/form-data; boundary=\"\"",
            "Multipart/Form-Data; charset=utf-8; BOUNDARY= ", "multipart/form-data; charset=nope; boundary=x",
            "multipart/form-data; boundary=x; charset=", "multipart/mixed; boundary="})
    void refused(String contentType) {
        assertTrue(UnreadableMultipartTypes.unreadable(contentType), contentType);
    }

    /** What browsers send, and what is not multipart at all, goes on to the form as before. */
    @ParameterizedTest
    @ValueSource(strings = {"multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW",
            "multipart/form-data; boundary=\"x y\"", "multipart/form-data; boundary=x; charset=UTF-8", "multipart/form-data",
            "application/x-www-form-urlencoded; boundary=", "application/x-www-form-urlencoded; charset=nope", "application/json"})
    void passed(String contentType) {
        assertFalse(UnreadableMultipartTypes.unreadable(contentType), contentType);
    }
}
