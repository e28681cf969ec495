package nl.samenspraak.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.UnsupportedMediaException;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.Router;
import jakarta.inject.Singleton;
import nl.samenspraak.system.RefusalWords;
import nl.samenspraak.system.RequestLanguage;
import nl.samenspraak.web.Pages;

import java.util.List;
import java.util.Map;

/**
 * What a refused request gets. A page (the browser asks for HTML): without a login, a redirect to the login
 * page that comes back here afterwards; with a login but the wrong role, a 403 page. Anything else (JSON, an
 * image): 401 or 403 with a JSON error. An address that does not exist is, with or without a
 * login, a 404 (the person's not-found page, see {@code web.ErrorPages}).
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class AuthorizationResponses extends DefaultAuthorizationExceptionHandler {
    private final Pages pages;
    private final ErrorResponseProcessor<?> errors;
    private final Router router;
    private final RequestLanguage languages;

    public AuthorizationResponses(ErrorResponseProcessor<?> errorResponseProcessor, RedirectConfiguration redirectConfiguration,
                                  RedirectService redirectService,
                                  List<WwwAuthenticateChallengeProvider<HttpRequest<?>>> challengeProviders,
                                  @Nullable PriorToLoginPersistence priorToLoginPersistence, Pages pages, Router router,
                                  RequestLanguage languages) {
        super(errorResponseProcessor, redirectConfiguration, redirectService, challengeProviders, priorToLoginPersistence);
        this.languages = languages;
        this.pages = pages;
        this.errors = errorResponseProcessor;
        this.router = router;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        // an address that does not exist is "not found" for everyone, in the person's language, with a way home
        // (which addresses exist is no secret: the README lists them)
        if (RouteAttributes.getRouteMatch(request).isEmpty()
                && router.find(request.getMethod(), request.getPath(), request).findAny().isEmpty()) {
            return errors.processResponse(ErrorContext.builder(request).errorMessage("Not Found").build(),
                    HttpResponse.notFound());
        }
        // the address exists but no route there reads this body (a form posted to a JSON route): 415, not "forbidden",
        // naming what the address takes, as the framework's own 415 does (the words differ for a page and the API)
        MediaType contentType = ((HttpRequest<?>) request).getContentType().orElse(null);
        if (RouteAttributes.getRouteMatch(request).isEmpty() && contentType != null
                && router.find(request.getMethod(), request.getPath(), request).noneMatch(r -> r.getRouteInfo().doesConsume(contentType))) {
            List<String> taken = router.find(request.getMethod(), request.getPath(), request)
                    .flatMap(r -> r.getRouteInfo().getConsumes().stream()).map(MediaType::toString).distinct().toList();
            return errors.processResponse(ErrorContext.builder(request)
                            .cause(new UnsupportedMediaException(contentType.toString(), taken)).build(),
                    HttpResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
        }
        if (exception.isForbidden() && wantsPage(request)) {
            // the account's own language when it chose one, else the address's ?lang= as every other page and error
            // page reads it (both came back in Dutch)
            String language = languages.refusal(request);
            Map<String, Object> model = pages.model(language, "auth");
            model.put("message", pages.message(language, "auth.forbidden", Map.of()));
            return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_HTML_TYPE)
                    .body(pages.html("forbidden", model, request));
        }
        return super.handle(request, exception);
    }

    /** Back to the page asked for after logging in (for a GET; a form is not sent again). */
    @Override
    protected String getRedirectUri(HttpRequest<?> request, AuthorizationException exception) {
        String login = super.getRedirectUri(request, exception);
        if (exception.isForbidden() || request.getMethod() != HttpMethod.GET) {
            return login;
        }
        String query = request.getUri().getRawQuery();
        return login + "?next=" + Pages.encode(request.getPath() + (query == null ? "" : "?" + query));
    }

    private static boolean wantsPage(HttpRequest<?> request) {
        return RefusalWords.Reader.of(request) == RefusalWords.Reader.PAGE;
    }
}
