package nl.samenspraak.xlsform;

import nl.samenspraak.xlsform.XPathConditions.Untranslatable;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The mistakes authors make most in a formula (relevant, calculation, constraint, an advice rule's when), found in the
 * formula as they wrote it. JavaRosa said only "Couldn't understand the expression starting at this point:
 * /data/hulp =͎'ja": English on a Dutch page, the form's inner path and a combining character marking the place, and
 * not what to change. None of these is ever right in an XLSForm, so each is said before JavaRosa reads the formula.
 * Quoted text and {@code ${name}}s are skipped: a curly quote or an "AND" inside 'text' is the author's text.
 */
final class FormulaMistakes {
    /** Quotes a word processor or Excel's AutoCorrect types for ' and ". */
    private static final String CURLY_QUOTES = "‘’‚‛“”„‟";
    private static final Set<String> LOGIC_WORDS = Set.of("and", "or", "not");

    private FormulaMistakes() {
    }

    /** The first likely mistake in {@code expression}, worded for its author; empty when none is seen. */
    static Optional<Untranslatable> find(String expression) {
        char quote = 0;
        int depth = 0;
        boolean closedTooSoon = false;
        Untranslatable word = null;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else if (CURLY_QUOTES.indexOf(c) >= 0) {
                return Optional.of(mistake("xlsform.problem.formula_curly_quote", expression, Map.of("quote", String.valueOf(c))));
            } else if (expression.startsWith("${", i)) {
                int end = expression.indexOf('}', i);
                i = end < 0 ? expression.length() : end;
            } else if (c == '$' && word == null) {
                String name = nameAt(expression, i + 1);
                if (!name.isEmpty()) {
                    word = mistake("xlsform.problem.formula_dollar", expression,
                            Map.of("written", "$" + name, "reference", "${" + name + "}"));
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                closedTooSoon |= --depth < 0;
            } else if (Character.isLetter(c) && (i == 0 || !inName(expression.charAt(i - 1)))) {
                String name = nameAt(expression, i);
                String lower = name.toLowerCase(Locale.ROOT);
                if (word == null && LOGIC_WORDS.contains(lower) && !name.equals(lower)) {
                    word = mistake("xlsform.problem.formula_capitals", expression,
                            Map.of("word", name, "lower", lower.equals("not") ? "not(...)" : lower));
                }
                i += name.length() - 1;
            }
        }
        if (quote != 0) {
            return Optional.of(mistake("xlsform.problem.formula_unclosed_quote", expression, Map.of("quote", String.valueOf(quote))));
        }
        if (word != null) {
            return Optional.of(word);
        }
        if (closedTooSoon || depth != 0) {
            return Optional.of(mistake("xlsform.problem.formula_brackets", expression, Map.of()));
        }
        return Optional.empty();
    }

    private static Untranslatable mistake(String key, String expression, Map<String, Object> args) {
        Map<String, Object> all = new java.util.HashMap<>(args);
        all.put("expression", expression);
        return new Untranslatable(key, all);
    }

    /** The name (letters, digits, '_', '-', '.') that starts at {@code from}; empty when none does. */
    private static String nameAt(String text, int from) {
        int end = from;
        while (end < text.length() && inName(text.charAt(end))) {
            end++;
        }
        return text.substring(from, end);
    }

    private static boolean inName(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }
}
