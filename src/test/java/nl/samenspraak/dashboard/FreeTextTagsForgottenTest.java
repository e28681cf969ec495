package nl.samenspraak.dashboard;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.DeleteConversation;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.Step;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A manager's theme on a free text goes in the same commit as the conversation that held the text, not at the next
 * daily run: until then the text's hash (reversible by dictionary for a short text) and the theme ("adres genoemd")
 * outlived the person's "forget", and the theme stayed in the page's filter. The same words still held by another
 * conversation keep their tag.
 */
@MicronautTest(transactional = false)
class FreeTextTagsForgottenTest {
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
    void forgettingAConversationTakesTheThemesOffItsWordsAtOnce() {
        Team team = teams.create("Tags weg " + UUID.randomUUID(), List.of());
        Flow flow = library.flow("voorbeeld").orElseThrow();
        Step step = flow.step("opmerking").orElseThrow();
        String own = "Mijn naam is Fatima, Kerkstraat 12";
        String shared = "Meer uitleg in het Arabisch";
        String gone = respondents.finish("voorbeeld", "nl", Origin.team(team.id()), Map.of("opmerking", own));
        String sharedGone = respondents.finish("voorbeeld", "nl", Origin.team(team.id()), Map.of("opmerking", shared));
        respondents.finish("voorbeeld", "nl", Origin.team(team.id()), Map.of("opmerking", shared));
        List<String> shown = List.of(own, shared);
        tags.tag(team, flow, step, shown, tags.hash(own), "adres genoemd");
        tags.tag(team, flow, step, shown, tags.hash(shared), "taal");

        deleteConversation.deleteOwn(gone);
        deleteConversation.deleteOwn(sharedGone);

        assertEquals(Map.of(tags.hash(shared), List.of("taal")), tags.of(team, flow, step),
                "the forgotten words' theme is gone with them; the same words another person wrote keep theirs");
        assertEquals(List.of("taal"), tags.themes(team, flow, step, shown), "and the filter no longer offers it");
    }
}
