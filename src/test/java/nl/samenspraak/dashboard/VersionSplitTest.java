package nl.samenspraak.dashboard;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answers given under an earlier wording of a question are kept apart from today's. An earlier service, whose
 * flow files asked one question differently, records its version and five finished conversations; this
 * service, with today's flows and the same database, adds five more, and its dashboard splits that question.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VersionSplitTest implements TestPropertyProvider {
    static final String FLOW = "werk-jij-diversiteitsproof";
    static final String OLD_TEXT = "Werk je samen met migrantenorganisaties?";
    final String database = "jdbc:h2:mem:versions-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    String oldVersion;
    long teamId;

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    Respondents respondents;
    @Inject
    FlowLibrary library;

    /** Runs before this class's service starts: the earlier service, its flows, its answers. */
    @Override
    public Map<String, String> getProperties() {
        Path dir = earlierFlows();
        try (ApplicationContext earlier = ApplicationContext.run(Map.of("datasources.default.url", database,
                "samenspraak.flows-dir", dir.resolve("flows").toString(),
                "samenspraak.locales-dir", dir.resolve("locales").toString()), "test")) {
            oldVersion = earlier.getBean(FlowLibrary.class).flow(FLOW).orElseThrow().version();
            teamId = earlier.getBean(Teams.class).create("Versies " + UUID.randomUUID().toString().substring(0, 8), List.of()).id();
            Respondents respondents = earlier.getBean(Respondents.class);
            for (int i = 0; i < 5; i++) {
                respondents.finish(FLOW, "nl", Origin.team(teamId), Map.of("netwerk_sleutelpersonen", "nog_niet"));
            }
        } finally {
            delete(dir);
        }
        return Map.of("datasources.default.url", database);
    }

    /** The bundled flows and words, with one question of the self-reflection worded differently in Dutch. */
    private static Path earlierFlows() {
        try {
            Path dir = Files.createTempDirectory("samenspraak-earlier");
            for (String folder : List.of("flows", "locales")) {
                nl.samenspraak.support.Folders.copy(Path.of(folder), dir.resolve(folder));
            }
            Path dutch = dir.resolve("locales/nl/flows/" + FLOW + ".yaml");
            String words = Files.readString(dutch);
            assertTrue(words.contains("Werk je samen met migrantenorganisaties of sleutelpersonen uit de wijk?"));
            Files.writeString(dutch, words.replace("Werk je samen met migrantenorganisaties of sleutelpersonen uit de wijk?", OLD_TEXT));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    @Test
    void aQuestionWordedDifferentlyIsShownPerVersionAndTheOthersTogether() {
        String version = library.flow(FLOW).orElseThrow().version();
        assertNotEquals(oldVersion, version, "changing a question's words makes a new version");
        for (int i = 0; i < 5; i++) {
            respondents.finish(FLOW, "nl", Origin.team(teamId), Map.of("netwerk_sleutelpersonen", "regelmatig"));
        }
        Account manager = accounts.create("versies-" + UUID.randomUUID().toString().substring(0, 8), "a long enough password", Role.MANAGER);
        teams.addMember(teamId, manager.id());
        PageHttp http = new PageHttp(server.getURL().toString());
        String cookie = http.login(manager.username(), "a long enough password");
        String page = http.get("/dashboard/teams/" + teamId + "/flows/" + FLOW + "?lang=nl", cookie).body();
        assertTrue(page.contains("<strong id=\"respondents\">10</strong>"), page);

        String changed = section(page, "netwerk_sleutelpersonen");
        assertTrue(changed.contains("Deze vraag is tussen versies veranderd."), changed);
        assertTrue(changed.contains("Zo gevraagd in versie " + oldVersion + "<"), changed);
        assertTrue(changed.contains("Zo gevraagd in versie " + version + " (de huidige vraag)"), changed);
        assertTrue(changed.matches("(?s).*<th scope=\"row\">Nog niet</th><td>5</td><td>100</td>.*"
                + "<th scope=\"row\">Ja, regelmatig</th><td>5</td><td>100</td>.*"), "the old answers, then today's, apart");

        String same = section(page, "netwerk_vindplaatsen");
        assertFalse(same.contains("tussen versies veranderd"), "a question asked the same way stays together");
        assertTrue(same.contains("10 mensen beantwoordden deze vraag."), same);

        String earlier = http.get("/dashboard/teams/" + teamId + "/flows/" + FLOW + "?lang=nl&version=" + oldVersion, cookie).body();
        assertTrue(earlier.contains("<strong id=\"respondents\">5</strong>"), "the version filter: five each");
    }

    /** The part of the page about one question. */
    private static String section(String page, String step) {
        int start = page.indexOf("id=\"question-" + step + "\"");
        assertTrue(start > 0, step);
        int end = page.indexOf("</article>", start);
        return page.substring(start, end);
    }
}
