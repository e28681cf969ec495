package nl.samenspraak.i18n;

/**
 * Whether a text is nested deeper than any text needs, judged on how it is written, before Velocity parses it.
 * Velocity's parser descends once per bracket, {@code #if} or {@code !} inside another, and its tree (and so preparing
 * and rendering it) once per operator in a row; a deep enough text overflows the stack. Where that happened depended on
 * the thread's stack and on the JIT: 200 brackets were refused on a thread of 256 kB and taken on a larger one, the
 * same text on the same service. Counting gives the same answer on every machine and thread.
 * <p>
 * The bundled locales and flows have at most three {@code #if}s and two brackets inside each other and three operators
 * in a text; the bounds are far above that, each alone within what a thread of 256 kB can parse and render, and all
 * three at once within what one of 512 kB can (the service's threads have 1 MB), so no overflow is left to catch.
 */
final class TextNesting {
    /** Brackets ((, [ or {) inside each other, anywhere in the text (prose or directive, quoted or not). */
    static final int MOST_BRACKETS = 100;
    /** Blocks ({@code #if}, and the directives a text may not use but Velocity parses first) inside each other. */
    static final int MOST_BLOCKS = 100;
    /** Operators inside brackets: {@code ! && || == != < > + - * / %} and the words Velocity reads as one. */
    static final int MOST_OPERATORS = 200;

    private static final String[] BLOCKS = {"if", "foreach", "macro", "define", "@"};
    private static final String[] WORDS = {"and", "or", "not", "eq", "ne", "lt", "le", "gt", "ge"};

    private TextNesting() {
    }

    static boolean tooDeep(String text) {
        int brackets = 0;
        int blocks = 0;
        int operators = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '(', '[', '{' -> {
                    if (++brackets > MOST_BRACKETS) {
                        return true;
                    }
                }
                case ')', ']', '}' -> brackets = Math.max(0, brackets - 1);
                case '#' -> {
                    int name = i + 1 < text.length() && text.charAt(i + 1) == '{' ? i + 2 : i + 1;
                    if (text.startsWith("end", name)) {
                        blocks = Math.max(0, blocks - 1);
                    } else if (opensBlock(text, name) && ++blocks > MOST_BLOCKS) {
                        return true;
                    }
                }
                default -> {
                    if (brackets > 0 && operatorAt(text, i)) {
                        operators++;
                    }
                }
            }
            if (operators > MOST_OPERATORS) {
                return true;
            }
        }
        return false;
    }

    private static boolean opensBlock(String text, int at) {
        for (String block : BLOCKS) {
            if (text.startsWith(block, at)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an operator starts at {@code i}: each of {@code ! + - * / %} (a run of them nests, {@code !!!x}), a run
     * of {@code & | = < >} once ({@code &&}, {@code <=}; {@code !=} is its '!' and its '='), or a word Velocity reads
     * as one; the '!' of a quiet reference ({@code $!x}) is none.
     */
    private static boolean operatorAt(String text, int i) {
        char c = text.charAt(i);
        char before = i > 0 ? text.charAt(i - 1) : ' ';
        if ("+-*/%".indexOf(c) >= 0 || c == '!' && before != '$') {
            return true;
        }
        if ("&|=<>".indexOf(c) >= 0) {
            return "&|=<>!".indexOf(before) < 0;
        }
        if (!Character.isLetter(c) || Character.isLetterOrDigit(before) || before == '_' || before == '.') {
            return false;
        }
        for (String word : WORDS) {
            int end = i + word.length();
            if (text.startsWith(word, i) && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }
}
