package nl.samenspraak.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a resident can go: the contact details a team wrote itself (its desk, address, walk-in hours, phone,
 * e-mail, how to get an interpreter), so a resident's result can name the real place instead of a generic
 * "ask at the wijkteam". Plain data, handed in by the use case that knows the conversation's team and wijk.
 *
 * <p>The details come in layers, most specific first: what a wijk says where it differs, then the team's own.
 * Each layer holds, per language, the texts the team wrote: Dutch always first, other languages when the team
 * translated a field. A reader gets, per field, the first of: the wijk's text in their language, the wijk's
 * Dutch, the team's text in their language, the team's Dutch. So a wijk's own address (even in Dutch only)
 * is never hidden by the team's translated one.
 */
public record TeamContact(List<Map<String, Map<String, String>>> layers) {
    /** The fields, in the order a resident reads them. */
    public static final List<String> FIELDS = List.of("desk", "address", "walk_in", "phone", "email", "interpreter");
    /** The language a team writes its details in first. */
    public static final String DUTCH = "nl";

    public TeamContact {
        layers = List.copyOf(layers);
    }

    /** One detail as shown: which field, its text (as the team wrote it, not yet escaped), and the text's language. */
    public record Detail(String field, String text, String language) {
    }

    /** The details a reader of {@code language} gets, in {@link #FIELDS} order; empty when nothing is filled in. */
    public List<Detail> in(String language) {
        List<Detail> shown = new ArrayList<>();
        for (String field : FIELDS) {
            Detail found = null;
            for (Map<String, Map<String, String>> layer : layers) {
                found = text(layer, language, field);
                if (found == null && !DUTCH.equals(language)) {
                    found = text(layer, DUTCH, field);
                }
                if (found != null) {
                    break;
                }
            }
            if (found != null) {
                shown.add(found);
            }
        }
        return shown;
    }

    private static Detail text(Map<String, Map<String, String>> layer, String language, String field) {
        Map<String, String> texts = layer.get(language);
        String text = texts == null ? null : texts.get(field);
        return text == null || text.isBlank() ? null : new Detail(field, text.strip(), language);
    }
}
