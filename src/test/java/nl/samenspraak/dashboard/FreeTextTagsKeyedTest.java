package nl.samenspraak.dashboard;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.Step;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A manager's theme names its free text by a hash of the words; a plain SHA-256 of a short or likely answer is found
 * by hashing a dictionary of such answers, by anyone with a copy of the table. The stored name is keyed with the
 * server's secret, the same on every instance with that secret, and the themes given before (plain SHA-256) are
 * still on their texts after the next start: rekeyed from the words in the team's finished conversations, a theme
 * of words no longer there deleted. Its own database, started twice.
 */
class FreeTextTagsKeyedTest {
    private static final String SECRET = "a server secret of at least thirty-two bytes for the tags";
    private final String url = "jdbc:h2:mem:tags-keyed-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    private ApplicationContext start() {
        return ApplicationContext.run(EmbeddedServer.class, Map.of("datasources.default.url", url,
                "micronaut.server.port", -1, "samenspraak.jwt-secret", SECRET), "test").getApplicationContext();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> storedHashes() throws Exception {
        List<String> hashes = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             ResultSet r = c.createStatement().executeQuery("select text_hash from free_text_tag order by theme")) {
            while (r.next()) {
                hashes.add(r.getString(1));
            }
        }
        return hashes;
    }

    @Test
    void aThemeNamesItsTextByAKeyedHashAndThoseGivenBeforeStayOnTheirTexts() throws Exception {
        String shortAnswer = "ja";
        String kept = "De wachttijd bij de balie was lang";
        String gone = "Deze woorden staan in geen gesprek meer";
        long teamId;
        try (ApplicationContext service = start()) {
            Team team = service.getBean(Teams.class).create("Sleutel " + UUID.randomUUID(), List.of());
            teamId = team.id();
            Flow flow = service.getBean(FlowLibrary.class).flow("voorbeeld").orElseThrow();
            Step step = flow.step("opmerking").orElseThrow();
            Respondents respondents = service.getBean(Respondents.class);
            respondents.finish("voorbeeld", "nl", Origin.team(team.id()), Map.of("opmerking", shortAnswer));
            respondents.finish("voorbeeld", "nl", Origin.team(team.id()), Map.of("opmerking", kept));
            FreeTextTags tags = service.getBean(FreeTextTags.class);
            tags.tag(team, flow, step, List.of(shortAnswer, kept), tags.hash(shortAnswer), "instemming");
            assertEquals(1, storedHashes().size());
            assertFalse(storedHashes().contains(sha256(shortAnswer)), "not the plain SHA-256 a dictionary of answers finds");

            // two themes given before the names were keyed: on words still there, and on words gone since
            try (Connection c = DriverManager.getConnection(url, "sa", "");
                 PreparedStatement insert = c.prepareStatement("insert into free_text_tag (team_id, flow_id, step_id, text_hash,"
                         + " theme, created_at) values (?, 'voorbeeld', 'opmerking', ?, ?, ?)")) {
                for (String[] tag : new String[][]{{kept, "wachttijd"}, {gone, "weg"}}) {
                    insert.setLong(1, team.id());
                    insert.setString(2, sha256(tag[0]));
                    insert.setString(3, tag[1]);
                    insert.setTimestamp(4, Timestamp.from(Instant.now()));
                    insert.executeUpdate();
                }
            }
        }
        try (ApplicationContext again = start()) {
            FreeTextTags tags = again.getBean(FreeTextTags.class);
            Team team = again.getBean(Teams.class).find(teamId).orElseThrow();
            Flow flow = again.getBean(FlowLibrary.class).flow("voorbeeld").orElseThrow();
            Step step = flow.step("opmerking").orElseThrow();
            assertEquals(Map.of(tags.hash(shortAnswer), List.of("instemming"), tags.hash(kept), List.of("wachttijd")),
                    tags.of(team, flow, step), "the same secret names the texts alike; the theme given before is on its text");
            assertEquals(List.of(tags.hash(shortAnswer), tags.hash(kept)), storedHashes(),
                    "no plain SHA-256 stays, and the theme of words no longer there is gone");
        }
    }
}
