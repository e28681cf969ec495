package nl.samenspraak.flow.load;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each shipped flow that scores defines its bands itself, and its conditions read them (band.x) instead of
 * repeating a number, so the reading beside a score and the tips cannot drift apart again.
 */
class BandsDefinedOnceTest {
    private static final Pattern SCORE_AGAINST_NUMBER = Pattern.compile("scores\\.\\w+\\s*(<=|>=|<|>|==)\\s*\\d");

    @Test
    void everyScoringFlowDefinesItsBandsAndNoConditionRepeatsANumber() throws IOException {
        for (Flow flow : FlowWalk.library().flows()) {
            String text = Files.readString(Path.of("flows", flow.id() + ".yaml"));
            if (!flow.dimensions().isEmpty()) {
                assertTrue(Pattern.compile("(?m)^bands:").matcher(text).find(), flow.id() + " defines its bands");
            }
            assertFalse(SCORE_AGAINST_NUMBER.matcher(text).find(),
                    flow.id() + " compares a score with a number; use band.<dimension>");
        }
    }
}
