package nl.samenspraak.xlsform;

import nl.samenspraak.flow.Condition;
import nl.samenspraak.flow.load.JexlConditions;
import nl.samenspraak.support.OnStack;
import nl.samenspraak.xlsform.XPathConditions.Calculation;
import nl.samenspraak.xlsform.XPathConditions.Field;
import nl.samenspraak.xlsform.XPathConditions.Question;
import nl.samenspraak.xlsform.XPathConditions.Untranslatable;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * XLSForm conditions, parsed by JavaRosa and run as the flow runs them, give what ODK would: each case is
 * checked on answers that make it true and answers that make it false.
 */
class XPathConditionsTest {
    private final Map<String, Field> fields = new HashMap<>(Map.of(
            "kleur", new Question("kleur", false),
            "talen", new Question("talen", true),
            "leeftijd", new Question("leeftijd", false),
            "naam", new Question("naam", false),
            "volwassen", new Calculation("answers.leeftijd >= 18")));

    private Condition condition(String xpath) throws Untranslatable {
        String jexl = XPathConditions.toJexl(xpath, name -> Optional.ofNullable(fields.get(name)));
        JexlConditions.Compiled compiled = JexlConditions.compile(jexl, "test", 1,
                Set.of("kleur", "talen", "leeftijd", "naam"), Set.of());
        assertEquals(List.of(), compiled.errors(), jexl);
        return compiled.condition();
    }

    private boolean holds(String xpath, Map<String, Object> answers) throws Untranslatable {
        return condition(xpath).test(answers, Map.of());
    }

    @Test
    void equalityAndInequality() throws Untranslatable {
        assertTrue(holds("${kleur} = 'rood'", Map.of("kleur", "rood")));
        assertFalse(holds("${kleur} = 'rood'", Map.of("kleur", "blauw")));
        assertTrue(holds("${kleur} != 'rood'", Map.of("kleur", "blauw")));
        assertTrue(holds("${kleur} != 'rood'", Map.of()), "unanswered differs from 'rood', as in ODK");
    }

    @Test
    void emptyStringMeansUnanswered() throws Untranslatable {
        assertTrue(holds("${naam} = ''", Map.of()));
        assertFalse(holds("${naam} = ''", Map.of("naam", "Aya")));
        assertTrue(holds("${naam} != ''", Map.of("naam", "Aya")));
    }

    @Test
    void selectedOnMultiAndSingle() throws Untranslatable {
        assertTrue(holds("selected(${talen}, 'ar')", Map.of("talen", List.of("nl", "ar"))));
        assertFalse(holds("selected(${talen}, 'ar')", Map.of("talen", List.of("nl"))));
        assertFalse(holds("selected(${talen}, 'ar')", Map.of()));
        assertTrue(holds("selected(${kleur}, 'rood')", Map.of("kleur", "rood")));
        assertFalse(holds("selected(${kleur}, 'ro')", Map.of("kleur", "rood")), "a value, not a part of one");
    }

    /**
     * In ODK a select_multiple's value is the names chosen with a space between them: {@code ${talen} = 'ar'} holds
     * when Arabic alone is chosen. It was accepted and never held (the flow compared a list with a text), so a
     * question asked only then was never asked.
     */
    @Test
    void aSelectMultipleEqualsTheNamesChosenAsInOdk() throws Untranslatable {
        assertTrue(holds("${talen} = 'ar'", Map.of("talen", List.of("ar"))));
        assertFalse(holds("${talen} = 'ar'", Map.of("talen", List.of("nl", "ar"))), "not when more are chosen");
        assertFalse(holds("${talen} = 'ar'", Map.of("talen", List.of("nl"))));
        assertFalse(holds("${talen} = 'ar'", Map.of()), "not when unanswered");
        assertTrue(holds("'ar' = ${talen}", Map.of("talen", List.of("ar"))));
        assertTrue(holds("${talen} != 'ar'", Map.of("talen", List.of("nl", "ar"))));
        assertTrue(holds("${talen} != 'ar'", Map.of()), "unanswered is '', not 'ar'");
        assertFalse(holds("${talen} != 'ar'", Map.of("talen", List.of("ar"))));
        assertTrue(holds("${talen} = 'nl ar'", Map.of("talen", List.of("nl", "ar"))));
        assertFalse(holds("${talen} = 'nl ar'", Map.of("talen", List.of("nl", "ar", "tr"))));
        assertFalse(holds("${talen} = 'nl ar'", Map.of("talen", List.of("nl"))));
        assertTrue(holds("${talen} = ''", Map.of()));
        assertFalse(holds("${talen} = ''", Map.of("talen", List.of("nl"))));
        assertTrue(holds("${talen} = 'ar' or ${kleur} = 'rood'", Map.of("kleur", "rood")));
    }

