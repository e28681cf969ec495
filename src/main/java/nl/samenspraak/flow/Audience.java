package nl.samenspraak.flow;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who answers a flow ({@code audience:} in the flow file, default {@code professional}), and what follows from it in
 * every channel: which flows a team's join link offers, which an intermediair asks, which are counted per wijk and
 * whose results say where to go. Read once, at flow load; an unknown audience is a load error.
 */
public enum Audience {
    /** A professional about their own work (self-reflections): offered by a team's join link, web and Telegram. */
    PROFESSIONAL,
    /** A resident of a wijk (wijkanalyse): asked by an intermediair, counted per wijk. */
    RESIDENT,
    /** A care worker's client (cultureel-interview): asked by an intermediair. */
    CLIENT,
    /** A team or organisation about itself (e.g. the topiclijst). */
    ORGANISATION;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Audience> fromKey(String key) {
        return Arrays.stream(values()).filter(a -> a.key().equals(key)).findFirst();
    }

    /**
     * An audience whose flows a team's join link offers: a professional answering about their own work (demos
     * aside: {@link Flow#joinsByTeamLink}).
     */
    public boolean joinsByTeamLink() {
        return this == PROFESSIONAL;
    }

    /** The flows an intermediair asks a person, on this device or by a resident link: residents and clients. */
    public boolean askedByIntermediair() {
        return this == RESIDENT || this == CLIENT;
    }

    /** Flows whose answers are counted per wijk of the team (the intermediair picks the wijk). */
    public boolean countedPerWijk() {
        return this == RESIDENT;
    }
}
