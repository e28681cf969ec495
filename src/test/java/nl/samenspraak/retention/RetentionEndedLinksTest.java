package nl.samenspraak.retention;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.Caller;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.intermediair.ResidentLink;
import nl.samenspraak.intermediair.ResidentLinkRepository;
import nl.samenspraak.intermediair.ResidentLinks;
import nl.samenspraak.storage.HandOverRecord;
import nl.samenspraak.storage.HandOverRepository;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ended resident links and ended result hand-overs go in the
 * daily retention run, not only when an intermediair next makes a link or opens a page: a team whose intermediairs
 * stopped using the service would otherwise keep them for ever. Working ones stay. Its own database.
 */
@MicronautTest(transactional = false)
@Property(name = "datasources.default.url",
        value = "jdbc:h2:mem:retention-links;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class RetentionEndedLinksTest {
    @Inject
    RetentionJob job;
    @Inject
    ReadConversation readConversation;
    @Inject
    Respondents respondents;
    @Inject
    Teams teams;
    @Inject
    ResidentLinks residentLinks;
    @Inject
    ResidentLinkRepository links;
    @Inject
    HandOverRepository handOvers;

    @Test
    void theDailyRunDeletesEndedLinksAndHandOvers() {
        Team team = teams.create("Links " + UUID.randomUUID(), List.of());
        Origin origin = Origin.team(team.id());
        ResidentLink link = residentLinks.create("voorbeeld", "nl", origin);
        String conversation = respondents.finish("voorbeeld", "nl", origin, Map.of());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String token = "retention-" + UUID.randomUUID();
        handOvers.save(new HandOverRecord(token, conversation, now, now.plus(Duration.ofHours(24))));

        job.run(now.plus(Duration.ofMinutes(1)));
        assertTrue(links.findById(link.code()).isPresent(), "a working link stays");
        assertTrue(handOvers.findById(token).isPresent(), "a working hand-over stays");

        job.run(now.plus(Duration.ofHours(25)));
        assertFalse(links.findById(link.code()).isPresent(), "an ended link goes");
        assertFalse(handOvers.findById(token).isPresent(), "an ended hand-over goes");
        assertTrue(readConversation.origin(conversation, Caller.PUBLIC).isPresent(), "the finished conversation itself stays");
    }
}
