package nl.samenspraak.dashboard;

import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The team report's charts as an Arabic reader gets them (the manager probe of December 2026): the rounds' labels
 * drawn without an empty box where Noto Sans Arabic has no middle dot, and the charts running from the right, as
 * the report's text and the web page's charts do; a Dutch report's as before.
 */
class ReportChartsTest {
    static final List<String> BANDS = List.of("0-24", "25-49", "50-74", "75-100");

    @Test
    void anArabicRoundLabelIsDrawnInCharactersItsFontHas() {
        Font arabic = ReportCharts.font(true, 13f);
        String label = "الجولة 1 · 6 ديسمبر 2026";
        assertTrue(arabic.canDisplayUpTo(label) >= 0, "the font has the dot after all: this checks nothing");
        String shown = ReportCharts.displayable(label, arabic, true);
        assertEquals("الجولة 1، 6 ديسمبر 2026", shown);
        assertEquals(-1, arabic.canDisplayUpTo(shown), shown);
        String dutch = "Ronde 1 · 6 december 2026";
        assertEquals(dutch, ReportCharts.displayable(dutch, ReportCharts.font(false, 13f), false), "the Latin font has the dot");
    }

    @Test
    void anArabicReportsChartsRunFromTheRight() {
        List<List<Long>> shares = List.of(List.of(10L, 0L), List.of(20L, 50L), List.of(30L, 50L), List.of(40L, 0L));
        CategoryPlot arabic = ReportCharts.spreadPlot(List.of("المعرفة", "الموقف"), BANDS, shares, true);
        assertEquals(RectangleEdge.RIGHT, arabic.getDomainAxisEdge(), "the labels on the right");
        assertTrue(arabic.getRangeAxis().isInverted(), "the bars growing to the left from them");
        CategoryPlot dutch = ReportCharts.spreadPlot(List.of("Kennis", "Houding"), BANDS, shares, false);
        assertEquals(RectangleEdge.LEFT, dutch.getDomainAxisEdge());
        assertFalse(dutch.getRangeAxis().isInverted());

        List<String> rounds = List.of("الجولة 1 · 6 نوفمبر 2026", "الجولة 2 · 6 ديسمبر 2026");
        CategoryPlot lines = ReportCharts.roundsPlot(rounds, List.of("المعرفة"), List.of(List.of(40L, 60L)), true);
        assertEquals(RectangleEdge.RIGHT, lines.getRangeAxisEdge(), "the scale on the right");
        assertEquals("الجولة 2، 6 ديسمبر 2026", lines.getCategories().get(0), "the latest round on the left, the first on the right");
        assertEquals(60, lines.getDataset().getValue("المعرفة", "الجولة 2، 6 ديسمبر 2026").intValue());
        CategoryPlot dutchLines = ReportCharts.roundsPlot(List.of("Ronde 1 · 6 november 2026", "Ronde 2 · 6 december 2026"),
                List.of("Kennis"), List.of(List.of(40L, 60L)), false);
        assertEquals(RectangleEdge.LEFT, dutchLines.getRangeAxisEdge());
        assertEquals("Ronde 1 · 6 november 2026", dutchLines.getCategories().get(0));
    }
}
