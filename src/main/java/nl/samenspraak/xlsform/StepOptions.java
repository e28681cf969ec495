package nl.samenspraak.xlsform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static nl.samenspraak.xlsform.XlsFormConverter.OTHER;

/**
 * A step's options from a list of the choices sheet: those of a select question (its labels per language, points,
 * exclusive, and "Other" for {@code or_other}), and the scored {@code ja}/{@code nee} of an acknowledge that names a
 * {@code points_list}. Each option's origin is its choices row; the list itself came from the survey row.
 */
final class StepOptions {
    private final SurveySheet survey;
    private final ChoiceLists lists;
    private final DimensionsAndThemes names;
    private final XlsFormConverter.Words words;

    StepOptions(SurveySheet survey, ChoiceLists lists, DimensionsAndThemes names, XlsFormConverter.Words words) {
        this.survey = survey;
        this.lists = lists;
        this.names = names;
        this.words = words;
    }

    /** The options of a select question, from {@code list}, with "Other" last when {@code orOther}. */
    void select(SheetTable.Row row, Map<String, Object> step, Map<String, Map<String, Object>> texts,
                ChoiceLists.ChoiceList list, boolean orOther) {
        FormLanguages languages = survey.languages();
        FormFields fields = survey.fields();
        Map<String, Origins.Origin> origins = survey.origins();
        List<Object> options = new ArrayList<>();
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        for (String code : languages.codes()) {
            labels.put(code, new LinkedHashMap<>());
        }
        String id = (String) step.get("id");
        // the list is named in the type cell; each option came from its choices row
        survey.origin(id, "options", row, "type");
        for (ChoiceLists.Choice c : list.choices()) {
            origins.put("steps/" + id + "/options/" + c.value(), c.at());
            c.labelAt().forEach((code, at) -> origins.put(code + ":steps/" + id + "/options/" + c.value(), at));
            if (c.points().isEmpty() && !c.exclusive()) {
                options.add(c.value());
            } else {
                names.dimensions(c.points().keySet());
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("value", c.value());
                if (!c.points().isEmpty()) {
                    o.put("points", c.pointsInFlow());
                }
                if (c.exclusive()) {
                    o.put("exclusive", true);
                }
                options.add(o);
            }
            for (String code : languages.codes()) {
                labels.get(code).put(c.value(), fields.pipe(c.labels().getOrDefault(code, "")));
            }
        }
        if (orOther) {
            if (list.choices().stream().anyMatch(c -> c.value().equals(OTHER))) {
                survey.problem(row, "type", "xlsform.problem.or_other_twice", Map.of("list", list.name()));
            }
            options.add(OTHER);
            survey.origin(id, "options/" + OTHER, row, "type");
            for (String code : languages.codes()) {
                labels.get(code).put(OTHER, fields.pipe(words.word(code, XlsFormConverter.WORD_OTHER)));
                origins.put(code + ":steps/" + id + "/options/" + OTHER, survey.at(row, "type"));
            }
        }
        if (options.size() < 2 && !lists.hadRefused(list.name())) { // not again beside a choice refused at its row
            survey.problem(row, "type", "xlsform.problem.two_choices", Map.of("list", list.name()));
        }
        step.put("options", options);
        for (String code : languages.codes()) {
            texts.get(code).put("options", labels.get(code));
        }
    }

    /** An acknowledge that scores: its list holds the choices {@code ja} and {@code nee} with their points. */
    void yesNoPoints(SheetTable.Row row, String stepType, Map<String, Object> step, String listName) {
        ChoiceLists.ChoiceList list = lists.list(listName);
        if (!stepType.equals("yesno")) {
            survey.problem(row, "points_list", "xlsform.problem.points_list_type");
            return;
        }
        if (list == null) {
            survey.problem(row, "points_list", "xlsform.problem.list_unknown", Map.of("list", listName));
            return;
        }
        List<Object> options = new ArrayList<>();
        String id = (String) step.get("id");
        survey.origin(id, "options", row, "points_list");
        for (ChoiceLists.Choice c : list.choices()) {
            survey.origins().put("steps/" + id + "/options/" + c.value(), c.at());
            if (!c.value().equals("ja") && !c.value().equals("nee")) {
                survey.problem(row, "points_list", "xlsform.problem.points_list_choices",
                        Map.of("list", listName, "value", c.value()));
                return;
            }
            names.dimensions(c.points().keySet());
            Map<String, Object> option = new LinkedHashMap<>(); // value first, in this order every time
            option.put("value", c.value());
            option.put("points", c.pointsInFlow());
            options.add(option);
        }
        step.put("options", options);
    }
}
