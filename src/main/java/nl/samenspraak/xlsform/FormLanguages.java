package nl.samenspraak.xlsform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The languages a form speaks, by code, Dutch first, and how to find a cell's text in each: XLSForm writes a
 * language in the column's header ({@code label::English (en)}), and the plain {@code label} column speaks the
 * default language ({@code plain}). Every sheet with words (survey, choices, advice, benchmarks, names) reads
 * its texts this one way, so a missing text is pointed at the same column everywhere.
 */
record FormLanguages(List<String> codes, String plain) {
    private static final Pattern LANGUAGE = Pattern.compile("(?:.*\\(\\s*([A-Za-z]{2,3})\\s*\\)|\\s*([A-Za-z]{2,3}))\\s*");

    /**
     * The languages of the survey's and choices' text columns; a language the service doesn't speak, or a form
     * without Dutch, is a problem.
     */
    static FormLanguages read(SheetTable survey, SheetTable choices, String defaultLanguage, Set<String> knownLanguages,
                              Conversion conversion) {
        List<XlsFormProblem> problems = conversion.problems();
        Set<String> codes = new LinkedHashSet<>();
        String plain = defaultLanguage.isEmpty() ? "nl" : code(defaultLanguage).orElse(null);
        if (plain == null) {
            problems.add(new XlsFormProblem("settings", 2, "default_language", "xlsform.problem.default_language",
                    Map.of("value", defaultLanguage)));
            plain = "nl";
        }
        for (SheetTable sheet : choices == null ? List.of(survey) : List.of(survey, choices)) {
            for (int i = 0; i < sheet.headers().size(); i++) {
                String header = sheet.headers().get(i);
                String normalized = SheetTable.normalize(header);
                if (!normalized.contains("::")) {
                    if (normalized.equals("label")) {
                        codes.add(plain);
                    }
                    continue;
                }
                String base = normalized.substring(0, normalized.indexOf("::"));
                if (!Set.of("label", "hint", "constraint_message", "required_message").contains(base)) {
                    continue;
                }
                String language = header.substring(header.indexOf("::") + 2);
                Optional<String> code = code(language);
                if (code.isEmpty()) {
                    problems.add(new XlsFormProblem(sheet.name(), 1, sheet.describe(i), "xlsform.problem.language_code",
                            Map.of("language", language.trim())));
                } else if (!knownLanguages.contains(code.get())) {
                    problems.add(new XlsFormProblem(sheet.name(), 1, sheet.describe(i), "xlsform.problem.language_unknown",
                            Map.of("code", code.get(), "known", String.join(", ", knownLanguages.stream().sorted().toList()))));
                } else if (base.equals("label")) {
                    codes.add(code.get());
                }
            }
        }
        if (codes.isEmpty()) {
            problems.add(new XlsFormProblem(survey.name(), 1, null, "xlsform.problem.no_label_column"));
        } else if (!codes.contains("nl")) {
            problems.add(new XlsFormProblem(survey.name(), 1, null, "xlsform.problem.no_dutch",
                    Map.of("found", String.join(", ", codes))));
        }
        List<String> ordered = new ArrayList<>();
        if (codes.contains("nl")) {
            ordered.add("nl");
        }
        codes.stream().filter(c -> !c.equals("nl")).forEach(ordered::add);
        return new FormLanguages(ordered, plain);
    }

    /** The code of a language as a header writes it: {@code Nederlands (nl)} or {@code nl}, in lower case. */
    static Optional<String> code(String language) {
        Matcher m = LANGUAGE.matcher(language);
        if (!m.matches()) {
            return Optional.empty();
        }
        String code = m.group(1) != null ? m.group(1) : m.group(2);
        return Optional.of(code.toLowerCase(Locale.ROOT));
    }

    /** The text of {@code base} in each language, from {@code base::Lang (code)} columns and the plain column. */
    Map<String, String> texts(SheetTable sheet, SheetTable.Row row, String base) {
        Map<String, String> texts = new LinkedHashMap<>();
        String plainText = sheet.cell(row, base);
        if (!plainText.isEmpty()) {
            texts.put(plain, plainText);
        }
        for (Map.Entry<Integer, String> e : sheet.columnsWithPrefix(base).entrySet()) {
            String value = sheet.cell(row, e.getKey());
            code(e.getValue()).ifPresent(c -> {
                if (!value.isEmpty()) {
                    texts.put(c, value);
                }
            });
        }
        return texts;
    }

    /**
     * A text every language needs: a missing one is a problem pointing at its column, said by {@code missing} (a
     * message key with {@code $name} and {@code $language}) about {@code name}.
     */
    Map<String, String> requiredTexts(SheetTable sheet, SheetTable.Row row, String base, String missing, String name,
                                      Conversion conversion) {
        Map<String, String> texts = texts(sheet, row, base);
        for (String code : codes) {
            if (!texts.containsKey(code)) {
                conversion.problems().add(new XlsFormProblem(sheet.name(), row.number(), columnFor(sheet, base, code),
                        missing, Map.of("name", name, "language", code)));
            }
        }
        return texts;
    }

    /** The column of {@code base} in the language {@code code}, described; one that the sheet lacks as it would be. */
    String columnFor(SheetTable sheet, String base, String code) {
        for (Map.Entry<Integer, String> e : sheet.columnsWithPrefix(base).entrySet()) {
            if (code(e.getValue()).filter(code::equals).isPresent()) {
                return sheet.describe(e.getKey());
            }
        }
        if (code.equals(plain) && sheet.column(base).isPresent()) {
            return sheet.describe(base);
        }
        return base + "::… (" + code + ")";
    }

    /** {@code row} of {@code sheet}, at the column of {@code base} (label, hint, text, ...) in the language {@code code}. */
    Origins.Origin inLanguage(SheetTable sheet, SheetTable.Row row, String base, String code) {
        return Origins.Origin.of(sheet, row, columnFor(sheet, base, code));
    }
}
