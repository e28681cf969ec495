package nl.samenspraak.result;

import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The golden walks of every seed flow once more, on the flows exported as XLSForm and imported back: the same
 * answers must give exactly the same path, scores, tips, texts and sources as the flow files do.
 */
class RoundTrippedGoldenTest {
    @BeforeAll
    static void roundTrip() {
        FlowWalk.useRoundTrippedFlows(true);
    }

    @AfterAll
    static void files() {
        FlowWalk.useRoundTrippedFlows(false);
    }

    @Nested
    class Wijkanalyse extends WijkanalyseGoldenTest {
    }

    @Nested
    class WerkJijDiversiteitsproof extends WerkJijDiversiteitsproofGoldenTest {
    }

    @Nested
    class CultureelInterview extends CultureelInterviewGoldenTest {
    }

    @Nested
    class Topiclijst extends TopiclijstGoldenTest {
    }

    @Nested
    class Voorbeeld extends VoorbeeldResultTest {
    }
}
