package nl.samenspraak.engine;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.TestFlows;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every step type takes what a person can sensibly give, in the form it is stored, and refuses the rest by name. */
class AnswerValidatorTest {
    private static final Flow FLOW = TestFlows.parse("""
            id: types
            languages: [nl]
            steps:
              - id: info
                type: info
                source: s
              - id: choice
                type: choice
                options: [a, b]
                source: s
              - id: multi
                type: multi
                min: 1
                max: 2
                dontKnow: true
                options: [a, b, c]
                source: s
              - id: scale
                type: scale
                min: 1
                max: 5
                dontKnow: true
                source: s
              - id: yesno
                type: yesno
                source: s
              - id: text
                type: text
                maxLength: 5
                source: s
              - id: number
                type: number
                min: 0
                max: 120
                source: s
              - id: date
                type: date
                source: s
              - id: optional
                type: text
                optional: true
                source: s
              - id: long
                type: text
                maxLength: 20000
                source: s
            """);

    private final AnswerValidator validator = new AnswerValidator();

    private AnswerCheck check(String step, Object raw) {
        Step s = FLOW.requireStep(step);
        return validator.check(s, raw);
    }

    private void accepts(String step, Object raw, Object stored) {
        AnswerCheck c = check(step, raw);
        assertTrue(c.valid(), step + " should take " + raw + " but said " + c.error());
        assertEquals(stored, c.value(), step + " stores " + raw + " as");
    }

    private void refuses(String step, Object raw, String error) {
        AnswerCheck c = check(step, raw);
        assertEquals(error, c.error(), step + " with " + raw);
    }

    @Test
    void infoTakesAnythingAndStoresNothing() {
        accepts("info", null, null);
        accepts("info", "ok", null);
    }

    @Test
    void choiceTakesOneOfItsOptions() {
        accepts("choice", "a", "a");
        accepts("choice", " b ", "b");
        accepts("choice", "B", "b");
        refuses("choice", "z", "error.choice");
        refuses("choice", List.of("a"), "error.choice");
        refuses("choice", null, "error.required");
        refuses("choice", Map.of("a", 1), "error.choice");
    }

    @Test
    void multiTakesBetweenMinAndMaxDistinctOptionsInFlowOrder() {
        accepts("multi", List.of("c", "a"), List.of("a", "c"));
        accepts("multi", "b", List.of("b"));
        accepts("multi", List.of("C", "a"), List.of("a", "c"));
        accepts("multi", List.of("Weet-Niet"), List.of("weet-niet"));
        accepts("multi", List.of("weet-niet"), List.of("weet-niet"));
        refuses("multi", List.of("a", "b", "c"), "error.multi_max");
        refuses("multi", List.of("a", "a"), "error.multi_choice");
        refuses("multi", List.of("a", "z"), "error.multi_choice");
        refuses("multi", List.of("a", "weet-niet"), "error.multi_exclusive");
        refuses("multi", List.of(), "error.required");
    }

    @Test
    void scaleTakesAWholeNumberInRangeOrDontKnow() {
        accepts("scale", 3, 3L);
        accepts("scale", "5", 5L);
        accepts("scale", 2.0, 2L);
        accepts("scale", "weet-niet", "weet-niet");
        refuses("scale", 6, "error.scale");
        refuses("scale", 2.5, "error.scale");
        refuses("scale", "veel", "error.scale");
        assertEquals(Map.of("min", 1L, "max", 5L), check("scale", 0).parameters());
    }

    @Test
    void yesnoTakesJaNeeAndBooleans() {
        accepts("yesno", "ja", "ja");
        accepts("yesno", true, "ja");
        accepts("yesno", false, "nee");
        refuses("yesno", "misschien", "error.choice");
        refuses("yesno", "weet-niet", "error.choice");
    }

    @Test
    void textIsTrimmedCleanedAndLimitedInCharactersNotBytes() {
        accepts("text", "  hoi\u0000 ", "hoi");
        accepts("text", "سلام!", "سلام!");
        accepts("text", "😀😀😀😀😀", "😀😀😀😀😀");
        refuses("text", "123456", "error.text_too_long");
        assertEquals(Map.of("max", 5, "length", 6), check("text", "123456").parameters());
        refuses("text", " \n ", "error.required");
        refuses("text", List.of("a"), "error.text");
    }

    /**
     * The limit counts the characters a person sees and can count: a family emoji is one (seven code points), an
     * Arabic letter with its vowel mark one, an e with its accent typed as two one. 30 family emoji were "210 of 200".
     */
    @Test
    void theLimitCountsTheCharactersAPersonSees() {
        String family = "👨\u200D👩\u200D👧\u200D👦";
        accepts("text", family.repeat(5), family.repeat(5));
        refuses("text", family.repeat(6), "error.text_too_long");
        assertEquals(Map.of("max", 5, "length", 6), check("text", family.repeat(6)).parameters());
        accepts("text", "بَبَبَبَبَ", "بَبَبَبَبَ");
        accepts("text", "e\u0301".repeat(5), "e\u0301".repeat(5));
        assertEquals(2, AnswerValidator.length("🇳🇱👍🏽"));
        // a character with more marks on it than the answer column holds is too long, whatever its limit in characters
        refuses("long", "e" + "\u0301".repeat(AnswerValidator.MOST_UNITS), "error.text_too_long");
        accepts("long", "e" + "\u0301".repeat(1000), "e" + "\u0301".repeat(1000));
        // nor more than the longest characters people type would take for the limit (5 here): a hundred marks on one
        // letter were one character, and a text limited to 100 stored 120,001 code points
        refuses("text", "a" + "\u0301".repeat(100), "error.text_too_long");
        refuses("text", "a" + "\u200D😀".repeat(50), "error.text_too_long");
        String scotland = "🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F";
        accepts("text", scotland.repeat(5), scotland.repeat(5));
    }

