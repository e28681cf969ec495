package nl.samenspraak.team;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.samenspraak.system.PublicUrlSettings;

/**
 * The full address of a team's join link, for showing and for its QR code: {@code samenspraak.public-url}
 * (SAMENSPRAAK_PUBLIC_URL, e.g. https://samenspraak.example.nl) when set, else the address the request came to.
 */
@Singleton
public class JoinLinks {
    private final String publicUrl;

    @Inject
    public JoinLinks(PublicUrlSettings settings) {
        this(settings.url());
    }

    public JoinLinks(String publicUrl) {
        this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
    }

    public static String path(Team team) {
        return "/t/" + team.joinCode();
    }

    public String url(Team team, HttpRequest<?> request) {
        return url(path(team), request);
    }

    /** The full address of any path of this site, as people outside reach it (for links and QR codes). */
    public String url(String path, HttpRequest<?> request) {
        return base(request) + path;
    }

    private String base(HttpRequest<?> request) {
        if (!publicUrl.isEmpty()) {
            return publicUrl;
        }
        String host = request.getHeaders().get(HttpHeaders.HOST);
        return (request.isSecure() ? "https://" : "http://") + (host == null ? "localhost" : host);
    }
}
