package nl.samenspraak.flow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flows by who answers them, as every channel lists them: professionals first (the self-reflection leads), then
 * residents and clients, then teams, and last what is in no group (an example flow). The web's start page had this
 * order and these headings, while the bot's menu listed every flow in one run, a resident's neighbourhood analysis
 * among a professional's reflections. Each group's key is the message key of its heading ({@code web.<key>}).
 */
public final class FlowGroups {
    /** The key of the last group: flows of no audience's group, and examples of the format. */
    public static final String OTHERS = "for_others";

    private static final Map<String, Set<Audience>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("for_professionals", Set.of(Audience.PROFESSIONAL));
        GROUPS.put("for_residents", Set.of(Audience.RESIDENT, Audience.CLIENT));
        GROUPS.put("for_teams", Set.of(Audience.ORGANISATION));
    }

    private FlowGroups() {
    }

    /** One group: its heading's key and its flows, in the order they came. */
    public record Group(String key, List<Flow> flows) {
    }

    /** {@code flows} in their groups, in the groups' order; a group without flows is left out. */
    public static List<Group> of(Collection<Flow> flows) {
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<String, Set<Audience>> group : GROUPS.entrySet()) {
            List<Flow> in = flows.stream().filter(f -> !f.demo() && group.getValue().contains(f.audience())).toList();
            if (!in.isEmpty()) {
                groups.add(new Group(group.getKey(), in));
            }
        }
        List<Flow> others = flows.stream().filter(f -> f.demo() || GROUPS.values().stream().noneMatch(a -> a.contains(f.audience()))).toList();
        if (!others.isEmpty()) {
            groups.add(new Group(OTHERS, others));
        }
        return groups;
    }

    /** {@code flows} in the order their groups list them. */
    public static List<Flow> inOrder(Collection<Flow> flows) {
        return of(flows).stream().flatMap(g -> g.flows().stream()).toList();
    }
}
