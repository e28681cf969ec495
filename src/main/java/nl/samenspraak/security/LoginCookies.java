package nl.samenspraak.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import io.micronaut.security.token.cookie.TokenCookieLoginHandler;
import jakarta.inject.Singleton;
import nl.samenspraak.limits.ClientAddress;

import java.util.List;
import java.util.Map;

/**
 * Puts a login into a response (a signed token in the HttpOnly, SameSite=Strict cookie configured in
 * application.yml) and takes it out again. The cookie is Secure when the request came over HTTPS, directly or as
 * the trusted TLS proxy says ({@link ClientAddress#secure}, as for HSTS): the framework alone saw only a TLS
 * connection to the service itself, never the usual set-up behind a proxy.
 */
@Singleton
public class LoginCookies {
    private final TokenCookieLoginHandler tokens;
    private final AccessTokenCookieConfiguration cookie;
    private final ClientAddress clients;

    public LoginCookies(TokenCookieLoginHandler tokens, AccessTokenCookieConfiguration cookie, ClientAddress clients) {
        this.tokens = tokens;
        this.cookie = cookie;
        this.clients = clients;
    }

    public MutableHttpResponse<?> logIn(MutableHttpResponse<?> response, Account account, HttpRequest<?> request) {
        boolean https = clients.secure(request);
        tokens.getCookies(authentication(account), request).forEach(c -> response.cookie(https ? c.secure(true) : c));
        return response;
    }

    public MutableHttpResponse<?> logOut(MutableHttpResponse<?> response, HttpRequest<?> request) {
        Cookie empty = Cookie.of(cookie.getCookieName(), "");
        empty.configure(cookie, clients.secure(request));
        empty.maxAge(0);
        return response.cookie(empty);
    }

    /** What the token says: the username, the role, the account id and its session version. */
    static Authentication authentication(Account account) {
        return Authentication.build(account.username(), List.of(account.role()),
                Map.of(Accounts.ACCOUNT_CLAIM, account.id(), Accounts.SESSION_CLAIM, account.sessionVersion()));
    }
}
