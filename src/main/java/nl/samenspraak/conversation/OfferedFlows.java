package nl.samenspraak.conversation;

import io.micronaut.context.annotation.ConfigurationProperties;
import nl.samenspraak.flow.Flow;

/**
 * Which flows the service offers a person, from {@code samenspraak.web.show-demo-flows}: every flow, and an example
 * of the format ({@code demo: true} in the flow file, like {@code voorbeeld}) only where the service is set to show
 * them. One rule for every menu (the web's start page, the Telegram bot's list, the API's {@code GET /api/flows}, the
 * intermediair's choice) and for starting ({@link StartConversation}): a hidden example is not offered anywhere, and
 * starting it is "flow not found", as an unknown flow (the start form and the API started it while no menu showed it).
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

    /** Whether {@code flow} is offered: listed in a menu and started when asked for. */
    public boolean offers(Flow flow) {
        return !flow.demo() || showDemoFlows;
    }
}
