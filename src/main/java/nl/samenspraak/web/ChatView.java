package nl.samenspraak.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.SafeHtml;
import nl.samenspraak.i18n.Translations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The chat page (views/chat.vm with static/chat.js) for one conversation. The page carries the state, so the
 * first question shows without another round trip; from there chat.js talks to the JSON API that
 * {@link Setup} names. A respondent's page is in the conversation's language; an intermediair's page is in
 * the intermediair's language around questions in the resident's (see {@link Assist}).
 */
@Singleton
public class ChatView {
    private final FlowLibrary library;
    private final Pages pages;
    private final JsonMapper json;

    public ChatView(FlowLibrary library, Pages pages, JsonMapper json) {
        this.library = library;
        this.pages = pages;
        this.json = json;
    }

    /**
     * How a chat page talks and links: the language of its words around the questions, the API address its
     * answers go to (plus a query, e.g. "?lang=nl"), where "home" and "new conversation" lead, the path of the
     * link to come back later, and for an intermediair the {@link Assist} parts (else null).
     */
    public record Setup(String pageLanguage, String apiBase, String apiQuery, String home, String linkPath,
                        @Nullable Assist assist) {

        /** The respondent's own chat: everything in the conversation's language, through the public API. */
        public static Setup respondent(ConversationState state) {
            return new Setup(state.language(), "/api/conversations/" + state.id(), "",
                    Pages.link("/", state.language(), null), "/c/" + state.id(), null);
        }
    }

    /**
     * What an intermediair's chat page adds: a note above the chat (whose language the resident speaks, what to
     * do), and for typed answers a menu of the language the answer is typed in, labelled {@code typedInLabel},
     * with {@code languages} (code and name) and the resident's language chosen first.
     */
    public record Assist(SafeHtml note, String typedInLabel, String residentLanguage, List<Map<String, String>> languages) {
    }

    public HttpResponse<?> page(HttpRequest<?> request, ConversationState state, Setup setup) {
        Translations t = library.translations();
        String language = setup.pageLanguage();
        Map<String, Object> model = pages.model(language);
        model.put("title", t.flowText(language, state.flow(), "title"));
        model.put("stateJson", write(state));
        Map<String, String> texts = t.messages(language, "web.", state.flow());
        model.put("t", texts);
        model.put("textsJson", write(texts));
        model.put("resumeCode", state.resumeCode().substring(0, 4) + "-" + state.resumeCode().substring(4));
        String host = request.getHeaders().get("Host");
        model.put("link", host == null ? setup.linkPath() : "http://" + host + setup.linkPath());
        model.put("apiBase", setup.apiBase());
        model.put("apiQuery", setup.apiQuery());
        model.put("home", setup.home());
        model.put("linkPath", setup.linkPath());
        Assist assist = setup.assist();
        if (assist == null) {
            model.put("assist", false);
            model.put("assistJson", "null");
        } else {
            model.put("assist", Map.of("note", assist.note()));
            Map<String, Object> script = new HashMap<>();
            script.put("typedIn", assist.typedInLabel());
            script.put("resident", assist.residentLanguage());
            script.put("languages", assist.languages());
            model.put("assistJson", write(script));
        }
        return HttpResponse.ok(new ModelAndView<>("chat", model)).header("Cache-Control", "no-store");
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
