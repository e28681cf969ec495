package nl.samenspraak.engine;

import java.util.Map;

/** A value made fit to store, or the reason it does not fit (a message key with parameters). */
public record AnswerCheck(Object value, String error, Map<String, Object> parameters) {

    static AnswerCheck ok(Object value) {
        return new AnswerCheck(value, null, Map.of());
    }

    static AnswerCheck invalid(String error) {
        return new AnswerCheck(null, error, Map.of());
    }

    static AnswerCheck invalid(String error, Map<String, Object> parameters) {
        return new AnswerCheck(null, error, parameters);
    }

    public boolean valid() {
        return error == null;
    }
}
