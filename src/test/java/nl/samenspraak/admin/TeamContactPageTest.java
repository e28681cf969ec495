package nl.samenspraak.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.support.SharedService;
import jakarta.inject.Inject;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.JsonHttp;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.TeamContacts;
import nl.samenspraak.team.Teams;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A team's manager writes where residents can go; a resident who answers through the team's resident link reads
 * it under their result (web chat, JSON, PDF), in Dutch and in Arabic. A manager of another team cannot change it;
 * a text that is too long is refused with 422 in the person's language.
 */
@SharedService
class TeamContactPageTest {
    static final String PASSWORD = "a long enough password";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    TeamContacts contacts;

    PageHttp http;
    JsonHttp api;
    Team team;
    Team other;
    String manager;
    String intermediair;

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @BeforeEach
    void teamsAndPeople() {
        http = new PageHttp(server.getURL().toString());
        api = new JsonHttp(server.getURL().toString());
        team = teams.create("Wijkteam Noord " + suffix(), List.of("Lombok", "Kanaleneiland"));
        other = teams.create("Wijkteam Zuid " + suffix(), List.of());
        Account m = accounts.create("manager-" + suffix(), PASSWORD, Role.MANAGER);
        teams.addMember(team.id(), m.id());
        manager = http.login(m.username(), PASSWORD);
        Account i = accounts.create("inter-" + suffix(), PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(team.id(), i.id());
        intermediair = http.login(i.username(), PASSWORD);
    }

    private String contactPath(Team t) {
        return "/admin/teams/" + t.id() + "/contact";
    }

    /** A resident link of the team for wijkanalyse in {@code language}, in Lombok; the resident starts it. */
    private String residentConversation(String language) {
        PageHttp.Reply made = http.post("/intermediair/links", form("flow", "wijkanalyse", "language", language,
                "place", team.id() + "|Lombok", "lang", "nl"), intermediair);
        assertEquals(303, made.status(), made.body());
        String code = made.location().substring("/intermediair/links/".length(), made.location().indexOf('?'));
        PageHttp.Reply started = http.post("/r/" + code, form("lang", language), null);
        assertEquals(303, started.status(), started.body());
        return started.location().substring("/c/".length());
    }

    /** Answers every question as the resident would (consent "ja", the first option, a short text) until the end. */
    private JsonNode finish(String id) {
        JsonNode state = api.get("/api/conversations/" + id).json();
        for (int guard = 0; !state.path("done").asBoolean() && guard < 100; guard++) {
            JsonNode step = state.path("step");
            String value = switch (step.path("type").asText()) {
                case "info" -> "null";
                case "text" -> "\"Meer uitleg op school.\"";
                case "number" -> step.path("min").isMissingNode() || step.path("min").isNull() ? "1" : step.path("min").asText();
                case "multi" -> "[" + JsonHttp.quote(step.path("options").get(0).path("value").asText()) + "]";
                default -> JsonHttp.quote(firstOrYes(step.path("options")));
            };
            JsonHttp.Reply r = api.post("/api/conversations/" + id + "/answers",
                    "{\"step\":\"" + step.path("id").asText() + "\",\"value\":" + value + "}");
            assertEquals(200, r.status(), r.body());
            state = r.json();
        }
        assertTrue(state.path("done").asBoolean(), state.toString());
        return state;
    }

    private static String firstOrYes(JsonNode options) {
        for (JsonNode o : options) {
            if (o.path("value").asText().equals("ja")) {
                return "ja";
            }
        }
        return options.get(0).path("value").asText();
    }

    @Test
    void theManagerWritesTheDetailsAndAResidentOfTheTeamReadsThemUnderTheResult() throws Exception {
        // before: the page says nothing is filled in, and a resident's result has no details
        PageHttp.Reply empty = http.get(contactPath(team) + "?lang=nl", manager);
        assertEquals(200, empty.status(), empty.body());
        assertTrue(empty.body().contains("Nog niets ingevuld."), empty.body());
        JsonNode without = finish(residentConversation("nl"));
        assertTrue(without.path("result").path("contact").isNull(), without.path("result").toString());
        assertFalse(without.path("result").path("html").asText().contains("Waar kunt u terecht?"));

        PageHttp.Reply saved = http.post(contactPath(team), form("lang", "nl", "place", "", "in", "nl",
                "desk", "Loket Wijkteam Noord", "address", "Kerkstraat 1, Utrecht", "walk_in", "Maandag 9-12 uur",
                "phone", "030 123 45 67", "email", "noord@wijkteam.example.nl",
                "interpreter", "Zeg het bij de balie, wij bellen de tolkentelefoon."), manager);
        assertEquals(303, saved.status(), saved.body());
        assertTrue(saved.location().contains("done=contact_saved"), saved.location());
        // a translation of the desk into Arabic, and Lombok's own address (Dutch only)
        assertEquals(303, http.post(contactPath(team), form("lang", "nl", "place", "", "in", "ar",
                "desk", "مكتب فريق الحي الشمالي"), manager).status());
        assertEquals(303, http.post(contactPath(team), form("lang", "nl", "place", "Lombok", "in", "nl",
                "address", "Buurthuis Lombok, Damstraat 5"), manager).status());

        PageHttp.Reply page = http.get(saved.location(), manager);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("De contactgegevens zijn opgeslagen."), page.body());
        assertTrue(page.body().contains("value=\"Loket Wijkteam Noord\""), page.body());
        assertTrue(page.body().contains("id=\"contact-written\""), page.body());

        // a Dutch resident through the team's resident link (Lombok)
        String nlId = residentConversation("nl");
        JsonNode nl = finish(nlId);
        JsonNode contact = nl.path("result").path("contact");
        assertEquals("Waar kunt u terecht?", contact.path("heading").asText());
        assertEquals("Loket Wijkteam Noord", contact.path("lines").get(0).path("text").asText());
        assertEquals("Buurthuis Lombok, Damstraat 5", contact.path("lines").get(1).path("text").asText(), "Lombok's own address");
        String html = nl.path("result").path("html").asText();
        assertTrue(html.contains("<dd lang=\"nl\" dir=\"ltr\">Maandag 9-12 uur</dd>"), html);
        assertTrue(html.contains("030 123 45 67") && html.contains("noord@wijkteam.example.nl"), html);

        // the web chat page and the PDF show the same block
        PageHttp.Reply chat = http.get("/c/" + nlId, null);
        assertEquals(200, chat.status());
        assertTrue(chat.body().contains("Buurthuis Lombok, Damstraat 5"), chat.body());
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(http.request("/c/" + nlId + "/result.pdf").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.contains("Waar kunt u terecht?") && text.contains("Loket Wijkteam Noord")
                    && text.contains("Buurthuis Lombok, Damstraat 5"), text);
        }

