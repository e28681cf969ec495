package nl.samenspraak.xlsform;

import java.util.Map;

/**
 * A step read from a survey row, to be written to the flow once every row is read (its ways out name the steps
 * after it): the step's keys, its texts per language, the relevance that decides whether it is asked (null:
 * always) and the cell that relevance came from (its own, else its group's).
 */
record SurveyStep(String id, Map<String, Object> step, String relevance, Map<String, Map<String, Object>> texts,
                  Origins.Origin relevantAt) {
}
