package nl.samenspraak.dashboard;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.Option;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.load.DataFiles;
import nl.samenspraak.flow.load.FlowLibraryLoader;
import nl.samenspraak.i18n.Text;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.i18n.Translations;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A step's fingerprint is what the databases already hold for every flow version (dashboard.FlowVersions): it must
 * stay the same for the same question, or a restart would take unchanged questions for changed ones and split their
 * answers on the dashboard.
 */
class StepFingerprintsTest {
    private static final Map<String, String> FLOWS = DataFiles.read(Path.of("flows"), "flows");
    private static final Map<String, String> LOCALES = DataFiles.read(Path.of("locales"), "locales");

    /** The fingerprint as its definition states it, step by step: what the stored fingerprints were made by. */
    private static String asDefined(Flow flow, Step step, Translations translations) throws Exception {
        StringBuilder b = new StringBuilder("type=" + step.type().key() + "\nmin=" + step.min() + "\nmax=" + step.max() + "\n");
        for (Option o : step.options()) {
            b.append("option=").append(o.value()).append(o.dontKnow() ? " (dont know)" : "").append('\n');
        }
        String prefix = "steps." + step.id() + ".";
        for (String language : flow.languages().stream().sorted().toList()) {
            Map<String, Text> texts = new TreeMap<>(translations.texts(language).map(t -> t.flow(flow.id())).orElse(Map.of()));
            texts.forEach((key, text) -> {
                if (key.startsWith(prefix) && !key.startsWith(prefix + "benchmark.")) {
                    b.append(language).append(':').append(key).append('=').append(text.text()).append('\n');
                }
            });
        }
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).substring(0, 32);
    }

    @Test
    void everyStepOfEveryProjectFlowKeepsTheFingerprintItsDefinitionGives() throws Exception {
        FlowLibrary library = new FlowLibraryLoader(new TextRenderer()).load(FLOWS, LOCALES);
        int steps = 0;
        for (Flow flow : library.flows()) {
            Map<String, String> fingerprints = StepFingerprints.of(flow, library.translations());
            assertEquals(flow.steps().stream().map(Step::id).toList(), fingerprints.keySet().stream().toList(), flow.id());
            for (Step step : flow.steps()) {
                assertEquals(asDefined(flow, step, library.translations()), fingerprints.get(step.id()), flow.id() + "/" + step.id());
                steps++;
            }
        }
        assertEquals(true, steps > 100, "the project's flows have " + steps + " steps");
    }

    @Test
    void aChangedWordInOneLanguageChangesThatStepsFingerprintOnlyAndABenchmarkTextNone() {
        FlowLibrary before = new FlowLibraryLoader(new TextRenderer()).load(FLOWS, LOCALES);
        Flow flow = before.flow("werk-jij-diversiteitsproof").orElseThrow();
        Map<String, String> old = StepFingerprints.of(flow, before.translations());

        Map<String, String> edited = new HashMap<>(LOCALES);
        String file = "locales/tr/flows/werk-jij-diversiteitsproof.yaml";
        Step changed = flow.step("houding_nieuwsgierig").orElseThrow();
        String question = "    text: Benden farklı bir geçmişe";
        assertEquals(true, edited.get(file).contains("\n  houding_nieuwsgierig:\n" + question), "the Turkish question as it stands");
        edited.put(file, edited.get(file).replace(question, "    text: Benden çok farklı bir geçmişe"));
        FlowLibrary after = new FlowLibraryLoader(new TextRenderer()).load(FLOWS, edited);
        Map<String, String> now = StepFingerprints.of(after.flow(flow.id()).orElseThrow(), after.translations());

        HashSet<String> differ = new HashSet<>();
        old.forEach((id, fingerprint) -> {
            if (!fingerprint.equals(now.get(id))) {
                differ.add(id);
            }
        });
        assertEquals(java.util.Set.of(changed.id()), differ);
        assertNotEquals(old.get(changed.id()), now.get(changed.id()));
    }
}
