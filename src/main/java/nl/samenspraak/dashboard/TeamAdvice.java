package nl.samenspraak.dashboard;

import nl.samenspraak.flow.AdviceRule;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Step;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of a flow's tips answer a weak dimension, so that a team gets the research's advice in the same words
 * the professionals get at the end of their own conversation (no second text to keep in step). A tip belongs to
 * a dimension when its rule reads that dimension's score and no other (e.g. {@code band.houding == 'low'}); a
 * flow without score rules (the wijkanalyse reads answers) gives the tips whose rules read only questions of
 * that dimension. Tips about one person's single answer alone (red flags, which suppress others) never count:
 * they say nothing about a team. Plain Java.
 */
public final class TeamAdvice {
    private TeamAdvice() {
    }

    public static List<AdviceRule> forDimension(Flow flow, String dimension) {
        Set<String> steps = flow.steps().stream().filter(s -> s.countsOn(dimension)).map(Step::id)
                .collect(Collectors.toSet());
        // a rule on the score that also shows for the weakest answer on one of the dimension's own questions is
        // the dimension's tip all the same (werk-jij-diversiteitsproof's "answers.werkwijze_tijd <= 2 || (band.werkwijze
        // == 'low' && ...)")
        List<AdviceRule> byScore = flow.advice().stream()
                .filter(r -> r.when().scoresRead().equals(Set.of(dimension)) && steps.containsAll(r.when().stepsRead()))
                .sorted(Comparator.comparingInt(AdviceRule::priority)).toList();
        if (!byScore.isEmpty()) {
            return byScore;
        }
        return flow.advice().stream()
                .filter(r -> r.suppresses().isEmpty() && r.when().scoresRead().isEmpty() && !r.when().stepsRead().isEmpty()
                        && steps.containsAll(r.when().stepsRead()))
                .sorted(Comparator.comparingInt(AdviceRule::priority)).toList();
    }

}
