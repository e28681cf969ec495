package nl.samenspraak.xlsform;

import nl.samenspraak.xlsform.XPathConditions.Field;
import nl.samenspraak.xlsform.XPathConditions.Question;
import nl.samenspraak.xlsform.XPathConditions.Untranslatable;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The questions and calculations named so far, by their name on the survey sheet: what {@code ${name}} means in a
 * condition (relevant, calculation, an advice rule's when) and in a text. Rows are read top to bottom, so a name
 * means something only after its row.
 */
final class FormFields implements XPathConditions.Fields {
    private static final Pattern PIPE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*}");

    private final Map<String, Field> fields = new HashMap<>();

    @Override
    public Optional<Field> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    void put(String name, Field field) {
        fields.put(name, field);
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }

    /** An XLSForm condition as the flow's JEXL, its {@code ${name}}s read as the fields named so far. */
    String toJexl(String xpath) throws Untranslatable {
        return XPathConditions.toJexl(xpath, this);
    }

    /** XLSForm's {@code ${q}} in a label shows the answer; the flow's texts say that as {@code $answers.q}. */
    String pipe(String text) {
        Matcher m = PIPE.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            Field f = fields.get(m.group(1));
            String replacement = f instanceof Question q ? "${answers." + q.stepId() + "}" : m.group();
            m.appendReplacement(b, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(b);
        return b.toString();
    }
}
