package nl.samenspraak.security;

import io.micronaut.core.annotation.Nullable;

/**
 * The field of an account form a refusal is about: {@code username}, {@code current} (the current password),
 * {@code password} (a new one) or {@code repeat}; "" for a refusal about the whole form or none. The account pages put
 * the reason beside the form and the focus in that field, marked refused, so that on a phone the reason is not at the
 * page's top a screen away from the form, and a screen reader reads why at the field. One list for every account form
 * (one's own password, an admin's new account), so the same refusal is shown at the same field everywhere.
 */
public final class RefusedField {
    private RefusedField() {
    }

    public static String of(@Nullable Refused refused) {
        if (refused == null) {
            return "";
        }
        return switch (refused.key()) {
            case "auth.username_invalid", "auth.username_taken" -> "username";
            case "auth.current_password_wrong" -> "current";
            case "auth.passwords_differ" -> "repeat";
            case "auth.password_too_short", "auth.password_too_long", "auth.password_is_username" -> "password";
            default -> "";
        };
    }
}
