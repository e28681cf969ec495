package nl.samenspraak.admin;

import io.micronaut.core.annotation.Nullable;
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
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Refused;
import nl.samenspraak.security.Role;
import nl.samenspraak.dashboard.DashboardSettings;
import nl.samenspraak.dashboard.MinimumGroupSize;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.team.JoinController;
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
    private final MinimumGroupSize k;

    public AdminTeamsController(Teams teams, Accounts accounts, JoinLinks links, QrCodes qr, Pages pages, AdminPages admin,
                                FlowLibrary library, TelegramLinks telegram, DashboardSettings dashboard) {
        this.teams = teams;
        this.accounts = accounts;
        this.links = links;
        this.qr = qr;
        this.pages = pages;
        this.admin = admin;
        this.library = library;
        this.telegram = telegram;
        this.k = new MinimumGroupSize(dashboard.getMinimumGroupSize());
    }

    /**
     * A team's number of conversations (finished or not) as the admin pages show it: rounded down to a multiple
     * of k, "fewer than k" below, so it never tells about 1..k-1 people nor, beside the dashboard, the difference.
     */
    private Object conversations(String language, long teamId) {
        var rounded = k.roundedDown(teams.conversations(teamId));
        if (rounded.isEmpty()) {
            return pages.message(language, "admin.count_fewer", Map.of("k", k.k()));
        }
        return rounded.getAsLong() == 0 ? (Object) "0" : pages.message(language, "admin.count_at_least", Map.of("count", rounded.getAsLong()));
    }

    @Get
    public HttpResponse<?> home(HttpRequest<?> request, @Nullable @QueryValue String lang) {
        return AdminPages.redirect("/admin/teams", pages.language(request, lang), null);
    }

    @Get("/teams")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> list(HttpRequest<?> request, Authentication me, @Nullable @QueryValue String lang,
                                @Nullable @QueryValue String done) {
        return list(pages.language(request, lang), me, null, done, Map.of(), HttpStatus.OK);
    }

    @Post(value = "/teams", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> create(HttpRequest<?> request, Authentication me, @Body Map<String, String> form) {
        String language = pages.language(request, form.get("lang"));
        try {
            Team team = teams.create(form.get("name"), AdminPages.lines(form.get("wijken")));
            return AdminPages.redirect("/admin/teams/" + team.id(), language, "team_created");
        } catch (Refused e) {
            return list(language, me, e, null, form, HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @Get("/teams/{id}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> show(HttpRequest<?> request, Authentication me, @PathVariable long id,
                                @Nullable @QueryValue String lang, @Nullable @QueryValue String done) {
        return show(request, pages.language(request, lang), me, id, null, done, null, HttpStatus.OK);
    }

    @Post(value = "/teams/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> update(HttpRequest<?> request, Authentication me, @PathVariable long id, @Body Map<String, String> form) {
        String language = pages.language(request, form.get("lang"));
        try {
            teams.update(id, form.get("name"), AdminPages.lines(form.get("wijken")));
            return AdminPages.redirect("/admin/teams/" + id, language, "saved");
        } catch (Refused e) {
            return show(request, language, me, id, e, null, form, HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @Post(value = "/teams/{id}/code", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> renewCode(HttpRequest<?> request, Authentication me, @PathVariable long id, @Body Map<String, String> form) {
        return change(request, me, id, form, "code_renewed", () -> teams.renewJoinCode(id));
    }

    @Post(value = "/teams/{id}/members", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> addMember(HttpRequest<?> request, Authentication me, @PathVariable long id, @Body Map<String, String> form) {
        return change(request, me, id, form, "member_added", () -> teams.addMember(id, AdminPages.number(form.get("account"))));
    }

    @Post(value = "/teams/{id}/members/{accountId}/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> removeMember(HttpRequest<?> request, Authentication me, @PathVariable long id,
                                        @PathVariable long accountId, @Body Map<String, String> form) {
        return change(request, me, id, form, "member_removed", () -> teams.removeMember(id, accountId));
    }

    @Post(value = "/teams/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> delete(HttpRequest<?> request, Authentication me, @PathVariable long id, @Body Map<String, String> form) {
        String language = pages.language(request, form.get("lang"));
        try {
            teams.delete(id);
            return AdminPages.redirect("/admin/teams", language, "team_deleted");
        } catch (Refused e) {
            return show(request, language, me, id, e, null, null, HttpStatus.CONFLICT);
        }
    }

    /** The QR code of the team's join link, as a PNG. */
    @Get("/teams/{id}/qr.png")
    @Produces("image/png")
    public HttpResponse<?> qrCode(HttpRequest<?> request, @PathVariable long id) {
        return teams.find(id).<HttpResponse<?>>map(team -> HttpResponse.ok(qr.png(links.url(team, request)))
                        .contentType("image/png").header("Cache-Control", "no-store"))
                .orElseGet(HttpResponse::notFound);
    }

    private HttpResponse<?> change(HttpRequest<?> request, Authentication me, long id, Map<String, String> form,
                                   String done, Runnable action) {
        String language = pages.language(request, form.get("lang"));
        try {
            action.run();
            return AdminPages.redirect("/admin/teams/" + id, language, done);
        } catch (Refused e) {
            return show(request, language, me, id, e, null, null, HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    private HttpResponse<?> list(String language, Authentication me, @Nullable Refused error, @Nullable String done,
                                 Map<String, String> typed, HttpStatus status) {
        Map<String, Object> model = admin.model(language, me, error, done);
        model.put("teams", teams.all().stream().map(t -> Map.of(
                "id", t.id(), "name", t.name(), "wijken", String.join(", ", teams.wijken(t.id())),
                "people", teams.memberIds(t.id()).size(), "conversations", conversations(language, t.id()))).toList());
        model.put("name", typed.getOrDefault("name", ""));
        model.put("wijken", typed.getOrDefault("wijken", ""));
        return AdminPages.show("admin/teams", model, status);
    }

    private HttpResponse<?> show(HttpRequest<?> request, String language, Authentication me, long id, @Nullable Refused error,
                                 @Nullable String done, @Nullable Map<String, String> typed, HttpStatus status) {
        Optional<Team> found = teams.find(id);
        if (found.isEmpty()) {
            return list(language, me, new Refused("admin.team_not_found"), null, Map.of(), HttpStatus.NOT_FOUND);
        }
        Team team = found.get();
        Map<String, Object> model = admin.model(language, me, error, done);
        List<Long> memberIds = teams.memberIds(id);
        List<Account> people = accounts.all();
        model.put("id", team.id());
        model.put("name", typed == null ? team.name() : typed.getOrDefault("name", ""));
        model.put("wijken", typed == null ? String.join("\n", teams.wijken(id)) : typed.getOrDefault("wijken", ""));
        model.put("joinUrl", links.url(team, request));
        model.put("telegram", pages.words(language, "telegram"));
        model.put("telegramLinks", telegramLinks(team, language));
        model.put("conversations", conversations(language, id));
        model.put("members", people.stream().filter(a -> memberIds.contains(a.id())).map(a -> person(a, language)).toList());
        model.put("candidates", people.stream().filter(a -> !a.is(Role.ADMIN) && !memberIds.contains(a.id()))
                .map(a -> person(a, language)).toList());
        return AdminPages.show("admin/team", model, status);
    }

    /** The team's Telegram deep links, one per flow for professionals; none without a bot username. */
    private List<Map<String, String>> telegramLinks(Team team, String language) {
        return library.flows().stream().filter(f -> JoinController.AUDIENCE.equals(f.audience()))
                .flatMap(f -> telegram.teamLink(f.id(), team.joinCode()).stream().map(url -> Map.of("flow", f.id(),
                        "title", library.translations().flowText(language, f.id(), "title"), "url", url)))
                .toList();
    }

    private Map<String, Object> person(Account a, String language) {
        return Map.of("id", a.id(), "username", a.username(), "role", admin.roleName(language, a.role()),
                "enabled", a.enabled());
    }
}
