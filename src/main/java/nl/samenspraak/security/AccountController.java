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
import nl.samenspraak.pages.PageLanguage;
import nl.samenspraak.web.Pages;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * A logged-in person's own page: who they are, changing their password, logging out; for an intermediair also the
 * language of their own pages ({@link OwnLanguage}).
 */
@Hidden
@Controller("/account")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AccountController {
    private final Accounts accounts;
    private final LoginCookies cookies;
    private final PasswordRules rules;
    private final Pages pages;
    private final OwnLanguage ownLanguage;

    public AccountController(Accounts accounts, LoginCookies cookies, PasswordRules rules, Pages pages, OwnLanguage ownLanguage) {
        this.ownLanguage = ownLanguage;
        this.accounts = accounts;
        this.cookies = cookies;
        this.rules = rules;
        this.pages = pages;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> page(HttpRequest<?> request, Authentication authentication, @PageLanguage String language,
                                @Nullable @QueryValue String done) {
        return page(ownLanguage.of(authentication, language), me(authentication), null, done, HttpStatus.OK);
    }

    /** The language of an intermediair's own pages; blank: the page's or browser's again. */
    @Post(value = "/language", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.INTERMEDIAIR_NAME) // others get the same refusal page as any route not for their role
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> chooseLanguage(Authentication authentication, @Body Map<String, String> form,
                                          @PageLanguage String pageLanguage) {
        String language = ownLanguage.of(authentication, pageLanguage);
        Account me = me(authentication);
        if (!me.is(Role.INTERMEDIAIR)) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        return RefusedForm.submit(() -> {
            ownLanguage.choose(me.id(), form.get("interface"));
            return HttpResponse.seeOther(URI.create(Pages.link("/account", ownLanguage.of(authentication, language), "language_saved")));
        }, (refused, status) -> page(ownLanguage.of(authentication, language), me, refused, null, status));
    }

    @Post(value = "/password", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> changePassword(HttpRequest<?> request, Authentication authentication, @Body Map<String, String> form,
                                 @PageLanguage String pageLanguage) {
        String language = ownLanguage.of(authentication, pageLanguage);
        Account me = me(authentication);
        return RefusedForm.submit(() -> {
            if (!Objects.equals(form.get("password"), form.get("repeat"))) {
                throw new Refused("auth.passwords_differ");
            }
            Account changed = accounts.changePassword(me.id(), form.get("current"), form.get("password"));
            // the change ended every session; this browser gets a fresh login
            return cookies.logIn(HttpResponse.seeOther(URI.create(Pages.link("/account", language, "password_changed"))),
                    changed, request);
        }, (refused, status) -> page(language, me, refused, null, status));
    }

    private Account me(Authentication authentication) {
        return accounts.find(Accounts.idOf(authentication)).orElseThrow();
    }

    private HttpResponse<?> page(String language, Account me, @Nullable Refused error, @Nullable String done, HttpStatus status) {
        Map<String, Object> model = pages.model(language, "auth", "intermediair");
        Map<String, String> words = pages.words(language, "auth");
        model.put("me", me.username());
        model.put("chooseOwnLanguage", me.is(Role.INTERMEDIAIR));
        String chosen = me.interfaceLanguage() == null ? "" : me.interfaceLanguage();
        model.put("ownLanguages", pages.languages(chosen));
        model.put("ownLanguageBrowser", chosen.isEmpty() ? "selected" : "");
        model.put("role", words.getOrDefault("role_" + me.role(), me.role()));
        model.put("minLength", rules.minLength());
        model.put("passwordHint", pages.message(language, "auth.password_hint", Map.of("min", rules.minLength())));
        model.put("error", error == null ? "" : pages.message(language, error.key(), error.parameters()));
        model.put("errorField", RefusedField.of(error));
        model.put("notice", Pages.notice(words, done));
        return HttpResponse.status(status).body(new ModelAndView<>("account", model)).header("Cache-Control", "no-store");
    }
}