        // an Arabic resident: the desk in Arabic, the rest in Dutch, isolated, with a note in Arabic
        JsonNode ar = finish(residentConversation("ar"));
        JsonNode arContact = ar.path("result").path("contact");
        assertEquals("أين يمكنكم التوجّه؟", arContact.path("heading").asText());
        assertEquals("مكتب فريق الحي الشمالي", arContact.path("lines").get(0).path("text").asText());
        assertEquals("rtl", arContact.path("lines").get(0).path("direction").asText());
        assertEquals("\u2068Buurthuis Lombok, Damstraat 5\u2069", arContact.path("lines").get(1).path("text").asText());
        assertEquals("كتب الفريق هذه المعلومات باللغة الهولندية.", arContact.path("note").asText());
        String arHtml = ar.path("result").path("html").asText();
        assertTrue(arHtml.contains("<dd lang=\"ar\" dir=\"rtl\">مكتب فريق الحي الشمالي</dd>"), arHtml);
        assertTrue(arHtml.contains("<dd lang=\"nl\" dir=\"ltr\">\u2068Buurthuis Lombok, Damstraat 5\u2069</dd>"), arHtml);
    }

    @Test
    void aManagerOfAnotherTeamCannotReadOrChangeTheDetails() {
        contacts.save(team.id(), "", "nl", Map.of("desk", "Loket Noord"));
        Account stranger = accounts.create("stranger-" + suffix(), PASSWORD, Role.MANAGER);
        teams.addMember(other.id(), stranger.id());
        String cookie = http.login(stranger.username(), PASSWORD);
        PageHttp.Reply page = http.get(contactPath(team) + "?lang=nl", cookie);
        assertEquals(403, page.status(), page.body());
        assertFalse(page.body().contains("Loket Noord"));
        PageHttp.Reply post = http.post(contactPath(team), form("lang", "nl", "place", "", "in", "nl", "desk", "Overgenomen"), cookie);
        assertEquals(403, post.status(), post.body());
        assertEquals("Loket Noord", contacts.fields(team.id(), "", "nl").get("desk"), "unchanged");
        assertEquals(200, http.get(contactPath(other) + "?lang=nl", cookie).status(), "their own team they may");
        assertEquals(403, http.get("/admin/teams/999999999/contact?lang=nl", cookie).status(), "no hint which teams exist");
        assertEquals(403, http.get(contactPath(team) + "?lang=nl", intermediair).status(), "an intermediair writes nothing here");
    }

    @Test
    void aTextTooLongIsRefusedWith422InThePersonsLanguageAndKeepsWhatWasTyped() {
        String tooLong = "a".repeat(TeamContacts.MAX.get("address") + 1);
        PageHttp.Reply nl = http.post(contactPath(team), form("lang", "nl", "place", "", "in", "nl",
                "desk", "Loket Noord", "address", tooLong), manager);
        assertEquals(422, nl.status(), nl.body());
        assertTrue(nl.body().contains("„Adres” heeft hoogstens 200 tekens."), nl.body());
        assertTrue(nl.body().contains("value=\"Loket Noord\""), "what was typed stays");
        PageHttp.Reply ar = http.post(contactPath(team), form("lang", "ar", "place", "", "in", "nl", "address", tooLong), manager);
        assertEquals(422, ar.status(), ar.body());
        assertTrue(ar.body().contains("«العنوان» طويل جدًا. الحد الأقصى لعدد الأحرف: 200."), ar.body());
        assertTrue(ar.body().contains("<html lang=\"ar\" dir=\"rtl\">"), ar.body());
        assertEquals("", contacts.fields(team.id(), "", "nl").get("desk"), "nothing stored");
        PageHttp.Reply mail = http.post(contactPath(team), form("lang", "tr", "place", "", "in", "nl", "email", "geen adres"), manager);
        assertEquals(422, mail.status());
        assertTrue(mail.body().contains("ad@ornek.nl gibi bir e-posta adresi yazın."), mail.body());
    }
}
