package nl.samenspraak.xlsform;

import nl.samenspraak.flow.Names;
import org.javarosa.xpath.XPathParseTool;
import org.javarosa.xpath.expr.XPathArithExpr;
import org.javarosa.xpath.expr.XPathBoolExpr;
import org.javarosa.xpath.expr.XPathCmpExpr;
import org.javarosa.xpath.expr.XPathEqExpr;
import org.javarosa.xpath.expr.XPathExpression;
import org.javarosa.xpath.expr.XPathFuncExpr;
import org.javarosa.xpath.expr.XPathNumNegExpr;
import org.javarosa.xpath.expr.XPathNumericLiteral;
import org.javarosa.xpath.expr.XPathPathExpr;
import org.javarosa.xpath.expr.XPathStep;
import org.javarosa.xpath.expr.XPathStringLiteral;
import org.javarosa.xpath.parser.XPathSyntaxException;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * XLSForm conditions ({@code relevant}, {@code calculation}) read by JavaRosa's XPath parser (ODK's form engine),
 * and the parsed tree written out in the flow's condition language (JEXL over {@code answers.<step id>}).
 * Nothing here parses text itself: {@code ${name}} becomes an absolute path, as pyxform does, before JavaRosa parses.
 */
public final class XPathConditions {
    /** The root element pyxform gives every form; a reference {@code ${q}} is {@code /data/q}. */
    static final String ROOT = "data";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");

    /** What a name in the form stands for, as a condition needs to know it. */
    public sealed interface Field permits Question, Calculation {
    }

    /**
     * A question: its step id, whether its answer is a list of options (select_multiple), and the names of its
     * choices (null: not a select, any value may be compared).
     */
    public record Question(String stepId, boolean multiple, java.util.Set<String> choices) implements Field {
        public Question(String stepId, boolean multiple) {
            this(stepId, multiple, null);
        }
    }

    /** A calculate row: its calculation, already in the flow's language, put in where it is named. */
    public record Calculation(String jexl) implements Field {
    }

    /** Looks up the names a condition may use: earlier questions and calculations. */
    public interface Fields {
        Optional<Field> field(String name);
    }

    /**
     * A condition the flow's language can't say, with the reason in the author's terms: a message key
     * ({@code xlsform.problem.*}) and its named values.
     */
    public static final class Untranslatable extends Exception {
        private final String key;
        private final Map<String, Object> args;

        public Untranslatable(String key, Map<String, Object> args) {
            super(key + " " + args);
            this.key = key;
            this.args = Map.copyOf(args);
        }

        public Untranslatable(String key) {
            this(key, Map.of());
        }

        public String key() {
            return key;
        }

        public Map<String, Object> args() {
            return args;
        }
    }

    private XPathConditions() {
    }

