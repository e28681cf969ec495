package nl.samenspraak.flow;

import java.util.regex.Pattern;

/**
 * What may name a flow and what may name its parts, one rule for a flow file and for a spreadsheet converted into
 * one. A part's name (a step, an option, a dimension, an advice rule) is written in conditions ({@code
 * answers.kleur}, {@code scores.kennis}), so it is a-z first, then a-z, 0-9 or _; a flow's id is its file's name and
 * part of addresses, so a-z first, then a-z, 0-9 or -, and at most {@value #FLOW_ID_MAX} characters, the length the
 * database keeps (a longer one from a spreadsheet's form_id was a 500 when the form was published). A part's name is
 * at most {@value #PART_MAX}: a step's is stored with every answer and as a conversation's current step (100
 * characters), and a question named with 308 from a spreadsheet was accepted, then failed its publishing, every
 * answer to it, and every start of the service after, which records the flow's steps.
 */
public final class Names {
    private static final Pattern PART = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern FLOW = Pattern.compile("[a-z][a-z0-9-]*");
    /** The longest flow id: {@code flow_id VARCHAR(64)} wherever a conversation or a flow is stored. */
    public static final int FLOW_ID_MAX = 64;
    /** The longest name of a part, well inside {@code step_id VARCHAR(100)} and the like. */
    public static final int PART_MAX = 64;

    private Names() {
    }

    /** Whether {@code name} may name a step, an option, a dimension or an advice rule. */
    public static boolean isPartName(String name) {
        return name.length() <= PART_MAX && PART.matcher(name).matches();
    }

    /** Whether {@code id} may be a flow's id. */
    public static boolean isFlowId(String id) {
        return id.length() <= FLOW_ID_MAX && FLOW.matcher(id).matches();
    }
}
