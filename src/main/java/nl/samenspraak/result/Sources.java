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
    /**
     * How the spreadsheet converter begins a source when the form's author gave none ("XLSForm buurt.xlsx, advice row
     * 3"): a row for auditors, never shown to a reader.
     */
    public static final String SPREADSHEET_ROW = "XLSForm ";

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
        if (source == null) {
            return "";
        }
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
            // recommendation numbers go with the part whose lines they cite: beside a part of recommendations alone
            // ("hoofdstuk 10, aanbevelingen (2, 3)"), named as recommendations beside any other ("hoofdstuk 9, nieuwe
            // migranten (aanbevelingen 2, 3, 5)"); numbers without lines at the end
            List<String> keys = List.copyOf(cited.sections());
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                shown.add(parts.get(i) + numbers(cited.recommendations().get(keys.get(i)), !keys.get(i).equals("aanbevelingen"), language));
            }
            String tail = numbers(cited.recommendations().get(""), false, language);
            reports.add(parts.isEmpty() ? title + tail
                    : title + ": " + String.join(translations.message(language, "sources.separator"), shown) + tail);
        }
        if (reports.isEmpty() && !source.isBlank() && !source.startsWith(SPREADSHEET_ROW)) {
            // an uploaded form's own source ("GGD-richtlijn opvoedondersteuning 2024") names no report of the research:
            // shown as its author wrote it, where a tip of such a form said "Bron:" and nothing after it
            reports.add(TextRenderer.escape(source.strip()));
        }
        String text = String.join(" · ", reports);
        boolean rtl = translations.language(language).map(l -> "rtl".equals(l.direction())).orElse(false);
        return rtl ? isolateLatin(text) : text;
    }

    /** " (2, 3)", or " (aanbevelingen 2, 3)" when {@code named}, in {@code language}; "" for no numbers. */
    private String numbers(java.util.Set<String> numbers, boolean named, String language) {
        if (numbers == null || numbers.isEmpty()) {
            return "";
        }
        String list = translations.list(language, List.copyOf(numbers));
        return " (" + (named ? TextRenderer.escape(translations.message(language, "sources.recommendations")) + " " : "") + list + ")";
    }

    /**
     * {@link #readable} for a page: each isolated run (FSI, LRI or RLI ... PDI: a Dutch title or "FORUM" inside
     * Arabic, in any right-to-left language) also a {@code <bdi class="name">}, which the page keeps whole on one line
     * where it fits, together with the quotation marks or brackets around it. An isolate alone keeps a title's own
     * direction, but the line could still break inside it: in an Arabic line "«Samen" ended one line and "om het kind –
     * Een sterke basis»" began the next, the closing mark beside "om". Marks around the name go inside its
     * {@code <bdi>} and take its direction, so a title too long for a line still opens and closes beside its first and
     * last word. The isolating characters stay, for a reader (the PDF's) that does not know {@code <bdi>}; text without
     * isolates comes back as it is. The names are the Dutch reports' own (titles, FORUM, NJi): marked Dutch, so a
     * screen reader does not read "Wijkteams diversiteitsproof" with an Arabic voice.
     */
    public static String forPage(String readable) {
        StringBuilder out = new StringBuilder(readable.length() + 64);
        int copied = 0;
        for (int start = 0; start < readable.length(); start++) {
            if (!isIsolateStart(readable.charAt(start))) {
                continue;
            }
            int end = isolateEnd(readable, start);
            int from = start;
            int to = end;
            int before = markBefore(readable, start);
            int after = markAfter(readable, end);
            if (before < start && after > end && opens(readable.substring(before, start)) && closes(readable.substring(end, after))) {
                from = before;
                to = after;
            }
            out.append(readable, copied, from).append("<bdi class=\"name\" lang=\"nl\">").append(readable, from, to).append("</bdi>");
            copied = to;
            start = to - 1;
        }
        return copied == 0 ? readable : out.append(readable, copied, readable.length()).toString();
    }

    private static boolean isIsolateStart(char c) {
        return c == '\u2066' || c == '\u2067' || c == '\u2068';
    }

    /** Just past the PDI that closes the isolate opened at {@code start} (or the text's end, when none does). */
    private static int isolateEnd(String text, int start) {
        int depth = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isIsolateStart(c)) {
                depth++;
            } else if (c == '\u2069' && --depth == 0) {
                return i + 1;
            }
        }
        return text.length();
    }

    /** Where the mark (one character or entity) touching {@code at} from before starts; {@code at} when there is none. */
    private static int markBefore(String html, int at) {
        if (at == 0 || Character.isWhitespace(html.charAt(at - 1)) || html.charAt(at - 1) == '>') {
            return at;
        }
        if (html.charAt(at - 1) == ';') {
            int amp = html.lastIndexOf('&', at - 1);
            if (amp >= 0 && ENTITY.matcher(html.substring(amp, at)).matches()) {
                return amp;
            }
        }
        return html.offsetByCodePoints(at, -1);
    }

    /** Where the mark (one character or entity) that starts at {@code at} ends; {@code at} when there is none. */
    private static int markAfter(String html, int at) {
        if (at >= html.length() || Character.isWhitespace(html.charAt(at)) || html.charAt(at) == '<') {
            return at;
        }
        if (html.charAt(at) == '&') {
            int semicolon = html.indexOf(';', at);
            if (semicolon > 0 && ENTITY.matcher(html.substring(at, semicolon + 1)).matches()) {
                return semicolon + 1;
            }
        }
        return html.offsetByCodePoints(at, 1);
    }

    private static final java.util.regex.Pattern ENTITY = java.util.regex.Pattern.compile("&(#?\\w{1,8});");

    /** An opening quotation mark or bracket: «, „, “, ", ( (any quotation mark opens in some language). */
    private static boolean opens(String mark) {
        return quotationMark(mark) || type(mark) == Character.START_PUNCTUATION;
    }

    /** A closing quotation mark or bracket: », ”, ", ). */
    private static boolean closes(String mark) {
        return quotationMark(mark) || type(mark) == Character.END_PUNCTUATION;
    }

    private static boolean quotationMark(String mark) {
        int type = type(mark);
        return type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || mark.equals("&quot;") || mark.equals("&#39;") || mark.equals("\"") || mark.equals("'");
    }

    private static int type(String mark) {
        return mark.startsWith("&") ? Character.OTHER_PUNCTUATION : Character.getType(mark.codePointAt(0));
    }

    private static final java.util.regex.Pattern LATIN_RUN = java.util.regex.Pattern.compile(
            "(?<![&\\p{IsLatin}])(?:[\\p{IsLatin}][\\p{IsLatin}\\d !?:.,'\u2019\u2013-]*[\\p{IsLatin}\\d!?]|[\\p{IsLatin}])");

    /** {@code text} with each run of Latin script wrapped in FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE. */
    public static String isolateLatin(String text) {
        return LATIN_RUN.matcher(text).replaceAll(m -> "\u2068" + java.util.regex.Matcher.quoteReplacement(m.group()) + "\u2069");
    }

}
