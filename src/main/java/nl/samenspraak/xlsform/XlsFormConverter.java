package nl.samenspraak.xlsform;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the sheets of an XLSForm (survey, choices, settings) into a flow and its words in every language the
 * form has. What a conversation can't do (repeats, media, choice filters, locations, external lists) is
 * refused with the sheet, row and column that asks for it; all problems are gathered before refusing.
 *
 * <p>XLSForm asks questions top to bottom and skips those whose {@code relevant} is false; a flow goes from
 * step to step by its ways out. So each step's ways out name the following steps in order, each with its
 * relevance (its groups' too), up to the first that is always asked ({@link WaysOut}).
 *
 * <p>This class reads the sheets in the order their parts depend on each other: settings, languages, choice lists,
 * the names of dimensions and themes, the survey, then Samenspraak's own sheets of advice, benchmarks and messages
 * (which name the survey's questions). Each sheet has a class of its own; {@link FlowFiles} writes the result.
 */
public final class XlsFormConverter {
    /** The words a converted flow needs that no spreadsheet gives: "Other" and "Please specify" per language. */
    public interface Words {
        String word(String language, String key);
    }

    public static final String OTHER = "other";
    public static final String WORD_OTHER = "xlsform.other";
    public static final String WORD_SPECIFY = "xlsform.other_specify";

    private static final Set<String> MEDIA = Set.of("image", "big-image", "audio", "video", "media");

    private final Set<String> knownLanguages;
    private final Words words;
    private final Conversion conversion = new Conversion();

    public XlsFormConverter(Set<String> knownLanguages, Words words) {
        this.knownLanguages = Set.copyOf(knownLanguages);
        this.words = words;
    }

    /** Converts the sheets; {@code fileName} names the spreadsheet in each step's source. */
    public static ImportedFlow convert(Map<String, SheetTable> sheets, String fileName, Set<String> knownLanguages,
                                       Words words) {
        return new XlsFormConverter(knownLanguages, words).convert(sheets, fileName);
    }

    private ImportedFlow convert(Map<String, SheetTable> sheets, String fileName) {
        SheetTable survey = sheets.get("survey");
        if (survey == null) {
            throw new XlsFormRefused(List.of(new XlsFormProblem(null, 0, null, "xlsform.problem.no_survey")));
        }
        sheets.values().forEach(this::refuseColumnsTwice);
        SheetTable choices = sheets.get("choices");
        FormSettings settings = FormSettings.read(sheets.get("settings"), fileName, conversion);
        FormLanguages languages = FormLanguages.read(survey, choices, settings.defaultLanguage(), knownLanguages,
                conversion);
        refuseMediaColumns(survey);
        if (choices != null) {
            refuseMediaColumns(choices);
        }
        ChoiceLists lists = ChoiceLists.read(choices, languages, conversion);
        FormFields fields = new FormFields();
        DimensionsAndThemes names = new DimensionsAndThemes(languages, fields, conversion);
        // named dimensions first: their sheet's order is the flow's order of scores
        names.names("dimensions", sheets.get("dimensions"));
        names.names("themes", sheets.get("themes"));
        SurveyRows rows = new SurveyRows(new SurveySheet(survey, languages, fields, conversion), settings, fileName,
                lists, names, words);
        rows.read();
        AdviceSheet advice = new AdviceSheet(languages, fields, conversion, fileName);
        advice.read(sheets.get("advice"));
        new BenchmarkSheet(languages, fields, conversion).read(sheets.get("benchmarks"), rows.steps());
        MessagesSheet messages = new MessagesSheet(languages, conversion);
        messages.read(sheets.get("messages"));
        if (!conversion.problems().isEmpty()) {
            throw new XlsFormRefused(conversion.problems());
        }
        return FlowFiles.write(settings, languages, fileName, rows.steps(), names, advice, messages, conversion);
    }

    /**
     * A column named twice on one sheet is refused at the second: which one counted was not to be told (of two
     * form_id columns the first, of two Dutch labels the last), and nothing said so.
     */
    private void refuseColumnsTwice(SheetTable sheet) {
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < sheet.headers().size(); i++) {
            String header = SheetTable.normalize(sheet.headers().get(i));
            if (header.isEmpty()) {
                continue;
            }
            Integer first = seen.putIfAbsent(header, i);
            if (first != null) {
                conversion.problems().add(new XlsFormProblem(sheet.name(), 1, sheet.describe(i), "xlsform.problem.column_twice",
                        Map.of("column", sheet.headers().get(i).trim(), "first", SheetTable.letter(first))));
            }
        }
    }

    /** A media column (image, audio, video) can't be shown in a conversation: each cell that uses one is refused. */
    private void refuseMediaColumns(SheetTable sheet) {
        for (int i = 0; i < sheet.headers().size(); i++) {
            String normalized = SheetTable.normalize(sheet.headers().get(i));
            String base = normalized.contains("::") ? normalized.substring(0, normalized.indexOf("::")) : normalized;
            if (!MEDIA.contains(base)) {
                continue;
            }
            for (SheetTable.Row row : sheet.rows()) {
                if (!sheet.cell(row, i).isEmpty()) {
                    conversion.problems().add(new XlsFormProblem(sheet.name(), row.number(), sheet.describe(i),
                            "xlsform.problem.media", Map.of("value", sheet.cell(row, i))));
                }
            }
        }
    }
}
