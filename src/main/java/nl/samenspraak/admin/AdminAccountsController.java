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
import nl.samenspraak.pages.PageLanguage;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Refused;
import nl.samenspraak.security.RefusedForm;
import nl.samenspraak.security.Role;
import nl.samenspraak.team.Teams;
import nl.samenspraak.web.Pages;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The admin's account pages: list and create accounts, and for one account its role, enabled or not, a new
 * password, deletion. Admins never change their own role, state or existence here (see {@link Accounts}).
 */
@Hidden
@Controller("/admin/accounts")
@Secured(Role.ADMIN_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminAccountsController {
    private final Accounts accounts;
    private final Teams teams;
    private final Pages pages;
    private final AdminPages admin;

    public AdminAccountsController(Accounts accounts, Teams teams, Pages pages, AdminPages admin) {
        this.accounts = accounts;
        this.teams = teams;
        this.pages = pages;
        this.admin = admin;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> list(HttpRequest<?> request, Authentication me, @PageLanguage String language,
                                @Nullable @QueryValue String done) {
        return list(language, me, null, done, Map.of(), HttpStatus.OK);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> create(HttpRequest<?> request, Authentication me, @Body Map<String, String> form,
                                    @PageLanguage String language) {
        return RefusedForm.submit(() -> {
            Account created = accounts.create(form.get("username"), form.get("password"), role(form.get("role")));
            return AdminPages.redirect("/admin/accounts/" + created.id(), language, "account_created");
        }, (refused, status) -> list(language, me, refused, null, form, status));
    }

    @Get("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> show(HttpRequest<?> request, Authentication me, @PathVariable long id,
                                @PageLanguage String language, @Nullable @QueryValue String done) {
        return show(language, me, id, null, done, HttpStatus.OK);
    }

    @Post(value = "/{id}/role", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> role(HttpRequest<?> request, Authentication me, @PathVariable long id, @Body Map<String, String> form,
                                    @PageLanguage String language) {
        return change(language, me, id, form, "saved", f -> accounts.setRole(Accounts.idOf(me), id, role(f.get("role"))));
    }

    @Post(value = "/{id}/enabled", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> enabled(HttpRequest<?> request, Authentication me, @PathVariable long id, @Body Map<String, String> form,
                                    @PageLanguage String language) {
        boolean on = "true".equals(form.get("enabled"));
        return change(language, me, id, form, on ? "enabled" : "disabled", f -> accounts.setEnabled(Accounts.idOf(me), id, on));
    }

    @Post(value = "/{id}/password", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> password(HttpRequest<?> request, Authentication me, @PathVariable long id, @Body Map<String, String> form,
                                    @PageLanguage String language) {
        return change(language, me, id, form, "password_set", f -> accounts.resetPassword(Accounts.idOf(me), id, f.get("password")));
    }

    @Post(value = "/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> delete(HttpRequest<?> request, Authentication me, @PathVariable long id, @Body Map<String, String> form,
                                    @PageLanguage String language) {
        return RefusedForm.submit(() -> {
            accounts.delete(Accounts.idOf(me), id);
            return AdminPages.redirect("/admin/accounts", language, "account_deleted");
        }, (refused, status) -> show(language, me, id, refused, null, status));
    }

    private HttpResponse<?> change(String language, Authentication me, long id, Map<String, String> form,
                                   String done, Consumer<Map<String, String>> action) {
        return RefusedForm.submit(() -> {
            action.accept(form);
            return AdminPages.redirect("/admin/accounts/" + id, language, done);
        }, (refused, status) -> show(language, me, id, refused, null, status));
    }

    private static Role role(@Nullable String key) {
        return Role.of(key).orElseThrow(() -> new Refused("admin.role_invalid"));
    }

    private HttpResponse<?> list(String language, Authentication me, @Nullable Refused error, @Nullable String done,
                                 Map<String, String> typed, HttpStatus status) {
        Map<String, Object> model = admin.model(language, error, done);
        model.put("accounts", accounts.all().stream().map(a -> Map.of("id", a.id(), "username", a.username(),
                "role", admin.roleName(language, a.role()), "enabled", a.enabled())).toList());
        model.put("username", typed.getOrDefault("username", ""));
        model.put("roles", roles(language, typed.getOrDefault("role", Role.MANAGER.key())));
        // a refusal of the new-account form is shown at that form, below the list of accounts, not at the page's top
        model.put("errorField", nl.samenspraak.security.RefusedField.of(error));
        return AdminPages.show("admin/accounts", model, status);
    }

    private HttpResponse<?> show(String language, Authentication me, long id, @Nullable Refused error, @Nullable String done,
                                 HttpStatus status) {
        Optional<Account> found = accounts.find(id);
        if (found.isEmpty()) {
            return list(language, me, new Refused("admin.account_not_found"), null, Map.of(), HttpStatus.NOT_FOUND);
        }
        Account account = found.get();
        Map<String, Object> model = admin.model(language, error, done);
        model.put("id", account.id());
        model.put("username", account.username());
        model.put("role", admin.roleName(language, account.role()));
        model.put("roles", roles(language, account.role()));
        model.put("enabled", account.enabled());
        model.put("self", account.id() == Accounts.idOf(me));
        // the only field of this page a refusal can be about is the new password (its own form, below the others):
        // the reason goes there, not to the page's top; a refusal of the role, the state or the deletion stays on top
        // (one's own account has none of these forms here: its refusals stay on top too)
        boolean atPassword = account.id() != Accounts.idOf(me) && "password".equals(nl.samenspraak.security.RefusedField.of(error));
        model.put("errorField", atPassword ? "password" : "");
        List<Long> teamIds = teams.teamIdsOf(id);
        model.put("teams", teams.all().stream().filter(t -> teamIds.contains(t.id()))
                .map(t -> Map.of("id", t.id(), "name", t.name())).toList());
        return AdminPages.show("admin/account", model, status);
    }

    private List<Map<String, String>> roles(String language, String selected) {
        return Arrays.stream(Role.values()).map(r -> Map.of("key", r.key(), "name", admin.roleName(language, r.key()),
                "selected", r.key().equals(selected) ? "selected" : "")).toList();
    }
}
