package nl.samenspraak.pdf;

import io.micronaut.http.HttpRequest;
import io.micronaut.views.velocity.VelocityViewsRenderer;
import jakarta.inject.Singleton;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.engine.AnswerWords;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.i18n.SafeHtml;
import nl.samenspraak.conversation.ResultSummary;
import nl.samenspraak.i18n.Translations;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * A finished conversation's result as a PDF to keep: the flow's title, the date and the language, the summary
 * line, then the result exactly as the page shows it (its HTML, whatever the result holds). Made on the server
 * with openhtmltopdf from views/result-pdf.vm: right to left with joined Arabic letters through its ICU module,
 * in the bundled Noto Sans and Noto Sans Arabic, embedded in the file (the engine is {@link HtmlPdf}).
 * Nothing is fetched while making it. Shared by the channels that hand a result over as a file (the web chat's
 * download, the Telegram bot's "Als PDF"), so both give the same file.
 */
@Singleton
public class ResultPdf {
    private final FlowLibrary library;
    private final VelocityViewsRenderer<Object, HttpRequest<?>> views;

    public ResultPdf(FlowLibrary library, VelocityViewsRenderer<Object, HttpRequest<?>> views) {
        this.library = library;
        this.views = views;
    }

    /** The PDF of {@code state}'s result, dated {@code day}. */
    public byte[] make(ConversationState state, LocalDate day) {
        return make(state, day, null);
    }

    /** As above, naming the team ({@code teamName}, null: none) under the title. */
    public byte[] make(ConversationState state, LocalDate day, @io.micronaut.core.annotation.Nullable String teamName) {
        Translations t = library.translations();
        Language language = t.languageOrSource(state.language());
        Map<String, Object> model = new HashMap<>();
        model.put("lang", language.code());
        model.put("dir", language.direction());
        model.put("fontFamily", new nl.samenspraak.i18n.SafeHtml(HtmlPdf.FONT_FAMILY));
        String title = t.flowText(language.code(), state.flow(), "title");
        model.put("title", title);
        model.put("date", AnswerWords.of(t, state.flow(), language.code()).date(day));
        model.put("languageName", language.name());
        model.put("teamName", teamName == null ? "" : nl.samenspraak.i18n.TextRenderer.escape(teamName));
        model.put("summaryLine", ResultSummary.line(t, state));
        model.put("resultHtml", new SafeHtml(state.result().html()));
        // in the flow's own register, as its locale files word it: a resident's PDF said "Alleen jij hebt dit bestand"
        // under a result that says "u" (the advice probe of December 2026)
        model.put("made", t.flowMessage(language.code(), state.flow(), "web.pdf_made"));
        // the document's description (its metadata's subject), which PDF/UA asks for beside the title
        model.put("subject", t.message(language.code(), "web.pdf_subject"));
        StringWriter html = new StringWriter();
        try {
            views.render("result-pdf", model, null).writeTo(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Document document = Jsoup.parse(html.toString());
        // the page sets a score bar's length from its data-value; a PDF has no script
        for (Element bar : document.select(".score-fill[data-value]")) {
            bar.attr("style", "width: " + Math.max(0, Math.min(100, parseOrZero(bar.attr("data-value")))) + "%");
        }
        return HtmlPdf.render(document, language.rightToLeft());
    }

    private static int parseOrZero(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
