package nl.samenspraak.dashboard;

import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chart as the pages' script draws it ({@code static/dashboard.js}): what kind, the labels along its axis and its
 * series, written as JSON into the page. One home for that shape, so the flow page, the summary and the compare
 * page cannot drift apart in how they hand a chart to the browser.
 */
final class ChartJson {
    private final JsonMapper json;

    ChartJson(JsonMapper json) {
        this.json = json;
    }

    /** The chart's JSON: {@code {"kind": kind, "labels": labels, "series": series}}. */
    String chart(String kind, List<?> labels, List<?> series) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", kind);
        chart.put("labels", labels);
        chart.put("series", series);
        try {
            return json.writeValueAsString(chart);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
