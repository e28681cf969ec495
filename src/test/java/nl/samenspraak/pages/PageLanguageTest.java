package nl.samenspraak.pages;

import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The language a page handler receives ({@link PageLanguage}): the one asked for in the address, for a form the
 * one in its hidden field (the address and browser do not count then), else the browser's, else Dutch; a language
 * the product does not speak counts as not asked. Shown on the team's join page, whose form is refused in the
 * language it was filled in.
 */
@SharedService
class PageLanguageTest {
    @Inject
    EmbeddedServer server;
    @Inject
    Teams teams;

    @Test
    void aPageSpeaksTheLanguageAskedElseTheBrowsersElseDutch() {
        PageHttp http = new PageHttp(server.getURL().toString());
        Team team = teams.create("Taalteam " + UUID.randomUUID().toString().substring(0, 8), List.of("Noord"));
        String path = "/t/" + team.joinCode();

        assertTrue(http.get(path + "?lang=ar", null).body().contains("<html lang=\"ar\" dir=\"rtl\">"));
        assertTrue(http.send(http.request(path).header("Accept-Language", "en-GB,nl;q=0.5")).body().contains("<html lang=\"en\" dir=\"ltr\">"));
        assertTrue(http.send(http.request(path + "?lang=xx").header("Accept-Language", "pl")).body().contains("<html lang=\"pl\""),
                "a language the product does not speak counts as not asked");
        assertTrue(http.get(path, null).body().contains("<html lang=\"nl\""));

        PageHttp.Reply english = http.post(path + "?lang=nl", form("flow", "cultureel-interview", "lang", "en"), null,
                Map.of("Origin", http.base(), "Accept-Language", "tr"));
        assertEquals(422, english.status());
        assertTrue(english.body().contains("Choose one of the conversations below."), english.body());
        PageHttp.Reply arabic = http.post(path, form("flow", "none", "lang", "ar"), null);
        assertTrue(arabic.body().contains("<html lang=\"ar\" dir=\"rtl\">") && arabic.body().contains("اختر إحدى المحادثات أدناه."),
                arabic.body());
    }
}
