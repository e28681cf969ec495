package nl.samenspraak.flow.load;

import nl.samenspraak.flow.Condition;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conditions behave as an author expects, also around "weet ik niet" and unanswered questions. */
class ConditionComparisonTest {

    private static Condition compile(String text) {
        JexlConditions.Compiled c = JexlConditions.compile(text, "t.yaml", 1, Set.of("a", "b", "talen"), Set.of("kennis"));
        assertEquals(List.of(), c.errors());
        return c.condition();
    }

    private static Map<String, Object> answers(Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void aDontKnowOrMissingAnswerIsNeitherLowNorHigh() {
        Condition low = compile("answers.a <= 2");
        assertTrue(low.test(answers("a", 1L), Map.of()));
        assertFalse(low.test(answers("a", 4L), Map.of()));
        assertFalse(low.test(answers("a", "weet-niet"), Map.of()));
        assertFalse(low.test(answers(), Map.of()));
        assertFalse(compile("answers.a > 2").test(answers("a", "weet-niet"), Map.of()));
    }

    /**
     * An unanswered number in a sum is no 0: as in ODK, where an empty value is NaN in arithmetic, a calculation of
     * a skipped number is neither more nor less than anything and equals nothing. JEXL counted null as 0, so an
     * XLSForm's calculate ${kinderen} + ${stiefkinderen} on a skipped question made "> 0" hold for one answered 1 and
     * "< 1" hold for nobody answering: questions for people with children were asked of people never asked.
     */
    @Test
    void anUnansweredNumberInACalculationIsNotZero() {
        Map<String, Object> skipped = answers("b", 1L);
        assertFalse(compile("(answers.a + answers.b) > 0").test(skipped, Map.of()));
        assertFalse(compile("(answers.a + answers.b) < 1").test(skipped, Map.of()));
        assertFalse(compile("(answers.a * 2) >= 0").test(answers(), Map.of()));
        assertFalse(compile("(answers.a - 1) < 0").test(answers(), Map.of()));
        assertFalse(compile("(-answers.a) <= 0").test(answers(), Map.of()));
        assertFalse(compile("(answers.a / 2) == 0").test(answers(), Map.of()));
        assertFalse(compile("(answers.a % 2) == 0").test(answers(), Map.of()));
        assertFalse(compile("(answers.a + 1) == (answers.b + 1)").test(answers(), Map.of()), "NaN equals nothing");
        assertTrue(compile("(answers.a + 1) != 1").test(answers(), Map.of()), "NaN differs from everything");
        // answered, the sum is a sum
        assertTrue(compile("(answers.a + answers.b) > 2").test(answers("a", 2L, "b", 1L), Map.of()));
        assertTrue(compile("(answers.a * 2) == 4").test(answers("a", 2L), Map.of()));
    }

    @Test
    void otherPartsOfAConditionStillCountNextToAnIncomparableOne() {
        Condition either = compile("answers.a <= 2 || answers.b == 'weet-niet'");
        assertTrue(either.test(answers("a", "weet-niet", "b", "weet-niet"), Map.of()));
    }

    @Test
    void scoresWithoutCountedAnswersAreNotLow() {
        Condition weak = compile("scores.kennis < 50");
        Map<String, Integer> none = new HashMap<>();
        none.put("kennis", null);
        assertFalse(weak.test(answers(), none));
        assertTrue(weak.test(answers(), Map.of("kennis", 20)));
    }

    @Test
    void listsOfChoicesCanBeSearchedAndCounted() {
        assertTrue(compile("'turks' =~ answers.talen").test(answers("talen", List.of("turks", "pools")), Map.of()));
        assertFalse(compile("'arabisch' =~ answers.talen").test(answers("talen", List.of("turks")), Map.of()));
        assertTrue(compile("size(answers.talen) > 1").test(answers("talen", List.of("turks", "pools")), Map.of()));
    }

    @Test
    void conditionsCannotReachOutsideTheirAnswers() {
        JexlConditions.Compiled call = JexlConditions.compile("answers.a.getClass() == null", "t.yaml", 3,
                Set.of("a"), Set.of());
        assertNull(call.condition());
        assertTrue(call.errors().get(0).contains("does not parse"), call.errors().toString());
        JexlConditions.Compiled assign = JexlConditions.compile("x = 1", "t.yaml", 3, Set.of("a"), Set.of());
        assertNull(assign.condition());
        JexlConditions.Compiled other = JexlConditions.compile("system.exit == 1", "t.yaml", 3, Set.of("a"), Set.of());
        assertTrue(other.errors().get(0).contains("use answers.<step id>, scores.<dimension>, band.<dimension> or conversation.assisted"), other.errors().toString());
    }

    @Test
    void aConditionMayAskWhetherAProfessionalIsInTheConversation() {
        JexlConditions.Compiled c = JexlConditions.compile("answers.a == 'ja' && conversation.assisted", "t.yaml", 1,
                Set.of("a"), Set.of());
        assertTrue(c.errors().isEmpty(), c.errors().toString());
        Map<String, Object> alone = new java.util.HashMap<>(answers("a", "ja"));
        assertFalse(c.condition().test(alone, Map.of()));
        Map<String, Object> assisted = new java.util.HashMap<>(alone);
        assisted.put(nl.samenspraak.flow.Condition.ASSISTED, Boolean.TRUE);
        assertTrue(c.condition().test(assisted, Map.of()));
        assertEquals(Set.of("a"), c.condition().stepsRead(), "not a step the reasons of a tip quote");
        JexlConditions.Compiled other = JexlConditions.compile("conversation.language == 'nl'", "t.yaml", 1, Set.of("a"), Set.of());
        assertFalse(other.errors().isEmpty());
    }

    /**
     * A condition nested deeper than any question needs is refused the same way every time: where the stack overflowed
     * depended on the thread and the JIT (540 "and"s of a spreadsheet were refused on one run, accepted on the next).
     */
    @Test
    void aConditionTooDeepIsRefusedByItsShapeNotByTheStack() {
        String chain = "answers.a == 1" + " && answers.a == 1".repeat(JexlConditions.MOST_OPERATORS);
        assertTrue(JexlConditions.compile(chain, "f.yaml", 1, Set.of("a"), Set.of()).problems().isEmpty(),
                "as many as may be: taken");
        for (String tooMany : List.of(chain + " && answers.a == 1", chain + " and answers.a == 1", "!".repeat(201) + "answers.a",
                "(".repeat(JexlConditions.MOST_BRACKETS + 1) + "answers.a == 1" + ")".repeat(JexlConditions.MOST_BRACKETS + 1))) {
            assertEquals(List.of("flowparse.condition_too_deep"), JexlConditions.compile(tooMany, "f.yaml", 1, Set.of("a"), Set.of())
                    .problems().stream().map(JexlConditions.Reason::key).toList(), tooMany.substring(0, 40));
        }
        String quoted = "answers.a == '" + "(&& or ".repeat(300) + "'";
        assertFalse(JexlConditions.tooDeep(quoted), "brackets and operators inside quoted text do not count");
        assertFalse(JexlConditions.tooDeep("answers.order == 1 && answers.band_or == 2 && answers.not_sure != 1"),
                "names that hold or, not or and are no operators");
    }

    /**
     * Comparisons, arithmetic, ?: and lists nest too, in JEXL's tree if not in its brackets: a thousand "+ 1"s overflowed
     * while the names read were listed, outside any catch, on a thread of 256 kB, and were taken on a larger one.
     */
    @Test
    void otherOperatorsAndListsCountToo() {
        int most = JexlConditions.MOST_OTHER_OPERATORS;
        String sum = "answers.a" + " + 1".repeat(most - 1) + " > 0";
        assertTrue(JexlConditions.compile(sum, "f.yaml", 1, Set.of("a"), Set.of()).problems().isEmpty(), "as many as may be");
        for (String tooMany : List.of("answers.a" + " + 1".repeat(most) + " > 0", "answers.a ? 1 : ".repeat(most + 1) + "0",
                "[".repeat(JexlConditions.MOST_BRACKETS + 1) + "1" + "]".repeat(JexlConditions.MOST_BRACKETS + 1) + " =~ answers.a")) {
            assertTrue(JexlConditions.tooDeep(tooMany), tooMany.substring(0, 30));
        }
        assertFalse(JexlConditions.tooDeep("answers.a =~ ['a', 'b'] && answers.b !~ ['c'] && answers.c >= 2 && answers.d != 'x-y'"));

        String thousand = "answers.a" + " + 1".repeat(1_000) + " > 0";
        java.util.concurrent.Callable<Object> keys = () -> JexlConditions.compile(thousand, "f.yaml", 1, Set.of("a"), Set.of())
                .problems().stream().map(JexlConditions.Reason::key).toList();
        Object large = nl.samenspraak.support.OnStack.run(nl.samenspraak.support.OnStack.LARGE, keys);
        assertEquals(List.of("flowparse.condition_too_deep"), large, "refused on a large stack");
        assertEquals(large, nl.samenspraak.support.OnStack.run(nl.samenspraak.support.OnStack.SMALL, keys), "and on a small one");
    }

    /**
     * A tip's "why" quotes what made its condition true: of an "or", the parts that hold, with every part of an
     * "and" among them. "Afraid of not being understood, or no help in one's own language" quoted the "Ja, in my own
     * language" beside the fear that brought the tip.
     */
    @Test
    void theReasonsOfAnOrAreThePartsThatHold() {
        Condition either = compile("answers.a == 'nee' || answers.a == 'soms' || answers.b == 'ja'");
        assertEquals(new Condition.Read(Set.of("b"), Set.of()), either.reasons(answers("a", "ja", "b", "ja"), Map.of()));
        assertEquals(List.of("a"), List.copyOf(either.reasons(answers("a", "soms", "b", "nee"), Map.of()).steps()));
        assertEquals(List.of("a", "b"), List.copyOf(either.reasons(answers("a", "nee", "b", "ja"), Map.of()).steps()),
                "both hold: both, in the order the condition names them");

        Condition nested = compile("scores.kennis < 50 and (answers.a <= 2 or 'x' =~ answers.talen) && !(answers.b == 'ja')");
        Map<String, Integer> low = Map.of("kennis", 10);
        Condition.Read read = nested.reasons(answers("a", 5L, "talen", List.of("x"), "b", "nee"), low);
        assertEquals(List.of("talen"), List.copyOf(read.steps()), "the list that holds; not the 'not' beside it");
        assertEquals(Set.of("kennis"), read.scores());
        assertEquals(List.of("a"), List.copyOf(nested.reasons(answers("a", 1L, "talen", List.of(), "b", "nee"), low).steps()));

        Condition scores = compile("scores.kennis > 75 || answers.a == 'ja'");
        assertEquals(new Condition.Read(Set.of("a"), Set.of()), scores.reasons(answers("a", "ja"), Map.of("kennis", 10)),
                "a score that is not high is no reason");
    }

    /** Praise "unless afraid": the strong answers are its reasons, not the fears the person did not have. */
    @Test
    void whatAnAnswerIsNotIsNoReasonUnlessNothingElseIs() {
        Condition praise = compile("answers.a >= 4 && answers.b != 'ja' && !(answers.talen =~ ['x'])");
        assertEquals(new Condition.Read(Set.of("a"), Set.of()), praise.reasons(answers("a", 5L, "b", "nee", "talen", "y"), Map.of()));
        Condition none = compile("answers.a != 'ja' && answers.b != 'ja'");
        assertEquals(new Condition.Read(Set.of("a", "b"), Set.of()), none.reasons(answers("a", "nee", "b", "nee"), Map.of()));
    }

    /**
     * A score an "and" joins to answers qualifies them: "band.werkwijze == 'low' && answers.werkwijze_tijd <= 3" is about
     * time for a bond, and its tip's why quoted the part's weakest answers (those of the part's other tips) beside it.
     * The reasons say which answers each score is joined to: those beside it that hold, or, when only "not"s stand
     * beside it, the steps they read (the family's story asked in part: "!(all five asked)"); an "or" joins nothing.
     */
    @Test
    void aScoreJoinedByAndToAnswersIsJoinedToThoseAnswers() {
        Condition practice = compile("answers.a <= 2 || (scores.kennis < 50 && (answers.a <= 3 || answers.a == 'weet-niet'))");
        Condition.Read read = practice.reasons(answers("a", 3L, "b", 1L), Map.of("kennis", 20));
        assertEquals(List.of("a"), List.copyOf(read.steps()));
        assertEquals(Set.of("kennis"), read.scores());
        assertEquals(Set.of("a"), read.joinedTo("kennis"));

        Condition story = compile("scores.kennis < 50 && !('x' =~ answers.talen && 'y' =~ answers.talen)");
        read = story.reasons(answers("talen", List.of("x")), Map.of("kennis", 20));
        assertEquals(Set.of(), read.steps(), "a 'not' is no reason of its own");
        assertEquals(Set.of("talen"), read.joinedTo("kennis"), "but the score is joined to the answer it reads");

        // JEXL nests "s && a != 'ja' && b <= 3" as ((s && a != 'ja') && b <= 3): still one "and", whose "not" stays out
        Condition places = compile("answers.a == 'nee' || (scores.kennis < 50 && answers.a != 'ja' && answers.b <= 3)");
        read = places.reasons(answers("a", "soms", "b", 2L), Map.of("kennis", 20));
        assertEquals(Set.of("b"), read.joinedTo("kennis"));

        Condition either = compile("scores.kennis < 50 || answers.a == 'nee'");
        read = either.reasons(answers("a", "nee"), Map.of("kennis", 20));
        assertEquals(List.of("a"), List.copyOf(read.steps()));
        assertEquals(Set.of(), read.joinedTo("kennis"), "a score beside an answer in an 'or' is a reason of its own");
        assertEquals(Set.of(), compile("scores.kennis < 50").reasons(Map.of(), Map.of("kennis", 20)).joinedTo("kennis"));
    }

    @Test
    void withoutAnOrOrWhenFalseTheReasonsAreAllItReads() {
        Condition both = compile("answers.a == 'ja' && answers.b == 'ja'");
        assertEquals(new Condition.Read(Set.of("a", "b"), Set.of()), both.reasons(answers("a", "ja", "b", "ja"), Map.of()));
        Condition either = compile("answers.a == 'ja' || answers.b == 'ja'");
        assertEquals(new Condition.Read(Set.of("a", "b"), Set.of()), either.reasons(answers("a", "nee", "b", "nee"), Map.of()));
    }
}
