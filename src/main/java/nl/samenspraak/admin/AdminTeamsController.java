package nl.samenspraak.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import nl.samenspraak.pages.PageLanguage;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Refused;
import nl.samenspraak.security.RefusedForm;
import nl.samenspraak.security.Role;
import nl.samenspraak.dashboard.DashboardSettings;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.round.Rounds;
import nl.samenspraak.round.SurveyRound;
import nl.samenspraak.team.JoinLinks;
import nl.samenspraak.team.QrCodes;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import nl.samenspraak.telegram.TelegramLinks;
import nl.samenspraak.web.Pages;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The admin's team pages: list and create teams, edit one (name, wijken), its join link and QR code, its people. */
@Hidden
@Controller("/admin")
@Secured(Role.ADMIN_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminTeamsController {
    private final Teams teams;
    private final Accounts accounts;
    private final JoinLinks links;
    private final QrCodes qr;
    private final Pages pages;
    private final AdminPages admin;
    private final FlowLibrary library;
    private final TelegramLinks telegram;
    private final Rounds rounds;
    private final java.time.ZoneId zone;

    public AdminTeamsController(Teams teams, Accounts accounts, JoinLinks links, QrCodes qr, Pages pages, AdminPages admin,
                                FlowLibrary library, TelegramLinks telegram, DashboardSettings dashboard, Rounds rounds) {
        this.teams = teams;
        this.accounts = accounts;
        this.links = links;
        this.qr = qr;
        this.pages = pages;
        this.admin = admin;
        this.library = library;
        this.telegram = telegram;
        this.rounds = rounds;
        this.zone = java.time.ZoneId.of(dashboard.getTimeZone());
    }

    /** Opens a survey round for the team: a flow, a closing date, N single-use invitations. */
    @Post(value = "/teams/{id}/rounds", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> openRound(HttpRequest<?> request, Authentication me, @PathVariable long id, @Body Map<String, String> form,
                                      @PageLanguage String language) {
        return change(request, language, me, id, form, "round_opened", "round", () -> {
            java.time.LocalDate closes;
            try {
                closes = java.time.LocalDate.parse(String.valueOf(form.get("closes")).strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new Refused("admin.round_date_invalid");
            }
            int invited;
            try {
                invited = Integer.parseInt(String.valueOf(form.get("invited")).strip());
            } catch (NumberFormatException e) {
                throw new Refused("admin.round_count_invalid", Map.of("max", 1000));
            }
            if (teams.find(id).isEmpty()) {
                throw new Refused("admin.team_not_found");
            }
            rounds.open(id, form.get("flow"), closes, invited, zone);
        });
    }

    /** Closes a round now; there is deliberately no way to reopen one. */
    @Post(value = "/rounds/{roundId}/close", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> closeRound(HttpRequest<?> request, Authentication me, @PathVariable long roundId, @Body Map<String, String> form,
                                      @PageLanguage String language) {
        Optional<SurveyRound> round = rounds.find(roundId);
        if (round.isEmpty()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
        }
        return change(request, language, me, round.get().teamId(), form, "round_closed", "rounds", () -> rounds.close(roundId));
    }

    /** The round's invitations as a printable sheet: per invitation its QR code, link and code. */
    @Get("/rounds/{roundId}/sheet")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> sheet(HttpRequest<?> request, Authentication me, @PathVariable long roundId, @PageLanguage String language) {
        Optional<SurveyRound> round = rounds.find(roundId);
        if (round.isEmpty()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
        }
        Map<String, Object> model = admin.model(language, null, null);
        model.put("title", library.translations().flowText(language, round.get().flowId(), "title"));
        model.put("team", teams.find(round.get().teamId()).map(Team::name).orElse(""));
        model.put("cards", rounds.codes(roundId).stream().map(code -> {
            String url = links.url("/i/" + code, request);
            return Map.of("code", code, "url", url,
                    "qr", "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(qr.png(url)));
        }).toList());
        return AdminPages.show("admin/round-sheet", model, HttpStatus.OK);
    }

    /** The round's invitation links as CSV (code;link), for a mail merge. */
    @Get("/rounds/{roundId}/links.csv")
    // the file, or the page that says why there is none (labelled a page whatever the client asked for:
    // web.PagesAreHtml); without it a client asking for the file by its type (a spreadsheet tool, curl) got 406
    @Produces({"text/csv", MediaType.TEXT_HTML})
    public HttpResponse<?> linksCsv(HttpRequest<?> request, @PathVariable long roundId) {
        if (rounds.find(roundId).isEmpty()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
        }
        StringBuilder csv = new StringBuilder("\uFEFFcode;link\r\n");
        for (String code : rounds.codes(roundId)) {
            csv.append(code).append(';').append(links.url("/i/" + code, request)).append("\r\n");
        }
        return HttpResponse.ok(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).contentType("text/csv;charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"samenspraak-ronde-" + roundId + ".csv\"")
                .header("Cache-Control", "no-store");
    }

    private List<Map<String, Object>> rounds(long teamId, String language) {
        java.time.format.DateTimeFormatter date = java.time.format.DateTimeFormatter.ISO_LOCAL_DATE;
        Map<String, String> words = pages.words(language, "admin");
        return rounds.ofTeam(teamId).stream().map(r -> {
            // a round whose flow was taken away stays listed, by its flow's id, saying that its invitations do not work
            boolean offered = library.flow(r.flowId()).isPresent();
            return Map.<String, Object>of("id", r.id(),
                    "flow", offered ? library.translations().flowText(language, r.flowId(), "title") : r.flowId(),
                    "closes", date.format(SurveyRound.namedBy(r.end()).atZone(zone)),
                    "invited", r.invited(),
                    "closed", rounds.closed(r),
                    "state", words.get(rounds.closed(r) ? "round_closed" : offered ? "round_open" : "round_not_offered"));
        }).toList();
    }

    @Get
    public HttpResponse<?> home(HttpRequest<?> request, @PageLanguage String language) {
        return AdminPages.redirect("/admin/teams", language, null);
    }

    @Get("/teams")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> list(HttpRequest<?> request, Authentication me, @PageLanguage String language,
                                @Nullable @QueryValue String done) {
        return list(language, me, null, done, Map.of(), HttpStatus.OK);
    }

    @Post(value = "/teams", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> create(HttpRequest<?> request, Authentication me, @Body Map<String, String> form,
                                      @PageLanguage String language) {
        return RefusedForm.submit(() -> {
            Team team = teams.create(form.get("name"), AdminPages.lines(form.get("wijken")));
            return AdminPages.redirect("/admin/teams/" + team.id(), language, "team_created");
        }, (refused, status) -> list(language, me, refused, null, form, status));
    }

    @Get("/teams/{id}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> show(HttpRequest<?> request, Authentication me, @PathVariable long id,
                                @PageLanguage String language, @Nullable @QueryValue String done) {
        return show(request, language, me, id, null, done, null, Map.of(), HttpStatus.OK);
    }

    @Post(value = "/teams/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> update(HttpRequest<?> request, Authentication me, @PathVariable long id, @Body Map<String, String> form,
                                      @PageLanguage String language) {
        return RefusedForm.submit(() -> {
            teams.update(id, form.get("name"), AdminPages.lines(form.get("wijken")));
            return AdminPages.redirect("/admin/teams/" + id, language, "saved");
        }, (refused, status) -> show(request, language, me, id, refused, null, "edit", form, status));
    }

    @Post(value = "/teams/{id}/code", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> renewCode(HttpRequest<?> request, Authentication me, @PathVariable long id, @Body Map<String, String> form,
                                      @PageLanguage String language) {
        return change(request, language, me, id, form, "code_renewed", "code", () -> teams.renewJoinCode(id));
    }

    @Post(value = "/teams/{id}/members", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> addMember(HttpRequest<?> request, Authentication me, @PathVariable long id, @Body Map<String, String> form,
                                      @PageLanguage String language) {
        return change(request, language, me, id, form, "member_added", "members", () -> teams.addMember(id, AdminPages.number(form.get("account"))));
    }

    @Post(value = "/teams/{id}/members/{accountId}/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> removeMember(HttpRequest<?> request, Authentication me, @PathVariable long id,
                                        @PathVariable long accountId, @Body Map<String, String> form,
                                      @PageLanguage String language) {
        return change(request, language, me, id, form, "member_removed", "members", () -> teams.removeMember(id, accountId));
    }

    @Post(value = "/teams/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> delete(HttpRequest<?> request, Authentication me, @PathVariable long id, @Body Map<String, String> form,
                                      @PageLanguage String language) {
        // a team that still has members or answers cannot go: the refusal is a conflict with its state, not bad input
        return RefusedForm.submit(() -> {
            teams.delete(id);
            return AdminPages.redirect("/admin/teams", language, "team_deleted");
        }, (refused, status) -> show(request, language, me, id, refused, null, "delete", Map.of(), HttpStatus.CONFLICT));
    }

    /** The QR code of the team's join link, as a PNG. */
    @Get("/teams/{id}/qr.png")
    @Produces("image/png")
    public HttpResponse<?> qrCode(HttpRequest<?> request, @PathVariable long id) {
        return teams.find(id).<HttpResponse<?>>map(team -> HttpResponse.ok(qr.png(links.url(team, request)))
                        .contentType("image/png").header("Cache-Control", "no-store"))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "not found"));
    }

    private HttpResponse<?> change(HttpRequest<?> request, String language, Authentication me, long id, Map<String, String> form,
                                   String done, String which, Runnable action) {
        return RefusedForm.submit(() -> {
            action.run();
            return AdminPages.redirect("/admin/teams/" + id, language, done);
        }, (refused, status) -> show(request, language, me, id, refused, null, which, form, status));
    }

    private HttpResponse<?> list(String language, Authentication me, @Nullable Refused error, @Nullable String done,
                                 Map<String, String> typed, HttpStatus status) {
        Map<String, Object> model = admin.model(language, error, done);
        model.put("teams", teams.all().stream().map(t -> Map.of(
                "id", t.id(), "name", t.name(), "wijken", String.join(", ", teams.wijken(t.id())),
                "people", teams.memberIds(t.id()).size())).toList());
        model.put("name", typed.getOrDefault("name", ""));
        model.put("wijken", typed.getOrDefault("wijken", ""));
        return AdminPages.show("admin/teams", model, status);
    }

    /**
     * The team's page; after a refused form, {@code which} names that form: the page shows the reason at that form
     * (focused, so a phone opens the long page there) and keeps what was typed in it.
     */
    private HttpResponse<?> show(HttpRequest<?> request, String language, Authentication me, long id, @Nullable Refused error,
                                 @Nullable String done, @Nullable String which, Map<String, String> typed, HttpStatus status) {
        Optional<Team> found = teams.find(id);
        if (found.isEmpty()) {
            return list(language, me, new Refused("admin.team_not_found"), null, Map.of(), HttpStatus.NOT_FOUND);
        }
        Team team = found.get();
        Map<String, Object> model = admin.model(language, error, done);
        List<Long> memberIds = teams.memberIds(id);
        List<Account> people = accounts.all();
        model.put("id", team.id());
        boolean edited = "edit".equals(which);
        boolean round = "round".equals(which);
        model.put("failed", which == null ? "" : which);
        model.put("name", edited ? typed.getOrDefault("name", "") : team.name());
        model.put("wijken", edited ? typed.getOrDefault("wijken", "") : String.join("\n", teams.wijken(id)));
        model.put("roundFlow", round ? typed.getOrDefault("flow", "") : "");
        model.put("roundCloses", round ? typed.getOrDefault("closes", "") : "");
        model.put("roundInvited", round ? typed.getOrDefault("invited", "") : "");
        model.put("joinUrl", links.url(team, request));
        model.put("telegram", pages.words(language, "telegram"));
        model.put("telegramLinks", telegramLinks(team, language));
        model.put("rounds", rounds(id, language));
        model.put("roundFlows", library.listed().stream().filter(f -> f.dashboard() == nl.samenspraak.flow.DashboardUse.ANONYMOUS)
                .map(f -> Map.of("id", f.id(), "title", library.translations().flowText(language, f.id(), "title"))).toList());
        model.put("members", people.stream().filter(a -> memberIds.contains(a.id())).map(a -> person(a, language)).toList());
        model.put("candidates", people.stream().filter(a -> !a.is(Role.ADMIN) && !memberIds.contains(a.id()))
                .map(a -> person(a, language)).toList());
        return AdminPages.show("admin/team", model, status);
    }

    /** The team's Telegram deep links, one per flow for professionals; none without a bot username. */
    private List<Map<String, String>> telegramLinks(Team team, String language) {
        return library.listed().stream().filter(Flow::joinsByTeamLink)
                .flatMap(f -> telegram.teamLink(f.id(), team.joinCode()).stream().map(url -> Map.of("flow", f.id(),
                        "title", library.translations().flowText(language, f.id(), "title"), "url", url)))
                .toList();
    }

    private Map<String, Object> person(Account a, String language) {
        return Map.of("id", a.id(), "username", a.username(), "role", admin.roleName(language, a.role()),
                "enabled", a.enabled());
    }
}
