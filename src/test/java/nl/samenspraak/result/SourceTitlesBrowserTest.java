package nl.samenspraak.result;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.ApiWalk;
import nl.samenspraak.support.JsonHttp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Dutch report's title inside a tip's source line of a right-to-left result («Samen om het kind – Een sterke basis»
 * in Arabic) reads as one title on a phone: its opening quotation mark beside its first word and its closing mark
 * beside its last. Isolated but free to break, it ended one line with "Samen" and began the next with "om het kind –
 * Een sterke basis", the closing mark beside "om". Every right-to-left language of the self-reflection, at 320, 360
 * and 390 px wide.
 */
@MicronautTest
class SourceTitlesBrowserTest {
    private static final String FLOW = "werk-jij-diversiteitsproof";

    @Inject
    EmbeddedServer server;
    @Inject
    FlowLibrary library;

    @Test
    void aDutchTitleInARightToLeftSourceLineKeepsItsQuotationMarksBesideIt() {
        List<String> rtl = library.flow(FLOW).orElseThrow().languages().stream()
                .filter(code -> library.translations().language(code).map(Language::direction).orElse("ltr").equals("rtl"))
                .toList();
        assertFalse(rtl.isEmpty(), "the self-reflection has a right-to-left language");
        for (String language : rtl) {
            String id = finished(language);
            try (Browser b = new Browser(language)) {
                for (int width : new int[]{320, 360, 390}) {
                    b.phone(width, 640);
                    b.open(server.getURL() + "/c/" + id);
                    b.waitFor(By.cssSelector("#result .tip"));
                    String where = language + " at " + width + " px";
                    int quoted = 0;
                    List<String> apart = new ArrayList<>();
                    for (WebElement line : b.driver().findElements(By.cssSelector("#result .tip-source"))) {
                        @SuppressWarnings("unchecked")
                        List<Object> found = (List<Object>) b.driver().executeScript(MARKS_BESIDE_TITLES, line);
                        quoted += ((Number) found.get(0)).intValue();
                        found.subList(1, found.size()).forEach(f -> apart.add(String.valueOf(f)));
                    }
                    b.screenshot("source-titles-" + language + "-" + width);
                    assertTrue(quoted >= 2, where + ": the result cites Dutch titles in quotation marks (" + quoted + ")");
                    assertEquals(List.of(), apart, where + ": quotation marks away from the title's first or last word");
                }
            }
        }
    }

    /**
     * For one source line: how many isolated runs (a Dutch title) have a mark touching them, then each mark that is
     * not on the line of, and right beside, the title's word it touches in the text.
     */
    private static final String MARKS_BESIDE_TITLES = """
            const p = arguments[0], nodes = [];
            let text = '';
            const walk = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
            while (walk.nextNode()) { nodes.push([walk.currentNode, text.length]); text += walk.currentNode.data; }
            const at = i => { for (let k = nodes.length - 1; k >= 0; k--) if (nodes[k][1] <= i) return [nodes[k][0], i - nodes[k][1]]; };
            const box = (from, to) => { const r = document.createRange(), a = at(from), b = at(to - 1);
              r.setStart(a[0], a[1]); r.setEnd(b[0], b[1] + 1); const rs = [...r.getClientRects()].filter(x => x.width > 0); return rs[0]; };
            const control = c => c >= '\\u2066' && c <= '\\u2069', space = c => /\\s/.test(c);
            const beside = (mark, word) => Math.abs(mark.top - word.top) < 4
              && Math.max(mark.left, word.left) - Math.min(mark.right, word.right) < 8;
            const out = [0];
            for (let i = 0, depth = 0, start = -1; i < text.length; i++) {
              const c = text[i];
              if (c >= '\\u2066' && c <= '\\u2068') { if (depth++ === 0) start = i; continue; }
              if (c !== '\\u2069' || depth === 0 || --depth > 0) continue;
              const end = i, before = start - 1, after = end + 1;
              let first = start; while (control(text[first])) first++;
              let firstEnd = first; while (firstEnd < end && !space(text[firstEnd]) && !control(text[firstEnd])) firstEnd++;
              let last = end; while (control(text[last - 1])) last--;
              let lastStart = last; while (lastStart > first && !space(text[lastStart - 1]) && !control(text[lastStart - 1])) lastStart--;
              const title = text.slice(first, last);
              let marked = false;
              if (before >= 0 && !space(text[before])) {
                marked = true;
                if (!beside(box(before, before + 1), box(first, firstEnd))) out.push(text[before] + ' before ' + title);
              }
              if (after < text.length && !space(text[after])) {
                marked = true;
                if (!beside(box(after, after + 1), box(lastStart, last))) out.push(text[after] + ' after ' + title);
              }
              if (marked) out[0]++;
            }
            return out;""";

    /** A self-reflection in {@code language} answered to its end through the API. */
    private String finished(String language) {
        JsonNode state = ApiWalk.answerUntil(new JsonHttp(server.getURL().toString()), FLOW, language,
                s -> s.get("done").asBoolean());
        assertTrue(state.get("done").asBoolean(), FLOW + " in " + language + " ends");
        return state.get("id").asText();
    }
}
