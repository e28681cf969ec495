package nl.samenspraak.retention;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.DeleteConversation;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.dashboard.FreeTextTags;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.Step;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A manager's theme on a free text must not outlive the text: once the conversation that held it is forgotten (or
 * deleted by retention), the daily run deletes the tag, so neither the text's hash (reversible by dictionary for a
 * short text) nor the theme stays. A tag on a text still there stays. Its own database: the job deletes across all.
 */
@MicronautTest(transactional = false)
@Property(name = "datasources.default.url",
        value = "jdbc:h2:mem:retention-tags;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class RetentionTagsTest {
    @Inject
    RetentionJob job;
    @Inject
    DeleteConversation deleteConversation;
    @Inject
    Respondents respondents;
    @Inject
    FreeTextTags tags;
    @Inject
    Teams teams;
    @Inject
    FlowLibrary library;

    @Test
    void theDailyRunDeletesTagsOfTextsNoLongerThere() {
        Team team = teams.create("Tags " + UUID.randomUUID(), List.of());
        Flow flow = library.flow("voorbeeld").orElseThrow();
        Step step = flow.step("opmerking").orElseThrow();
        String kept = "De wachttijd bij de balie was lang";
        String forgotten = "Ik wil geen tolk";
        respondents.finish("voorbeeld", "nl", Origin.team(team.id()), Map.of("opmerking", kept));
        String gone = respondents.finish("voorbeeld", "nl", Origin.team(team.id()), Map.of("opmerking", forgotten));
        tags.tag(team, flow, step, List.of(kept, forgotten), tags.hash(kept), "wachttijd");
        tags.tag(team, flow, step, List.of(kept, forgotten), tags.hash(forgotten), "tolk");

        job.run(Instant.now());
        assertEquals(Map.of(tags.hash(kept), List.of("wachttijd"), tags.hash(forgotten), List.of("tolk")),
                tags.of(team, flow, step), "both texts are there: both tags stay");

        deleteConversation.deleteOwn(gone);
        job.run(Instant.now());
        assertEquals(Map.of(tags.hash(kept), List.of("wachttijd")), tags.of(team, flow, step),
                "the forgotten text's tag is gone with it, the other stays");
    }
}
