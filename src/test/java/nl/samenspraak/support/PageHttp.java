package nl.samenspraak.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for tests of server-rendered pages: form posts from this site (an Origin
 * header of the server itself), the login cookie carried by hand, redirects not followed.
 */
public final class PageHttp {
    public static final String LOGIN_COOKIE = "samenspraak_login";
    public static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    public PageHttp(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String base() {
        return base;
    }

    public record Reply(int status, String body, Map<String, List<String>> headers) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String location() {
            return header("location");
        }

        /** The Set-Cookie line for {@code name}, or null. */
        public String setCookie(String name) {
            return headers.getOrDefault("set-cookie", List.of()).stream().filter(c -> c.startsWith(name + "="))
                    .findFirst().orElse(null);
        }

        /** The login cookie this reply sets, as a Cookie header value ("name=value"), or null. */
        public String loginCookie() {
            String line = setCookie(LOGIN_COOKIE);
            return line == null ? null : line.substring(0, line.indexOf(';') < 0 ? line.length() : line.indexOf(';'));
        }
    }

    /** A request to build on: the server's address plus {@code path}. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    public Reply get(String path, String cookie) {
        return get(path, cookie, HTML);
    }

    public Reply get(String path, String cookie, String accept) {
        HttpRequest.Builder r = request(path).header("Accept", accept).GET();
        return send(cookie == null ? r : r.header("Cookie", cookie));
    }

    /** A file as a browser downloads it (a result's PDF): its status, headers and bytes as sent. */
    public HttpResponse<byte[]> download(String path) {
        try {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A form posted from one of this site's pages. */
    public Reply post(String path, Map<String, String> form, String cookie) {
        return post(path, form, cookie, Map.of("Origin", base));
    }

    public Reply post(String path, Map<String, String> form, String cookie, Map<String, String> headers) {
        HttpRequest.Builder r = request(path).header("Accept", HTML)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        headers.forEach(r::header);
        return send(cookie == null ? r : r.header("Cookie", cookie));
    }

    /** Logs in and returns the login cookie; fails the test when the login does not succeed. */
    public String login(String username, String password) {
        Reply r = post("/login", form("username", username, "password", password), null);
        if (r.status() != 303 || r.loginCookie() == null) {
            throw new AssertionError("login of " + username + " failed: " + r.status() + " " + r.body());
        }
        return r.loginCookie();
    }

    /** A path as a query value (as the login page's {@code next}). */
    public static String encodePath(String path) {
        return URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    public static Map<String, String> form(String... keysAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            form.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return form;
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
