package nl.samenspraak.dashboard;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

/**
 * The team report's charts, drawn on the server by JFreeChart (Java2D, headless) as PNG images that the PDF
 * embeds as data URIs: the spread of each dimension's scores (the share of people per quarter of 0-100), and the
 * mean per dimension over the counted rounds. Only figures the summary may show go in (the caller passes them);
 * the report prints the same figures as tables beside each chart. Labels in the bundled Noto fonts, Arabic in
 * Noto Sans Arabic, so no system font is needed.
 */
final class ReportCharts {
    private static final Color[] BANDS = {new Color(0xc23b5a), new Color(0xe07b39), new Color(0x8fb3d1), new Color(0x1f5f8b)};
    private static final Color[] LINES = {new Color(0x1f5f8b), new Color(0xe07b39), new Color(0x3a8f5c), new Color(0x8a4fa3),
            new Color(0xc23b5a), new Color(0x6b7b8c), new Color(0xb58b00), new Color(0x2b9aa0), new Color(0x7a5c3e), new Color(0x4b5fc2)};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ReportCharts() {
    }

    /** Per dimension (label), the percentage in each band (series); as a data URI of a PNG. */
    static String spread(List<String> labels, List<String> bandNames, List<List<Long>> percentPerBand, boolean arabic) {
        CategoryPlot plot = spreadPlot(labels, bandNames, percentPerBand, arabic);
        return png(chart(plot, font(arabic, 13f)), 900, 90 + 60 * labels.size());
    }

    /**
     * The spread's plot: bars lying down, in an Arabic report starting at their labels on the right and growing to the
     * left, as the page around them reads and as the web page's charts do (they ran left to right, labels on the left).
     */
    static CategoryPlot spreadPlot(List<String> labels, List<String> bandNames, List<List<Long>> percentPerBand, boolean arabic) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int b = 0; b < bandNames.size(); b++) {
            for (int d = 0; d < labels.size(); d++) {
                data.addValue(percentPerBand.get(b).get(d), bandNames.get(b), labels.get(d));
            }
        }
        Font font = font(arabic, 13f);
        CategoryAxis dimensions = new CategoryAxis();
        dimensions.setTickLabelFont(font);
        dimensions.setMaximumCategoryLabelWidthRatio(0.45f);
        NumberAxis percent = new NumberAxis("%");
        percent.setRange(0, 100);
        percent.setTickLabelFont(font(false, 11f));
        percent.setLabelFont(font(false, 11f));
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int b = 0; b < bandNames.size(); b++) {
            renderer.setSeriesPaint(b, BANDS[b % BANDS.length]);
        }
        CategoryPlot plot = new CategoryPlot(data, dimensions, percent, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        if (arabic) {
            percent.setInverted(true);
            plot.setDomainAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        }
        return plot;
    }

    /** Per dimension (series), the mean per round (category); as a data URI of a PNG. */
    static String rounds(List<String> roundLabels, List<String> dimensionNames, List<List<Long>> meanPerDimension, boolean arabic) {
        return png(chart(roundsPlot(roundLabels, dimensionNames, meanPerDimension, arabic), font(arabic, 13f)), 900, 420);
    }

    /**
     * The rounds' plot: in an Arabic report the first round on the right and the scale on the right, as the web page
     * draws it; a round's label in characters its font has ("الجولة 1 · 6 ديسمبر 2026" showed an empty box for the dot,
     * which Noto Sans Arabic does not have).
     */
    static CategoryPlot roundsPlot(List<String> roundLabels, List<String> dimensionNames, List<List<Long>> meanPerDimension, boolean arabic) {
        Font font = font(arabic, 13f);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int d = 0; d < dimensionNames.size(); d++) {
            for (int i = 0; i < roundLabels.size(); i++) {
                int r = arabic ? roundLabels.size() - 1 - i : i;
                data.addValue(meanPerDimension.get(d).get(r), dimensionNames.get(d), displayable(roundLabels.get(r), font, arabic));
            }
        }
        CategoryAxis rounds = new CategoryAxis();
        rounds.setTickLabelFont(font);
        NumberAxis score = new NumberAxis();
        score.setRange(0, 100);
        score.setTickLabelFont(font(false, 11f));
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
        for (int d = 0; d < dimensionNames.size(); d++) {
            renderer.setSeriesPaint(d, LINES[d % LINES.length]);
            renderer.setSeriesStroke(d, new BasicStroke(3f));
        }
        CategoryPlot plot = new CategoryPlot(data, rounds, score, renderer);
        if (arabic) {
            plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        }
        return plot;
    }

    /** {@code label} as {@code font} can draw it: the round label's middle dot becomes a comma where the font has none. */
    static String displayable(String label, Font font, boolean arabic) {
        return font.canDisplayUpTo(label) < 0 ? label : label.replace(" \u00b7 ", arabic ? "\u060c " : ", ");
    }

    private static JFreeChart chart(CategoryPlot plot, Font font) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xc9d1da));
        plot.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart(null, font, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(font);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        return chart;
    }

    private static String png(JFreeChart chart, int width, int height) {
        try {
            BufferedImage image = chart.createBufferedImage(width, height);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(ChartUtils.encodeAsPNG(image));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Font font(boolean arabic, float size) {
        String file = arabic ? "fonts/NotoSansArabic-Regular.ttf" : "fonts/NotoSans-Regular.ttf";
        try (InputStream in = ReportCharts.class.getClassLoader().getResourceAsStream(file)) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(size);
        } catch (IOException | FontFormatException | NullPointerException e) {
            return new Font(Font.SANS_SERIF, Font.PLAIN, (int) size);
        }
    }
}
