package nl.samenspraak.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import nl.samenspraak.i18n.DurationWords;
import nl.samenspraak.pages.PageLanguage;
import nl.samenspraak.web.Pages;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Logging in and out. A wrong password, an unknown name and a disabled account get the same message; after
 * repeated failures the name is locked for a while (see {@link LoginAttempts}). Logging out ends the
 * account's sessions everywhere.
 */
@Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class LoginController {
    private final LoginCheck check;
    private final LoginCookies cookies;
    private final Accounts accounts;
    private final Pages pages;
    private final int lockMinutes;
    private final nl.samenspraak.limits.ClientAddress clients;

    public LoginController(LoginCheck check, LoginCookies cookies, Accounts accounts, Pages pages,
                           nl.samenspraak.limits.ClientAddress clients,
                           SecuritySettings settings) {
        this.check = check;
        this.cookies = cookies;
        this.accounts = accounts;
        this.pages = pages;
        this.lockMinutes = settings.lockout().minutes();
        this.clients = clients;
    }

    @Get("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> page(HttpRequest<?> request, @PageLanguage String language,
                                @Nullable @QueryValue String next, @Nullable @QueryValue String done) {
        return page(language, next, "", null, done, HttpStatus.OK);
    }

    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> logIn(HttpRequest<?> request, @Body Map<String, String> form,
                                 @PageLanguage String language) {
        String next = form.get("next");
        // the audit log names the account tried, never what was typed for a name no account has: that could be a
        // password typed into the wrong box
        String typed = Accounts.normalize(form.get("username"));
        request.setAttribute(nl.samenspraak.audit.AuditTrail.USERNAME,
                typed != null && accounts.byUsername(typed).isPresent() ? typed : "?");
        LoginCheck.Result result = check.check(clients.of(request), form.get("username"), form.get("password"));
        return switch (result.status()) {
            case OK -> cookies.logIn(HttpResponse.seeOther(URI.create(target(next, result.account(), language))),
                    result.account(), request);
            case WRONG -> page(language, next, form.get("username"), "auth.login_failed", null, HttpStatus.UNAUTHORIZED);
            case LOCKED -> page(language, next, form.get("username"), "auth.locked", null, HttpStatus.TOO_MANY_REQUESTS);
        };
    }

    @Post(value = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<?> logOut(HttpRequest<?> request, Authentication authentication,
                                  @Nullable @Body Map<String, String> form, @PageLanguage String language) {
        accounts.endSessions(Accounts.idOf(authentication));
        return cookies.logOut(HttpResponse.seeOther(URI.create(Pages.link("/login", language, "logged_out"))), request);
    }

    private HttpResponse<?> page(String language, @Nullable String next, @Nullable String username,
                                 @Nullable String error, @Nullable String done, HttpStatus status) {
        Map<String, Object> model = pages.model(language, "auth");
        model.put("next", safeNext(next) == null ? "" : next);
        model.put("username", username == null ? "" : username);
        model.put("error", error == null ? "" : pages.message(language, error, Map.of("wait", DurationWords.of(Duration.ofMinutes(lockMinutes), language))));
        Map<String, String> words = pages.words(language, "auth");
        model.put("notice", Pages.notice(words, done));
        return HttpResponse.status(status).body(new ModelAndView<>("login", model)).header("Cache-Control", "no-store");
    }

    /** Where to go after logging in: the page asked for (only a path on this site), else the role's start page. */
    private static String target(@Nullable String next, Account account, String language) {
        String safe = safeNext(next);
        if (safe != null) {
            return safe;
        }
        String start = account.is(Role.ADMIN) ? "/admin/teams" : account.is(Role.MANAGER) ? "/dashboard" : "/intermediair";
        return Pages.link(start, language, null);
    }

    private static String safeNext(@Nullable String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return null;
        }
        // a space, a stray % or anything else that is not a valid URI would end in an exception (500) at the redirect
        try {
            URI uri = new URI(next);
            return uri.getRawAuthority() == null && uri.getScheme() == null ? next : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
