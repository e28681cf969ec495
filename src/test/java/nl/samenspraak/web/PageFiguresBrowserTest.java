package nl.samenspraak.web;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.support.JsonHttp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The figures the README records for the start, chat and result pages, in Dutch and Arabic at 390x844, each page
 * opened in a fresh browser (nothing cached): WCAG 2.1 A/AA violations found by axe-core (the engine behind
 * Lighthouse's accessibility score), the cumulative layout shift from the browser's own layout-shift entries, and
 * the bytes transferred (the page, its CSS and script; no PDF). Printed, written to target/figures/pages.md, and
 * held to the targets: no violation, layout shift below 0.05, under 60 KB.
 */
@MicronautTest
class PageFiguresBrowserTest {
    private static final double MAX_SHIFT = 0.05;
    private static final long MAX_BYTES = 60 * 1024;

    @Inject
    EmbeddedServer server;
    @Inject
    Respondents respondents;

    private record Figures(String page, String language, int violations, double shift, long bytes, long requests) {
        String row() {
            return String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.1f KB (%d requests) |", page, language, violations, shift,
                    bytes / 1024.0, requests);
        }
    }

    @Test
    void startChatAndResultPagesAreAccessibleStableAndLight() throws IOException {
        List<Figures> figures = new ArrayList<>();
        String base = server.getURL().toString();
        for (String language : List.of("nl", "ar")) {
            figures.add(measure("start", language, base + "/?lang=" + language, "h1"));
            String chat = base + "/c/" + start(base, language);
            figures.add(measure("chat", language, chat, "#answer button"));
            String id = respondents.finish("werk-jij-diversiteitsproof", language, Origin.NONE, Map.of());
            figures.add(measure("result", language, base + "/c/" + id, "#result .tip"));
        }
        StringBuilder table = new StringBuilder("| page | language | axe violations | layout shift | transferred |\n|---|---|---|---|---|\n");
        figures.forEach(f -> table.append(f.row()).append('\n'));
        System.out.println(table);
        Files.createDirectories(Path.of("target", "figures"));
        Files.writeString(Path.of("target", "figures", "pages.md"), table);
        for (Figures f : figures) {
            assertEquals(0, f.violations(), f.row());
            assertTrue(f.shift() < MAX_SHIFT, f.row());
            assertTrue(f.bytes() > 0 && f.bytes() < MAX_BYTES, f.row());
        }
    }

    private static String start(String base, String language) {
        return new JsonHttp(base).post("/api/conversations", "{\"flow\":\"werk-jij-diversiteitsproof\",\"language\":\"" + language + "\"}")
                .json().get("id").asText();
    }

    /** Opens {@code url} in a fresh phone-sized browser and measures it once {@code ready} shows. */
    private static Figures measure(String page, String language, String url, String ready) {
        try (Browser b = new Browser(language)) {
            b.phone(390, 844);
            b.open(url);
            b.waitFor(By.cssSelector(ready));
            // layout shifts are counted from the page's start until at least 1.5 s after it is ready, and the bytes after
            // that; axe runs within that time instead of before it (it reads the page and moves nothing: a shift or a load
            // it caused would only count against the page)
            b.driver().executeScript("""
                    window.figuresShift = 0;
                    window.figuresReady = performance.now();
                    new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.figuresShift += e.value; })
                      .observe({type: 'layout-shift', buffered: true});""");
            Results axe = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(b.driver());
            axe.getViolations().forEach(v -> System.out.println(page + " " + language + ": " + v.getId() + " " + v.getHelp() + " "
                    + v.getNodes().stream().map(n -> n.getTarget().toString()).toList()));
            Number shift = (Number) b.driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    setTimeout(() => done(window.figuresShift), Math.max(0, window.figuresReady + 1500 - performance.now()));""");
            Number bytes = (Number) b.driver().executeScript("""
                    const nav = performance.getEntriesByType('navigation')[0];
                    return nav.transferSize + performance.getEntriesByType('resource').reduce((s, e) => s + e.transferSize, 0);""");
            Number requests = (Number) b.driver().executeScript("return 1 + performance.getEntriesByType('resource').length");
            b.screenshot("figures-" + page + "-" + language);
            return new Figures(page, language, axe.getViolations().size(), shift.doubleValue(), bytes.longValue(), requests.longValue());
        }
    }
}
