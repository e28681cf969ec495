package nl.samenspraak.intermediair;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import nl.samenspraak.conversation.ConversationSettings;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.ResultHandOvers;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.i18n.Moments;
import nl.samenspraak.i18n.Translations;
import nl.samenspraak.web.Pages;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an intermediair's chat page shows besides the conversation (issue 14): the header line with where it counts and
 * both languages, the menu's form to change the wijk or the resident's language mid-way, and once finished the
 * hand-over of the result to the resident's phone. The words are the intermediair's ({@code assisted.*}).
 */
@Singleton
public class AssistedChatParts {
    private final FlowLibrary library;
    private final Pages pages;
    private final ResultHandOvers handOvers;
    private final ConversationSettings settings;

    public AssistedChatParts(FlowLibrary library, Pages pages, ResultHandOvers handOvers, ConversationSettings settings) {
        this.library = library;
        this.pages = pages;
        this.handOvers = handOvers;
        this.settings = settings;
    }

    /** The header line and the change form: the wijk (or team), the resident's language and the intermediair's. */
    Map<String, Object> context(String language, ConversationState state, IntermediairWork.Assisted assisted) {
        Translations t = library.translations();
        Language resident = t.languageOrSource(state.language());
        Language reader = t.languageOrSource(language);
        Map<String, Object> context = new HashMap<>();
        context.put("words", pages.words(language, "assisted"));
        context.put("path", "/intermediair/c/" + state.id() + "/context?lang=" + Pages.encode(language));
        context.put("place", assisted.origin().wijk() != null ? assisted.origin().wijk() : assisted.teamName());
        // a conversation counted under the team, not a wijk, says "Team:" ("Wijk: Wijkteam Oost" named a team a wijk)
        context.put("placeLabel", pages.words(language, "assisted").get(assisted.origin().wijk() != null ? "wijk_short" : "team_short"));
        context.put("residentLanguage", resident.name());
        context.put("residentLang", resident.code());
        context.put("readerLanguage", reader.name());
        context.put("readerLang", reader.code());
        context.put("wijken", assisted.wijken().stream()
                .map(w -> Map.<String, Object>of("name", w, "current", w.equals(assisted.origin().wijk()))).toList());
        context.put("languages", assisted.flow().languages().stream().map(code -> t.language(code).orElse(null))
                .filter(Objects::nonNull)
                .map(l -> Map.<String, Object>of("code", l.code(), "name", l.name(), "current", l.code().equals(resident.code())))
                .toList());
        return context;
    }

    /** The hand-over part of a finished result: whether a link can be made, and until when it (or the current one) works. */
    Map<String, Object> handOver(String language, ConversationState state, Authentication me) {
        Map<String, String> words = pages.words(language, "assisted");
        Map<String, Object> part = new HashMap<>();
        part.put("words", Map.of("title", words.get("hand_over_title"), "make", words.get("hand_over_make"),
                "delete", words.get("hand_over_delete")));
        part.put("path", "/intermediair/c/" + state.id() + "/hand-over?lang=" + Pages.encode(language));
        part.put("deletePath", "/intermediair/c/" + state.id() + "/hand-over/delete?lang=" + Pages.encode(language));
        Optional<Instant> possible = handOvers.possibleUntil(state.id(), IntermediairWork.caller(me));
        Optional<Instant> current = handOvers.current(state.id(), IntermediairWork.caller(me));
        part.put("possible", possible.isPresent());
        part.put("current", current.isPresent());
        // the link the button replaces, posted back with it (ResultHandOvers.create): a reload posts the old one
        part.put("seen", current.map(Instant::toString).orElse(""));
        part.put("hint", current.isPresent()
                ? pages.message(language, "assisted.hand_over_current", Map.of("until", when(language, current.get())))
                : possible.isPresent()
                ? pages.message(language, "assisted.hand_over_hint", Map.of("until", when(language, possible.get())))
                // the reason that holds, not "alleen voor dit gesprek, of de tijd is voorbij" (the intermediair's probe)
                : pages.message(language, library.flow(state.flow()).filter(f -> !f.retention().resultByCode()).isPresent()
                        ? "assisted.hand_over_never" : "assisted.hand_over_too_late", Map.of()));
        return part;
    }

    /**
     * The resident's own code to have the conversation deleted without the intermediair, as the menu shows it: its title
     * and what it is for in the resident's language, each with the intermediair's line beneath when the two differ (as
     * the questions have them), and while it goes on a line for the intermediair alone. Also once finished: the
     * resident may want it gone later.
     */
    Map<String, Object> residentCode(String language, ConversationState state, String code) {
        Translations t = library.translations();
        Language resident = t.languageOrSource(state.language());
        Language reader = t.languageOrSource(language);
        boolean both = !resident.code().equals(reader.code());
        Map<String, Object> part = new HashMap<>();
        part.put("code", code.length() == 8 ? code.substring(0, 4) + "-" + code.substring(4) : code);
        part.put("spelled", nl.samenspraak.web.ChatView.spelled(code));
        part.put("lang", resident.code());
        part.put("dir", resident.direction());
        part.put("title", pages.message(resident.code(), "assisted.resident_code_title", Map.of()));
        part.put("text", codeText(resident.code()));
        part.put("titleAgain", both ? pages.message(reader.code(), "assisted.resident_code_title", Map.of()) : "");
        part.put("textAgain", both ? codeText(reader.code()) : "");
        part.put("hint", state.done() ? "" : pages.message(language, "assisted.code_hint", Map.of()));
        return part;
    }

    /** Where the resident uses it: the start page's own heading in that language, so the two always match. */
    private Object codeText(String language) {
        return pages.message(language, "assisted.resident_code_text",
                Map.of("where", library.translations().message(language, "web.resume_title")));
    }

    /** A moment as the intermediair reads it: day and time, in the conversations' time zone. */
    String when(String language, Instant instant) {
        return Moments.dayAndTime(instant, settings.zone(), language);
    }

}
