package nl.samenspraak.i18n;

import nl.samenspraak.flow.Audience;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;

import nl.samenspraak.support.FlowWalk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a resident or client reads in a flow, in one language: the flow's own texts and every shared message the
 * flow words for itself (a flow's {@code messages:} win over {@code locales/<lang>/messages.yaml}). Tips and
 * result headings that a professional reads ({@code result: professional}) are left out: they are written to the
 * professional; so are a tip's words for the team's managers ({@code tips.<id>.team_title}, {@code tips.<id>.team}).
 * For the register and plain-language tests.
 */
final class ResidentTexts {
    /** The audiences whose flows residents and clients answer themselves. */
    static final Set<Audience> RESIDENT_AUDIENCES = Set.of(Audience.RESIDENT, Audience.CLIENT);

    /**
     * The shared error messages a conversation words through its flow (ConversationReplies: refusals of an answer,
     * a question that is no longer current, a busy conversation) and a closed result (its 410 page, the API's 410,
     * Telegram's /hervat with its code: the conversation and so its flow is known); the others (HTTP errors, limits)
     * are the service's, said before or outside any flow.
     */
    private static final Set<String> FLOW_WORDED_ERRORS = Set.of("required", "choice", "scale", "multi_choice",
            "multi_exclusive", "multi_unknown", "multi_min", "multi_max", "text", "text_too_long", "number", "number_range", "number_min",
            "number_max", "date", "date_not_after_today", "date_not_after", "date_not_before_today", "date_not_before",
            "not_current", "question_changed", "busy", "result_closed");

    private static final List<String> SHARED_PREFIXES = List.of("answer.", "score.", "result.", "web.", "telegram.");

    /**
     * The Telegram bot's words that it says outside any conversation, so in no flow's register (TelegramWords is
     * given no flow there): the flow menu, a group chat, a team link (professionals), the admin's team page, and
     * what it says when the chat is in no conversation or has just forgotten it (and whether its messages went). Every
     * other {@code telegram.*} word is said inside a conversation, worded by its flow, and a resident reads it.
     */
    static final Set<String> TELEGRAM_OUTSIDE_A_FLOW = Set.of("choose_flow", "no_flows", "continue", "nothing_to_resume",
            "resume_usage", "no_conversation", "forgotten", "forgotten_not_deleted", "private_only", "team_started", "team_link_gone",
            "team_flow_not_offered", "team_links", "team_links_hint");

    private ResidentTexts() {
    }

    /** A tip's words for the team ({@code tips.<id>.team_title}, {@code tips.<id>.team}): no resident reads them. */
    static boolean isForTheTeam(String key) {
        return key.startsWith("tips.") && (key.endsWith(".team") || key.endsWith(".team_title"));
    }

    static List<Flow> residentFlows(FlowLibrary library) {
        return library.flows().stream().filter(f -> RESIDENT_AUDIENCES.contains(f.audience())).toList();
    }

    /** Key (flow text key, or "shared:" + message key) to text, as the resident reads it in {@code language}. */
    static Map<String, String> of(FlowLibrary library, Flow flow, String language) {
        Translations t = library.translations();
        boolean professionalReads = Flow.RESULT_FOR_PROFESSIONAL.equals(flow.resultFor());
        Map<String, String> texts = new TreeMap<>();
        t.texts(language).orElseThrow().flow(flow.id()).forEach((key, text) -> {
            if (isForTheTeam(key)) {
                return; // a tip as the team's managers read it on the dashboard, written to them ("jullie")
            }
            if (!(professionalReads && (key.startsWith("tips.") || readByProfessional(key.replace(Translations.FLOW_MESSAGES, ""))))) {
                texts.put(key, text.text());
            }
        });
        for (String key : t.texts(Language.SOURCE).orElseThrow().messages().keySet()) {
            boolean shown = SHARED_PREFIXES.stream().anyMatch(key::startsWith)
                    && !(key.startsWith("telegram.") && TELEGRAM_OUTSIDE_A_FLOW.contains(key.substring("telegram.".length())))
                    || key.startsWith("error.") && FLOW_WORDED_ERRORS.contains(key.substring("error.".length()));
            if (shown && !(professionalReads && readByProfessional(key))) {
                texts.put("shared:" + key, t.flowMessage(language, flow.id(), key));
            }
        }
        return texts;
    }

    /**
     * Every text a resident or client reads in {@code language} (of the bundled resident flows that speak it) whose
     * key {@code keys} takes and in which {@code pattern} is found, compared {@link #plain}: "flow key [what was
     * found]: text", for a test's list of problems.
     */
    static List<String> found(String language, Predicate<String> keys, Pattern pattern) {
        List<String> found = new ArrayList<>();
        for (Flow flow : residentFlows(FlowWalk.library())) {
            if (!flow.speaks(language)) {
                continue;
            }
            of(FlowWalk.library(), flow, language).forEach((key, text) -> {
                Matcher m = pattern.matcher(plain(text));
                if (keys.test(key) && m.find()) {
                    found.add(flow.id() + " " + key + " [" + m.group() + "]: " + text);
                }
            });
        }
        return found;
    }

    /** Result headings and reasons of a result written for the professional: the client gets a closing only. */
    private static boolean readByProfessional(String key) {
        return key.startsWith("result.heading_") || key.startsWith("result.why_") || key.startsWith("score.")
                || key.startsWith("telegram.score");
    }

    /** A text as the tests compare it: Arabic vowel marks, tatweel and direction isolates taken out. */
    static String plain(String text) {
        return text.replaceAll("[\\u064B-\\u065F\\u0670\\u0640\\u2066-\\u2069]", "");
    }
}
