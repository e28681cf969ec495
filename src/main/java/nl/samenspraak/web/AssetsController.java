package nl.samenspraak.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Serves {@link StaticAssets} under their hashed names with a year's cache lifetime (the name changes with the
 * content), and the favicon a browser asks for by itself. An unknown name is the person's 404 page.
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class AssetsController {
    private static final String FOREVER = "public, max-age=31536000, immutable";

    private final StaticAssets assets;

    public AssetsController(StaticAssets assets) {
        this.assets = assets;
    }

    @Get(StaticAssets.PREFIX + "{name}")
    public HttpResponse<?> asset(HttpRequest<?> request, @PathVariable String name) {
        return assets.find(name).<HttpResponse<?>>map(a -> HttpResponse.ok(a.content()).contentType(a.contentType())
                        .header("Cache-Control", FOREVER))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no such file"));
    }

    @Get("/favicon.ico")
    public HttpResponse<byte[]> favicon() {
        StaticAssets.Asset icon = assets.favicon();
        return HttpResponse.ok(icon.content()).contentType(icon.contentType()).header("Cache-Control", "public, max-age=86400");
    }
}
