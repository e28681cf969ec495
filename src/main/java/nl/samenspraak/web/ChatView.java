package nl.samenspraak.web;

import nl.samenspraak.conversation.PlayVoiceAnswers;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.conversation.ResultSummary;
import nl.samenspraak.pdf.ResultPdf;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import nl.samenspraak.conversation.Caller;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.engine.AnswerWords;
import nl.samenspraak.flow.DashboardUse;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.i18n.SafeHtml;
import nl.samenspraak.i18n.Translations;
import nl.samenspraak.result.Result;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The chat page (views/chat.vm with static/chat.js) for one conversation, laid out as a messaging app: the way so
 * far (the transcript, from the server, so a reload or another device shows all of it) scrolls above the answer
 * area, which stays at the bottom of the screen. The page carries the state, so the first question shows without
 * another round trip; from there chat.js talks to the JSON API that {@link Setup} names. A finished conversation
 * shows its transcript and its result, with a summary line first, print and PDF, and the comparison with an
 * earlier result the person kept on their own device. A respondent's page is in the conversation's language; an
 * intermediair's page is in the intermediair's language around questions in the resident's (see {@link Assist}).
 */
@Singleton
public class ChatView {
    private final FlowLibrary library;
    private final Pages pages;
    private final JsonMapper json;
    private final ReadConversation readConversation;
    private final PlayVoiceAnswers playVoiceAnswers;
    private final ResultPdf pdf;

    public ChatView(FlowLibrary library, Pages pages, JsonMapper json, ReadConversation readConversation,
                    PlayVoiceAnswers playVoiceAnswers, ResultPdf pdf) {
        this.pdf = pdf;
        this.library = library;
        this.pages = pages;
        this.json = json;
        this.readConversation = readConversation;
        this.playVoiceAnswers = playVoiceAnswers;
    }

    /**
     * How a chat page talks and links: the language of its words around the questions, the API address its
     * answers go to (plus a query, e.g. "?lang=nl"), where "home" and "new conversation" lead, the path of the
     * link to come back later, for an intermediair the {@link Assist} parts (else null), and what only a respondent's
     * own page offers (null elsewhere): switching the conversation's language, forgetting it, its result as a PDF.
     */
    public record Setup(String pageLanguage, String apiBase, String apiQuery, String home, String linkPath,
                        @Nullable Assist assist, @Nullable String languagePath, @Nullable String forgetPath,
                        @Nullable String pdfPath, @Nullable String voicePath) {

        /**
         * Without {@code voicePath}: voice answers are said as "spraakbericht" only. With it (the holder's page of a
         * conversation whose answers the professional reads), each comes with a player of {@code voicePath/<step>}.
         */
        public Setup(String pageLanguage, String apiBase, String apiQuery, String home, String linkPath,
                     @Nullable Assist assist, @Nullable String languagePath, @Nullable String forgetPath,
                     @Nullable String pdfPath) {
            this(pageLanguage, apiBase, apiQuery, home, linkPath, assist, languagePath, forgetPath, pdfPath, null);
        }

        public Setup(String pageLanguage, String apiBase, String apiQuery, String home, String linkPath, @Nullable Assist assist) {
            this(pageLanguage, apiBase, apiQuery, home, linkPath, assist, null, null, null);
        }

        /**
         * The respondent's own chat: everything in the conversation's language, through the public API. Its PDF link
         * names that language too, so whatever refuses the download (too many at once, a result closed since) says so
         * in it, not in the browser's.
         */
        public static Setup respondent(ConversationState state) {
            String chat = "/c/" + state.id();
            return new Setup(state.language(), "/api/conversations/" + state.id(), "",
                    Pages.link("/", state.language(), null), chat, null, chat + "/language", "/api/conversations/" + state.id(),
                    Pages.link(chat + "/result.pdf", state.language(), null));
        }
    }

    /**
     * What an intermediair's chat page adds: a note above the chat (whose language the resident speaks, what to
     * do), and for typed answers a menu of the language the answer is typed in, labelled {@code typedInLabel},
     * with {@code languages} (code, name and the script it is written in, "" when not said) and the resident's
     * language chosen first; {@code typedInFollowed} says, with {@code $language}, that the menu followed the letters
     * typed (see {@code conversation.TypedLanguage}, which the page mirrors).
     */
    public record Assist(SafeHtml note, String typedInLabel, String typedInFollowed, String residentLanguage,
                         List<Map<String, String>> languages, @Nullable Map<String, Object> context,
                         @Nullable Map<String, Object> handOver, @Nullable Map<String, Object> residentCode) {
    }

    /**
     * The words a multi question's hint is made of ("Kies er 1 tot en met 3.", "Kies alles wat past.", "Kies er
     * hoogstens 3."), as the page's own texts name them: on an intermediair's page also in the resident's language,
     * so the hint stands in both, as the question above it does (it stood in the intermediair's only).
     */
    private static final List<String> MULTI_HINTS = List.of("multi_hint", "multi_hint_any", "multi_hint_at_most");

