package nl.samenspraak.flow.load;

import nl.samenspraak.flow.Bands;
import nl.samenspraak.flow.Condition;
import org.apache.commons.jexl3.JexlArithmetic;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlInfo;
import org.apache.commons.jexl3.JexlScript;
import org.apache.commons.jexl3.MapContext;
import org.apache.commons.jexl3.internal.Debugger;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import org.apache.commons.jexl3.parser.ASTAndNode;
import org.apache.commons.jexl3.parser.ASTJexlScript;
import org.apache.commons.jexl3.parser.ASTNENode;
import org.apache.commons.jexl3.parser.ASTNotNode;
import org.apache.commons.jexl3.parser.ASTOrNode;
import org.apache.commons.jexl3.parser.ASTReferenceExpression;
import org.apache.commons.jexl3.parser.JexlNode;
import org.apache.commons.jexl3.parser.Parser;
import org.apache.commons.jexl3.parser.StringProvider;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles flow conditions with Apache Commons JEXL, locked down to side-effect free expressions: no
 * assignments, loops, lambdas, method calls, object creation or pragmas, and no access to Java classes.
 * A condition may read {@code answers.<step id>}, {@code scores.<dimension>} and {@code band.<dimension>} (the
 * score's band in the flow's {@link Bands}: 'none', 'low', 'middle' or 'high'); nothing else exists.
 */
public final class JexlConditions {
    public static final String ANSWERS = "answers";
    public static final String SCORES = "scores";
    public static final String BAND = "band";
    /** {@code conversation.assisted}: whether a professional is in the conversation when it is read. */
    public static final String CONVERSATION = "conversation";
    private static final String ASSISTED_FACT = "assisted";

    private static final JexlFeatures FEATURES = new JexlFeatures()
            .script(false)
            .loops(false)
            .sideEffect(false)
            .sideEffectGlobal(false)
            .lambda(false)
            .thinArrow(false)
            .fatArrow(false)
            .methodCall(false)
            .newInstance(false)
            .pragma(false)
            .importPragma(false)
            .namespacePragma(false)
            .annotation(false)
            .localVar(false)
            .register(false);

    private static final JexlEngine ENGINE = new JexlBuilder()
            .arithmetic(new LenientComparisons())
            .permissions(JexlPermissions.RESTRICTED)
            .features(FEATURES)
            .strict(false)
            .safe(true)
            .silent(false)
            .cache(512)
            .create();

    private JexlConditions() {
    }

    /**
     * What compiling a condition gave: the condition, or why it can't be used, each reason a message key
     * ({@code flowparse.condition_*}) with its values.
     */
    public record Compiled(Condition condition, List<Reason> problems) {
        public Compiled {
            problems = List.copyOf(problems);
        }

        /** Why the condition can't be used, in English (a log, a terminal). */
        public List<String> errors() {
            return problems.stream().map(Reason::english).toList();
        }
    }

    /**
     * The most brackets ((, [ or {) inside each other, "and"s, "or"s and "not"s, and other operators (comparisons,
     * arithmetic, ?:) a condition may have.
     */
    static final int MOST_BRACKETS = 100;
    static final int MOST_OPERATORS = 200;
    static final int MOST_OTHER_OPERATORS = 400;