    /** Parses an XLSForm expression with JavaRosa; {@code ${name}} references become {@code /data/name}. */
    public static XPathExpression parse(String expression) throws Untranslatable {
        if (XPathNesting.tooDeep(expression)) {
            // judged on how it is written, not by running out of stack: the same on every machine and thread, and
            // the tree parsed is then shallow enough for the writer below and a constraint's bounds
            throw tooDeep();
        }
        Optional<Untranslatable> mistake = FormulaMistakes.find(expression);
        if (mistake.isPresent()) {
            throw mistake.get();
        }
        Matcher m = REFERENCE.matcher(expression);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).trim();
            if (!name.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
                throw new Untranslatable("xlsform.problem.reference_invalid", Map.of("reference", "${" + m.group(1) + "}"));
            }
            m.appendReplacement(b, Matcher.quoteReplacement("/" + ROOT + "/" + name));
        }
        m.appendTail(b);
        try {
            return XPathParseTool.parseXPath(b.toString());
        } catch (XPathSyntaxException | RuntimeException e) {
            // JavaRosa's words are English, name the inner path (/data/q) and mark the place with a combining
            // character: the author is told their own formula is not valid, in their language
            throw new Untranslatable("xlsform.problem.xpath_invalid", Map.of("expression", expression));
        }
    }

    /** An XLSForm expression in the flow's condition language. */
    public static String toJexl(String expression, Fields fields) throws Untranslatable {
        return new Writer(fields, expression).write(parse(expression));
    }

    /**
     * A condition nested (brackets, {@code not()}, {@code and}s in a row) deeper than {@link XPathNesting} allows: the
     * cell's problem, not the request's.
     */
    private static Untranslatable tooDeep() {
        return new Untranslatable("xlsform.problem.condition_too_deep");
    }

    /** The name a path like {@code /data/q} refers to; empty for {@code .} and anything else. */
    static Optional<String> referencedName(XPathExpression e) {
        if (e instanceof XPathPathExpr p && p.init_context == XPathPathExpr.INIT_CONTEXT_ROOT && p.steps.length == 2
                && p.filtExpr == null && isNamed(p.steps[0], ROOT) && p.steps[1].test == XPathStep.TEST_NAME
                && p.steps[1].axis == XPathStep.AXIS_CHILD && p.steps[1].predicates.length == 0) {
            return Optional.of(p.steps[1].name.name);
        }
        return Optional.empty();
    }

    /** Whether {@code e} is {@code .}, the answer a constraint checks. */
    static boolean isSelf(XPathExpression e) {
        return e instanceof XPathPathExpr p && p.init_context == XPathPathExpr.INIT_CONTEXT_RELATIVE
                && p.steps.length == 1 && p.steps[0].axis == XPathStep.AXIS_SELF && p.filtExpr == null;
    }

    private static boolean isNamed(XPathStep step, String name) {
        return step.test == XPathStep.TEST_NAME && step.axis == XPathStep.AXIS_CHILD && step.name.name.equals(name)
                && step.predicates.length == 0;
    }

    static String function(XPathFuncExpr f) {
        return f.id.toString();
    }

    /** Writes a parsed expression as JEXL, refusing what has no meaning in a conversation. */
    private static final class Writer {
        private final Fields fields;
        /** The formula as its author wrote it: JavaRosa's own printing of a part ("{path-expr:abs,...}") tells them nothing. */
        private final String written;

        Writer(Fields fields, String written) {
            this.fields = fields;
            this.written = written;
        }

        String write(XPathExpression e) throws Untranslatable {
            if (e instanceof XPathBoolExpr b) {
                return "(" + write(b.a) + (b.op == XPathBoolExpr.AND ? " && " : " || ") + write(b.b) + ")";
            }
            if (e instanceof XPathEqExpr eq) {
                if (isMultiple(eq.a) || isMultiple(eq.b)) {
                    boolean left = isMultiple(eq.a);
                    return multipleEquals(left ? eq.a : eq.b, left ? eq.b : eq.a, eq.equal);
                }
                if (isEmptyString(eq.b) || isEmptyString(eq.a)) {
                    // XPath: an unanswered question equals ''; in the flow it is absent
                    String side = write(isEmptyString(eq.b) ? eq.a : eq.b);
                    return (eq.equal ? "empty(" : "!empty(") + side + ")";
                }
                checkChoice(eq.a, eq.b);
                checkChoice(eq.b, eq.a);
                return "(" + write(eq.a) + (eq.equal ? " == " : " != ") + write(eq.b) + ")";
            }
            if (e instanceof XPathCmpExpr c) {
                String op = switch (c.op) {
                    case XPathCmpExpr.LT -> " < ";
                    case XPathCmpExpr.GT -> " > ";
                    case XPathCmpExpr.LTE -> " <= ";
                    default -> " >= ";
                };
                return "(" + write(c.a) + op + write(c.b) + ")";
            }
            if (e instanceof XPathArithExpr a) {
                String op = switch (a.op) {
                    case XPathArithExpr.ADD -> " + ";
                    case XPathArithExpr.SUBTRACT -> " - ";
                    case XPathArithExpr.MULTIPLY -> " * ";
                    case XPathArithExpr.DIVIDE -> " / ";
                    default -> " % ";
                };
                return "(" + write(a.a) + op + write(a.b) + ")";
            }
            if (e instanceof XPathNumNegExpr n) {
                return "(-" + write(n.a) + ")";
            }
            if (e instanceof XPathNumericLiteral n) {
                return number(n.d);
            }
            if (e instanceof XPathStringLiteral s) {
                return quote(s.s);
            }
            if (e instanceof XPathFuncExpr f) {
                return function(f);
            }
            if (e instanceof XPathPathExpr) {
                return reference(e);
            }
            throw new Untranslatable("xlsform.problem.condition_not_understood", Map.of("expression", written));
        }

        private String reference(XPathExpression e) throws Untranslatable {
            if (isSelf(e)) {
                throw new Untranslatable("xlsform.problem.self_outside_constraint");
            }
            String name = referencedName(e).orElseThrow(() ->
                    new Untranslatable("xlsform.problem.reference_only", Map.of("form", "${name}", "expression", written)));
            Field field = fields.field(name).orElseThrow(() ->
                    new Untranslatable("xlsform.problem.reference_unknown", Map.of("reference", "${" + name + "}")));
            if (field instanceof Calculation c) {
                return "(" + c.jexl() + ")";
            }
            Question q = (Question) field;
            if (q.multiple()) {
                // a list in the flow, a text of names in ODK: as a number, a text or a truth they differ
                throw multipleValue(name);
            }
            return "answers." + q.stepId();
        }

        /** Whether {@code e} names a select_multiple. */
        private boolean isMultiple(XPathExpression e) {
            return referencedName(e).flatMap(fields::field).filter(f -> f instanceof Question q && q.multiple()).isPresent();
        }

        /**
         * A select_multiple compared with a text, as ODK compares them: its value is the names chosen, one space
         * between them, so {@code ${soort} = 'vervoer'} holds when 'vervoer' alone is chosen and {@code = ''} when
         * nothing is. The flow holds the names as a list, each once: it holds as many as the text names, each of them
         * (in any order, where ODK wants the order of the choices list). Accepted before, that comparison was never true
         * (a list is no text), and the form's skips went wrong unseen.
         */
        private String multipleEquals(XPathExpression multiple, XPathExpression other, boolean equal) throws Untranslatable {
            String name = referencedName(multiple).orElseThrow();
            String answer = "answers." + ((Question) fields.field(name).orElseThrow()).stepId();
            if (isEmptyString(other)) {
                return (equal ? "empty(" : "!empty(") + answer + ")";
            }
            if (!(other instanceof XPathStringLiteral text) || !text.s.matches("[^ ]+( [^ ]+)*")) {
                // another question, a number or a text with spaces at its ends: nothing a form means to compare
                throw multipleValue(name);
            }
            String[] names = text.s.split(" ");
            for (String chosen : names) {
                checkChoice(name, (Question) fields.field(name).orElseThrow(), chosen);
            }
            StringBuilder b = new StringBuilder("(!empty(" + answer + ") && size(" + answer + ") == " + names.length);
            for (String chosen : names) {
                b.append(" && ").append(quote(chosen)).append(" =~ ").append(answer);
            }
            b.append(")");
            return equal ? b.toString() : "!" + b;
        }

        /** {@code side} = {@code other}: when side is a select and other a text, that text is one of its choices. */
        private void checkChoice(XPathExpression side, XPathExpression other) throws Untranslatable {
            if (other instanceof XPathStringLiteral text && !text.s.isEmpty()) {
                Optional<String> name = referencedName(side);
                if (name.isPresent() && fields.field(name.get()).orElse(null) instanceof Question q) {
                    checkChoice(name.get(), q, text.s);
                }
            }
        }

        /**
         * A choice name compared with a select's answer must be one of its choices: a misspelt one ('ja ' or 'Ja' for
         * 'ja') was accepted, never matched, and the questions it made relevant were never asked.
         */
        private static void checkChoice(String name, Question q, String choice) throws Untranslatable {
            if (q.choices() != null && !q.choices().contains(choice)) {
                throw new Untranslatable("xlsform.problem.choice_unknown", Map.of("reference", "${" + name + "}",
                        "choice", choice, "choices", String.join(", ", q.choices())));
            }
        }

        private static Untranslatable multipleValue(String name) {
            return new Untranslatable("xlsform.problem.multiple_value",
                    Map.of("reference", "${" + name + "}"));
        }

        private Question question(XPathExpression e, String function) throws Untranslatable {
            String name = referencedName(e).orElseThrow(() ->
                    new Untranslatable("xlsform.problem.function_needs_reference",
                            Map.of("function", function + "()", "form", "${name}")));
            Field field = fields.field(name).orElseThrow(() ->
                    new Untranslatable("xlsform.problem.question_unknown_above", Map.of("reference", "${" + name + "}")));
            if (field instanceof Question q) {
                return q;
            }
            throw new Untranslatable("xlsform.problem.function_needs_question",
                    Map.of("function", function + "()", "reference", "${" + name + "}"));
        }

        private String function(XPathFuncExpr f) throws Untranslatable {
            String name = XPathConditions.function(f);
            XPathExpression[] args = f.args;
            switch (name) {
                case "selected" -> {
                    arity(name, args, 2);
                    Question q = question(args[0], name);
                    if (args[1] instanceof XPathStringLiteral chosen) {
                        checkChoice(referencedName(args[0]).orElseThrow(), q, chosen.s);
                    }
                    String value = write(args[1]);
                    return q.multiple()
                            ? "(!empty(answers." + q.stepId() + ") && " + value + " =~ answers." + q.stepId() + ")"
                            : "(answers." + q.stepId() + " == " + value + ")";
                }
                case "count-selected" -> {
                    arity(name, args, 1);
                    return "size(answers." + question(args[0], name).stepId() + ")";
                }
                case "string-length" -> {
                    arity(name, args, 1);
                    return "size(" + write(args[0]) + ")";
                }
                case "not" -> {
                    arity(name, args, 1);
                    return "!" + write(args[0]);
                }
                case "true", "false" -> {
                    arity(name, args, 0);
                    return name;
                }
                case "if" -> {
                    arity(name, args, 3);
                    return "(" + write(args[0]) + " ? " + write(args[1]) + " : " + write(args[2]) + ")";
                }
                case "score" -> {
                    // Samenspraak's own: a score dimension (0-100), for advice rules
                    arity(name, args, 1);
                    if (!(args[0] instanceof XPathStringLiteral dimension) || !Names.isPartName(dimension.s)) {
                        throw new Untranslatable("xlsform.problem.score_argument");
                    }
                    return "scores." + dimension.s;
                }
                case "band" -> {
                    // Samenspraak's own: a score dimension's band (low, middle, high), for advice rules
                    arity(name, args, 1);
                    if (!(args[0] instanceof XPathStringLiteral dimension) || !Names.isPartName(dimension.s)) {
                        throw new Untranslatable("xlsform.problem.band_argument");
                    }
                    return "band." + dimension.s;
                }
                case "assisted" -> {
                    // Samenspraak's own: whether a professional is in the conversation
                    arity(name, args, 0);
                    return "conversation.assisted";
                }
                case "today", "now" -> throw new Untranslatable("xlsform.problem.today_in_condition",
                        Map.of("function", name + "()", "example", ". <= today()"));
                default -> throw new Untranslatable("xlsform.problem.function_unknown", Map.of("function", name + "()"));
            }
        }

        private static void arity(String name, XPathExpression[] args, int n) throws Untranslatable {
            if (args.length != n) {
                throw new Untranslatable("xlsform.problem.arity",
                        Map.of("function", name + "()", "expected", n, "given", args.length));
            }
        }

        private static boolean isEmptyString(XPathExpression e) {
            return e instanceof XPathStringLiteral s && s.s.isEmpty();
        }
    }

    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