    /**
     * A text of nothing but direction marks, zero-width spaces or joiners shows nothing: a required question refuses
     * it, an optional one takes it as skipped (a lone U+202E was stored, and echoed as answered with an empty line).
     * Inside a text they stay: the joiners of a family emoji, a mark in a mixed-direction line.
     */
    @Test
    void aTextThatShowsNothingIsNoAnswer() {
        // also what the attack probe typed next: a variation selector, the Hangul filler, the braille blank, marks
        // with no letter, a private use character
        for (String invisible : List.of("\u202E", "\u200B\u2060", "\u202E\u202C", " \uFEFF ", "\u2066\u2069", "\u200F",
                "\uFE0F", "\u3164", "\u2800\u2800", "\u0301\u0308", "\u20DD", "\uE001", "\u115F\u1160",
                // and the second probe's: noncharacters, the object replacement character, the null notehead
                "\uFFFF", "\uFDD0", "\uFFFC", "\uD834\uDD59")) {
            refuses("text", invisible, "error.required");
            accepts("optional", invisible, null);
        }
        accepts("text", "👨\u200D👧", "👨\u200D👧");
        accepts("text", "\u200Fأ 1\u200F", "\u200Fأ 1\u200F");
        accepts("text", "e\u0301", "e\u0301");
        accepts("text", "\u2764\uFE0F", "\u2764\uFE0F");
        accepts("text", "\u2801", "\u2801");
        accepts("text", "\uD83E\uDEE0", "\uD83E\uDEE0"); // an emoji newer than Java 17's Unicode is still something to see
    }

    @Test
    void numberTakesDigitsWithCommaOrPointWithinRange() {
        accepts("number", 12, 12L);
        accepts("number", "12", 12L);
        accepts("number", "1,5", 1.5);
        accepts("number", 0, 0L);
        refuses("number", 121, "error.number_range");
        refuses("number", -1, "error.number_range");
        refuses("number", "twaalf", "error.number");
        refuses("number", "1e400", "error.number");
        refuses("number", "9".repeat(100), "error.number");
    }

    /**
     * Thousands as people type them are read, in every language's way; one point or comma before three digits is a
     * thousand to one reader and a fraction to another, so it is asked again: "12,000" was stored as 12, "1.000" as 1.
     */
    @Test
    void thousandsAreReadAndAThousandThatCouldBeAFractionIsAskedAgain() {
        for (String either : List.of("1.000", "12,000", "1,500", "-1.000", " 100,000 ")) {
            refuses("number", either, "error.number_grouping");
        }
        accepts("number", "0,500", 0.5);
        accepts("number", "1,25", 1.25);
        accepts("number", "1.5", 1.5);
    }

    @Test
    void dateTakesDatesThatExist() {
        accepts("date", "2024-03-01", "2024-03-01");
        accepts("date", " 2024-02-29 ", "2024-02-29");
        accepts("date", "01-03-2024", "2024-03-01");
        refuses("date", "2023-02-29", "error.date");
        refuses("date", "29-02-2023", "error.date");
        refuses("date", "1800-01-01", "error.date");
        refuses("date", 20240301, "error.date");
    }

    @Test
    void anOptionalStepIsSkippedWithNothing() {
        accepts("optional", null, null);
        accepts("optional", "", null);
        accepts("optional", "   ", null);
        assertNull(check("optional", null).error());
    }

    /** JSON allows 1e999, which arrives as infinity: every step type refuses it by name instead of failing. */
    @Test
    void numbersBeyondDoubleRangeAreRefusedOnEveryStepType() {
        for (Object huge : List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
                new java.math.BigDecimal("1E400"), new java.math.BigDecimal("1E+999999999"))) {
            refuses("choice", huge, "error.choice");
            refuses("yesno", huge, "error.choice");
            refuses("scale", huge, "error.scale");
            refuses("multi", huge, "error.multi_choice");
            refuses("multi", List.of(huge), "error.multi_choice");
            refuses("text", huge, "error.text");
            refuses("number", huge, "error.number");
            refuses("date", huge, "error.date");
        }
    }

    @Test
    void textWithHalfACharacterIsRefused() {
        refuses("text", "ab\uD800", "error.text");
        refuses("text", "\uDC00ab", "error.text");
        accepts("text", "ok\uD83D\uDE00", "ok\uD83D\uDE00");
    }
}
