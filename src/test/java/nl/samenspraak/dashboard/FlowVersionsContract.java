package nl.samenspraak.dashboard;

import jakarta.inject.Inject;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.storage.FinishedConversationQueries;
import nl.samenspraak.storage.FinishedConversation;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard's storage (V4__dashboard.sql and the finished-conversation query) on every database we support. */
abstract class FlowVersionsContract {
    @Inject
    FlowVersions versions;
    @Inject
    FlowLibrary library;
    @Inject
    FinishedConversationQueries store;
    @Inject
    Respondents respondents;
    @Inject
    Teams teams;

    @Test
    void everyLoadedFlowVersionIsRecordedOnceAtStartUp() {
        Flow flow = library.flow("werk-jij-diversiteitsproof").orElseThrow();
        Map<String, FlowVersions.Version> stored = versions.of(flow.id());
        FlowVersions.Version current = stored.get(flow.version());
        assertEquals(StepFingerprints.of(flow, library.translations()), current.fingerprints());
        versions.record(flow);
        versions.record(flow);
        assertEquals(current, versions.of(flow.id()).get(flow.version()), "recording again changes nothing, not even the date");
    }

    @Test
    void onlyFinishedConversationsOfTheTeamAndFlowAreRead() {
        Team team = teams.create("Store " + UUID.randomUUID().toString().substring(0, 8), List.of("Oost"));
        Team other = teams.create("Store " + UUID.randomUUID().toString().substring(0, 8), List.of());
        respondents.finish("wijkanalyse", "tr", new Origin(team.id(), "Oost"), Map.of("goed_in_wijk", "Komşular yardımcı oluyor"));
        respondents.finish("wijkanalyse", "nl", new Origin(team.id(), "Oost"), Map.of("toestemming", "nee"));
        respondents.leaveUnfinished("wijkanalyse", "nl", new Origin(team.id(), "Oost"), 3);
        respondents.finish("wijkanalyse", "nl", Origin.team(other.id()), Map.of());
        respondents.finish("werk-jij-diversiteitsproof", "nl", Origin.team(team.id()), Map.of());

        List<FinishedConversation> finished = store.finished(team.id(), "wijkanalyse");
        assertEquals(1, finished.size());
        FinishedConversation c = finished.get(0);
        assertEquals("Oost", c.record().wijk());
        assertEquals("Komşular yardımcı oluyor", c.progress().answers().get("goed_in_wijk"));
        assertEquals("tr", c.answerLanguages().get("goed_in_wijk"));
        assertTrue(c.progress().path().contains("goed_in_wijk"));
    }
}
