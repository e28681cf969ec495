package nl.samenspraak.flow;

import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who answers a flow decides where every channel lists it: professionals, residents and clients, teams, the rest. */
class FlowGroupsTest {
    private static Map<String, List<String>> ids(List<FlowGroups.Group> groups) {
        return groups.stream().collect(Collectors.toMap(FlowGroups.Group::key,
                g -> g.flows().stream().map(Flow::id).toList(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Test
    void theBundledFlowsGoUnderTheirAudiencesHeadingsAndTheExampleLast() {
        List<Flow> flows = new ArrayList<>(FlowWalk.library().listed());
        Collections.reverse(flows); // whatever order they come in, the groups' order is theirs
        Map<String, List<String>> groups = ids(FlowGroups.of(flows));
        assertEquals(List.of("for_professionals", "for_residents", "for_teams", FlowGroups.OTHERS), List.copyOf(groups.keySet()));
        assertEquals(List.of("werk-jij-diversiteitsproof"), groups.get("for_professionals"), "the example is not a reflection to choose");
        assertEquals(flows.stream().filter(f -> f.audience() == Audience.RESIDENT || f.audience() == Audience.CLIENT).map(Flow::id).toList(),
                groups.get("for_residents"), "as they came, within the group");
        assertEquals(2, groups.get("for_residents").size());
        assertEquals(List.of("topiclijst"), groups.get("for_teams"));
        assertEquals(List.of("voorbeeld"), groups.get(FlowGroups.OTHERS));
        assertEquals(groups.values().stream().flatMap(List::stream).toList(), FlowGroups.inOrder(flows).stream().map(Flow::id).toList());
    }

    @Test
    void aGroupWithoutFlowsIsLeftOut() {
        List<Flow> residents = FlowWalk.library().listed().stream().filter(f -> f.audience() == Audience.RESIDENT).toList();
        assertEquals(List.of("for_residents"), List.copyOf(ids(FlowGroups.of(residents)).keySet()));
        assertEquals(List.of(), FlowGroups.of(List.of()));
    }
}
