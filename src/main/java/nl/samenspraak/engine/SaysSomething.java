package nl.samenspraak.engine;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Option;
import nl.samenspraak.flow.Step;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Whether a conversation's answers on its way tell anything: at least one answer to a step that asks something
 * (not the consent question) that is neither empty nor only "weet ik niet". The dashboard counts a finished
 * conversation only when it does (see {@code dashboard.Information}, which says why); the rule lives here, in
 * plain Java, because its outcome is also kept with a finished conversation (worked out when the dashboard first
 * counts it, or at start-up), so that counting needs no answers, and the storage must not reach up into the dashboard.
 * <p>
 * The outcome depends on the flow as it is now (which steps ask something, which options mean "weet ik niet"), so
 * a kept outcome is only as good as the flow it was worked out with: {@link #rule} names that part of the flow,
 * and an outcome kept under another rule is worked out again.
 */
public final class SaysSomething {
    /** Raise when the rule below changes: every outcome kept under the old rule is then worked out again. */
    private static final String RULE_VERSION = "1";

    private SaysSomething() {
    }

    /** Whether these answers (step id to answer, only those on the conversation's way) say something in {@code flow}. */
    public static boolean of(Flow flow, Map<String, Object> onPath) {
        for (Step step : flow.steps()) {
            if (!step.asksSomething() || step.consent()) {
                continue;
            }
            Object answer = onPath.get(step.id());
            if (answer != null && !dontKnow(step, answer)) {
                return true;
            }
        }
        return false;
    }

    private static boolean dontKnow(Step step, Object answer) {
        List<?> values = answer instanceof List<?> list ? list : List.of(answer);
        if (values.isEmpty()) {
            return true;
        }
        for (Object v : values) {
            String value = String.valueOf(v);
            boolean isDontKnow = Step.DONT_KNOW.equals(value)
                    || step.options().stream().anyMatch(o -> o.dontKnow() && o.value().equals(value));
            if (!isDontKnow) {
                return false;
            }
        }
        return true;
    }

    /**
     * A short name for everything in {@code flow} that {@link #of} reads: the steps that count and, per step, the
     * options that mean "weet ik niet". Two flows with the same rule judge every conversation alike; a flow file
     * that changes any of it (a step added, an option marked "weet ik niet") gets another.
     */
    public static String rule(Flow flow) {
        Map<String, TreeSet<String>> counted = new TreeMap<>();
        for (Step step : flow.steps()) {
            if (step.asksSomething() && !step.consent()) {
                TreeSet<String> dontKnow = new TreeSet<>();
                for (Option o : step.options()) {
                    if (o.dontKnow()) {
                        dontKnow.add(o.value());
                    }
                }
                counted.put(step.id(), dontKnow);
            }
        }
        StringBuilder text = new StringBuilder(RULE_VERSION).append('\n').append(Step.DONT_KNOW).append('\n');
        counted.forEach((id, values) -> {
            text.append(id.length()).append(':').append(id);
            values.forEach(v -> text.append('|').append(v.length()).append(':').append(v));
            text.append('\n');
        });
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12); // 96 bits: no two rules of one flow meet by chance
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
