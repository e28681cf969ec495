package nl.samenspraak.xlsform;

import nl.samenspraak.engine.ConversationEngine;
import nl.samenspraak.engine.Outcome;
import nl.samenspraak.engine.Progress;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.StepType;
import nl.samenspraak.flow.load.DataFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample neighbourhood survey (nl, en, ar) imported, loaded as the service loads flows, and walked. */
class XlsFormImportTest {
    static XlsFormImport importer;
    static ImportedFlow imported;
    static FlowLibrary library;
    static Flow flow;
    final ConversationEngine engine = new ConversationEngine();

    @BeforeAll
    static void importSample() {
        importer = new XlsFormImport(DataFiles.readBundled("flows"), DataFiles.readBundled("locales"));
        imported = importer.read(new ByteArrayInputStream(SampleForms.buurtpeiling().bytes()), "buurtpeiling.xlsx");
        library = importer.check(imported);
        flow = library.flow("buurt-peiling").orElseThrow();
    }

    @Test
    void settingsGiveIdTitleAndLanguagesWithDutchFirst() {
        assertEquals("buurt-peiling", imported.id());
        assertEquals(List.of("nl", "en", "ar"), flow.languages());
        assertEquals("Buurtpeiling", library.translations().flowText("ar", flow.id(), "title"));
        assertTrue(imported.flowYaml().contains("version 2026120101"), imported.flowYaml());
    }

    @Test
    void everyTypeMapsToItsStep() {
        assertEquals(StepType.INFO, step("welkom").type());
        assertEquals(StepType.INFO, step("huishouden").type(), "a group's label is said as a message");
        assertEquals(StepType.NUMBER, step("leeftijd").type());
        assertEquals(StepType.CHOICE, step("kinderen").type());
        assertEquals(StepType.MULTI, step("onderwerpen").type());
        assertEquals(StepType.TEXT, step("wens").type());
        assertEquals(StepType.SCALE, step("tevreden").type());
        assertEquals(StepType.DATE, step("verhuisd").type());
        assertEquals(StepType.NUMBER, step("huur").type());
        assertEquals(StepType.YESNO, step("akkoord").type());
        assertTrue(flow.step("groot_gezin").isEmpty(), "a calculation is no question");
    }

    @Test
    void constraintsBecomeBounds() {
        assertEquals(16.0, step("leeftijd").min());
        assertEquals(120.0, step("leeftijd").max());
        assertEquals(2.0, step("onderwerpen").max());
        assertEquals(1.0, step("onderwerpen").min(), "required: at least one");
        assertEquals(200, step("wens").maxLength());
        assertEquals(1.0, step("tevreden").min());
        assertEquals(5.0, step("tevreden").max());
        assertEquals(Step.TODAY, step("verhuisd").notAfter());
        assertEquals(0.0, step("huur").min());
    }

    @Test
    void requiredAndOptionalFollowTheRequiredColumn() {
        assertFalse(step("leeftijd").optional());
        assertTrue(step("verhuisd").optional());
        assertTrue(step("opmerking").optional());
        Progress p = walkTo("leeftijd");
        Outcome empty = engine.answer(flow, p, "leeftijd", "");
        assertEquals("error.required", assertInstanceOf(Outcome.Invalid.class, empty).message());
    }

    @Test
    void constraintRefusesOutOfBoundsAnswers() {
        Progress p = walkTo("leeftijd");
        assertInstanceOf(Outcome.Invalid.class, engine.answer(flow, p, "leeftijd", "15"));
        assertInstanceOf(Outcome.Invalid.class, engine.answer(flow, p, "leeftijd", "121"));
        assertInstanceOf(Outcome.Accepted.class, engine.answer(flow, p, "leeftijd", "16"));
        Progress d = walk(Map.of("kinderen", "nee", "onderwerpen", List.of("werk")), "verhuisd");
        assertInstanceOf(Outcome.Invalid.class, engine.answer(flow, d, "verhuisd", LocalDate.now().plusDays(1).toString()));
        Progress m = walk(Map.of("kinderen", "nee"), "onderwerpen");
        assertInstanceOf(Outcome.Invalid.class, engine.answer(flow, m, "onderwerpen", List.of("school", "zorg", "werk")));
    }

