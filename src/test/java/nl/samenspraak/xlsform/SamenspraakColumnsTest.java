package nl.samenspraak.xlsform;

import nl.samenspraak.engine.ConversationEngine;
import nl.samenspraak.engine.Outcome;
import nl.samenspraak.engine.Progress;
import nl.samenspraak.flow.AdviceRule;
import nl.samenspraak.flow.DashboardUse;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.load.DataFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import static nl.samenspraak.xlsform.XlsFormBuilder.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Samenspraak's own columns, so a scored flow with consent and advice can live as a spreadsheet: points per
 * dimension on choices, dimension and ends of a range, "don't know", exclusive options, themes, consent,
 * dashboard use and whether scores are shown, and advice rules on a sheet of their own.
 */
class SamenspraakColumnsTest {
    static XlsFormImport importer;
    static FlowLibrary library;
    static Flow flow;

    static XlsFormBuilder form() {
        return new XlsFormBuilder()
                .sheet("survey", new String[]{"type", "name", "label::Nederlands (nl)", "label::English (en)", "required",
                                "consent", "dont_know", "theme", "dimension", "min_label::Nederlands (nl)",
                                "min_label::English (en)", "max_label::Nederlands (nl)", "max_label::English (en)", "source"},
                        row("acknowledge", "toestemming", "Mogen we je antwoorden bewaren?", "May we keep your answers?",
                                "", "yes", "", "", "", "", "", "", "", "AVG-toets 2026"),
                        row("select_one kennis", "kennis", "Hoeveel weet je?", "How much do you know?", "yes",
                                "", "yes", "migratie", "", "", "", "", "", ""),
                        row("range", "houding", "Ik vraag door.", "I ask further.", "yes", "", "", "", "houding",
                                "nooit", "never", "altijd", "always", ""),
                        row("select_multiple hulp", "hulp", "Welke hulp?", "Which help?", "yes", "", "", "", "", "", "", "", "", ""))
                .sheet("choices", new String[]{"list_name", "name", "label::Nederlands (nl)", "label::English (en)",
                                "points::kennis", "exclusive"},
                        row("kennis", "veel", "Veel", "A lot", "2", ""),
                        row("kennis", "iets", "Iets", "Some", "1", ""),
                        row("kennis", "weinig", "Weinig", "Little", "0", ""),
                        row("hulp", "tolk", "Een tolk", "An interpreter", "", ""),
                        row("hulp", "buurt", "De buurt", "The neighbourhood", "", ""),
                        row("hulp", "geen", "Geen", "None", "", "yes"))
                .sheet("dimensions", new String[]{"name", "label::Nederlands (nl)", "label::English (en)"},
                        row("kennis", "Kennis", "Knowledge"),
                        row("houding", "Houding", "Attitude"))
                .sheet("themes", new String[]{"name", "label::Nederlands (nl)", "label::English (en)"},
                        row("migratie", "Migratie", "Migration"))
                .sheet("advice", new String[]{"name", "when", "priority", "source", "title::Nederlands (nl)",
                                "title::English (en)", "text::Nederlands (nl)", "text::English (en)"},
                        row("kennis_opbouwen", "score('kennis') < 50", "1", "Bijlage 3", "Leer meer", "Learn more",
                                "Volg een training.", "Take a course."),
                        row("tolk_regelen", "selected(${hulp}, 'tolk')", "2", "", "Regel een tolk", "Book an interpreter",
                                "Op tijd.", "In time."))
                .sheet("settings", new String[]{"form_id", "form_title", "dashboard", "show_scores", "audience"},
                        row("eigen_kolommen", "Eigen kolommen", "anonymous", "no", "resident"));
    }

    @BeforeAll
    static void importForm() {
        importer = new XlsFormImport(DataFiles.readBundled("flows"), DataFiles.readBundled("locales"));
        ImportedFlow imported = importer.read(new ByteArrayInputStream(form().bytes()), "eigen.xlsx");
        library = importer.check(imported);
        flow = library.flow("eigen-kolommen").orElseThrow();
    }

