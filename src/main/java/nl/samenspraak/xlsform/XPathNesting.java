package nl.samenspraak.xlsform;

/**
 * Whether an XLSForm expression (a {@code relevant}, {@code calculation} or {@code constraint} cell of an uploaded
 * spreadsheet) is nested deeper than any form needs, judged on how it is written, before JavaRosa parses it. JavaRosa's
 * parser descends once per bracket inside another, and the tree it builds (written out as a condition, or read for a
 * constraint's bounds) once per operator in a row; a deep enough expression overflows the stack. Where that happened
 * depended on the thread's stack and the JIT: 500 brackets were refused on a thread of 256 kB and taken on a larger
 * one. Counting gives the same answer on every machine and thread.
 * <p>
 * Both bounds at once are within what a thread of 256 kB can parse and write out, so no overflow is left to catch.
 * Counted outside quoted text and {@code ${name}}s. An expression the flow can use has fewer anyway: every operator
 * becomes a bracket in the condition it is written as, and a condition has at most 100 inside each other.
 */
final class XPathNesting {
    /** Brackets ((, a function's or [) inside each other. */
    static final int MOST_BRACKETS = 100;
    /** Operators: and, or, div, mod, = != < <= > >= + - * |. */
    static final int MOST_OPERATORS = 200;

    private static final String[] WORDS = {"and", "or", "div", "mod"};

    private XPathNesting() {
    }

    static boolean tooDeep(String expression) {
        int brackets = 0;
        int operators = 0;
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote; // XPath has no escapes inside quotes
                continue;
            }
            if (c == '$' && i + 1 < expression.length() && expression.charAt(i + 1) == '{') {
                int end = expression.indexOf('}', i);
                i = end < 0 ? expression.length() : end;
                continue;
            }
            switch (c) {
                case '\'', '"' -> quote = c;
                case '(', '[' -> {
                    if (++brackets > MOST_BRACKETS) {
                        return true;
                    }
                }
                case ')', ']' -> brackets = Math.max(0, brackets - 1);
                default -> operators += operatorAt(expression, i) ? 1 : 0;
            }
            if (operators > MOST_OPERATORS) {
                return true;
            }
        }
        return false;
    }

    /** Each of + - * | (a run of minus signs nests), a run of = < > ! once, or a word XPath reads as an operator. */
    private static boolean operatorAt(String expression, int i) {
        char c = expression.charAt(i);
        char before = i > 0 ? expression.charAt(i - 1) : ' ';
        if ("+-*|".indexOf(c) >= 0) {
            return true;
        }
        if ("=<>!".indexOf(c) >= 0) {
            return "=<>!".indexOf(before) < 0;
        }
        if (!Character.isLetter(c) || inName(before)) {
            return false;
        }
        for (String word : WORDS) {
            int end = i + word.length();
            if (expression.startsWith(word, i) && (end == expression.length() || !inName(expression.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean inName(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
    }
}