    /** Used as a number, a text or a truth, a select_multiple means something else in the flow: said, with what to use. */
    @Test
    void aSelectMultipleAsAnyOtherValueIsRefusedPointingToSelected() {
        for (String xpath : List.of("${talen} = ${kleur}", "${talen} > 1", "string-length(${talen}) > 2", "${talen}",
                "not(${talen})", "${talen} = 'nl  ar'", "${talen} = ' ar'", "${talen} = 3")) {
            Untranslatable refused = assertThrows(Untranslatable.class, () -> jexl(xpath), xpath);
            assertEquals("xlsform.problem.multiple_value", refused.key(), xpath);
            assertEquals(Map.of("reference", "${talen}"), refused.args(), xpath);
        }
        assertEquals("${talen} is een select_multiple: het antwoord is een of meer keuzes, dus vraag met"
                + " selected(${talen}, 'keuze') of een keuze gekozen is, met count-selected(${talen}) hoeveel, of vergelijk"
                + " het met de namen van de keuzes (${talen} = 'keuze' is waar als alleen die keuze gekozen is)",
                nl.samenspraak.flow.load.BundledMessages.words().render("nl", "xlsform.problem.multiple_value",
                        Map.of("reference", "${talen}")));
    }

    @Test
    void countSelectedAndStringLength() throws Untranslatable {
        assertTrue(holds("count-selected(${talen}) >= 2", Map.of("talen", List.of("nl", "ar"))));
        assertFalse(holds("count-selected(${talen}) >= 2", Map.of("talen", List.of("nl"))));
        assertTrue(holds("string-length(${naam}) > 3", Map.of("naam", "Fatima")));
        assertFalse(holds("string-length(${naam}) > 3", Map.of("naam", "Aya")));
    }

    @Test
    void logicComparisonsAndArithmetic() throws Untranslatable {
        String xpath = "(${leeftijd} + 2) * 2 > 40 and not(${kleur} = 'rood') or ${leeftijd} mod 2 = 1";
        assertTrue(holds(xpath, Map.of("leeftijd", 20L, "kleur", "blauw")));
        assertFalse(holds(xpath, Map.of("leeftijd", 20L, "kleur", "rood")));
        assertTrue(holds(xpath, Map.of("leeftijd", 21L, "kleur", "rood")), "the odd age");
        assertTrue(holds("${leeftijd} div 2 <= 10 and -${leeftijd} < 0", Map.of("leeftijd", 20L)));
        assertFalse(holds("${leeftijd} < 18", Map.of()), "comparing nothing is false, as NaN is in XPath");
    }

    @Test
    void calculationsAreFilledIn() throws Untranslatable {
        assertTrue(holds("${volwassen} and ${kleur} = 'rood'", Map.of("leeftijd", 30L, "kleur", "rood")));
        assertFalse(holds("${volwassen}", Map.of("leeftijd", 12L)));
        assertTrue(holds("if(${volwassen}, 'ja', 'nee') = 'nee'", Map.of("leeftijd", 12L)));
    }

