package nl.samenspraak.dashboard;

import nl.samenspraak.engine.SaysSomething;
import nl.samenspraak.flow.Flow;

/**
 * Whether a finished conversation tells anything: at least one answer that is neither skipped nor "weet ik
 * niet". One that does not is counted nowhere, not even towards k: otherwise anyone with a join or resident link
 * could add k-1 empty conversations around one real respondent and make that person's answers visible
 * ("padding"). The consent question is not information about the person's view. The rule itself is
 * {@link SaysSomething}: a finished conversation keeps its outcome, so the team's page counts without reading
 * answers. Plain Java.
 */
public final class Information {
    private Information() {
    }

    public static boolean in(Flow flow, Response response) {
        return SaysSomething.of(flow, response.onPath());
    }
}
