package nl.samenspraak.flow;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether and how a flow's finished conversations appear to a team's managers ({@code dashboard:} in the flow
 * file). Without the key a flow appears nowhere: a flow's answers are private until its author says otherwise.
 */
public enum DashboardUse {
    /** Counted together, anonymously, only for groups of at least the minimum group size; exportable likewise. */
    ANONYMOUS,
    /** An organisation's record (e.g. a progress talk): each conversation shown to the team's managers in full, dated. */
    RECORD,
    /** In no dashboard and no export: only through the conversation's own link or code. */
    NONE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DashboardUse> fromKey(String key) {
        return Arrays.stream(values()).filter(u -> u.key().equals(key)).findFirst();
    }
}