    @Test
    void settingsOfTheirOwn() {
        assertEquals(DashboardUse.ANONYMOUS, flow.dashboard());
        assertFalse(flow.showsScores());
        assertEquals(nl.samenspraak.flow.Audience.RESIDENT, flow.audience());
        assertTrue(flow.asksConsent());
        assertTrue(flow.requireStep("toestemming").consent());
        assertEquals("AVG-toets 2026", flow.requireStep("toestemming").source());
    }

    @Test
    void scoringColumns() {
        assertEquals(List.of("kennis", "houding"), flow.dimensions());
        Step kennis = flow.requireStep("kennis");
        assertEquals(2.0, kennis.option("veel").orElseThrow().pointsOn("kennis"));
        assertTrue(kennis.option(Step.DONT_KNOW).isPresent(), "dont_know adds 'I don't know'");
        assertEquals("migratie", kennis.theme());
        assertEquals("houding", flow.requireStep("houding").dimension());
        assertTrue(flow.requireStep("hulp").option("geen").orElseThrow().exclusive());
        assertEquals("Knowledge", library.translations().flowText("en", flow.id(), "dimensions.kennis"));
        assertEquals("Migration", library.translations().flowText("en", flow.id(), "themes.migratie"));
        assertEquals("always", library.translations().flowText("en", flow.id(), "steps.houding.maxLabel"));
    }

    @Test
    void adviceRulesReadScoresAndAnswers() {
        AdviceRule learn = flow.advice().get(0);
        assertEquals("kennis_opbouwen", learn.id());
        assertEquals(1, learn.priority());
        assertTrue(learn.when().test(Map.of(), Map.of("kennis", 40)));
        assertFalse(learn.when().test(Map.of(), Map.of("kennis", 60)));
        AdviceRule interpreter = flow.advice().get(1);
        assertTrue(interpreter.when().test(Map.of("hulp", List.of("tolk")), Map.of()));
        assertFalse(interpreter.when().test(Map.of("hulp", List.of("buurt")), Map.of()));
        assertEquals("Book an interpreter", library.translations().flowText("en", flow.id(), "tips.tolk_regelen.title"));
    }

    /**
     * A tip's source is the form's own words where its author wrote one ("Bijlage 3"), and a tip without one has no
     * source line: both tips of such a form said "Bron:" with nothing after it, on the page, in the API and the PDF.
     */
    @Test
    void aTipShowsTheFormsOwnSourceAndNoEmptySourceLine() throws Exception {
        ConversationEngine engine = new ConversationEngine();
        Progress p = engine.start(flow);
        for (Object[] answer : new Object[][]{{"toestemming", Step.YES}, {"kennis", "weinig"}, {"houding", 1},
                {"hulp", List.of("tolk")}}) {
            p = assertInstanceOf(Outcome.Accepted.class, engine.answer(flow, p, (String) answer[0], answer[1])).progress();
        }
        assertTrue(p.ended());
        String template = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/resources/views/result.vm"));
        nl.samenspraak.result.Result result = new nl.samenspraak.result.ResultBuilder(engine, library.translations(),
                new nl.samenspraak.i18n.TextRenderer(), template).build(flow, p, "nl");
        assertEquals(List.of("Bijlage 3", ""), result.tips().stream().map(nl.samenspraak.result.Result.Tip::source).toList());
        assertTrue(result.html().contains("<strong>Bron:</strong> Bijlage 3</p>"), result.html());
        assertEquals(1, result.html().split("tip-source", -1).length - 1, "one source line, for the tip that has one: " + result.html());
    }

    @Test
    void consentDeclinedEndsTheConversation() {
        ConversationEngine engine = new ConversationEngine();
        Progress p = engine.start(flow);
        Outcome declined = engine.answer(flow, p, "toestemming", Step.NO);
        assertTrue(assertInstanceOf(Outcome.Accepted.class, declined).progress().ended());
    }
}