    /**
     * A finished conversation's result as a PDF for the person who answered ({@link ResultPdf}), naming
     * {@code teamName} (null: no team) under the title: what an intermediair prints or sends for a resident, made
     * from the result alone, so none of the intermediair's own words are in it.
     */
    public byte[] resultPdf(ConversationState state, LocalDate day, @Nullable String teamName) {
        return pdf.make(state, day, teamName);
    }

    public HttpResponse<?> page(HttpRequest<?> request, ConversationState state, Setup setup) {
        return page(request, state, setup, Caller.PUBLIC);
    }

    /** The page as {@code caller} sees it: an intermediair's for a conversation they hold (see {@link Caller}). */
    public HttpResponse<?> page(HttpRequest<?> request, ConversationState state, Setup setup, Caller caller) {
        Translations t = library.translations();
        String language = setup.pageLanguage();
        Map<String, Object> model = pages.model(language);
        model.put("title", t.flowText(language, state.flow(), "title"));
        model.put("stateJson", write(state));
        Map<String, String> texts = t.messages(language, "web.", state.flow());
        // an intermediair's login that ended mid-conversation: the error leads to the login page (chat.js)
        texts.put("log_in", t.message(language, "auth.login_button"));
        if (setup.assist() != null) {
            // the intermediair deletes at the resident's request, in their own words: the menu said "Wis mijn
            // antwoorden" and "Weet u het zeker? ... al uw antwoorden" to them (the intermediair's probe)
            texts.put("forget", t.message(language, "intermediair.mine_delete"));
            texts.put("forget_hint", t.message(language, "intermediair.mine_delete_text"));
            texts.put("forget_button", t.message(language, "intermediair.mine_delete_button"));
            texts.put("forget_confirm", t.message(language, "intermediair.mine_delete_text"));
        }
        String home = setup.home();
        if (setup.assist() == null && library.flow(state.flow()).filter(f -> f.dashboard() == DashboardUse.RECORD).isPresent()) {
            // a team's talk (the topiclijst a manager starts on the dashboard, where it is listed once done) ends
            // with the way back there: "Nieuw gesprek" led to the public start page (the phone probe)
            home = Pages.link("/dashboard", language, null);
            texts.put("restart", t.message(language, "web.back_to_teams"));
        }
        model.put("t", texts);
        model.put("textsJson", write(texts));
        model.put("resumeCode", state.resumeCode().length() == 8
                ? state.resumeCode().substring(0, 4) + "-" + state.resumeCode().substring(4) : state.resumeCode());
        model.put("resumeCodeSpelled", spelled(state.resumeCode()));
        String host = request.getHeaders().get("Host");
        model.put("link", host == null ? setup.linkPath() : "http://" + host + setup.linkPath());
        model.put("apiBase", setup.apiBase());
        model.put("apiQuery", setup.apiQuery());
        model.put("home", home);
        model.put("linkPath", setup.linkPath());
        model.put("counter", counter(texts, state));
        java.util.Set<String> playable = setup.voicePath() == null ? java.util.Set.of() : playVoiceAnswers.playableVoices(state.id(), caller);
        ReadAlong along = new ReadAlong(t, state, language);
        Optional<ReadConversation.WaySoFar> way = readConversation.waySoFar(state.id(), caller, language);
        List<ConversationState.TranscriptEntry> entries = way.map(w -> w.transcript().entries()).orElse(List.of());
        List<Object> questionsAgain = along.questions(entries, way.map(ReadConversation.WaySoFar::again).orElse(null));
        List<Map<String, Object>> wayShown = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            ConversationState.TranscriptEntry e = entries.get(i);
            wayShown.add(entry(e, playable.contains(e.step()) ? setup.voicePath() + "/" + e.step() : "", questionsAgain.get(i)));
        }
        model.put("transcript", wayShown);
        model.put("said", along.said());
        model.put("done", state.done());
        // a welcome or an interlude asks nothing: "Vraag 1 van ongeveer 18" on the welcome, and again on the first question
        model.put("counterHidden", state.done() || (state.step() != null && "info".equals(state.step().type())));
        model.put("doneSaid", along.done());
        model.put("doneWords", state.done() ? texts.getOrDefault(ReadAlong.doneKey(state), "") : "");
        // said by the result, not guessed from an empty one (an uploaded questionnaire's finished result is empty too)
        model.put("declined", state.done() && state.result() != null && state.result().declined());
        model.put("resultHtml", state.done() && state.result() != null ? new SafeHtml(state.result().html()) : "");
        LocalDate day = way.map(ReadConversation.WaySoFar::lastChanged).orElse(LocalDate.now());
        model.put("resultDate", AnswerWords.of(t, state.flow(), state.language()).date(day));
        model.put("resultDay", day.toString());
        model.put("resultMonths", AnswerWords.of(t, state.flow(), state.language()).monthNames());
        String summary = state.done() ? ResultSummary.line(t, state) : "";
        model.put("summaryLine", summary);
        model.put("summaryAgain", along.summary(summary));
        model.put("scoresJson", state.done() && state.result() != null ? write(scores(state.result())) : "null");
        model.put("languagePath", Objects.requireNonNullElse(setup.languagePath(), ""));
        model.put("forgetPath", Objects.requireNonNullElse(setup.forgetPath(), ""));
        model.put("pdfPath", Objects.requireNonNullElse(setup.pdfPath(), ""));
        model.put("flowLanguages", flowLanguages(state));
        Assist assist = setup.assist();
        if (assist == null) {
            model.put("assist", false);
            model.put("assistJson", "null");
        } else {
            Map<String, Object> shown = new HashMap<>();
            shown.put("note", assist.note());
            // pausing is leaving: every answer is stored already, and "My conversations" (home) lists it to continue
            shown.put("pause", setup.home() + (setup.home().contains("?") ? "&" : "?") + "done=paused");
            shown.put("context", assist.context() == null ? false : assist.context());
            shown.put("handOver", assist.handOver() == null ? false : assist.handOver());
            // the resident's code to have it deleted, in their language with the intermediair's beneath, also at "Klaar"
            shown.put("residentCode", assist.residentCode() == null ? false : assist.residentCode());
            model.put("assist", shown);
            Map<String, Object> script = new HashMap<>();
            script.put("typedIn", assist.typedInLabel());
            script.put("typedInFollowed", assist.typedInFollowed());
            script.put("resident", assist.residentLanguage());
            script.put("languages", assist.languages());
            Map<String, String> residentTexts = t.messages(state.language(), "web.", state.flow());
            Map<String, String> hints = new HashMap<>();
            MULTI_HINTS.forEach(key -> hints.put(key, residentTexts.getOrDefault(key, "")));
            script.put("hints", hints);
            model.put("assistJson", write(script));
        }
        return HttpResponse.ok(new ModelAndView<>("chat", model)).header("Cache-Control", "no-store");
    }

    /** "Vraag 3 van ongeveer 18": the question now asked (info steps count as the next question). */
    static String counter(Map<String, String> texts, ConversationState state) {
        int total = Math.max(1, state.progress().total());
        int now = state.done() ? total : Math.min(state.progress().answered() + 1, total);
        return texts.getOrDefault("progress", "").replace("$answered", Integer.toString(now)).replace("$total", Integer.toString(total));
    }

    /**
     * The resume code as a screen reader is to say it: letter by letter, the two groups apart ("K S D 5, 3 U 8 3").
     * Shown as "KSD5-3U83" it is read as a word ("ksd five"), and a code heard wrong is a conversation lost.
     */
    public static String spelled(String code) {
        StringBuilder said = new StringBuilder();
        for (int i = 0; i < code.length(); i++) {
            if (i > 0) {
                said.append(code.length() == 8 && i == 4 ? ", " : " ");
            }
            said.append(code.charAt(i));
        }
        return said.toString();
    }

    /** An entry of the way so far as the page shows it; {@code again}: its question in a reader's language, or "". */
    private static Map<String, Object> entry(ConversationState.TranscriptEntry e, String voice, Object again) {
        Map<String, Object> m = new HashMap<>();
        m.put("voice", voice);
        m.put("question", new SafeHtml(e.question()));
        m.put("translation", again);
        m.put("answer", e.answer() == null ? "" : new SafeHtml(e.answer()));
        m.put("skipped", e.skipped());
        // a chosen option, a number or a date is repeated in the conversation's words; a typed text is as it was typed
        m.put("inConversationLanguage", e.skipped() || !"text".equals(e.type()));
        return m;
    }

    /** The scores as the comparison with an earlier result needs them: per dimension its name and value. */
    /**
     * Every part of the result, its score null without counted answers: the page compares with scores kept on the
     * device and names a part scored then and not now in its own language (it left the part out).
     */
    private static List<Map<String, Object>> scores(Result result) {
        List<Map<String, Object>> out = new ArrayList<>();
        result.scores().forEach((dimension, s) -> {
            Map<String, Object> part = new java.util.LinkedHashMap<>();
            part.put("dimension", dimension);
            part.put("name", s.name());
            part.put("value", s.value());
            out.add(part);
        });
        return out;
    }

    /** The languages the conversation may go on in, each by its own name, the current one marked. */
    private List<Map<String, Object>> flowLanguages(ConversationState state) {
        Translations t = library.translations();
        Flow flow = library.flow(state.flow()).orElseThrow();
        return flow.languages().stream().map(code -> t.language(code).orElse(null)).filter(Objects::nonNull)
                .map((Language l) -> Map.<String, Object>of("code", l.code(), "name", l.name(), "dir", l.direction(),
                        "current", l.code().equals(state.language())))
                .toList();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
