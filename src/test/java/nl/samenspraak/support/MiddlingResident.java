package nl.samenspraak.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A resident's walk through {@code wijkanalyse} with middling answers, who fears nothing and whom nothing holds back:
 * no tip is due. With some answers other, the tips those call up (a fear of what follows, say).
 */
public final class MiddlingResident {
    private MiddlingResident() {
    }

    public static FlowWalk walk(String language, Map<String, Object> other) {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("welkom", null);
        answers.put("toestemming", "ja");
        answers.put("kinderen_thuis", null);
        answers.put("weet_waar_hulp", 3);
        answers.put("informatie_krijgen", "soms");
        answers.put("netwerk_helpt", "ja");
        answers.put("vertrouwen_hulp", 3);
        answers.put("bang_niet_begrepen", "nee");
        answers.put("bang_gevolgen", "nee");
        answers.put("schaamte", "nee");
        answers.put("hulp_dichtbij", "ja");
        answers.put("medewerkers_begrijpen", "ja");
        answers.put("aanmelden_makkelijk", 3);
        answers.put("eigen_taal", "ja");
        answers.put("goed_in_wijk", null);
        answers.put("beter_in_wijk", null);
        answers.put("wensen", null);
        answers.putAll(other);
        FlowWalk walk = FlowWalk.start("wijkanalyse", language);
        answers.forEach(walk::answer);
        return walk;
    }
}
