package nl.samenspraak.flow;

import nl.samenspraak.i18n.Translations;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The flows the service offers, with all their words. Built at start-up by {@code flow.load.FlowLibraryLoader}
 * from the bundled or folder flows; a flow published on the admin page is added later by {@link #adopt}, so the
 * many holders of this one object see it without a restart.
 */
public final class FlowLibrary {
    /**
     * Asked when a flow, or the version a conversation was started on, is not here: another instance (of several on
     * one database) may have published it a moment ago, and this one would otherwise not see it until its next
     * look (see {@code questionnaire.Questionnaires}). Returns once this library holds what is published now.
     */
    public interface Newer {
        /** A flow id (a well-formed one: see {@link Names#isFlowId}) or a conversation's version not served here. */
        void lookFor(String flowId, String version);

        /** Before a list of the flows: returns once this library holds what was published a moment ago. */
        default void beforeListing() {
        }
    }

    private volatile Map<String, Flow> flows;
    private final Translations translations;
    private volatile Newer newer = (flowId, version) -> {
    };

    public FlowLibrary(Map<String, Flow> flows, Translations translations) {
        this.flows = Map.copyOf(flows);
        this.translations = translations;
    }

    /** Takes over the flows and words of {@code newer}: words first, so no flow shows before its words. */
    public void adopt(FlowLibrary newer) {
        translations.adopt(newer.translations);
        this.flows = newer.flows;
    }

    /** Who to ask when a flow or version is not here (the library's only one: a draft's library has none). */
    public void lookForNewerWith(Newer newer) {
        this.newer = newer;
    }

    public Optional<Flow> flow(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Flow flow = flows.get(id);
        if (flow == null && Names.isFlowId(id)) { // what cannot name a flow is not looked for
            newer.lookFor(id, null);
            flow = flows.get(id);
        }
        return Optional.ofNullable(flow);
    }

    /**
     * The flow a conversation started on {@code version} of it goes on with: the one served here, after a look for
     * a newer one when this instance serves another version (a conversation started on an instance that already
     * served a version published a moment ago would otherwise walk the older version's questions here).
     */
    public Optional<Flow> flow(String id, String version) {
        if (id == null) {
            return Optional.empty();
        }
        Flow flow = flows.get(id);
        if (flow == null || version != null && !version.equals(flow.version())) {
            newer.lookFor(id, version);
            flow = flows.get(id);
        }
        return Optional.ofNullable(flow);
    }

    /**
     * The flows to list to someone (the start page, {@code GET /api/flows}, Telegram's menu, the intermediair's start
     * form, a manager's dashboard, an admin's choice of flows): as published a moment ago on any instance, not as this
     * one last looked, so that a person told of a new questionnaire finds it wherever the load balancer sends them,
     * and one withdrawn is not offered by one instance and gone on the next. Not for answering a turn: that asks
     * {@link #flow(String, String)}, which looks only for a version it does not serve.
     */
    public Collection<Flow> listed() {
        newer.beforeListing();
        return flows();
    }

    /**
     * The flow as published a moment ago, for a page that shows a flow's questions or counts rather than one
     * conversation (the dashboard, a resident link's count): served here at an earlier version, it would show the
     * earlier questions, or count under the earlier minimum group size while another instance uses the new one.
     */
    public Optional<Flow> flowAsPublished(String id) {
        newer.beforeListing();
        return flow(id);
    }

    /** The flows this instance serves now, as it last looked (for work of its own: retention, recording versions). */
    public Collection<Flow> flows() {
        return flows.values().stream().sorted(java.util.Comparator.comparing(Flow::id)).toList();
    }

    public Translations translations() {
        return translations;
    }
}