    @Test
    void relevantSkipsQuestionsAsTheFormMeans() {
        List<String> withoutChildren = path(Map.of("kinderen", "nee", "onderwerpen", List.of("werk")));
        assertFalse(withoutChildren.contains("aantal_kinderen"));
        assertFalse(withoutChildren.contains("wens"), "neither three children nor school");
        assertFalse(withoutChildren.contains("huur"), "not(kinderen = 'nee')");
        List<String> school = path(Map.of("kinderen", "nee", "onderwerpen", List.of("school")));
        assertTrue(school.contains("wens"), "selected(onderwerpen, 'school')");
        List<String> bigFamily = path(Map.of("kinderen", "ja", "aantal_kinderen", "3", "onderwerpen", List.of("werk")));
        assertTrue(bigFamily.containsAll(List.of("aantal_kinderen", "wens", "huur")), bigFamily.toString());
        List<String> smallFamily = path(Map.of("kinderen", "ja", "aantal_kinderen", "2", "onderwerpen", List.of("werk")));
        assertFalse(smallFamily.contains("wens"), "the calculation groot_gezin is false");
    }

    @Test
    void orOtherAddsAnOptionAndAskedOnlyWhenChosen() {
        assertTrue(step("onderwerpen").option("other").isPresent());
        assertEquals("Something else", library.translations().flowText("en", flow.id(), "steps.onderwerpen.options.other"));
        assertTrue(path(Map.of("kinderen", "nee", "onderwerpen", List.of("other"))).contains("onderwerpen_other"));
        assertFalse(path(Map.of("kinderen", "nee", "onderwerpen", List.of("zorg"))).contains("onderwerpen_other"));
    }

    @Test
    void labelsHintsAndConstraintMessagesInEveryLanguage() {
        assertEquals("كم عمرك؟\n\nبالسنوات", library.translations().flowText("ar", flow.id(), "steps.leeftijd.text"));
        assertEquals("How old are you?\n\nIn years", library.translations().flowText("en", flow.id(), "steps.leeftijd.text"));
        assertEquals("You are between 16 and 120.", library.translations().flowText("en", flow.id(), "steps.leeftijd.invalid"));
        assertEquals("نعم", library.translations().flowText("ar", flow.id(), "steps.kinderen.options.ja"));
        assertEquals("Wat wens je voor ${answers.kinderen}?", library.translations().flowText("nl", flow.id(), "steps.wens.text"),
                "${name} in a label shows the answer");
    }

    private Step step(String id) {
        return flow.step(id).orElseThrow(() -> new AssertionError("no step " + id + " in " + imported.flowYaml()));
    }

    /** Walks from the start with default answers, overridden by {@code answers}, until the end; the steps passed. */
    private List<String> path(Map<String, Object> answers) {
        Progress p = engine.start(flow);
        java.util.List<String> seen = new java.util.ArrayList<>();
        while (!p.ended()) {
            seen.add(p.current());
            p = accept(p, answers);
        }
        return seen;
    }

    private Progress walk(Map<String, Object> answers, String until) {
        Progress p = engine.start(flow);
        while (!p.ended() && !p.current().equals(until)) {
            p = accept(p, answers);
        }
        assertEquals(until, p.current());
        return p;
    }

    private Progress walkTo(String until) {
        return walk(Map.of(), until);
    }

    private Progress accept(Progress p, Map<String, Object> answers) {
        Object value = answers.getOrDefault(p.current(), defaultAnswer(step(p.current())));
        Outcome o = engine.answer(flow, p, p.current(), value);
        return assertInstanceOf(Outcome.Accepted.class, o, p.current() + " refused " + value + ": " + o).progress();
    }

    private static Object defaultAnswer(Step s) {
        return switch (s.type()) {
            case INFO -> "";
            case NUMBER -> "40";
            case CHOICE -> s.options().get(0).value();
            case MULTI -> List.of(s.options().get(0).value());
            case SCALE -> "3";
            case YESNO -> Step.YES;
            case TEXT -> "iets";
            case DATE -> "2020-01-01";
        };
    }
}
