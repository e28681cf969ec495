package nl.samenspraak.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import io.micronaut.security.token.cookie.TokenCookieLoginHandler;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * Puts a login into a response (a signed token in the HttpOnly, SameSite=Strict cookie configured in
 * application.yml) and takes it out again.
 */
@Singleton
public class LoginCookies {
    private final TokenCookieLoginHandler tokens;
    private final AccessTokenCookieConfiguration cookie;

    public LoginCookies(TokenCookieLoginHandler tokens, AccessTokenCookieConfiguration cookie) {
        this.tokens = tokens;
        this.cookie = cookie;
    }

    public MutableHttpResponse<?> logIn(MutableHttpResponse<?> response, Account account, HttpRequest<?> request) {
        tokens.getCookies(authentication(account), request).forEach(response::cookie);
        return response;
    }

    public MutableHttpResponse<?> logOut(MutableHttpResponse<?> response, HttpRequest<?> request) {
        Cookie empty = Cookie.of(cookie.getCookieName(), "");
        empty.configure(cookie, request.isSecure());
        empty.maxAge(0);
        return response.cookie(empty);
    }

    /** What the token says: the username, the role, the account id and its session version. */
    static Authentication authentication(Account account) {
        return Authentication.build(account.username(), List.of(account.role()),
                Map.of(Accounts.ACCOUNT_CLAIM, account.id(), Accounts.SESSION_CLAIM, account.sessionVersion()));
    }
}
