package nl.samenspraak.flow;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a team's join link offers: the join page tells a professional their answers count anonymously for the team.
 * A demo (its answers would count under the team) is never offered there, nor another audience's flow; a record
 * (the manager reads each conversation word for word) is a team's own ({@code audience: organisation}), and a
 * professionals' flow that says it is refused at load ({@code flow.load.FlowValidationTest}).
 */
class JoinsByTeamLinkTest {
    private static Flow flow(String audience, String dashboard, boolean demo) {
        return TestFlows.parse("""
                id: proef
                languages: [nl]
                audience: %s
                dashboard: %s
                demo: %s
                steps:
                  - id: vraag
                    type: text
                    source: s
                """.formatted(audience, dashboard, demo));
    }

    @Test
    void aProfessionalsAnonymousFlowIsOffered() {
        assertTrue(flow("professional", "anonymous", false).joinsByTeamLink());
        assertTrue(flow("professional", "none", false).joinsByTeamLink(), "a reflection counted nowhere tells nothing");
    }

    @Test
    void aDemoARecordOrAnotherAudienceIsNot() {
        assertFalse(flow("professional", "anonymous", true).joinsByTeamLink(), "a demo");
        assertFalse(flow("organisation", "anonymous", false).joinsByTeamLink(), "a team about itself: not through the join link");
    }
}
