package nl.samenspraak.xlsform;

import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.internal.Debugger;
import org.apache.commons.jexl3.parser.ASTAndNode;
import org.apache.commons.jexl3.parser.ASTDivNode;
import org.apache.commons.jexl3.parser.ASTEQNode;
import org.apache.commons.jexl3.parser.ASTERNode;
import org.apache.commons.jexl3.parser.ASTEmptyFunction;
import org.apache.commons.jexl3.parser.ASTFalseNode;
import org.apache.commons.jexl3.parser.ASTIdentifier;
import org.apache.commons.jexl3.parser.ASTIdentifierAccess;
import org.apache.commons.jexl3.parser.ASTModNode;
import org.apache.commons.jexl3.parser.ASTNENode;
import org.apache.commons.jexl3.parser.ASTNotNode;
import org.apache.commons.jexl3.parser.ASTOrNode;
import org.apache.commons.jexl3.parser.ASTReference;
import org.apache.commons.jexl3.parser.ASTReferenceExpression;
import org.apache.commons.jexl3.parser.ASTSizeFunction;
import org.apache.commons.jexl3.parser.ASTStringLiteral;
import org.apache.commons.jexl3.parser.ASTTernaryNode;
import org.apache.commons.jexl3.parser.ASTTrueNode;
import org.apache.commons.jexl3.parser.JexlNode;

import java.util.Set;

/**
 * A flow condition (JEXL) written as XLSForm XPath, for export: JEXL's own parser reads it and JEXL's own
 * printer ({@link Debugger}) writes it, with the few operators that differ spelled the XPath way:
 * {@code answers.q} is {@code ${q}}, {@code scores.d} is {@code score('d')}, {@code 'v' =~ answers.q} is
 * {@code selected(${q}, 'v')}, {@code empty(answers.q)} is {@code ${q} = ''}, {@code size(answers.q)} is
 * {@code count-selected(${q})} for a select_multiple and {@code string-length(...)} otherwise, {@code /} and {@code %}
 * are {@code div} and {@code mod}, {@code a ? b : c} is {@code if(a, b, c)}, {@code true} is {@code true()}. JEXL's
 * own spelling of these was written as it was: {@code size(${q})}, which no XLSForm tool (ODK, pyxform, Kobo, nor
 * Samenspraak's own upload) reads, and {@code a / b}, which XPath reads as a path.
 */
final class JexlToXPath {
    private static final JexlEngine ENGINE = new JexlBuilder().strict(false).safe(true).create();

    private JexlToXPath() {
    }

    /** {@code jexl} as XPath, for a flow without select_multiple questions. */
    static String xpath(String jexl) {
        return xpath(jexl, Set.of());
    }

    /** {@code jexl} as XPath; {@code multiples}: the ids of the flow's select_multiple (multi) steps. */
    static String xpath(String jexl, Set<String> multiples) {
        JexlExpression expression = ENGINE.createExpression(jexl);
        XPathPrinter printer = new XPathPrinter(multiples);
        printer.debug(expression);
        return printer.toString().trim();
    }

    private static final class XPathPrinter extends Debugger {
        private final Set<String> multiples;

        XPathPrinter(Set<String> multiples) {
            this.multiples = multiples;
        }

        @Override
        protected Object visit(ASTSizeFunction node, Object data) {
            JexlNode of = node.jjtGetChild(0);
            while (of instanceof ASTReferenceExpression brackets && brackets.jjtGetNumChildren() == 1) {
                of = brackets.jjtGetChild(0); // size(answers.q) is read as size((answers.q))
            }
            boolean multiple = of instanceof ASTReference r && r.jjtGetNumChildren() == 2
                    && r.jjtGetChild(0) instanceof ASTIdentifier root && root.getName().equals("answers")
                    && r.jjtGetChild(1) instanceof ASTIdentifierAccess access && multiples.contains(access.getName());
            builder.append(multiple ? "count-selected(" : "string-length(");
            accept(of, data);
            builder.append(")");
            return data;
        }

        @Override
        protected Object visit(ASTDivNode node, Object data) {
            return infixChildren(node, " div ", false, data);
        }

        @Override
        protected Object visit(ASTModNode node, Object data) {
            return infixChildren(node, " mod ", false, data);
        }

        @Override
        protected Object visit(ASTTernaryNode node, Object data) {
            if (node.jjtGetNumChildren() != 3) {
                return super.visit(node, data); // JEXL's ?: has no XPath form; the upload then says so
            }
            builder.append("if(");
            accept(node.jjtGetChild(0), data);
            builder.append(", ");
            accept(node.jjtGetChild(1), data);
            builder.append(", ");
            accept(node.jjtGetChild(2), data);
            builder.append(")");
            return data;
        }

        @Override
        protected Object visit(ASTTrueNode node, Object data) {
            builder.append("true()");
            return data;
        }

        @Override
        protected Object visit(ASTFalseNode node, Object data) {
            builder.append("false()");
            return data;
        }

        @Override
        protected Object visit(ASTAndNode node, Object data) {
            return infixChildren(node, " and ", false, data);
        }

        @Override
        protected Object visit(ASTOrNode node, Object data) {
            return infixChildren(node, " or ", false, data);
        }

        @Override
        protected Object visit(ASTEQNode node, Object data) {
            return infixChildren(node, " = ", false, data);
        }

        @Override
        protected Object visit(ASTNENode node, Object data) {
            return infixChildren(node, " != ", false, data);
        }

        @Override
        protected Object visit(ASTNotNode node, Object data) {
            builder.append("not(");
            accept(node.jjtGetChild(0), data);
            builder.append(")");
            return data;
        }

        @Override
        protected Object visit(ASTERNode node, Object data) {
            builder.append("selected(");
            accept(node.jjtGetChild(1), data);
            builder.append(", ");
            accept(node.jjtGetChild(0), data);
            builder.append(")");
            return data;
        }

        @Override
        protected Object visit(ASTEmptyFunction node, Object data) {
            builder.append("(");
            accept(node.jjtGetChild(0), data);
            builder.append(" = '')");
            return data;
        }

        @Override
        protected Object visit(ASTReference node, Object data) {
            if (node.jjtGetNumChildren() == 2 && node.jjtGetChild(0) instanceof ASTIdentifier root
                    && node.jjtGetChild(1) instanceof ASTIdentifierAccess access) {
                String name = access.getName();
                switch (root.getName()) {
                    case "answers" -> {
                        builder.append("${").append(name).append("}");
                        return data;
                    }
                    case "scores" -> {
                        builder.append("score('").append(name).append("')");
                        return data;
                    }
                    case "band" -> {
                        builder.append("band('").append(name).append("')");
                        return data;
                    }
                    case "conversation" -> {
                        builder.append(name).append("()");
                        return data;
                    }
                    default -> {
                    }
                }
            }
            return super.visit(node, data);
        }

        @Override
        protected Object visit(ASTStringLiteral node, Object data) {
            String value = node.getLiteral();
            builder.append(value.contains("'") ? "\"" + value + "\"" : "'" + value + "'");
            return data;
        }

        @SuppressWarnings("unused")
        private static boolean isLeaf(JexlNode node) {
            return node.jjtGetNumChildren() == 0;
        }
    }
}
