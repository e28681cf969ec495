package nl.samenspraak.dashboard;

import nl.samenspraak.dashboard.MinimumGroupSize.Key;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MinimumGroupSizeTest {
    private final MinimumGroupSize five = new MinimumGroupSize(5);

    /** A respondent as the dashboard splits them: wijk, flow version, month. */
    record R(String wijk, String version, String month) {
    }

    static final Key<R> WIJK = new Key<>("wijk", R::wijk);
    static final Key<R> VERSION = new Key<>("version", R::version);
    static final Key<R> MONTH = new Key<>("month", R::month);
    static final Key<R> YEAR = new Key<>("year", r -> r.month().substring(0, 4));

    static List<R> times(int n, String wijk, String version, String month) {
        return Collections.nCopies(n, new R(wijk, version, month));
    }

    @SafeVarargs
    static List<R> all(List<R>... groups) {
        List<R> all = new ArrayList<>();
        for (List<R> g : groups) {
            all.addAll(g);
        }
        return all;
    }

    @ParameterizedTest(name = "{0} respondents shown: {1}")
    @CsvSource({"0,false", "1,false", "4,false", "5,true", "6,true", "1000,true"})
    void aGroupIsShownFromKOn(int n, boolean shown) {
        assertEquals(shown, five.shows(n));
    }

    @ParameterizedTest(name = "{0} respondents harmless: {1}")
    @CsvSource({"0,true", "1,false", "4,false", "5,true"})
    void aGroupIsHarmlessWhenEmptyOrAtLeastK(int n, boolean harmless) {
        assertEquals(harmless, five.harmless(n));
    }

    @ParameterizedTest(name = "{1} of {0}: {2}")
    @CsvSource({
            "10,5,true",    // 5 and 5
            "10,10,true",   // the filter leaves nobody out
            "10,0,true",    // the filter picks nobody
            "9,5,false",    // "all" minus the subset is 4 people
            "9,4,false",    // the subset itself is 4
            "6,5,false",    // all but one: all minus all-but-one is one person
            "12,7,true"})
    void aFilterMayPickASubsetOnlyWhenItAndTheRestAreEmptyOrAtLeastK(int whole, int subset, boolean allowed) {
        assertEquals(allowed, five.allowsSubset(whole, subset));
    }

    @Test
    void aSubsetLargerThanTheWholeIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> five.allowsSubset(4, 5));
        assertThrows(IllegalArgumentException.class, () -> new MinimumGroupSize(0));
    }

    @Test
    void withOneWijkOfOneTheWijkFilterIsNotUsable() {
        // "all" (6) minus "wijk Oost" (5) would be the one person in West
        List<R> team = all(times(5, "Oost", "v1", "2025-01"), times(1, "West", "v1", "2025-01"));
        assertTrue(five.shows(team.size()));
        assertFalse(five.harmless(team, List.of(WIJK)));
        assertEquals(List.of(), five.usableKeys(team, List.of(List.of(WIJK))));
    }

    @Test
    void threeWijkenEachLargeEnoughBesideOneTooSmallBlockTheWijkFilter() {
        // each big wijk passes allowsSubset on its own (10 of 22, rest 12) but all minus the three is two people
        List<R> team = all(times(10, "A", "v1", "2025-01"), times(5, "B", "v1", "2025-01"),
                times(5, "C", "v1", "2025-01"), times(2, "D", "v1", "2025-01"));
        assertTrue(five.allowsSubset(22, 10));
        assertTrue(five.allowsSubset(22, 5));
        assertFalse(five.harmless(team, List.of(WIJK)), "D has two");
    }

    @Test
    void twoFiltersThatAreEachFineAloneCanBeRefusedTogether() {
        // wijk alone: A 6, B 6; version alone: v1 5, v2 7; but A and v2 together is one person, and with
        // "version v1" equal to "wijk A, version v1", wijk A minus version v1 would show that one person
        List<R> team = all(times(5, "A", "v1", "2025-01"), times(1, "A", "v2", "2025-01"), times(6, "B", "v2", "2025-01"));
        assertTrue(five.harmless(team, List.of(WIJK)));
        assertTrue(five.harmless(team, List.of(VERSION)));
        assertFalse(five.harmless(team, List.of(WIJK, VERSION)));
        List<Key<R>> usable = five.usableKeys(team, List.of(List.of(WIJK), List.of(VERSION)));
        assertEquals(List.of(WIJK), usable, "the wijk filter stays, the version filter goes");
    }

    @Test
    void timeFallsBackFromMonthToYearUntilEveryCellIsLargeEnough() {
        List<R> team = all(times(6, "A", "v1", "2024-03"), times(3, "A", "v1", "2024-04"), times(7, "A", "v1", "2025-01"));
        List<Key<R>> usable = five.usableKeys(team, List.of(List.of(WIJK), List.of(MONTH, YEAR)));
        assertEquals(List.of(WIJK, YEAR), usable, "April 2024 has three, 2024 has nine");
        List<R> tooFew = all(times(6, "A", "v1", "2024-03"), times(3, "A", "v1", "2025-04"));
        assertEquals(List.of(WIJK), five.usableKeys(tooFew, List.of(List.of(WIJK), List.of(MONTH, YEAR))));
    }

    /**
     * Keys kept apart are in every cell without being offered: the versions split 5 and 5 over all, but one of them
     * is 4 and 1 across the two groups kept apart (two survey rounds, each shown on its own elsewhere).
     */
    @Test
    void aKeyKeptApartSplitsEveryCellButIsNotOffered() {
        List<R> team = all(times(4, "A", "v1", "2025-01"), times(1, "A", "v2", "2025-01"), times(1, "B", "v1", "2025-02"),
                times(4, "B", "v2", "2025-02"));
        assertEquals(List.of(VERSION), five.usableKeys(team, List.of(List.of(VERSION))));
        assertEquals(List.of(), five.usableKeys(team, List.of(WIJK), List.of(List.of(VERSION))), "v2 is 1 in A");
        assertEquals(List.of(MONTH), five.usableKeys(team, List.of(WIJK), List.of(List.of(MONTH, YEAR))),
                "each group kept apart is one month of 5: the month is offered, the key kept apart never is");
    }

    @Test
    void aFlowsOwnMinimumCountsWhenItIsLarger() {
        assertEquals(5, five.atLeast(null).k());
        assertEquals(5, five.atLeast(3).k(), "a flow cannot lower the service's k");
        assertEquals(10, five.atLeast(10).k());
    }

    @Test
    void aKeyWithOneValueIsAlwaysUsableForAGroupThatIsShown() {
        List<R> team = times(5, null, "v1", "2025-01");
        assertEquals(List.of(WIJK, VERSION, MONTH),
                five.usableKeys(team, List.of(List.of(WIJK), List.of(VERSION), List.of(MONTH, YEAR))));
    }

    @Test
    void perQuestionOnlyThoseWhoAnsweredCount() {
        // 12 respondents in two wijken of six, but only 5 answered an optional question: 4 in A and 1 in B
        List<R> answered = all(times(4, "A", "v1", "2025-01"), times(1, "B", "v1", "2025-01"));
        assertTrue(five.shows(answered.size()), "the team's five answers may be shown");
        assertFalse(five.harmless(answered, List.of(WIJK)), "but not per wijk");
        assertTrue(five.harmless(answered, List.of()), "without filters there is one cell");
    }

    @Test
    void kIsConfigurable() {
        MinimumGroupSize three = new MinimumGroupSize(3);
        assertTrue(three.shows(3));
        assertFalse(three.shows(2));
        assertEquals(3, three.k());
    }

    /** The admin's count of conversations: 0, "fewer than k", or the largest multiple of k it reaches. */
    @ParameterizedTest
    @CsvSource({"0,0", "1,", "4,", "5,5", "9,5", "10,10", "14,10", "101,100"})
    void aRoundedCountNeverDescribesFewerThanK(long count, Long shown) {
        MinimumGroupSize five = new MinimumGroupSize(5);
        if (shown == null) {
            assertTrue(five.roundedDown(count).isEmpty(), count + " is 'fewer than 5'");
        } else {
            assertEquals(shown, five.roundedDown(count).getAsLong());
        }
    }

    @Test
    void twoRoundedCountsDifferByAMultipleOfK() {
        MinimumGroupSize five = new MinimumGroupSize(5);
        for (long a = 5; a < 40; a++) {
            for (long b = a; b < 40; b++) {
                long difference = five.roundedDown(b).getAsLong() - five.roundedDown(a).getAsLong();
                assertEquals(0, difference % 5, a + " and " + b);
            }
        }
    }

    /**
     * {@code harmless} counts cells as numbers for speed; it must say what the plain definition says (group the
     * respondents by their values of every key, each cell empty or at least k), also when the keys have so many
     * values that their product no longer fits a long, and when a value is unknown (null). Seeded, so a failure
     * can be replayed.
     */
    @Test
    void harmlessAgreesWithGroupingByEveryKeyTogether() {
        java.util.Random random = new java.util.Random(20261202);
        for (int round = 0; round < 300; round++) {
            int keys = 1 + random.nextInt(9);
            int respondents = random.nextInt(400);
            List<Key<List<Object>>> split = new ArrayList<>();
            for (int k = 0; k < keys; k++) {
                int index = k;
                split.add(new Key<>("key" + k, r -> r.get(index)));
            }
            // few values make large cells (often harmless), many values make the product of value counts overflow
            int values = random.nextBoolean() ? 1 + random.nextInt(3) : 50 + random.nextInt(400);
            List<List<Object>> people = new ArrayList<>();
            for (int p = 0; p < respondents; p++) {
                List<Object> person = new ArrayList<>();
                for (int k = 0; k < keys; k++) {
                    int v = random.nextInt(values + 1);
                    person.add(v == values ? null : "v" + v);
                }
                people.add(person);
            }
            java.util.Map<List<Object>, Long> cells = new java.util.HashMap<>();
            people.forEach(person -> cells.merge(person, 1L, Long::sum));
            boolean expected = cells.values().stream().allMatch(n -> n >= 5);
            assertEquals(expected, five.harmless(people, split), "round " + round + ": " + keys + " keys, "
                    + respondents + " respondents, " + values + " values per key");
        }
    }
}
