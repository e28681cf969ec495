package nl.samenspraak.telegram;

import nl.samenspraak.i18n.TextRenderer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of a conversation are HTML-safe HTML (what a person typed is escaped); Telegram's HTML parse
 * mode takes only a few tags and entities, and buttons and notices take plain text. These helpers make
 * one from the other, mark right-to-left lines, and cut long messages below Telegram's limit.
 */
final class TelegramHtml {
    /** Telegram refuses a message longer than this (counted after parsing; the markup only adds to it here). */
    static final int MESSAGE_LIMIT = 4096;
    /** RIGHT-TO-LEFT MARK: a line that starts with it reads right to left even when it begins with a digit or Latin. */
    static final char RLM = '\u200F';
    /** LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL ISOLATE: a command, code or Latin phrase inside right-to-left text. */
    static final char LRI = '\u2066';
    static final char PDI = '\u2069';
    /**
     * A run of left-to-right text: a command, or Latin words and digits with what joins them (a code, a source, a
     * team's name with "&amp;" or "+" in it: "CJG & Wijkteam Oost" was two isolates with the "&" between them in the
     * Arabic order, which read "Wijkteam Oost & CJG": the Telegram probe of December 2026).
     */
    private static final Pattern LEFT_TO_RIGHT = Pattern.compile(
            "/?[\\p{IsLatin}\\d][\\p{IsLatin}\\d_@.:'\u2019/-]*(?:(?:[ ,]+|[ ]*(?:&amp;|\\+)[ ]*)[\\p{IsLatin}\\d][\\p{IsLatin}\\d_@.:'\u2019/-]*)*");
    private static final Pattern HAS_LATIN = Pattern.compile("[\\p{IsLatin}]");

