package nl.samenspraak.result;

import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.engine.ConversationEngine;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Step;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.support.FlowWalk;
import nl.samenspraak.support.Translated;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A resident's result names their team's own desk, address, walk-in hours and way to an interpreter when the
 * team wrote them, in the resident's language where the team translated them and else in Dutch, marked and
 * isolated; without details the result is as before. Plain Java: no server, no database.
 */
class TeamContactResultTest {
    private final ConversationEngine engine = new ConversationEngine();
    private final ResultBuilder results = new ResultBuilder(engine, FlowWalk.library().translations(), new TextRenderer(), template());

    /** The result's page template, as the service renders a result with it. */
    static String template() {
        try {
            return Files.readString(Path.of("src/main/resources/views/result.vm"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The team's Dutch details, its Arabic desk name, and a wijk (Lombok) with its own address in Dutch only. */
    private static TeamContact contact(boolean withWijk) {
        Map<String, Map<String, String>> team = Map.of(
                "nl", Map.of("desk", "Wijkteam Noord, loket", "address", "Kerkstraat 1, Utrecht",
                        "walk_in", "Maandag 9-12 uur\nDonderdag 13-16 uur", "phone", "030 123 45 67",
                        "interpreter", "Zeg het bij de balie; wij bellen de tolkentelefoon <gratis>."),
                "ar", Map.of("desk", "مكتب فريق الحي الشمالي"));
        Map<String, Map<String, String>> lombok = Map.of("nl", Map.of("address", "Buurthuis Lombok, Damstraat 5"));
        return new TeamContact(withWijk ? List.of(lombok, team) : List.of(team));
    }

    /** A valid answer to any step: consent given, else the first option, something typed, or the lowest number. */
    static Object answer(Flow flow, ConversationState.StepView step) {
        Step s = flow.requireStep(step.id());
        if (s.consent()) {
            return "ja";
        }
        return switch (s.type()) {
            case INFO -> null;
            case CHOICE, YESNO, SCALE -> step.options().get(0).value();
            case MULTI -> List.of(step.options().get(0).value());
            case TEXT -> "Meer uitleg op school.";
            case NUMBER -> step.min() == null ? 1 : step.min();
            case DATE -> "2024-03-01";
        };
    }

    private static FlowWalk finished(String flowId, String language) {
        FlowWalk walk = FlowWalk.start(flowId, language);
        return walk.answerAll(step -> answer(walk.flow(), step));
    }

    private Result build(FlowWalk walk, String language, TeamContact contact) {
        return results.build(walk.flow(), walk.progress(), language, false, contact);
    }

    @Test
    void withoutDetailsTheResultKeepsItsGenericWords() {
        FlowWalk walk = finished("wijkanalyse", "nl");
        Result result = build(walk, "nl", null);
        assertNull(result.contact());
        assertFalse(result.html().contains("team-contact"), result.html());
        assertEquals(walk.result().html(), result.html(), "the same result as without a team");
        assertFalse(result.tips().isEmpty(), "the generic tips are still there");
        assertNull(build(walk, "nl", new TeamContact(List.of(Map.of()))).contact(), "a team that wrote nothing adds nothing");
    }

    @Test
    void theTipOnWhereToGoNamesTheTeamsOwnDeskInsteadOfAskingAtSchoolWhereItIs() {
        FlowWalk walk = finished("wijkanalyse", "nl");
        Result.Tip generic = tip(build(walk, "nl", null), "waar_hulp_vinden");
        assertTrue(generic.text().contains("Weet u niet waar het wijkteam zit?"), generic.text());

        Result.Tip named = tip(build(walk, "nl", contact(false)), "waar_hulp_vinden");
        assertTrue(named.text().contains("Het wijkteam voor uw wijk: Wijkteam Noord, loket, Kerkstraat 1, Utrecht."), named.text());
        assertTrue(named.text().contains("Maandag 9-12 uur, Donderdag 13-16 uur"), named.text());
        assertFalse(named.text().contains("Weet u niet waar het wijkteam zit?"), named.text());

        // Arabic: the translated desk as it is, the Dutch address isolated in the right-to-left sentence
        Result.Tip arabic = tip(build(finished("wijkanalyse", "ar"), "ar", contact(false)), "waar_hulp_vinden");
        assertTrue(arabic.text().contains("مكتب فريق الحي الشمالي"), arabic.text());
        assertTrue(arabic.text().contains("\u2068Kerkstraat 1, Utrecht\u2069"), arabic.text());
    }

    private static Result.Tip tip(Result result, String id) {
        return result.tips().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no tip " + id + " in " + result.tips().stream().map(Result.Tip::id).toList()));
    }

    @Test
    void aDutchResidentReadsTheTeamsDetailsInOrder() {
        FlowWalk walk = finished("wijkanalyse", "nl");
        Result result = build(walk, "nl", contact(false));
        Result.Contact c = result.contact();
        assertNotNull(c);
        assertEquals("Waar kunt u terecht?", c.heading());
        assertEquals(List.of("desk", "address", "walk_in", "phone", "interpreter"),
                c.lines().stream().map(Result.ContactLine::field).toList());
        assertEquals("Maandag 9-12 uur<br>Donderdag 13-16 uur", c.lines().get(2).text(), "line breaks kept, as <br>");
        assertEquals("Zeg het bij de balie; wij bellen de tolkentelefoon &lt;gratis&gt;.", c.lines().get(4).text(), "escaped");
        assertNull(c.note(), "nothing to say about the language");
        String html = result.html();
        assertTrue(html.contains("<h2>Waar kunt u terecht?</h2>"), html);
        assertTrue(html.contains("<dt>Loket</dt>\n      <dd lang=\"nl\" dir=\"ltr\">Wijkteam Noord, loket</dd>"), html);
        assertTrue(html.contains("<dd lang=\"nl\" dir=\"ltr\">Kerkstraat 1, Utrecht</dd>"), html);
        assertFalse(html.contains("<gratis>"), "the team's text never becomes markup");
        assertFalse(result.tips().isEmpty(), "the tips stay");
    }

    @Test
    void anArabicResidentReadsTheTranslatedDeskAndTheRestInDutchIsolatedWithANote() {
        FlowWalk walk = finished("wijkanalyse", "ar");
        Result.Contact c = build(walk, "ar", contact(false)).contact();
        assertNotNull(c);
        Translated.assertArabic(c.heading(), "the heading");
        Result.ContactLine desk = c.lines().get(0);
        assertEquals("مكتب فريق الحي الشمالي", desk.text(), "the team's own Arabic, not isolated");
        assertEquals("ar", desk.language());
        assertEquals("rtl", desk.direction());
        Result.ContactLine address = c.lines().get(1);
        assertEquals("\u2068Kerkstraat 1, Utrecht\u2069", address.text(), "Dutch isolated inside Arabic");
        assertEquals("nl", address.language());
        assertEquals("ltr", address.direction());
        assertEquals("كتب الفريق هذه المعلومات باللغة الهولندية.", c.note());
        String html = build(walk, "ar", contact(false)).html();
        assertTrue(html.contains("<dd lang=\"nl\" dir=\"ltr\">\u2068Kerkstraat 1, Utrecht\u2069</dd>"), html);
        assertTrue(html.contains("<p class=\"contact-note\">كتب الفريق هذه المعلومات باللغة الهولندية.</p>"), html);
    }

    @Test
    void aWijksOwnDutchAddressWinsOverTheTeamsTranslatedOne() {
        Map<String, Map<String, String>> team = Map.of("nl", Map.of("address", "Kerkstraat 1"), "tr", Map.of("address", "Kerkstraat 1 (ana bina)"));
        Map<String, Map<String, String>> wijk = Map.of("nl", Map.of("address", "Damstraat 5"));
        List<TeamContact.Detail> shown = new TeamContact(List.of(wijk, team)).in("tr");
        assertEquals(List.of(new TeamContact.Detail("address", "Damstraat 5", "nl")), shown);
        List<TeamContact.Detail> teamOnly = new TeamContact(List.of(Map.of(), team)).in("tr");
        assertEquals(List.of(new TeamContact.Detail("address", "Kerkstraat 1 (ana bina)", "tr")), teamOnly);

        Result.Contact c = build(finished("wijkanalyse", "nl"), "nl", contact(true)).contact();
        assertEquals("Buurthuis Lombok, Damstraat 5", c.lines().get(1).text(), "Lombok's own address");
        assertEquals("Wijkteam Noord, loket", c.lines().get(0).text(), "the rest from the team");
    }

    @Test
    void directionControlsTypedByTheTeamNeverReachTheResult() {
        Map<String, Map<String, String>> team = Map.of("nl", Map.of("address", " Kerk\u202Estraat\u0007 1\u2066\u2069 "));
        Result.Contact c = build(finished("wijkanalyse", "nl"), "nl", new TeamContact(List.of(team))).contact();
        assertEquals("Kerkstraat 1", c.lines().get(0).text());
    }

    @Test
    void aProfessionalsResultAndADeclinedOneNameNoDesk() {
        FlowWalk professional = finished("werk-jij-diversiteitsproof", "nl");
        Result result = build(professional, "nl", contact(false));
        assertNull(result.contact(), "a professional knows their own team");
        assertFalse(result.html().contains("team-contact"));

        FlowWalk declined = FlowWalk.start("wijkanalyse", "nl").answer("welkom", null).answer("toestemming", "nee");
        assertNull(build(declined, "nl", contact(false)).contact(), "nothing stored, nothing more to say");
    }

    @Test
    void aClientReadingTheirClosingAloneAlsoLearnsWhereToGo() {
        FlowWalk client = finished("cultureel-interview", "tr");
        Result result = build(client, "tr", contact(false));
        assertNotNull(result.contact());
        assertEquals("Nereye başvurabilirsiniz?", result.contact().heading());
        assertTrue(result.html().contains("team-contact"), result.html());
    }

    /**
     * Read along (an intermediair beside the resident), where to go stands in both languages as the scores and tips do:
     * its heading, each line's label and the note, the resident's words first, each marked with its language. It stood
     * in the resident's language only ("Waar kunt u terecht?" in Arabic alone on a Dutch page). The team's details stay
     * as written for the resident; read alone, nothing changes.
     */
    @Test
    void readAlongWhereToGoHasItsHeadingsInBothLanguages() {
        FlowWalk walk = finished("wijkanalyse", "ar");
        String html = results.build(walk.flow(), walk.progress(), "ar", false, contact(false), "nl").html();
        String heading = build(walk, "ar", contact(false)).contact().heading();
        assertTrue(html.contains("<h2><span class=\"original\" lang=\"ar\" dir=\"rtl\">" + heading
                + "</span><span class=\"translation\" lang=\"nl\" dir=\"ltr\">Waar kunt u terecht?</span></h2>"), html);
        assertTrue(html.contains("<span class=\"translation\" lang=\"nl\" dir=\"ltr\">Loket</span></dt>\n      <dd lang=\"ar\" dir=\"rtl\">مكتب فريق الحي الشمالي</dd>"), html);
        assertTrue(html.contains("<p class=\"contact-note translation\" lang=\"nl\" dir=\"ltr\">"), html);
        assertTrue(html.contains("<p class=\"tip-source translation\" lang=\"nl\" dir=\"ltr\"><strong>Bron:</strong>"), html);
        assertFalse(build(walk, "ar", contact(false)).html().contains("Waar kunt u terecht?"), "read alone, Arabic only");

        // a client's closing read along by their professional: where to go in both too
        FlowWalk client = finished("cultureel-interview", "tr");
        String closing = results.build(client.flow(), client.progress(), "tr", true, contact(false), "nl").html();
        assertTrue(closing.contains("<h2><span class=\"original\" lang=\"tr\" dir=\"ltr\">Nereye başvurabilirsiniz?</span>"
                + "<span class=\"translation\" lang=\"nl\" dir=\"ltr\">Waar kunt u terecht?</span></h2>"), closing);
        assertEquals(1, closing.split("team-contact", -1).length - 1, "once, not again in the professional's part: " + closing);
        assertTrue(closing.contains("Wijkteam Noord, loket"), "the client's block names the desk");
    }
}
