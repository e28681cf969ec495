package nl.samenspraak.conversation;

import io.micronaut.context.annotation.ConfigurationProperties;
import nl.samenspraak.flow.Flow;

/**
 * Which flows a channel's menu offers a person (the web's start page, the Telegram bot's list), from
 * {@code samenspraak.web.show-demo-flows}: every flow, and an example of the format ({@code demo: true} in the flow
 * file, like {@code voorbeeld}) only where the service is set to show them. One rule, so no channel offers what
 * another hides (the bot listed the example while the start page, by default, did not).
 */
@ConfigurationProperties("samenspraak.web")
public class OfferedFlows {
    private boolean showDemoFlows;

    public boolean isShowDemoFlows() {
        return showDemoFlows;
    }

    public void setShowDemoFlows(boolean showDemoFlows) {
        this.showDemoFlows = showDemoFlows;
    }

    /** Whether a menu offers {@code flow}. */
    public boolean offers(Flow flow) {
        return !flow.demo() || showDemoFlows;
    }
}
