package nl.samenspraak.result;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A number or a date in a person's result (the summary of their answers, a tip's "Waarom deze tip", the PDF) is
 * written as their language writes it, as the chat repeated it when they typed it: the result said "5.5" and
 * "2026-12-07" to a Dutch reader whose chat had said "5,5". A file for programs (the export) keeps the stored form.
 */
class AnswerLabelsTest {
    private final FlowLibrary library = FlowWalk.library();
    private final Flow flow = library.flow("voorbeeld").orElseThrow();
    private final AnswerLabels labels = new AnswerLabels(library.translations());

    @Test
    void aNumberAndADateAreSaidAsTheLanguageWritesThem() {
        Map<String, String> half = Map.of("nl", "5,5", "tr", "5,5", "pl", "5,5", "ar", "5,5", "en", "5.5");
        half.forEach((language, said) -> assertEquals(said,
                labels.said(flow, flow.requireStep("ervaring_jaren"), 5.5, language), language));
        assertEquals("12", labels.said(flow, flow.requireStep("ervaring_jaren"), "12", "nl"), "a whole number as it is");
        assertEquals("7 december 2026", labels.said(flow, flow.requireStep("laatste_gesprek"), "2026-12-07", "nl"));
        assertEquals("7 December 2026", labels.said(flow, flow.requireStep("laatste_gesprek"), "2026-12-07", "en"));
        assertEquals("5,5", labels.all(flow, Map.of("ervaring_jaren", "5.5"), "nl").get("ervaring_jaren"),
                "as $answers.<step> in a flow's texts");
    }

    @Test
    void anExportKeepsTheStoredForm() {
        assertEquals("5.5", labels.answer(flow, flow.requireStep("ervaring_jaren"), 5.5, "nl"));
        assertEquals("2026-12-07", labels.answer(flow, flow.requireStep("laatste_gesprek"), "2026-12-07", "nl"));
    }
}
