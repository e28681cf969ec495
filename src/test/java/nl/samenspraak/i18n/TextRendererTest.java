package nl.samenspraak.i18n;

import nl.samenspraak.support.OnStack;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** A sentence left out on a line of its own leaves one space between its neighbours (Telegram showed two). */
    @Test
    void aPartLeftOutLeavesOneSpace() {
        String folded = "Te pytania zadaje zespół. #if($answers.naam)Pośrednik czyta.#end Co widzi zespół?";
        assertEquals("Te pytania zadaje zespół. Co widzi zespół?", renderer.render(folded, answers("naam", "")));
        assertEquals("Te pytania zadaje zespół. Pośrednik czyta. Co widzi zespół?", renderer.render(folded, answers("naam", "x")));
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
        assertEquals("&lt;i>Jouw antwoord: <b>ja</b>", renderer.render("<i>Jouw antwoord: $a", Map.of("a", new SafeHtml("<b>ja</b>"))),
                "the value's tags stay, the template's own do not");
        assertEquals("x", renderer.render("$a", Map.of("a", "\uE001x")), "the mark of an inserted tag is never typed in");
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

    /**
     * A text is words, never markup, however its source hides a tag from the flow check: a comment inside the tag, an
     * empty #if between "<" and its name, a plain tag. An uploaded questionnaire put a live link and a redirect on
     * residents' pages this way. A text for no page (PlainMessages) keeps its "<".
     */
    @Test
    void aTextIsNeverMarkupHoweverItsSourceHidesATag() {
        String link = renderer.render("Uw sessie is verlopen: <#**#a href=\"https://evil.example\">log in", Map.of());
        assertEquals("Uw sessie is verlopen: &lt;a href=\"https://evil.example\">log in", link);
        assertEquals("&lt;meta http-equiv=\"refresh\">",
                renderer.render("<#if(true)#{end}meta http-equiv=\"refresh\">", Map.of()));
        assertEquals("&lt;b>vet&lt;/b>", renderer.render("<b>vet</b>", Map.of()), "a text without Velocity too");
        assertEquals("Gebruik answers.&lt;stap-id>", renderer.render("Gebruik answers.<stap-id>", Map.of("x", 1)));
        assertEquals("flows/<id>.yaml", renderer.renderPlain("flows/<id>.yaml", Map.of()));
    }

    /**
     * The mark that stands for an inserted value's "<" while the template's own are escaped is never a text's own: an
     * uploaded label or theme name typed with U+E001 (in a condition, or plain) came out as a live link on residents'
     * pages, in the API and in the PDF, since every mark was turned back into "<". A text rendered and put into
     * another as {@link SafeHtml} (the result's questions and themes) keeps only its real tags.
     */
    @Test
    void aTextsOwnMarkIsNeverTakenForAnInsertedTag() {
        String condition = "Dag $answers.naam. #if(true)\uE001a href=\"https://evil.example/\">KLIK\uE001/a>#end Einde.";
        assertEquals("Dag aap. a href=\"https://evil.example/\">KLIK/a> Einde.", renderer.render(condition, answers("naam", "aap")));
        String plain = "Vraag \uE001a href=\"https://evil.example/\">KLIK\uE001/a>";
        String once = renderer.render(plain, Map.of());
        assertEquals("Vraag a href=\"https://evil.example/\">KLIK/a>", once);
        assertEquals("<b>Vraag a href=\"https://evil.example/\">KLIK/a></b>",
                renderer.render("$vet", Map.of("vet", new SafeHtml("<b>" + plain + "</b>"))),
                "a value's own tags stay, a mark it holds does not become one");
        assertEquals("Thema b>vet/b>", renderer.renderPlain("Thema \uE001b>vet\uE001/b>", Map.of()));
        assertFalse(renderer.renderOwnTemplate("<p>$t</p>", Map.of("t", new SafeHtml("x\uE001a href=y>z"))).contains("<a"));
    }

    /** A name only a condition asks about is checked too: strict Velocity takes a missing one there as false. */
    @Test
    void anUnknownNameInAConditionIsAnErrorToo() {
        assertEquals(new RenderProblem.UnknownReference("$shown.c"),
                renderer.check("Een.#if(!$shown.c) Twee.#end", Map.of("shown", Map.of("b", false))).orElseThrow());
        assertTrue(renderer.check("Een.#if(!$shown.b) Twee.#end", Map.of("shown", Map.of("b", false))).isEmpty());
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

    /**
     * A text nested deeper than any text needs is refused by how it is written, the same on every thread: judged by
     * running out of stack, 101 brackets were taken, and 4,900 refused on a thread of 256 kB but taken on a larger one.
     */
    @Test
    void aTextNestedTooDeeplyIsRefusedByItsShapeNotByTheStack() {
        int most = TextNesting.MOST_BRACKETS;
        assertTrue(renderer.check("#if(" + "(".repeat(most - 1) + "1" + ")".repeat(most - 1) + ")ja#end", Map.of()).isEmpty(),
                "as many brackets as may be: taken");
        assertTrue(renderer.check("#if(true)".repeat(TextNesting.MOST_BLOCKS) + "ja" + "#end".repeat(TextNesting.MOST_BLOCKS),
                Map.of()).isEmpty(), "as many #ifs as may be");
        assertTrue(renderer.check("#if(" + "!".repeat(TextNesting.MOST_OPERATORS) + "true)ja#end", Map.of()).isEmpty(),
                "as many operators as may be");
        assertEquals("ja", renderer.render("#if(true" + " && true".repeat(TextNesting.MOST_OPERATORS) + ")ja#end", Map.of()));
        for (String deep : new String[] {
                "#if(" + "(".repeat(most) + "1" + ")".repeat(most) + ")ja#end",
                "#if(" + "[".repeat(most) + "1" + "]".repeat(most) + ")ja#end",
                "#if(true)".repeat(TextNesting.MOST_BLOCKS + 1) + "ja" + "#end".repeat(TextNesting.MOST_BLOCKS + 1),
                "#if(" + "!".repeat(TextNesting.MOST_OPERATORS + 1) + "true)ja#end",
                "#if(1" + " + 1".repeat(TextNesting.MOST_OPERATORS + 1) + " > 0)ja#end"}) {
            assertEquals(Optional.of(new RenderProblem.TooDeep()), renderer.syntaxProblem(deep), deep.substring(0, 30));
            assertThrows(IllegalArgumentException.class, () -> renderer.render(deep, Map.of()), "nor rendered");
        }
        assertTrue(renderer.check("Hallo $!answers.naam! (Zo!) Wat fijn!!! :-) " + "-!".repeat(300), answers("naam", "x")).isEmpty(),
                "exclamation marks and dashes outside brackets are prose, and a quiet reference is no operator");

        String deep = "#if(" + "(".repeat(4_900) + "1" + ")".repeat(4_900) + ")ja#end";
        Object small = OnStack.run(OnStack.SMALL, () -> new TextRenderer().syntaxProblem(deep));
        Object large = OnStack.run(OnStack.LARGE, () -> new TextRenderer().syntaxProblem(deep));
        assertEquals(Optional.of(new RenderProblem.TooDeep()), large, "refused on a large stack");
        assertEquals(large, small, "and on a small one");
    }
}
