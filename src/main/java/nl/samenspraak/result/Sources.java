package nl.samenspraak.result;

import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.i18n.Translations;

import java.util.ArrayList;
import java.util.List;

/**
 * A flow's research sources as a reader sees them (tips, benchmark figures): reports and their parts in the
 * reader's language, from the bibliography under {@code sources:} in {@code locales/<lang>/messages.yaml}.
 */
public final class Sources {
    private final Translations translations;

    public Sources(Translations translations) {
        this.translations = translations;
    }

    /**
     * Where a tip comes from, for a reader: each report by its title in the reader's language (a Dutch title kept
     * as a name), with the parts cited ("Bijlage 3, ..."); laws by name. File names and line numbers stay in the
     * flow file for auditors. In right-to-left text every Latin fragment is isolated (FSI ... PDI), so a Dutch
     * title or "FORUM" keeps its own direction inside Arabic.
     */
    public String readable(String source, String language) {
        List<String> reports = new ArrayList<>();
        for (Citations.Cited cited : Citations.of(source)) {
            if (cited.legal()) {
                reports.add(TextRenderer.escape(translations.message(language, "sources.legal." + cited.report())));
                continue;
            }
            String title = TextRenderer.escape(translations.message(language, "sources.reports." + cited.report()));
            List<String> parts = cited.sections().stream()
                    .map(p -> TextRenderer.escape(translations.message(language, "sources.sections." + cited.report() + "." + p)))
                    .toList();
            // recommendation numbers go with the part that holds the recommendations, else at the end
            String numbers = cited.recommendations().isEmpty() ? "" : " (" + String.join(", ", cited.recommendations()) + ")";
            List<String> keys = List.copyOf(cited.sections());
            int withNumbers = keys.indexOf("aanbevelingen");
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                shown.add(parts.get(i) + (i == withNumbers ? numbers : ""));
            }
            String tail = withNumbers < 0 ? numbers : "";
            reports.add(parts.isEmpty() ? title + numbers : title + ": " + String.join("; ", shown) + tail);
        }
        String text = String.join(" · ", reports);
        boolean rtl = translations.language(language).map(l -> "rtl".equals(l.direction())).orElse(false);
        return rtl ? isolateLatin(text) : text;
    }

    private static final java.util.regex.Pattern LATIN_RUN = java.util.regex.Pattern.compile(
            "(?<![&\\p{IsLatin}])(?:[\\p{IsLatin}][\\p{IsLatin}\\d !?:.,'\u2019\u2013-]*[\\p{IsLatin}\\d!?]|[\\p{IsLatin}])");

    /** {@code text} with each run of Latin script wrapped in FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE. */
    public static String isolateLatin(String text) {
        return LATIN_RUN.matcher(text).replaceAll(m -> "\u2068" + java.util.regex.Matcher.quoteReplacement(m.group()) + "\u2069");
    }

}
