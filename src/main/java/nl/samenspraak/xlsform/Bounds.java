package nl.samenspraak.xlsform;

import nl.samenspraak.xlsform.XPathConditions.Untranslatable;
import org.javarosa.xpath.expr.XPathBoolExpr;
import org.javarosa.xpath.expr.XPathCmpExpr;
import org.javarosa.xpath.expr.XPathExpression;
import org.javarosa.xpath.expr.XPathFuncExpr;
import org.javarosa.xpath.expr.XPathNumNegExpr;
import org.javarosa.xpath.expr.XPathNumericLiteral;
import org.javarosa.xpath.expr.XPathStringLiteral;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An XLSForm {@code constraint} as a step's bounds: {@code . >= 0 and . <= 120} on a number, {@code . <= today()}
 * on a date, {@code string-length(.) <= 200} on a text, {@code count-selected(.) <= 3} on a select_multiple.
 * The engine checks bounds (and words them in each language); a constraint that is not a bound is refused.
 */
final class Bounds {
    /** How a problem writes the inclusive and the strict comparisons (values, so a page escapes them). */
    private static final Map<String, Object> INCLUSIVE = Map.of("ge", ". >=", "le", ". <=", "gt", ". >", "lt", ". <");

    private Bounds() {
    }

    static void apply(XPathExpression constraint, String stepType, boolean integer, Map<String, Object> step)
            throws Untranslatable {
        List<XPathExpression> parts = new ArrayList<>();
        conjuncts(constraint, parts);
        for (XPathExpression part : parts) {
            if (!(part instanceof XPathCmpExpr cmp)) {
                throw refused(stepType);
            }
            boolean selfLeft = isMeasured(cmp.a, stepType);
            if (!selfLeft && !isMeasured(cmp.b, stepType)) {
                throw refused(stepType);
            }
            XPathExpression bound = selfLeft ? cmp.b : cmp.a;
            int op = selfLeft ? cmp.op : flip(cmp.op);
            boolean lower = op == XPathCmpExpr.GT || op == XPathCmpExpr.GTE;
            boolean strict = op == XPathCmpExpr.GT || op == XPathCmpExpr.LT;
            switch (stepType) {
                case "date" -> {
                    if (strict) {
                        throw new Untranslatable("xlsform.problem.date_bound_strict", INCLUSIVE);
                    }
                    step.put(lower ? "notBefore" : "notAfter", date(bound));
                }
                case "number" -> {
                    double value = number(bound);
                    if (strict && !integer) {
                        throw new Untranslatable("xlsform.problem.decimal_bound_strict", INCLUSIVE);
                    }
                    if (strict) {
                        value = lower ? Math.floor(value) + 1 : Math.ceil(value) - 1;
                    }
                    step.put(lower ? "min" : "max", asNumber(value));
                }
                case "text" -> {
                    if (lower) {
                        throw new Untranslatable("xlsform.problem.text_bound_lower", Map.of("example", "string-length(.) <= n"));
                    }
                    double value = number(bound);
                    step.put("maxLength", (long) (strict ? Math.ceil(value) - 1 : Math.floor(value)));
                }
                case "multi" -> {
                    double value = number(bound);
                    value = strict ? (lower ? Math.floor(value) + 1 : Math.ceil(value) - 1) : value;
                    step.put(lower ? "min" : "max", (long) value);
                }
                default -> throw refused(stepType);
            }
        }
    }

    private static void conjuncts(XPathExpression e, List<XPathExpression> into) {
        if (e instanceof XPathBoolExpr b && b.op == XPathBoolExpr.AND) {
            conjuncts(b.a, into);
            conjuncts(b.b, into);
        } else {
            into.add(e);
        }
    }

    /** The side of a comparison that is the answer (or, for texts and multis, its length or count). */
    private static boolean isMeasured(XPathExpression e, String stepType) {
        if (stepType.equals("number") || stepType.equals("date")) {
            return XPathConditions.isSelf(e);
        }
        String function = stepType.equals("text") ? "string-length" : "count-selected";
        return e instanceof XPathFuncExpr f && XPathConditions.function(f).equals(function)
                && f.args.length == 1 && XPathConditions.isSelf(f.args[0]);
    }

    private static int flip(int op) {
        return switch (op) {
            case XPathCmpExpr.LT -> XPathCmpExpr.GT;
            case XPathCmpExpr.GT -> XPathCmpExpr.LT;
            case XPathCmpExpr.LTE -> XPathCmpExpr.GTE;
            default -> XPathCmpExpr.LTE;
        };
    }

    private static double number(XPathExpression e) throws Untranslatable {
        if (e instanceof XPathNumericLiteral n) {
            return n.d;
        }
        if (e instanceof XPathNumNegExpr neg && neg.a instanceof XPathNumericLiteral n) {
            return -n.d;
        }
        throw new Untranslatable("xlsform.problem.bound_not_a_number", Map.of("expression", String.valueOf(e)));
    }

    private static String date(XPathExpression e) throws Untranslatable {
        if (e instanceof XPathFuncExpr f && XPathConditions.function(f).equals("today") && f.args.length == 0) {
            return "today";
        }
        XPathExpression literal = e instanceof XPathFuncExpr f && XPathConditions.function(f).equals("date")
                && f.args.length == 1 ? f.args[0] : e;
        if (literal instanceof XPathStringLiteral s) {
            try {
                return LocalDate.parse(s.s.trim()).toString();
            } catch (DateTimeParseException ex) {
                throw new Untranslatable("xlsform.problem.date_invalid", Map.of("value", s.s));
            }
        }
        throw new Untranslatable("xlsform.problem.date_bound");
    }

    private static Object asNumber(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : d;
    }

    private static Untranslatable refused(String stepType) {
        String example = switch (stepType) {
            case "number" -> ". >= 0 and . <= 120";
            case "date" -> ". <= today()";
            case "text" -> "string-length(.) <= 200";
            case "multi" -> "count-selected(.) <= 3";
            default -> null;
        };
        return example == null ? new Untranslatable("xlsform.problem.constraint_none")
                : new Untranslatable("xlsform.problem.constraint_bounds", Map.of("example", example));
    }
}
