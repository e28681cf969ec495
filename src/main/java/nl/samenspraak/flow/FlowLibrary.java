package nl.samenspraak.flow;

import nl.samenspraak.i18n.Translations;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The flows the service offers, with all their words. Built once, at start-up, by {@code flow.load.FlowLibraryLoader}. */
public final class FlowLibrary {
    private final Map<String, Flow> flows;
    private final Translations translations;

    public FlowLibrary(Map<String, Flow> flows, Translations translations) {
        this.flows = Map.copyOf(flows);
        this.translations = translations;
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