    @Test
    void whatCannotBeSaidIsRefused() {
        assertThrows(Untranslatable.class, () -> condition("${onbekend} = 1"));
        assertThrows(Untranslatable.class, () -> condition("today() > ${naam}"));
        assertThrows(Untranslatable.class, () -> condition("pulldata('x', 'y', 'z', 'w') = 1"));
        assertThrows(Untranslatable.class, () -> condition(". > 3"));
        assertThrows(Untranslatable.class, () -> condition("${kleur} = "));
        assertThrows(Untranslatable.class, () -> condition("/data/kleur/../naam = 'x'"));
    }

    /** JavaRosa names its own objects for some mistakes; the admin is told the expression is not valid, not that. */
    @Test
    void aMistakeIsNeverWordedWithJavaRosasObjects() {
        for (String expression : new String[] {"", " ", "()", "${kleur} = ", "= 1"}) {
            Untranslatable refused = assertThrows(Untranslatable.class, () -> XPathConditions.parse(expression));
            String said = refused.args().values().toString();
            assertFalse(said.contains("org.javarosa") || said.matches(".*@[0-9a-f]{6,}.*"), expression + ": " + said);
        }
    }

    /** A part the flow can't say is named by the formula as written, not by JavaRosa's "{path-expr:abs,{{step:child,data}...". */
    @Test
    void whatCannotBeSaidNamesTheFormulaAsWritten() {
        for (String xpath : List.of("/data/kleur/../naam = 'x'", "${kleur} | ${naam}")) {
            Untranslatable refused = assertThrows(Untranslatable.class, () -> jexl(xpath), xpath);
            assertEquals(xpath, refused.args().get("expression"), refused.key());
        }
    }

    private String jexl(String xpath) throws Untranslatable {
        return XPathConditions.toJexl(xpath, name -> Optional.ofNullable(fields.get(name)));
    }

    private String refusal(String xpath) {
        return assertThrows(Untranslatable.class, () -> jexl(xpath), xpath.substring(0, 20)).key();
    }

    /**
     * An expression nested deeper than any form needs is refused by how it is written, the same on every thread:
     * judged by running out of stack, 101 brackets were taken, and 4,900 refused on a thread of 256 kB but taken on a
     * larger one.
     */
    @Test
    void anExpressionNestedTooDeeplyIsRefusedByItsShapeNotByTheStack() throws Untranslatable {
        int most = XPathNesting.MOST_BRACKETS;
        assertEquals("(answers.kleur == 'rood')", jexl("(".repeat(most) + "${kleur} = 'rood'" + ")".repeat(most)));
        assertTrue(jexl("not(".repeat(most) + "${naam}" + ")".repeat(most)).startsWith("!!!"));
        jexl("${naam}" + " and ${naam}".repeat(XPathNesting.MOST_OPERATORS));
        jexl("${leeftijd} > 1" + " + 1".repeat(XPathNesting.MOST_OPERATORS - 1));
        // names and quoted text hold no operators or brackets: 199 "or"s and an "=" are all there are here
        XPathConditions.parse("${a-b.c_d} = 'and (or) - div [mod]'" + " or ${count-selected}".repeat(199));

        for (String deep : List.of("(".repeat(most + 1) + "${kleur} = 'rood'" + ")".repeat(most + 1),
                "not(".repeat(most + 1) + "${naam}" + ")".repeat(most + 1),
                "${naam}" + " and ${naam}".repeat(XPathNesting.MOST_OPERATORS + 1),
                "${leeftijd} > 1" + " + 1".repeat(XPathNesting.MOST_OPERATORS),
                "-".repeat(XPathNesting.MOST_OPERATORS + 1) + "1 > ${leeftijd}")) {
            assertEquals("xlsform.problem.condition_too_deep", refusal(deep));
        }

        String deep = "(".repeat(4_900) + "${kleur} = 'rood'" + ")".repeat(4_900);
        Object large = OnStack.run(OnStack.LARGE, () -> refusal(deep));
        assertEquals("xlsform.problem.condition_too_deep", large, "refused on a large stack");
        assertEquals(large, OnStack.run(OnStack.SMALL, () -> refusal(deep)), "and on a small one");
    }
}
