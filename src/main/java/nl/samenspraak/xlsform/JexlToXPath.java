package nl.samenspraak.xlsform;

import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.internal.Debugger;
import org.apache.commons.jexl3.parser.ASTAndNode;
import org.apache.commons.jexl3.parser.ASTEQNode;
import org.apache.commons.jexl3.parser.ASTERNode;
import org.apache.commons.jexl3.parser.ASTEmptyFunction;
import org.apache.commons.jexl3.parser.ASTIdentifier;
import org.apache.commons.jexl3.parser.ASTIdentifierAccess;
import org.apache.commons.jexl3.parser.ASTNENode;
import org.apache.commons.jexl3.parser.ASTNotNode;
import org.apache.commons.jexl3.parser.ASTOrNode;
import org.apache.commons.jexl3.parser.ASTReference;
import org.apache.commons.jexl3.parser.ASTStringLiteral;
import org.apache.commons.jexl3.parser.JexlNode;

/**
 * A flow condition (JEXL) written as XLSForm XPath, for export: JEXL's own parser reads it and JEXL's own
 * printer ({@link Debugger}) writes it, with the few operators that differ spelled the XPath way:
 * {@code answers.q} is {@code ${q}}, {@code scores.d} is {@code score('d')}, {@code 'v' =~ answers.q} is
 * {@code selected(${q}, 'v')}, {@code empty(answers.q)} is {@code ${q} = ''}.
 */
final class JexlToXPath {
    private static final JexlEngine ENGINE = new JexlBuilder().strict(false).safe(true).create();

    private JexlToXPath() {
    }

    static String xpath(String jexl) {
        JexlExpression expression = ENGINE.createExpression(jexl);
        XPathPrinter printer = new XPathPrinter();
        printer.debug(expression);
        return printer.toString().trim();
    }

    private static final class XPathPrinter extends Debugger {
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
