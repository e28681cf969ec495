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
    private volatile Map<String, Flow> flows;
    private final Translations translations;

    public FlowLibrary(Map<String, Flow> flows, Translations translations) {
        this.flows = Map.copyOf(flows);
        this.translations = translations;
    }

    /** Takes over the flows and words of {@code newer}: words first, so no flow shows before its words. */
    public void adopt(FlowLibrary newer) {
        translations.adopt(newer.translations);
        this.flows = newer.flows;
    }

    public Optional<Flow> flow(String id) {
        return Optional.ofNullable(id == null ? null : flows.get(id));
    }

    public Collection<Flow> flows() {
        return flows.values().stream().sorted(java.util.Comparator.comparing(Flow::id)).toList();
    }

    public Translations translations() {
        return translations;
    }
}