    /**
     * Whether a condition is nested deeper than any question needs: JEXL's parser, its list of the names read and its
     * interpreter each descend once per bracket or operator inside another, so a deep enough condition overflows the
     * stack. Where that happened depended on the thread and on what the JIT had compiled: a spreadsheet's 540 "and"s
     * were refused on one run and accepted on the next, and one accepted could overflow while a turn was evaluated; a
     * thousand "+ 1"s overflowed while the names read were listed, outside any catch, on a thread of 256 kB. A bound
     * that does not depend on the stack gives the same answer every time (see the catch below). Counted outside quoted
     * text.
     */
    static boolean tooDeep(String text) {
        int depth = 0;
        int operators = 0;
        int others = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
            switch (c) {
                case '\'', '"' -> quote = c;
                case '(', '[', '{' -> {
                    if (++depth > MOST_BRACKETS) {
                        return true;
                    }
                }
                case ')', ']', '}' -> depth--;
                case '!' -> {
                    if ("=~^$".indexOf(next) >= 0) {
                        others++;
                        i++;
                    } else {
                        operators++;
                    }
                }
                case '&', '|' -> {
                    if (next == c) {
                        operators++;
                        i++;
                    } else {
                        others++;
                    }
                }
                case '=', '<', '>' -> {
                    others++;
                    i += "=~^$".indexOf(next) >= 0 ? 1 : 0;
                }
                case '+', '-', '*', '/', '%', '?', '~', '^' -> others++;
                default -> {
                    operators += wordOperatorAt(text, i) ? 1 : 0;
                    others += otherWordAt(text, i) ? 1 : 0;
                }
            }
            if (operators > MOST_OPERATORS || others > MOST_OTHER_OPERATORS) {
                return true;
            }
        }
        return false;
    }

    /** Whether "and", "or" or "not" stands as a word at {@code i}. */
    private static boolean wordOperatorAt(String text, int i) {
        return wordAt(text, i, "and", "or", "not");
    }

    /** Whether a comparison or arithmetic JEXL writes as a word stands at {@code i}. */
    private static boolean otherWordAt(String text, int i) {
        return wordAt(text, i, "eq", "ne", "lt", "le", "gt", "ge", "div", "mod");
    }

    private static boolean wordAt(String text, int i, String... words) {
        if (i > 0 && inName(text.charAt(i - 1)) || !Character.isLetter(text.charAt(i))) {
            return false;
        }
        for (String word : words) {
            int end = i + word.length();
            if (text.startsWith(word, i) && (end == text.length() || !inName(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean inName(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    /** One reason a condition can't be used: a message key with its values. */
    public record Reason(String key, Map<String, Object> args) {
        public Reason {
            args = Map.copyOf(args);
        }

        public String english() {
            return BundledMessages.words().render(Problem.LANGUAGE, key, args);
        }
    }

    /**
     * Compiles {@code text}, checking that it reads only steps in {@code stepIds} and dimensions in
     * {@code dimensions}.
     */
    public static Compiled compile(String text, String file, int line, Set<String> stepIds, Set<String> dimensions) {
        return compile(text, file, line, stepIds, dimensions, null);
    }

    /** As above; {@code bands} (null when the flow defines none) gives {@code band.<dimension>} its meaning. */
    public static Compiled compile(String text, String file, int line, Set<String> stepIds, Set<String> dimensions,
                                   Bands bands) {
        if (tooDeep(text)) {
            return new Compiled(null, List.of(new Reason("flowparse.condition_too_deep", Map.of())));
        }
        JexlScript script;
        try {
            script = ENGINE.createScript(FEATURES, new JexlInfo(file, line, 1), text);
        } catch (JexlException e) {
            return new Compiled(null, List.of(new Reason("flowparse.condition_syntax",
                    Map.of("condition", text, "error", shortMessage(e)))));
        } catch (StackOverflowError e) {
            // kept although the bounds above decide: a condition at all of them at once (100 brackets, 200 "!"s and
            // 200 "-"s inside them) still overflows JEXL's parser on a thread of 512 kB, and 100 brackets alone on
            // one of 256 kB (the service's threads have 1 MB); there it is refused as too deep, not the load with it
            return new Compiled(null, List.of(new Reason("flowparse.condition_too_deep", Map.of())));
        }
        List<Reason> errors = new ArrayList<>();
        Set<String> stepsRead = new LinkedHashSet<>();
        Set<String> scoresRead = new LinkedHashSet<>();
        for (List<String> path : script.getVariables()) {
            String root = path.get(0);
            boolean band = BAND.equals(root);
            if (CONVERSATION.equals(root) && path.size() == 2 && ASSISTED_FACT.equals(path.get(1))) {
                continue;
            }
            if (path.size() < 2 || !(ANSWERS.equals(root) || SCORES.equals(root) || band)) {
                errors.add(new Reason("flowparse.condition_name", Map.of("condition", text, "name", String.join(".", path))));
            } else if (ANSWERS.equals(root) && !stepIds.contains(path.get(1))) {
                errors.add(new Reason("flowparse.condition_step_unknown", Map.of("condition", text, "step", path.get(1))));
            } else if (band && bands == null) {
                errors.add(new Reason("flowparse.condition_band", Map.of("condition", text)));
            } else if (!ANSWERS.equals(root) && !dimensions.contains(path.get(1))) {
                errors.add(new Reason("flowparse.condition_dimension_unknown", Map.of("condition", text, "dimension", path.get(1))));
            } else if (ANSWERS.equals(root)) {
                stepsRead.add(path.get(1));
            } else {
                scoresRead.add(path.get(1));
            }
        }
        if (!errors.isEmpty()) {
            return new Compiled(null, errors);
        }
        return new Compiled(new JexlCondition(text, script, Collections.unmodifiableSet(stepsRead),
                Collections.unmodifiableSet(scoresRead), bands,
                new Lazy<>(() -> parts(text, file, line, stepIds, dimensions, bands))), List.of());
    }

    /**
     * A value worked out on first use: a condition's parts are read only for a tip's "why", so loading a flow (at
     * start, an uploaded questionnaire) does not parse each condition twice.
     */
    private static final class Lazy<T> {
        private final java.util.function.Supplier<T> make;
        private volatile Optional<T> value;

        Lazy(java.util.function.Supplier<T> make) {
            this.make = make;
        }

        T get() {
            Optional<T> v = value;
            if (v == null) {
                v = Optional.ofNullable(make.get());
                value = v;
            }
            return v.orElse(null);
        }
    }

    /**
     * A condition's "and"s and "or"s, down to the comparisons between them, each compiled on its own: what
     * {@link Condition#reasons} walks. JEXL's own parser reads the text, so the parts are the ones JEXL evaluates
     * (precedence, brackets, "and"/"&&"). Null for a single comparison, whose reasons are all it reads.
     */
    private static Part parts(String text, String file, int line, Set<String> stepIds, Set<String> dimensions, Bands bands) {
        try {
            JexlNode root = new Parser(new StringProvider("")).parse(new JexlInfo(file, line, 1), FEATURES, text, null);
            Part part = part(root, file, line, stepIds, dimensions, bands);
            return part instanceof Part.Leaf ? null : part;
        } catch (RuntimeException | StackOverflowError e) {
            return null; // the whole condition compiled: its reasons are all it reads
        }
    }

    private static Part part(JexlNode node, String file, int line, Set<String> stepIds, Set<String> dimensions, Bands bands) {
        if ((node instanceof ASTJexlScript || node instanceof ASTReferenceExpression) && node.jjtGetNumChildren() == 1) {
            return part(node.jjtGetChild(0), file, line, stepIds, dimensions, bands); // the script, or brackets
        }
        if (node instanceof ASTOrNode || node instanceof ASTAndNode) {
            // JEXL nests "a && b && c" as ((a && b) && c): one "and" of three, so that a score is joined to every
            // answer beside it, not to those of its own pair only (and the same for an "or")
            boolean or = node instanceof ASTOrNode;
            List<Part> children = new ArrayList<>();
            for (int i = 0; i < node.jjtGetNumChildren(); i++) {
                Part child = part(node.jjtGetChild(i), file, line, stepIds, dimensions, bands);
                if (or && child instanceof Part.Any any) {
                    children.addAll(any.parts());
                } else if (!or && child instanceof Part.All all) {
                    children.addAll(all.parts());
                } else {
                    children.add(child);
                }
            }
            return or ? new Part.Any(children) : new Part.All(children);
        }
        Compiled leaf = compile(new Debugger().data(node), file, line, stepIds, dimensions, bands);
        if (leaf.condition() == null) {
            throw new IllegalStateException("a part that does not compile on its own: " + leaf.errors());
        }
        return new Part.Leaf(leaf.condition(), node instanceof ASTNENode || node instanceof ASTNotNode);
    }

    /** A condition's structure for its reasons: "or"s, "and"s and the comparisons they join. */
    private sealed interface Part {
        boolean test(Map<String, Object> answers, Map<String, Integer> scores);

        void reasons(Map<String, Object> answers, Map<String, Integer> scores, Found found);

        /**
         * A comparison; a guard when it says what an answer or score is not ({@code !=}, {@code !}): that holds for
         * nearly everyone, so it is no reason of its own (praise "unless afraid of X, Y or Z" quoted the nine
         * answers that were not fears). A condition of guards alone still has them as its reasons.
         */
        record Leaf(Condition condition, boolean guard) implements Part {
            public boolean test(Map<String, Object> answers, Map<String, Integer> scores) {
                return condition.test(answers, scores);
            }

            public void reasons(Map<String, Object> answers, Map<String, Integer> scores, Found found) {
                if (guard) {
                    found.guarded.addAll(condition.stepsRead());
                } else {
                    found.steps.addAll(condition.stepsRead());
                    found.dimensions.addAll(condition.scoresRead());
                }
            }
        }

        /** An "or": the parts that hold are its reasons (all of them when none does on its own). */
        record Any(List<Part> parts) implements Part {
            public boolean test(Map<String, Object> answers, Map<String, Integer> scores) {
                return parts.stream().anyMatch(p -> p.test(answers, scores));
            }

            public void reasons(Map<String, Object> answers, Map<String, Integer> scores, Found found) {
                List<Part> holding = parts.stream().filter(p -> p.test(answers, scores)).toList();
                (holding.isEmpty() ? parts : holding).forEach(p -> p.reasons(answers, scores, found));
            }
        }

        /**
         * An "and": every part is a reason. A score in it is joined to the answers beside it (to the steps its
         * "not"s read, when those are all there is): "band.werkwijze == 'low' && answers.werkwijze_tijd <= 3" is a
         * tip about time for a bond in a low part, not about every weak answer of the part.
         */
        record All(List<Part> parts) implements Part {
            public boolean test(Map<String, Object> answers, Map<String, Integer> scores) {
                return parts.stream().allMatch(p -> p.test(answers, scores));
            }

            public void reasons(Map<String, Object> answers, Map<String, Integer> scores, Found found) {
                Found mine = new Found();
                parts.forEach(p -> p.reasons(answers, scores, mine));
                Set<String> beside = mine.steps.isEmpty() ? mine.guarded : mine.steps;
                if (!beside.isEmpty()) {
                    mine.dimensions.forEach(d -> mine.joined.computeIfAbsent(d, k -> new LinkedHashSet<>()).addAll(beside));
                }
                found.add(mine);
            }
        }
    }

    /** What the parts that hold read: reasons, the steps of "not"s beside them, and answers joined to scores. */
    private static final class Found {
        final Set<String> steps = new LinkedHashSet<>();
        final Set<String> dimensions = new LinkedHashSet<>();
        final Set<String> guarded = new LinkedHashSet<>();
        final Map<String, Set<String>> joined = new java.util.LinkedHashMap<>();

        void add(Found other) {
            steps.addAll(other.steps);
            dimensions.addAll(other.dimensions);
            guarded.addAll(other.guarded);
            other.joined.forEach((d, with) -> joined.computeIfAbsent(d, k -> new LinkedHashSet<>()).addAll(with));
        }
    }

    /** JEXL prefixes its message with the location we gave it; the problem report names that already. */
    private static String shortMessage(JexlException e) {
        String message = String.valueOf(e.getMessage());
        int space = message.indexOf(' ');
        return space > 0 && message.substring(0, space).contains(":") ? message.substring(space + 1).trim() : message;
    }

    /**
     * Comparing things that can't be compared ({@code answers.x <= 2} when x was answered "weet-niet", or
     * not at all) is simply false, instead of failing the whole condition. Arithmetic with an unanswered question
     * is NaN, as in ODK (XPath reads an empty value as NaN): JEXL counted it as 0, so an XLSForm's calculate
     * {@code ${kinderen} + 1} on a skipped number held "> 0" as if 0 had been answered. NaN is neither more nor
     * less than anything, equals nothing and differs from everything, as in XPath.
     */
    private static final class LenientComparisons extends JexlArithmetic {
        LenientComparisons() {
            super(false);
        }

        @Override
        public Object add(Object left, Object right) {
            return left == null || right == null ? Double.NaN : super.add(left, right);
        }

        @Override
        public Object subtract(Object left, Object right) {
            return left == null || right == null ? Double.NaN : super.subtract(left, right);
        }

        @Override
        public Object multiply(Object left, Object right) {
            return left == null || right == null ? Double.NaN : super.multiply(left, right);
        }

        @Override
        public Object divide(Object left, Object right) {
            return left == null || right == null ? Double.NaN : super.divide(left, right);
        }

        @Override
        public Object mod(Object left, Object right) {
            return left == null || right == null ? Double.NaN : super.mod(left, right);
        }

        @Override
        public Object negate(Object value) {
            return value == null ? Double.NaN : super.negate(value);
        }

        @Override
        public boolean equals(Object left, Object right) {
            return !isNaN(left) && !isNaN(right) && super.equals(left, right);
        }

        @Override
        public boolean lessThan(Object left, Object right) {
            return comparable(left, right) && super.lessThan(left, right);
        }

        @Override
        public boolean lessThanOrEqual(Object left, Object right) {
            return comparable(left, right) && super.lessThanOrEqual(left, right);
        }

        @Override
        public boolean greaterThan(Object left, Object right) {
            return comparable(left, right) && super.greaterThan(left, right);
        }

        @Override
        public boolean greaterThanOrEqual(Object left, Object right) {
            return comparable(left, right) && super.greaterThanOrEqual(left, right);
        }

        private static boolean comparable(Object left, Object right) {
            if (left == null || right == null || isNaN(left) || isNaN(right)) {
                return false;
            }
            boolean leftNumber = left instanceof Number || isNumeric(left);
            boolean rightNumber = right instanceof Number || isNumeric(right);
            return leftNumber == rightNumber;
        }

        private static boolean isNaN(Object value) {
            return value instanceof Double d && d.isNaN() || value instanceof Float f && f.isNaN();
        }

        private static boolean isNumeric(Object value) {
            return value instanceof String s && s.trim().matches("[-+]?\\d+(\\.\\d+)?");
        }
    }

    /** The band of each score, worked out when read, so lazily calculated scores stay lazy. */
    private static final class BandView extends AbstractMap<String, String> {
        private final Map<String, Integer> scores;
        private final Bands bands;

        BandView(Map<String, Integer> scores, Bands bands) {
            this.scores = scores;
            this.bands = bands;
        }

        @Override
        public String get(Object key) {
            return scores.containsKey(key) ? bands.of(scores.get(key)) : null;
        }

        @Override
        public boolean containsKey(Object key) {
            return scores.containsKey(key);
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            Set<Entry<String, String>> entries = new LinkedHashSet<>();
            scores.forEach((k, v) -> entries.add(new SimpleImmutableEntry<>(k, bands.of(v))));
            return entries;
        }
    }

    private record JexlCondition(String text, JexlScript script, Set<String> stepsRead, Set<String> scoresRead,
                                 Bands bands, Lazy<Part> lazyParts) implements Condition {
        @Override
        public Read reasons(Map<String, Object> answers, Map<String, Integer> scores) {
            Part parts = lazyParts.get();
            if (parts == null || !test(answers, scores)) {
                return new Read(stepsRead, scoresRead);
            }
            Found found = new Found();
            parts.reasons(answers, scores, found);
            if (found.steps.isEmpty() && found.dimensions.isEmpty()) {
                return new Read(stepsRead, scoresRead); // guards only
            }
            // in the order the whole condition names them
            Map<String, Set<String>> joined = new java.util.LinkedHashMap<>();
            scoresRead.stream().filter(found.joined::containsKey)
                    .forEach(d -> joined.put(d, inOrder(found.joined.get(d))));
            return new Read(inOrder(found.steps),
                    scoresRead.stream().filter(found.dimensions::contains).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)),
                    joined);
        }

        private Set<String> inOrder(Set<String> steps) {
            return stepsRead.stream().filter(steps::contains).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
        }

        @Override
        public boolean test(Map<String, Object> answers, Map<String, Integer> scores) {
            MapContext context = new MapContext();
            context.set(ANSWERS, answers);
            context.set(SCORES, scores);
            // a plain HashMap: JEXL's restricted permissions do not open the JDK's immutable map classes
            Map<String, Object> conversation = new java.util.HashMap<>();
            conversation.put(ASSISTED_FACT, Boolean.TRUE.equals(answers.get(Condition.ASSISTED)));
            context.set(CONVERSATION, conversation);
            if (bands != null) {
                context.set(BAND, new BandView(scores, bands));
            }
            try {
                return Boolean.TRUE.equals(script.execute(context));
            } catch (JexlException e) {
                return false;
            }
        }
    }
}
