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
        return png(chart(plot, font), 900, 90 + 60 * labels.size());
    }

    /** Per dimension (series), the mean per round (category); as a data URI of a PNG. */
    static String rounds(List<String> roundLabels, List<String> dimensionNames, List<List<Long>> meanPerDimension, boolean arabic) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int d = 0; d < dimensionNames.size(); d++) {
            for (int r = 0; r < roundLabels.size(); r++) {
                data.addValue(meanPerDimension.get(d).get(r), dimensionNames.get(d), roundLabels.get(r));
            }
        }
        Font font = font(arabic, 13f);
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
        return png(chart(plot, font), 900, 420);
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

    private static Font font(boolean arabic, float size) {
        String file = arabic ? "fonts/NotoSansArabic-Regular.ttf" : "fonts/NotoSans-Regular.ttf";
        try (InputStream in = ReportCharts.class.getClassLoader().getResourceAsStream(file)) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(size);
        } catch (IOException | FontFormatException | NullPointerException e) {
            return new Font(Font.SANS_SERIF, Font.PLAIN, (int) size);
        }
    }
}
