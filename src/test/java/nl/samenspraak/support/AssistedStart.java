package nl.samenspraak.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An intermediair's conversation with a resident, started as the workplace's start card starts it (a POST to
 * {@code /intermediair/start}, answered with a 303 to the conversation's chat page in the page's language): its chat
 * page's address and the conversation's id. Twelve tests started one this way, each with its own copy of the five lines.
 */
public record AssistedStart(String address, String id) {
    private static final Pattern CHAT = Pattern.compile("/intermediair/c/([0-9a-f-]{36})\\?lang=[a-z]{2,3}");

    /**
     * Starts {@code flow} with a resident in {@code resident} at {@code place} (a team's id, or "id|wijk" for a flow
     * counted per wijk), logged in with {@code login}, the page asked in {@code page}; fails the test unless it was
     * started and sent to its chat page (in {@code page}, or in the intermediair's own language where they chose one).
     */
    public static AssistedStart start(PageHttp http, String login, String flow, String resident, String place, String page) {
        PageHttp.Reply started = http.post("/intermediair/start",
                form("flow", flow, "language", resident, "place", place, "lang", page), login);
        assertEquals(303, started.status(), started.body());
        Matcher chat = CHAT.matcher(started.location());
        assertTrue(chat.matches(), started.location());
        return new AssistedStart(started.location(), chat.group(1));
    }
}
