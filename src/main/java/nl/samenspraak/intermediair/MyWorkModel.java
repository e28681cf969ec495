package nl.samenspraak.intermediair;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.Moments;
import nl.samenspraak.i18n.Translations;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.team.JoinLinks;
import nl.samenspraak.round.SurveyRound;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import nl.samenspraak.web.Pages;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The intermediair's workplace on their home page, in their own language: "My conversations" (with their labels),
 * their working resident links (what each starts, where and until when: no counts), and how many of their own conversations finished
 * per wijk and round. Nothing a resident said.
 */
@Singleton
public class MyWorkModel {
    private final MyConversations mine;
    private final ResidentLinks links;
    private final IntermediairWork work;
    private final FlowLibrary library;
    private final Teams teams;
    private final JoinLinks addresses;
    private final Pages pages;

    private final nl.samenspraak.chatlink.ChatLinks chatLinks;
    private final ZoneId zone;

    public MyWorkModel(MyConversations mine, ResidentLinks links, IntermediairWork work, FlowLibrary library, Teams teams,
                       JoinLinks addresses, Pages pages, nl.samenspraak.chatlink.ChatLinks chatLinks,
                       nl.samenspraak.conversation.ConversationSettings settings) {
        // the zone conversations live in (as the hand-over's "until" and the rounds' ends), not the server's
        this.zone = settings.zone();
        this.chatLinks = chatLinks;
        this.mine = mine;
        this.links = links;
        this.work = work;
        this.library = library;
        this.teams = teams;
        this.addresses = addresses;
        this.pages = pages;
    }

    /** Adds {@code unfinished}, {@code finished}, {@code links}, {@code perWijk} and the Telegram link's state to a page's model. */
    public void addTo(Map<String, Object> model, String language, Authentication me, HttpRequest<?> request) {
        Map<Long, String> teamNames = new HashMap<>();
        List<Map<String, Object>> lines = conversations(language, me, teamNames);
        model.put("unfinished", lines.stream().filter(l -> !(Boolean) l.get("finished")).toList());
        model.put("finished", lines.stream().filter(l -> (Boolean) l.get("finished")).toList());
        model.put("labelMax", MyConversations.LABEL_MAX);
        model.put("labelHint", pages.message(language, "intermediair.label_hint", Map.of("max", MyConversations.LABEL_MAX)));
        model.put("inList", true);
        // "Koppel Telegram" only with a bot to link to; whether a chat is linked now
        boolean offered = chatLinks.offered();
        model.put("chatlinkOffered", offered);
        model.put("chatlinkLinked", offered && chatLinks.linked(Accounts.idOf(me)));
        model.put("links", links.mine(Accounts.idOf(me), work.teamIds(me)).stream()
                .map(l -> link(l, language, request, teamNames)).toList());
        model.put("perWijk", perWijk(language, me, teamNames));
    }

    /** One working link as its page and the list show it: what it starts, where it counts and until when (no counts, {@link ResidentLinks}). */
    Map<String, Object> link(ResidentLink link, String language, HttpRequest<?> request, Map<Long, String> teamNames) {
        Translations t = library.translations();
        Map<String, Object> m = new HashMap<>();
        m.put("code", link.code());
        m.put("url", addresses.url(ResidentLinks.path(link), request));
        m.put("flowTitle", t.flowText(language, link.flowId(), "title"));
        m.put("residentLanguage", t.languageOrSource(link.language()).name());
        m.put("residentLang", link.language());
        m.put("team", teamName(link.teamId(), teamNames));
        m.put("wijk", link.wijk() == null ? "" : link.wijk());
        m.put("place", link.wijk() != null ? link.wijk() : teamName(link.teamId(), teamNames));
        m.put("until", Moments.dayAndTime(link.expiresAt(), zone, language));
        m.put("untilIso", link.expiresAt().toString());
        return m;
    }

    private List<Map<String, Object>> conversations(String language, Authentication me, Map<Long, String> teamNames) {
        Translations t = library.translations();
        return mine.of(me).stream().map(c -> {
            Map<String, Object> line = new HashMap<>();
            line.put("id", c.id());
            line.put("href", Pages.link("/intermediair/c/" + c.id(), language, null));
            line.put("flowTitle", t.flowText(language, c.flowId(), "title"));
            line.put("place", c.wijk() != null ? c.wijk() : teamName(c.teamId(), teamNames));
            line.put("residentLanguage", t.languageOrSource(c.language()).name());
            line.put("residentLang", c.language());
            line.put("changed", Moments.dayAndTime(c.changedAt(), zone, language));
            line.put("changedIso", c.changedAt().toString());
            line.put("finished", c.finished());
            line.put("answersShown", c.answersShown());
            line.put("label", c.label() == null ? "" : c.label());
            line.put("awaitingConsent", c.awaitingConsent());
            return line;
        }).toList();
    }

    private List<Map<String, Object>> perWijk(String language, Authentication me, Map<Long, String> teamNames) {
        Translations t = library.translations();
        return mine.finishedPerWijkAndRound(me).stream().map(f -> {
            Map<String, Object> row = new HashMap<>();
            row.put("place", f.wijk() != null ? f.wijk() : teamName(f.teamId(), teamNames));
            row.put("flowTitle", t.flowText(language, f.flowId(), "title"));
            row.put("round", f.round() == null ? pages.message(language, "intermediair.per_wijk_no_round", Map.of())
                    : pages.message(language, "intermediair.per_wijk_round", Map.of("date", Moments.day(SurveyRound.namedBy(f.round().end()), zone, language))));
            row.put("count", f.count());
            return row;
        }).toList();
    }

    private String teamName(long teamId, Map<Long, String> teamNames) {
        return teamNames.computeIfAbsent(teamId, id -> teams.find(id).map(Team::name).orElse(""));
    }

}