    private static final Set<String> KEPT_TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "code", "pre");
    private static final Set<String> LINE_TAGS = Set.of("br", "p", "div", "li", "h1", "h2", "h3", "h4", "dt", "dd", "tr");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)\\b[^<>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");

    private TelegramHtml() {
    }

    static String escape(String plain) {
        return TextRenderer.escape(plain);
    }

    /**
     * Web HTML as Telegram takes it: bold, italic and code stay; line-like tags become line breaks; other
     * tags go; every other {@code <}, {@code >} and {@code &} is escaped; entities Telegram lacks are spelt out.
     */
    static String forTelegram(String html) {
        StringBuilder out = new StringBuilder(html.length());
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                Matcher tag = TAG.matcher(html).region(i, html.length());
                if (tag.lookingAt()) {
                    String name = tag.group(2).toLowerCase(Locale.ROOT);
                    if (KEPT_TAGS.contains(name)) {
                        out.append('<').append(tag.group(1)).append(name).append('>');
                    } else if (LINE_TAGS.contains(name) && (tag.group(1).isEmpty() || !name.equals("br"))) {
                        out.append('\n');
                    }
                    i = tag.end();
                    continue;
                }
                out.append("&lt;");
            } else if (c == '>') {
                out.append("&gt;");
            } else if (c == '&') {
                Matcher entity = ENTITY.matcher(html).region(i, html.length());
                if (entity.lookingAt()) {
                    String e = entity.group();
                    out.append(telegramEntity(e));
                    i = entity.end();
                    continue;
                }
                out.append("&amp;");
            } else {
                out.append(c);
            }
            i++;
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    /** The text a person reads, without markup: for buttons and notices. */
    static String toPlain(String html) {
        String text = TAG.matcher(html).replaceAll("");
        Matcher entity = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            entity.appendReplacement(out, Matcher.quoteReplacement(decode(entity.group())));
        }
        entity.appendTail(out);
        return out.toString().strip();
    }

    /**
     * Wraps every command, code and Latin phrase in right-to-left text in a left-to-right isolate, so
     * "/hervat 6HDT-EMHF" keeps its slash in front and a Latin source reads in its own order. Tags and
     * entities are left alone; a run's closing full stop or comma stays outside.
     */
    static String isolateLeftToRight(String html) {
        StringBuilder out = new StringBuilder(html.length() + 32);
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<' || c == '&') {
                int end = html.indexOf(c == '<' ? '>' : ';', i);
                if (end < 0) {
                    out.append(html, i, html.length());
                    break;
                }
                out.append(html, i, end + 1);
                i = end + 1;
                continue;
            }
            Matcher run = LEFT_TO_RIGHT.matcher(html).region(i, html.length());
            boolean startsWord = i == 0 || !Character.isLetterOrDigit(html.charAt(i - 1));
            if (startsWord && run.lookingAt() && (run.group().startsWith("/") || HAS_LATIN.matcher(run.group()).find())) {
                String text = run.group();
                int keep = text.length();
                while (keep > 1 && ".,:".indexOf(text.charAt(keep - 1)) >= 0) {
                    keep--;
                }
                out.append(LRI).append(text, 0, keep).append(PDI).append(text, keep, text.length());
                i = run.end();
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** Starts every line with a right-to-left mark, so Telegram lays it out right to left. */
    static String rightToLeft(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (lineStart && c != '\n' && c != RLM) {
                out.append(RLM);
            }
            out.append(c);
            lineStart = c == '\n';
        }
        return out.toString();
    }

    /**
     * Cuts a message into parts of at most {@code limit} characters: between paragraphs where it can, else
     * between lines, else (a single huge line, its formatting dropped) between words. Never inside a tag,
     * an entity or a character.
     */
    static List<String> split(String html, int limit) {
        List<String> parts = new ArrayList<>();
        pack(html, limit, 0, parts);
        return parts;
    }

    private static final String[] SEPARATORS = {"\n\n", "\n"};

    private static void pack(String html, int limit, int level, List<String> parts) {
        if (html.length() <= limit) {
            parts.add(html);
            return;
        }
        if (level == SEPARATORS.length) {
            words(toPlain(html), limit, parts);
            return;
        }
        String separator = SEPARATORS[level];
        StringBuilder current = new StringBuilder();
        for (String piece : html.split(Pattern.quote(separator), -1)) {
            List<String> units = new ArrayList<>();
            pack(piece, limit, level + 1, units);
            for (String unit : units) {
                if (current.length() > 0 && current.length() + separator.length() + unit.length() > limit) {
                    parts.add(current.toString());
                    current.setLength(0);
                }
                if (current.length() > 0) {
                    current.append(separator);
                }
                current.append(unit);
            }
        }
        if (current.length() > 0) {
            parts.add(current.toString());
        }
    }

    private static void words(String plain, int limit, List<String> parts) {
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < plain.length()) {
            int cp = plain.codePointAt(i);
            String escaped = escape(new String(Character.toChars(cp)));
            if (current.length() + escaped.length() > limit) {
                int cut = Math.max(current.lastIndexOf(" "), current.lastIndexOf("\n"));
                String rest = "";
                if (cut > 0) {
                    rest = current.substring(cut + 1);
                    current.setLength(cut);
                }
                parts.add(current.toString());
                current.setLength(0);
                current.append(rest);
            }
            current.append(escaped);
            i += Character.charCount(cp);
        }
        if (current.length() > 0) {
            parts.add(current.toString());
        }
    }

    private static String telegramEntity(String entity) {
        return switch (entity) {
            case "&lt;", "&gt;", "&amp;", "&quot;" -> entity;
            default -> entity.startsWith("&#") ? entity : escape(decode(entity));
        };
    }

    private static String decode(String entity) {
        return switch (entity) {
            case "&lt;" -> "<";
            case "&gt;" -> ">";
            case "&amp;" -> "&";
            case "&quot;" -> "\"";
            case "&apos;" -> "'";
            case "&nbsp;" -> "\u00A0";
            default -> {
                if (entity.startsWith("&#")) {
                    String digits = entity.substring(2, entity.length() - 1);
                    try {
                        int cp = digits.startsWith("x") || digits.startsWith("X")
                                ? Integer.parseInt(digits.substring(1), 16) : Integer.parseInt(digits);
                        yield Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : entity;
                    } catch (NumberFormatException e) {
                        yield entity;
                    }
                }
                yield entity;
            }
        };
    }
}
