package nl.samenspraak.telegram;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every bundled flow, walked end to end through the real Telegram library against a fake Bot API on
 * loopback, by tapping and typing only, in Dutch and in Arabic: the person taps the first option (yes to
 * consent), toggles the fewest options a multi question needs, types a valid text, number or date (after
 * a wrong one first), and gets the result with every tip. Flows added later are walked too.
 */
@MicronautTest(transactional = false)
class TelegramFlowWalkTest extends FlowWalkOnTelegram {
    TelegramFlowWalkTest() {
        super("123456:walk-test-token", Map.of());
    }

    static Stream<Arguments> flowsAndLanguages() {
        List<Arguments> walks = new ArrayList<>();
        for (Flow flow : FlowWalk.library().flows()) {
            for (String language : List.of("nl", "ar")) {
                if (flow.speaks(language)) {
                    walks.add(Arguments.of(flow.id(), language));
                }
            }
        }
        return walks.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("flowsAndLanguages")
    void aFlowIsCompletedByTappingAndTypingOnly(String flowId, String language) {
        walk(flowId, language);
    }

    @Test
    void theCommandsAreRegisteredInEveryLanguage() {
        commandsAreRegisteredInEveryLanguage();
    }
}
