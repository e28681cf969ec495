package nl.samenspraak.i18n;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Piping: a question quotes an earlier answer, and what a person typed can never become markup or code. */
class TextRendererTest {
    private final TextRenderer renderer = new TextRenderer();

    private static Map<String, Object> answers(String step, Object value) {
        return Map.of("answers", Map.of(step, value));
    }

    @Test
    void quotesAnEarlierAnswer() {
        assertEquals("Wat helpt Amina het meest?", renderer.render("Wat helpt $answers.naam het meest?", answers("naam", "Amina")));
    }

    @Test
    void escapesWhatAPersonTyped() {
        assertEquals("Dus: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; meer?",
                renderer.render("Dus: $answers.naam?", answers("naam", "<script>alert('x')</script> & meer")));
    }

    @Test
    void typedTemplateSyntaxIsNeverEvaluated() {
        assertEquals("Je schreef: #set($x = 1)$x", renderer.render("Je schreef: $answers.tekst", answers("tekst", "#set($x = 1)$x")));
    }

    @Test
    void arabicAndAccentsStayReadable() {
        assertEquals("مرحبا Zoë", renderer.render("$answers.a", answers("a", "مرحبا Zoë")));
    }

    @Test
    void alreadyRenderedHtmlIsInsertedAsItIs() {
        assertEquals("<b>vet</b>", renderer.render("$tekst", Map.of("tekst", new SafeHtml("<b>vet</b>"))));
    }

    @Test
    void anUnknownReferenceIsAnErrorNeverPrintedLiterally() {
        assertThrows(RuntimeException.class, () -> renderer.render("Hallo $answers.nope", answers("naam", "x")));
        assertEquals(new RenderProblem.UnknownReference("$answers.nope"),
                renderer.check("Hallo $answers.nope", answers("naam", "x")).orElseThrow());
        assertTrue(renderer.check("Hallo #if(", Map.of()).orElseThrow() instanceof RenderProblem.SyntaxError,
                "a syntax error is reported as one, not as a missing name");
        assertTrue(renderer.check("Hallo $answers.naam", answers("naam", "x")).isEmpty());
        assertEquals(new RenderProblem.UnknownReference("$onbekend"), renderer.check("Hallo ${onbekend}", Map.of()).orElseThrow(),
                "a bare name is a missing name too, not a syntax error");
    }

    /** What the admin is told when a text does not parse: where, and at what, not Velocity's list of forty tokens. */
    @Test
    void aSyntaxErrorSaysWhereAndAtWhat() {
        assertEquals(new RenderProblem.SyntaxError(1, 11, ""), renderer.check("Hallo #if(", Map.of()).orElseThrow(),
                "the text ends inside the #if");
        assertEquals(new RenderProblem.SyntaxError(1, 5, "#end"), renderer.check("a $x#end b", Map.of("x", 1)).orElseThrow());
        assertEquals(new RenderProblem.SyntaxError(2, 8, "#end"), renderer.check("regel 1\nregel 2#end", Map.of()).orElseThrow());
    }

    /** Velocity's words, when it has no place to point at, on one line and without its list of expected tokens. */
    @Test
    void velocitysOwnWordsAreCutToOneLine() {
        assertEquals("Encountered the end of the text at [line 1, column 11]", TextRenderer.readable(
                "Encountered \"\\u001c\" at <unknown template>[line 1, column 11]\nWas expecting one of:\n    \"(\" ..."));
    }

    /** A right-to-left override in a typed answer would make "10" read as "01" where it is shown. */
    @Test
    void directionOverridesInWhatAPersonTypedAreDropped() {
        assertEquals("Wij hebben 10 kinderen", renderer.render("Wij hebben $answers.n kinderen",
                answers("n", "\u202E10\u202C")));
        assertEquals("a&lt;b", TextRenderer.escape("a\u2066<\u2069b"));
        assertEquals("مرحبا \u200F", TextRenderer.escape("مرحبا \u200F"), "marks that help Arabic read well stay");
    }

    /**
     * Texts also come from an admin's uploaded spreadsheet, and a published flow shows them to anyone: a text that
     * called a method ran a command on the server and read its secrets, and #include showed a file. A text may read
     * values and choose between words; anything else is refused where it stands, before it is ever rendered.
     */
    @Test
    void aTextMayNotCallAMethodOrUseADirectiveOtherThanIf() {
        Map<String, Object> model = Map.of("answers", new java.util.HashMap<>(Map.of("naam", "Ayşe")));
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("X $answers.getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null)", "getClass(");
        refused.put("Env $answers.getClass().forName(\"java.lang.System\").getenv(\"SAMENSPRAAK_JWT_SECRET\")", "getClass(");
        refused.put("Hallo $answers.naam.toUpperCase()", "toUpperCase(");
        refused.put("Hallo #include(\"pom.xml\")", "#include");
        refused.put("Hallo #parse(\"pom.xml\")", "#parse");
        refused.put("#set($a = \"xx\")$a", "#set");
        refused.put("#foreach($i in [1..1000000])x#end", "#foreach");
        refused.put("#macro(a)#a()#end#a()", "#macro");
        refused.put("#evaluate(\"$answers.naam\")", "#evaluate");
        refused.forEach((text, near) -> {
            java.util.Optional<RenderProblem> problem = renderer.syntaxProblem(text);
            assertTrue(problem.isPresent() && problem.get() instanceof RenderProblem.SyntaxError e && e.near().equals(near),
                    text + " -> " + problem);
            assertTrue(renderer.check(text, model).isPresent(), text);
            assertThrows(IllegalArgumentException.class, () -> renderer.render(text, model), text);
        });
        // what texts do use still works: a value, a property, a choice
        assertEquals("Dag Ayşe, welkom.", renderer.render("Dag $answers.naam#if($answers.naam == \"Ayşe\"), welkom#else!#end.", model));
        assertEquals(java.util.Optional.empty(), renderer.syntaxProblem("#if($scores.houding < 50)laag#elseif($scores.houding < 75)midden#{else}hoog#end"));
    }

    @Test
    void aPropertyOfAClassOrTheSystemIsNotReadEither() {
        Map<String, Object> model = Map.of("answers", new java.util.HashMap<>(Map.of("naam", "Ayşe")));
        assertTrue(renderer.check("$answers.class.classLoader", model).isPresent(), "no class loader through a property");
        assertThrows(RuntimeException.class, () -> renderer.render("$answers.class.classLoader", model));
    }
}
