package nl.samenspraak.storage;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * An answer's value as the answer table keeps it (JSON) and back in the engine's forms, in one place for the
 * store that writes and reads a conversation and for the dashboard's reading of many at once.
 */
@Singleton
class AnswerValues {
    private final JsonMapper json;

    AnswerValues(JsonMapper json) {
        this.json = json;
    }

    /** An answer as stored: JSON (null stays null). */
    String encode(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Back to the engine's forms: text, whole numbers as Long, other numbers as Double, lists of text. A plain
     * text without escapes and a plain whole number, most of what is stored, are read without the JSON parser:
     * the dashboard reads every answer of a team.
     */
    Object decode(String stored) {
        if (stored == null) {
            return null;
        }
        Object plain = plain(stored);
        if (plain != null) {
            return plain;
        }
        try {
            return normalize(json.readValue(stored, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON string with no escape in it, or a whole number of at most 18 digits; else null (the parser reads it). */
    private static Object plain(String s) {
        int n = s.length();
        if (n >= 2 && s.charAt(0) == '"' && s.charAt(n - 1) == '"') {
            for (int i = 1; i < n - 1; i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\' || c < 0x20) {
                    return null;
                }
            }
            return s.substring(1, n - 1);
        }
        int start = n > 0 && s.charAt(0) == '-' ? 1 : 0;
        if (n == start || n - start > 18 || (s.charAt(start) == '0' && n - start > 1)) {
            return null;
        }
        for (int i = start; i < n; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(s);
    }

    private static Object normalize(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte || value instanceof BigInteger) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigDecimal b) {
            return b.stripTrailingZeros().scale() <= 0 ? (Object) b.longValue() : (Object) b.doubleValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AnswerValues::normalize).toList();
        }
        return value;
    }
}
