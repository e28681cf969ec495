package nl.samenspraak.telegram;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChatIdsTest {

    @Test
    void aChatIdIsStoredAsAKeyedHash() {
        ChatIds ids = ChatIds.keyed("key-one", "1:token");
        String hash = ids.hash(123456789L);
        assertEquals(64, hash.length());
        assertTrue(hash.matches("[0-9a-f]{64}"));
        assertFalse(hash.contains("123456789"));
        assertEquals(hash, ChatIds.keyed("key-one", "2:other-token").hash(123456789L), "the same key, the same hash");
        assertNotEquals(hash, ChatIds.keyed("key-two", "1:token").hash(123456789L), "another key, another hash");
        assertNotEquals(hash, ids.hash(123456790L));
        // HMAC-SHA256("key-one", "123456789"), computed independently
        assertEquals(hmac("key-one", "123456789"), hash);
    }

    @Test
    void withoutAKeyTheKeyComesFromTheBotToken() {
        String derived = ChatIds.keyed("", "1:token").hash(42);
        assertEquals(derived, ChatIds.keyed(null, "1:token").hash(42));
        assertNotEquals(derived, ChatIds.keyed("", "1:other").hash(42));
        assertNotEquals(derived, ChatIds.keyed("1:token", "").hash(42), "not keyed with the token itself");
        assertThrows(IllegalStateException.class, () -> ChatIds.keyed("", ""));
    }

    private static String hmac(String key, String text) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
