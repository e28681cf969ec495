package nl.samenspraak.xlsform;

import nl.samenspraak.flow.Names;
import nl.samenspraak.xlsform.XPathConditions.Untranslatable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Samenspraak's advice rules, on a sheet of their own: name, when (XPath, with score('dimension') for a score),
 * priority, suppresses, flag (a red flag: yes), source, title::… and text::… per language (and, optional, team_title::… and team::…: the
 * tip as a team's managers read it). A rule becomes one of the flow's advice rules
 * and its words a tip in each language; its condition may read every question, so it is read after the survey.
 */
final class AdviceSheet {
    private final List<Map<String, Object>> rules = new ArrayList<>();
    /** Per rule: its title and text by language. */
    private final Map<String, Map<String, Map<String, String>>> words = new LinkedHashMap<>();
    private final FormLanguages languages;
    private final FormFields fields;
    private final Conversion conversion;
    private final String fileName;

    AdviceSheet(FormLanguages languages, FormFields fields, Conversion conversion, String fileName) {
        this.languages = languages;
        this.fields = fields;
        this.conversion = conversion;
        this.fileName = fileName;
    }

    /** The rules as the flow file has them. */
    List<Map<String, Object>> rules() {
        return rules;
    }

    /** Per rule, its tip's title and text by language. */
    Map<String, Map<String, Map<String, String>>> words() {
        return words;
    }

    /** Reads {@code advice} (null: the form has no advice sheet). */
    void read(SheetTable advice) {
        if (advice == null) {
            return;
        }
        Map<String, Origins.Origin> origins = conversion.origins();
        for (SheetTable.Row row : advice.rows()) {
            String name = advice.cell(row, "name");
            String when = advice.cell(row, "when");
            if (name.isEmpty() || !Names.isPartName(name)) {
                conversion.problem(advice, row, "name", "xlsform.problem.advice_name", Map.of());
                continue;
            }
            String condition;
            try {
                condition = fields.toJexl(when);
            } catch (Untranslatable e) {
                conversion.problem(advice, row, "when", e.key(), e.args());
                continue;
            }
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("id", name);
            rule.put("when", condition);
            origins.put("advice/" + name, Origins.Origin.of(advice, row, null));
            origins.put("advice/" + name + "/when", Origins.Origin.of(advice, row, advice.describe("when")));
            String priority = advice.cell(row, "priority");
            if (!priority.isEmpty()) {
                try {
                    rule.put("priority", Integer.parseInt(priority));
                    origins.put("advice/" + name + "/priority", Origins.Origin.of(advice, row, advice.describe("priority")));
                } catch (NumberFormatException e) {
                    conversion.problem(advice, row, "priority", "xlsform.problem.priority", Map.of());
                }
            }
            String suppresses = advice.cell(row, "suppresses").trim();
            if (!suppresses.isEmpty()) {
                rule.put("suppresses", List.of(suppresses.split("[\\s,]+")));
                origins.put("advice/" + name + "/suppresses", Origins.Origin.of(advice, row, advice.describe("suppresses")));
            }
            // a red flag (AdviceRule.flag): written as every yes of the sheet is, left out when empty or no
            if (SheetTable.isTrue(advice.cell(row, "flag"))) {
                rule.put("flag", true);
                origins.put("advice/" + name + "/flag", Origins.Origin.of(advice, row, advice.describe("flag")));
            } else if (!SheetTable.isFalse(advice.cell(row, "flag"))) {
                // "ja" or "maybe" was taken as no without a word: the red flag off, and praise beside it
                conversion.problem(advice, row, "flag", "xlsform.problem.flag", Map.of("value", advice.cell(row, "flag")));
            }
            String source = advice.cell(row, "source");
            rule.put("source", source.isEmpty() ? nl.samenspraak.result.Sources.SPREADSHEET_ROW + fileName + ", advice row " + row.number() : source);
            Map<String, String> titles = languages.requiredTexts(advice, row, "title", "xlsform.problem.missing_text_advice",
                    name, conversion);
            Map<String, String> bodies = languages.requiredTexts(advice, row, "text", "xlsform.problem.missing_text_advice",
                    name, conversion);
            Map<String, Map<String, String>> teamTexts = Map.of("team_title", languages.texts(advice, row, "team_title"),
                    "team", languages.texts(advice, row, "team"));
            Map<String, Map<String, String>> tip = new LinkedHashMap<>();
            for (String code : languages.codes()) {
                Map<String, String> words = new LinkedHashMap<>(); // in this order in the file, every time
                words.put("title", fields.pipe(titles.getOrDefault(code, "")));
                words.put("text", fields.pipe(bodies.getOrDefault(code, "")));
                tip.put(code, words);
                for (String part : List.of("title", "text")) {
                    origins.put(code + ":tips/" + name + "/" + part, languages.inLanguage(advice, row, part, code));
                }
                // the team's own words are optional, in each language on its own (DashboardWords falls back)
                for (String part : List.of("team_title", "team")) {
                    String teamText = teamTexts.get(part).get(code);
                    if (teamText != null) {
                        words.put(part, fields.pipe(teamText));
                        origins.put(code + ":tips/" + name + "/" + part, languages.inLanguage(advice, row, part, code));
                    }
                }
            }
            rules.add(rule);
            words.put(name, tip);
        }
    }
}
