package nl.samenspraak.support;

import nl.samenspraak.conversation.Origin;
import nl.samenspraak.intermediair.ResidentLink;
import nl.samenspraak.intermediair.ResidentLinks;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A survey round run as people run it: the admin opens it on the team page, respondents open their invitation
 * links (or residents a resident link of their wijk) and answer through the real conversation service, the admin
 * closes it. For the manager's summary, report, compare and drill-down tests (with {@link DashboardTeam}).
 */
public final class TeamRounds {
    private final PageHttp http;
    private final Respondents respondents;
    private final String admin;

    public TeamRounds(PageHttp http, Respondents respondents, String admin) {
        this.http = http;
        this.respondents = respondents;
        this.admin = admin;
    }

    /**
     * Opens a round of {@code flow} for the team with {@code invited} invitations, lets {@code answering} of them
     * finish with the answers {@code answers} gives per respondent (index from 0), closes it; its id.
     */
    public long run(long teamId, String flow, int invited, int answering, IntFunction<Map<String, Object>> answers) {
        long round = open(teamId, flow, invited);
        List<String> links = links(round);
        for (int i = 0; i < answering; i++) {
            respondents.finishStarted(use(links.get(i)), answers.apply(i));
        }
        close(round);
        return round;
    }

    /** A closed resident round: its id and the conversations its residents finished, per wijk in the order given. */
    public record ResidentRound(long id, List<String> conversations) {
    }

    /**
     * Opens a resident round of {@code flow} (no invitations), lets residents answer through a resident link of each
     * wijk, {@code perWijk} of them there, with the answers {@code answers} gives per wijk and index; closes it.
     */
    public ResidentRound runResident(long teamId, String flow, ResidentLinks links, Map<String, Integer> perWijk,
                                     BiFunction<String, Integer, Map<String, Object>> answers) {
        long round = open(teamId, flow, 0);
        List<String> started = new java.util.ArrayList<>();
        perWijk.forEach((wijk, count) -> {
            ResidentLink link = links.create(flow, "nl", new Origin(teamId, wijk));
            for (int i = 0; i < count; i++) {
                PageHttp.Reply r = http.post(ResidentLinks.path(link), form("lang", "nl"), null);
                assertEquals(303, r.status(), r.body());
                String id = r.location().substring("/c/".length());
                respondents.finishStarted(id, answers.apply(wijk, i));
                started.add(id);
            }
        });
        close(round);
        return new ResidentRound(round, started);
    }

    public long open(long teamId, String flow, int invited) {
        PageHttp.Reply opened = http.post("/admin/teams/" + teamId + "/rounds", form("lang", "nl", "flow", flow,
                "closes", LocalDate.now().plusDays(7).toString(), "invited", Integer.toString(invited)), admin);
        assertEquals(303, opened.status(), opened.body());
        String page = http.get("/admin/teams/" + teamId + "?lang=nl", admin).body();
        Matcher m = Pattern.compile("action=\"/admin/rounds/(\\d+)/close\"").matcher(page);
        assertTrue(m.find(), page);
        return Long.parseLong(m.group(1));
    }

    public void close(long round) {
        assertEquals(303, http.post("/admin/rounds/" + round + "/close", form("lang", "nl"), admin).status());
    }

    public List<String> links(long round) {
        PageHttp.Reply csv = http.get("/admin/rounds/" + round + "/links.csv", admin);
        assertEquals(200, csv.status());
        List<List<String>> rows = ExcelCsv.read(csv.body().getBytes(StandardCharsets.UTF_8));
        return rows.subList(1, rows.size()).stream().map(r -> r.get(1)).toList();
    }

    /** Opens an invitation as a person would: the page, then its one button; the conversation's id. */
    public String use(String link) {
        String path = link.substring(link.indexOf("/i/"));
        assertEquals(200, http.get(path + "?lang=nl", null).status());
        PageHttp.Reply started = http.post(path, form("lang", "nl"), null);
        assertEquals(303, started.status(), started.body());
        return started.location().substring("/c/".length());
    }
}
