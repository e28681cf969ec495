package nl.samenspraak.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.velocity.VelocityViewsRenderer;
import jakarta.inject.Singleton;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.i18n.SafeHtml;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.i18n.Translations;
import nl.samenspraak.system.RequestLanguage;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What every server-rendered page needs: its language (asked, else the browser's, else Dutch) with text
 * direction, and the words of the sections it shows ({@code web.} as {@code $t}, other sections under their
 * own name, e.g. {@code $auth.login}). Also renders a page to a string, for replies made outside a controller.
 */
@Singleton
public class Pages {
    private final FlowLibrary library;
    private final Translations translations;
    private final TextRenderer text;
    private final RequestLanguage requestLanguage;
    private final VelocityViewsRenderer<Object, HttpRequest<?>> views;
    private final StaticAssets assets;

    public Pages(FlowLibrary library, TextRenderer text, RequestLanguage requestLanguage,
                 VelocityViewsRenderer<Object, HttpRequest<?>> views, StaticAssets assets) {
        this.assets = assets;
        this.library = library;
        this.translations = library.translations();
        this.text = text;
        this.requestLanguage = requestLanguage;
        this.views = views;
    }

    /** The language to show {@code request} in: {@code asked} when the product speaks it, else the browser's. */
    public String language(@Nullable HttpRequest<?> request, @Nullable String asked) {
        return requestLanguage.of(request, asked);
    }

    /**
     * A mutable model with {@code lang}, {@code dir}, {@code t} (the web words), each named section's words and
     * {@code assets} (the hashed paths of the static files, see {@link StaticAssets}).
     */
    public Map<String, Object> model(String language, String... sections) {
        Language lang = translations.languageOrSource(language);
        Map<String, Object> model = new HashMap<>();
        model.put("assets", assets.paths());
        model.put("lang", lang.code());
        model.put("dir", lang.direction());
        model.put("t", translations.messages(lang.code(), "web."));
        for (String section : sections) {
            model.put(section, translations.messages(lang.code(), section + "."));
        }
        return model;
    }

    /** The languages to choose from, {@code selected} marked (for a language menu). */
    public List<Map<String, String>> languages(String selected) {
        return translations.languages().stream()
                .map(l -> Map.of("code", l.code(), "name", l.name(), "selected", l.code().equals(selected) ? "selected" : ""))
                .toList();
    }

    /**
     * The languages of a page that lists flows: those that one of the flows {@code which} lets through speaks, and
     * {@code selected}. A language added for one flow (or only for a hidden example) was offered on the start page,
     * whose page in it then listed no flow to start.
     */
    public List<Map<String, String>> languages(String selected, Predicate<Flow> which) {
        List<Flow> flows = library.listed().stream().filter(which).toList();
        return languages(selected).stream()
                .filter(l -> l.get("code").equals(selected) || flows.stream().anyMatch(f -> f.speaks(l.get("code"))))
                .toList();
    }

    /** The flows that {@code which} lets through and that speak {@code language}: id, title and description. */
    public List<Map<String, String>> flows(String language, Predicate<Flow> which) {
        return library.listed().stream().filter(f -> f.speaks(language) && which.test(f))
                .map(f -> Map.of("id", f.id(), "title", translations.flowText(language, f.id(), "title"),
                        "description", translations.flowText(language, f.id(), "description")))
                .toList();
    }

    /** The words of one section (e.g. "auth"), keyed without the section, in {@code language} or Dutch. */
    public Map<String, String> words(String language, String section) {
        return translations.messages(translations.languageOrSource(language).code(), section + ".");
    }

    /** One message with its parameters filled in (escaped), ready to insert into a page as it is. */
    public SafeHtml message(String language, String key, Map<String, ?> parameters) {
        return new SafeHtml(text.render(translations.message(translations.languageOrSource(language).code(), key), parameters));
    }

    /** The notice for {@code done} (a key after a form, e.g. "saved") from a section's words: its "done_" text, or "". */
    public static String notice(Map<String, String> sectionWords, @Nullable String done) {
        return done == null ? "" : sectionWords.getOrDefault("done_" + done, "");
    }

    /** {@code path?lang=..} plus a {@code done} notice key when given: where to go after a form. */
    public static String link(String path, String language, @Nullable String done) {
        StringBuilder b = new StringBuilder(path).append(path.contains("?") ? '&' : '?').append("lang=").append(encode(language));
        if (done != null) {
            b.append("&done=").append(encode(done));
        }
        return b.toString();
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Renders {@code view} to HTML, for replies that do not pass through a controller (filters, error handlers). */
    public String html(String view, Map<String, Object> model, @Nullable HttpRequest<?> request) {
        StringWriter out = new StringWriter();
        try {
            views.render(view, model, request).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
