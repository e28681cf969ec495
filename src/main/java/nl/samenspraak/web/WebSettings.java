package nl.samenspraak.web;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code samenspraak.web.*} in application.yml: whether the start page offers the flows that only show how a
 * conversation works ({@code demo: true} in the flow file, like {@code voorbeeld}).
 */
@ConfigurationProperties("samenspraak.web")
public class WebSettings {
    private boolean showDemoFlows;

    public boolean isShowDemoFlows() {
        return showDemoFlows;
    }

    public void setShowDemoFlows(boolean showDemoFlows) {
        this.showDemoFlows = showDemoFlows;
    }
}
