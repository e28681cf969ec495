package nl.samenspraak.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a message as Telegram's HTML parse mode does, and refuses what Telegram refuses: a tag it does not
 * know, tags that do not nest, a bare {@code <}, {@code >} or {@code &}, a named entity other than the four.
 * Gives the text the person reads, and reads it without the marks that set its direction.
 */
final class TelegramHtmlCheck {
    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
            "code", "pre", "a", "tg-spoiler", "blockquote", "span", "tg-emoji");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-z][a-z0-9-]*)(\\s[^<>]*)?>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|lt|gt|amp|quot);");

    private TelegramHtmlCheck() {
    }

    static final class Refused extends RuntimeException {
        Refused(String message) {
            super("Bad Request: can't parse entities: " + message);
        }
    }

    /** Text without the direction marks and isolates added for right-to-left languages, to compare as written. */
    static String withoutDirectionMarks(String text) {
        return text.replace(String.valueOf(TelegramHtml.RLM), "").replace(String.valueOf(TelegramHtml.LRI), "")
                .replace(String.valueOf(TelegramHtml.PDI), "");
    }

    static String visibleText(String html) {
        StringBuilder out = new StringBuilder();
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                Matcher m = TAG.matcher(html).region(i, html.length());
                if (!m.lookingAt() || !TAGS.contains(m.group(2))) {
                    throw new Refused("unsupported start tag at byte offset " + i + " in: " + html);
                }
                if (m.group(1).isEmpty()) {
                    open.push(m.group(2));
                } else if (open.isEmpty() || !open.pop().equals(m.group(2))) {
                    throw new Refused("unmatched end tag " + m.group(2) + " in: " + html);
                }
                i = m.end();
            } else if (c == '&') {
                Matcher m = ENTITY.matcher(html).region(i, html.length());
                if (!m.lookingAt()) {
                    throw new Refused("bare & at " + i + " in: " + html);
                }
                String e = m.group(1);
                out.append(switch (e) {
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "amp" -> "&";
                    case "quot" -> "\"";
                    default -> new String(Character.toChars(e.startsWith("#x")
                            ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1))));
                });
                i = m.end();
            } else if (c == '>') {
                throw new Refused("bare > at " + i + " in: " + html);
            } else {
                out.append(c);
                i++;
            }
        }
        if (!open.isEmpty()) {
            throw new Refused("unclosed " + open.peek() + " in: " + html);
        }
        return out.toString();
    }
}
