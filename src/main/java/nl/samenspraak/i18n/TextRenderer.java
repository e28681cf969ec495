package nl.samenspraak.i18n;

import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.context.Context;
import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;
import org.apache.velocity.runtime.parser.Token;
import org.apache.velocity.runtime.parser.node.ASTDirective;
import org.apache.velocity.runtime.parser.node.ASTMethod;
import org.apache.velocity.runtime.parser.node.ASTSetDirective;
import org.apache.velocity.runtime.parser.node.Node;
import org.apache.velocity.runtime.parser.node.SimpleNode;
import org.apache.velocity.runtime.resource.loader.StringResourceLoader;
import org.apache.velocity.util.introspection.SecureUberspector;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the texts of locale files as Velocity templates ({@code $answers.naam}, {@code #if}). Strict:
 * an unknown reference is an error, never printed literally. Every inserted value is HTML-escaped, so what
 * a person typed can never become markup (a {@link SafeHtml} value, already rendered, is inserted as it is). Parsed templates are cached; plain texts skip Velocity entirely.
 * <p>
 * A text reads values and chooses between words, nothing more: references ({@code $answers.naam}, a map's value or a
 * property) and {@code #if}/{@code #elseif}/{@code #else}. Every other directive ({@code #set}, {@code #foreach},
 * {@code #include}, {@code #parse}, {@code #macro}, {@code #evaluate}, {@code #define}) and every method call is
 * refused when the text is parsed (a syntax problem at that place), because texts also come from an admin's uploaded
 * spreadsheet: {@code $answers.getClass().forName("java.lang.Runtime")...} ran a command on the server, and
 * {@code #include("service.log")} showed a file, to anyone once the flow was published. Behind that, Velocity's secure
 * introspection (no reflection, class loaders, system or runtime) and no resource loader that reads a file.
 */
public final class TextRenderer {
    /** How Velocity says a name is missing: a dotted one ($answers.x) evaluated to null, a bare one ($x) not set. */
    private static final Pattern UNKNOWN_REFERENCE =
            Pattern.compile("(?:Reference|Variable) (\\$\\{?[\\w.]+\\}?) (?:evaluated to null|has not been set)");

    private static final Pattern REFERENCE = Pattern.compile("\\$!?\\{?([A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z][A-Za-z0-9_]*)*)");

    private final RuntimeInstance velocity = new RuntimeInstance();
    private final Map<String, Template> cache = new ConcurrentHashMap<>();
    /** The project's own templates ({@link #renderOwnTemplate}), kept apart from the texts'. */
    private final Map<String, Template> own = new ConcurrentHashMap<>();

    public TextRenderer() {
        Properties p = new Properties();
        p.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
        p.setProperty(RuntimeConstants.SPACE_GOBBLING, "lines");
        p.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, SecureUberspector.class.getName());
        // #include and #parse are refused when a text is parsed; should one get through, it finds nothing to read
        p.setProperty(RuntimeConstants.RESOURCE_LOADERS, "string");
        p.setProperty("resource.loader.string.class", StringResourceLoader.class.getName());
        p.setProperty("resource.loader.string.repository.static", "false");
        p.setProperty(RuntimeConstants.VM_PERM_ALLOW_INLINE, "false");
        velocity.init(p);
    }

    /**
     * Renders {@code template} with {@code model}; a text without Velocity syntax comes back as it is. A part left out
     * between two words (an {@code #if} that does not hold, on a line of its own in a folded text) leaves one space
     * between them, not two: the API and Telegram gave "dzielnicowy.  Co widzi" where a page collapses it; nor a space
     * before the first word or after the last (a text whose first sentence is left out).
     */
    public String render(String template, Map<String, ?> model) {
        String own = unmarked(template);
        if (!isTemplate(own)) {
            return noMarkup(own);
        }
        return restored(noMarkup(merged(own, model)));
    }

    /**
     * As {@link #render}, for text that is no page's (a terminal, a log, a spreadsheet cell: {@link PlainMessages}):
     * a {@code <} in the template stays one.
     */
    public String renderPlain(String template, Map<String, ?> model) {
        String own = unmarked(template);
        if (!isTemplate(own)) {
            return own;
        }
        return restored(merged(own, model));
    }

    private String merged(String template, Map<String, ?> model) {
        StringWriter out = new StringWriter();
        compiled(template).merge(context(model), out);
        return LEFT_OUT.matcher(out.toString()).replaceAll(" ").strip();
    }

    /**
     * How an inserted {@link SafeHtml} value's {@code <} stands in a merged text until {@link #noMarkup} has escaped
     * the template's own (a private-use character, which {@link #escape} takes out of every other value).
     */
    static final char INSERTED_TAG = '\uE001';

    /**
     * {@code text} without the mark: only {@link HtmlEscaping} may put it in, or a text's own U+E001 (typed into an
     * uploaded questionnaire's label, a theme's name) came back as a "<" after rendering, and its {@code \uE001a href=…>}
     * reached residents' pages, the API and the PDF as a live link. It is a private-use character, nobody's word.
     */
    static String unmarked(String text) {
        return text.indexOf(INSERTED_TAG) < 0 ? text : text.replace(String.valueOf(INSERTED_TAG), "");
    }

    private static String restored(String merged) {
        return merged.indexOf(INSERTED_TAG) < 0 ? merged : merged.replace(INSERTED_TAG, '<');
    }

    /**
     * A rendered text with every {@code <} of its template as {@code &lt;}: a text is words, never markup. Every value
     * put in is escaped already, or is {@link SafeHtml} whose tags are the caller's (Telegram's answer in italics) and
     * are kept, so a {@code <} here comes from the template itself, and a template comes from an admin's uploaded
     * spreadsheet too. The flow check refuses a tag in a text's source, but
     * Velocity could hide one from it: {@code <#**#a href="https://…">} (a comment inside the tag) or
     * {@code <#if(true)#{end}meta http-equiv="refresh" …>} passed the check and reached residents' pages as a live link
     * and a redirect, and a PDF engine as an image to fetch. A literal {@code <} in a message ("flows/<id>.yaml") now
     * shows as itself on a page too, where a browser took it for an unknown tag and hid it.
     */
    static String noMarkup(String rendered) {
        return rendered.indexOf('<') < 0 ? rendered : rendered.replace("<", "&lt;");
    }

    /** Two or more spaces between two characters that are not spaces. */
    private static final java.util.regex.Pattern LEFT_OUT = java.util.regex.Pattern.compile("(?<=\\S) {2,}(?=\\S)");

    /**
     * Renders one of the project's own templates, read from the jar (the result's {@code result.vm}), never a text of
     * a flow, a locale folder or an upload: it may use every directive and call its values' methods
     * ({@code #foreach}, {@code $x.isEmpty()}); inserted values are escaped as in {@link #render}.
     */
    public String renderOwnTemplate(String template, Map<String, ?> model) {
        StringWriter out = new StringWriter();
        own.computeIfAbsent(template, s -> parsed(s, false)).merge(context(model), out);
        return restored(out.toString());
    }

    /** Why {@code template} can't be rendered with a model like {@code sample}, or empty when it can. */
    public Optional<RenderProblem> check(String template, Map<String, ?> sample) {
        Optional<RenderProblem> syntax = syntaxProblem(template);
        if (!isTemplate(template) || syntax.isPresent()) {
            return syntax;
        }
        try {
            render(template, sample);
            return unresolved(template, sample).map(RenderProblem.UnknownReference::new);
        } catch (VelocityException | IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            Matcher unknown = UNKNOWN_REFERENCE.matcher(message);
            return Optional.of(unknown.find() ? new RenderProblem.UnknownReference(unknown.group(1))
                    : new RenderProblem.Unrenderable(readable(message)));
        }
    }

    /**
     * The first name of {@code template} that {@code sample} has no value for, as written ({@code $shown.c}): rendering
     * finds a missing name that is printed, not one an {@code #if} only asks about ({@code #if(!$shown.c)} is simply
     * false in strict mode too), and such a condition would leave its words out on every result.
     */
    private static Optional<String> unresolved(String template, Map<String, ?> sample) {
        for (String name : references(template)) {
            Object value = sample;
            for (String part : name.split("\\.")) {
                if (!(value instanceof Map<?, ?> map)) {
                    break; // a value's own property ($answers.naam's length): Velocity judged it when rendering
                }
                if (!map.containsKey(part)) {
                    return Optional.of("$" + name);
                }
                value = map.get(part);
            }
        }
        return Optional.empty();
    }

    /**
     * Why {@code template} does not parse, or empty when it does (or is no template): a check that needs no model,
     * for texts rendered with a model only the code knows (the shared messages).
     */
    public Optional<RenderProblem> syntaxProblem(String template) {
        if (!isTemplate(template)) {
            return Optional.empty();
        }
        try {
            compiled(template);
            return Optional.empty();
        } catch (TooDeepText e) {
            return Optional.of(new RenderProblem.TooDeep());
        } catch (Refused e) {
            return Optional.of(new RenderProblem.SyntaxError(e.line, e.column, e.near));
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getCause() instanceof ParseException pe && pe.currentToken != null && pe.currentToken.next != null
                    ? syntaxError(pe.currentToken.next) : new RenderProblem.Unrenderable(readable(String.valueOf(e.getMessage()))));
        } catch (VelocityException e) {
            // what preparing the parsed text refuses (a directive's arguments), which the parser let through
            return Optional.of(new RenderProblem.Unrenderable(readable(String.valueOf(e.getMessage()))));
        }
    }

    /** A text nested deeper than {@link TextNesting} allows, refused before Velocity parses it. */
    private static final class TooDeepText extends IllegalArgumentException {
        TooDeepText() {
            super("a text may not have so many brackets, #ifs or operators inside each other");
        }
    }

    /** A construct a text may not use (see the class's comment), where it stands. */
    private static final class Refused extends IllegalArgumentException {
        final int line;
        final int column;
        final String near;

        Refused(int line, int column, String near) {
            super("a text may not use " + near + " (line " + line + ", column " + column + ")");
            this.line = line;
            this.column = column;
            this.near = near;
        }
    }

    /** Throws {@link Refused} at the first directive other than #if/#elseif/#else, or method call, in {@code node}. */
    private static void onlyValuesAndChoices(Node node) {
        Token at = node.getFirstToken();
        if (node instanceof ASTSetDirective) {
            throw new Refused(at.beginLine, at.beginColumn, "#set");
        }
        if (node instanceof ASTDirective directive) {
            throw new Refused(at.beginLine, at.beginColumn, "#" + directive.getDirectiveName());
        }
        if (node instanceof ASTMethod) {
            throw new Refused(at.beginLine, at.beginColumn, at.image + "(");
        }
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            onlyValuesAndChoices(node.jjtGetChild(i));
        }
    }

    /**
     * Where the parser stopped, and at what: Velocity marks the end of a text with its own token (kind 0, or the
     * character 1C), which is said as the end rather than shown.
     */
    private static RenderProblem.SyntaxError syntaxError(Token at) {
        boolean end = at.kind == 0 || at.image == null || at.image.indexOf('\u001c') >= 0;
        return new RenderProblem.SyntaxError(at.beginLine, at.beginColumn, end ? "" : at.image.strip());
    }

    /**
     * Velocity's message on one line for whoever wrote the text: without the list of every token its parser would
     * have taken (forty of them), and with its end-of-text mark (the escape of character 1C, quoted) said as such.
     */
    static String readable(String message) {
        int expecting = message.indexOf("Was expecting");
        String shown = expecting > 0 ? message.substring(0, expecting) : message;
        return shown.replace("\"\\u001c\"", "the end of the text").replace("at <unknown template>", "at ")
                .replaceAll("\\s+", " ").trim();
    }

    /** Whether {@code text} has Velocity syntax; a text without it needs no model and renders as it is. */
    public static boolean isTemplate(String text) {
        return text.indexOf('$') >= 0 || text.indexOf('#') >= 0;
    }

    private Template compiled(String source) {
        return cache.computeIfAbsent(source, s -> parsed(s, true));
    }

    /** {@code source} parsed; a text ({@code text}) only with values and choices (see the class's comment). */
    private Template parsed(String source, boolean text) {
        if (text && TextNesting.tooDeep(source)) {
            // judged on the text's shape, not by running out of stack: the same on every machine and thread, and
            // before anything is parsed, prepared or rendered (a text comes from an admin's upload too)
            throw new TooDeepText();
        }
        try {
            SimpleNode node = velocity.parse(new StringReader(source), new Template());
            if (text) {
                onlyValuesAndChoices(node);
            }
            Template t = new Template();
            t.setRuntimeServices(velocity);
            t.setData(node);
            t.initDocument();
            return t;
        } catch (ParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Context context(Map<String, ?> model) {
        VelocityContext context = new VelocityContext();
        model.forEach(context::put);
        EventCartridge cartridge = new EventCartridge();
        cartridge.addReferenceInsertionEventHandler(new HtmlEscaping(true));
        cartridge.attachToContext(context);
        return context;
    }

    /** The names a template refers to ({@code $min}, {@code ${answers.naam}} -> min, answers.naam). */
    public static Set<String> references(String template) {
        if (template.indexOf('$') < 0) {
            return Set.of(); // most texts: the start-up checks every text of every language this way
        }
        Set<String> names = new TreeSet<>();
        Matcher m = REFERENCE.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * Escapes what text between tags needs ({@code & < >}) and drops direction controls ({@link BidiControls}), so
     * an answer in words is HTML-safe yet reads as its option's label does: "I don't know", where {@link #escape}
     * gave the JSON API's echo "I don&#39;t know" beside the label's "I don't know". For element content only,
     * never an attribute's value.
     */
    public static String escapeText(String text) {
        return escape(text, false);
    }

    /**
     * Escapes the five HTML-significant characters and drops direction controls ({@link BidiControls}), nothing
     * else, so Arabic or é stay readable.
     */
    public static String escape(String text) {
        return escape(text, true);
    }

    /** {@code & < >} always, {@code " '} too where the text may stand in an attribute's value. */
    private static String escape(String text, boolean quotes) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append(quotes ? "&quot;" : "\"");
                case '\'' -> b.append(quotes ? "&#39;" : "'");
                default -> {
                    if (!BidiControls.isControl(c) && c != INSERTED_TAG) {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

}
