package nl.samenspraak.telegram;

import io.micronaut.core.annotation.Nullable;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * A message to send: Telegram HTML in {@code language} (whose direction decides how lines are marked),
 * with buttons or not; {@code step} is the step the buttons answer (null for menus).
 */
record Reply(String html, String language, @Nullable InlineKeyboardMarkup keyboard, @Nullable String step) {

    static Reply text(String html, String language) {
        return new Reply(html, language, null, null);
    }
}
