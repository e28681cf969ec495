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
import nl.samenspraak.dashboard.NotYourTeam;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.pages.PageLanguage;
import nl.samenspraak.result.TeamContact;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Refused;
import nl.samenspraak.security.RefusedForm;
import nl.samenspraak.security.Role;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.TeamContacts;
import nl.samenspraak.team.Teams;
import nl.samenspraak.web.Pages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The page where a team writes where its residents can go (desk, address, walk-in hours, phone, e-mail, how to
 * get an interpreter), for the whole team and for a wijk where it differs, in Dutch and, if they like, other
 * languages. For admins (any team) and the team's own managers: the details are the team's to keep right. A
 * manager of another team gets 403 (also for a team that does not exist, so nobody learns which teams exist).
 */
@Hidden
@Controller("/admin/teams/{id}/contact")
@Secured({Role.ADMIN_NAME, Role.MANAGER_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
public class TeamContactController {
    private final TeamContacts contacts;
    private final Teams teams;
    private final Accounts accounts;
    private final Pages pages;
    private final AdminPages admin;
    private final FlowLibrary library;

    public TeamContactController(TeamContacts contacts, Teams teams, Accounts accounts, Pages pages, AdminPages admin,
                                 FlowLibrary library) {
        this.contacts = contacts;
        this.teams = teams;
        this.accounts = accounts;
        this.pages = pages;
        this.admin = admin;
        this.library = library;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> show(HttpRequest<?> request, Authentication me, @PathVariable long id, @PageLanguage String language,
                                @Nullable @QueryValue String place, @Nullable @QueryValue("in") String in,
                                @Nullable @QueryValue String done) {
        Account account = accounts.find(Accounts.idOf(me)).orElseThrow();
        Optional<Team> team = teams.find(id);
        if (team.isEmpty() || !contacts.mayWrite(account, id)) {
            throw notYours(account, team.isEmpty());
        }
        String where = place(team.get(), place);
        String textLanguage = textLanguage(in);
        return page(language, me, account, team.get(), where, textLanguage, null, done,
                contacts.fields(id, where, textLanguage), HttpStatus.OK);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> save(HttpRequest<?> request, Authentication me, @PathVariable long id, @Body Map<String, String> form,
                                 @PageLanguage String language) {
        Account account = accounts.find(Accounts.idOf(me)).orElseThrow();
        Optional<Team> team = teams.find(id);
        if (team.isEmpty() || !contacts.mayWrite(account, id)) {
            throw notYours(account, team.isEmpty());
        }
        String where = form.getOrDefault("place", "");
        String textLanguage = form.getOrDefault("in", TeamContact.DUTCH);
        return RefusedForm.submit(() -> {
            contacts.save(id, where, textLanguage, form);
            return AdminPages.redirect("/admin/teams/" + id + "/contact?place=" + Pages.encode(where) + "&in="
                    + Pages.encode(textLanguage), language, "contact_saved");
        }, (refused, status) -> {
            Map<String, String> typed = new LinkedHashMap<>();
            TeamContact.FIELDS.forEach(f -> typed.put(f, form.getOrDefault(f, "")));
            return page(language, me, account, team.get(), place(team.get(), where), textLanguage(textLanguage),
                    named(language, refused), null, typed, status);
        });
    }

    /** A refusal about one field names that field as the page labels it, in the person's language. */
    private Refused named(String language, Refused e) {
        if (!e.parameters().containsKey("field")) {
            return e;
        }
        Map<String, Object> parameters = new HashMap<>(e.parameters());
        parameters.put("label", pages.words(language, "admin").get("contact_" + e.parameters().get("field")));
        return new Refused(e.key(), parameters);
    }

    private HttpResponse<?> page(String language, Authentication me, Account account, Team team, String place, String textLanguage,
                                 @Nullable Refused error, @Nullable String done, Map<String, String> fields, HttpStatus status) {
        Map<String, Object> model = admin.model(language, error, done);
        Map<String, String> words = pages.words(language, "admin");
        model.put("id", team.id());
        model.put("name", team.name());
        model.put("place", place);
        model.put("in", textLanguage);
        model.put("dutch", TeamContact.DUTCH.equals(textLanguage));
        List<String> wijken = teams.wijken(team.id());
        List<Map<String, String>> places = new ArrayList<>();
        places.add(Map.of("value", "", "name", words.get("contact_whole_team"), "selected", place.isEmpty() ? "selected" : ""));
        wijken.forEach(w -> places.add(Map.of("value", w, "name", w, "selected", w.equals(place) ? "selected" : "")));
        model.put("places", places);
        model.put("textLanguages", pages.languages(textLanguage));
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (String field : TeamContact.FIELDS) {
            if (!TeamContact.DUTCH.equals(textLanguage) && TeamContacts.LANGUAGE_FREE.contains(field)) {
                continue;
            }
            inputs.add(Map.of("name", field, "label", words.get("contact_" + field), "value", fields.getOrDefault(field, ""),
                    "max", TeamContacts.MAX.get(field), "long", field.equals("walk_in") || field.equals("interpreter")));
        }
        model.put("inputs", inputs);
        Language textLang = library.translations().languageOrSource(textLanguage);
        model.put("textDir", textLang.direction());
        model.put("editing", pages.message(language, "admin.contact_editing", Map.of(
                "place", place.isEmpty() ? words.get("contact_whole_team") : place, "language", textLang.name())));
        List<Map<String, Object>> written = new ArrayList<>();
        contacts.written(team.id()).forEach((where, languages) -> {
            if (where.isEmpty() || wijken.contains(where)) {
                written.add(Map.of("place", where, "name", where.isEmpty() ? words.get("contact_whole_team") : where,
                        "languages", languages.stream().map(l -> Map.of("code", l,
                                "name", library.translations().languageOrSource(l).name(),
                                "link", Pages.link("/admin/teams/" + team.id() + "/contact?place=" + Pages.encode(where)
                                        + "&in=" + Pages.encode(l), language, null))).toList()));
            }
        });
        model.put("written", written);
        return AdminPages.show("admin/team-contact", model, status);
    }

    /** The place asked for: the whole team, or one of its wijken. */
    private String place(Team team, @Nullable String asked) {
        return asked != null && teams.wijken(team.id()).contains(asked) ? asked : "";
    }

    private String textLanguage(@Nullable String asked) {
        return asked != null && library.translations().language(asked).isPresent() ? asked : TeamContact.DUTCH;
    }

    /**
     * Another team's details: "this is not your team", answered as the dashboard answers it ({@link nl.samenspraak.dashboard.NotYourTeamPage}:
     * in the account's own language, never cached); an admin, who may see any team, is told a missing one is missing.
     */
    private static RuntimeException notYours(Account account, boolean missing) {
        return missing && account.is(Role.ADMIN) ? new HttpStatusException(HttpStatus.NOT_FOUND, "not found") : new NotYourTeam();
    }
}
