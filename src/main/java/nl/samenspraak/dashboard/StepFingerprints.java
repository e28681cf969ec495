package nl.samenspraak.dashboard;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Option;
import nl.samenspraak.flow.Step;
import nl.samenspraak.i18n.Text;
import nl.samenspraak.i18n.Translations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What a question was, as a short hash: its type, its options and range, and its words (question, option
 * labels, scale ends) in every language of the flow. Two versions of a flow asked a question the same way
 * when its fingerprints are equal. Points, branching, sources and benchmark figures are not part of it: they
 * change scores or what is shown beside the answers, not what a person was asked.
 */
public final class StepFingerprints {
    private StepFingerprints() {
    }

    /** The fingerprint of every step of {@code flow}, in step order. */
    public static Map<String, String> of(Flow flow, Translations translations) {
        // each language's texts sorted once, not once per step: a flow's steps times its texts was a start-up cost
        Map<String, NavigableMap<String, Text>> sorted = new TreeMap<>();
        for (String language : flow.languages()) {
            sorted.put(language, new TreeMap<>(translations.texts(language).map(t -> t.flow(flow.id())).orElse(Map.of())));
        }
        Map<String, String> fingerprints = new LinkedHashMap<>();
        for (Step step : flow.steps()) {
            fingerprints.put(step.id(), fingerprint(step, sorted));
        }
        return fingerprints;
    }

    private static String fingerprint(Step step, Map<String, NavigableMap<String, Text>> sortedByLanguage) {
        StringBuilder b = new StringBuilder();
        b.append("type=").append(step.type().key()).append('\n');
        b.append("min=").append(step.min()).append("\nmax=").append(step.max()).append('\n');
        for (Option o : step.options()) {
            b.append("option=").append(o.value()).append(o.dontKnow() ? " (dont know)" : "").append('\n');
        }
        String prefix = "steps." + step.id() + ".";
        sortedByLanguage.forEach((language, texts) -> {
            for (Map.Entry<String, Text> e : texts.tailMap(prefix, true).entrySet()) {
                String key = e.getKey();
                if (!key.startsWith(prefix)) {
                    break; // sorted: the keys with this prefix are all behind us
                }
                if (!key.startsWith(prefix + "benchmark.")) {
                    b.append(language).append(':').append(key).append('=').append(e.getValue().text()).append('\n');
                }
            }
        });
        return sha256(b.toString());
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
