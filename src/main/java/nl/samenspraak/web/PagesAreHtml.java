package nl.samenspraak.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Filter;
import io.micronaut.views.ViewsFilter;
import io.micronaut.views.ViewsModelDecorator;
import io.micronaut.views.ViewsRendererLocator;
import io.micronaut.views.ViewsResolver;
import io.micronaut.views.turbo.TurboFrameRenderer;
import jakarta.inject.Inject;

/**
 * A page rendered from a view is labelled HTML, whatever type its address also gives. The framework's filter labels
 * a rendered page with the first type of the route's {@code @Produces} that the request names: a PDF's address that
 * gives the file or, when there is none, the page that says why (404, 410), labelled that page
 * {@code application/pdf} for a PDF reader that asked for a PDF, which then showed a broken file instead of the
 * explanation. Every view here is an HTML template; a file (a PDF, a PNG) is never a view and keeps its own type.
 * (The framework's fallback for a client that names no type of the route's was {@code charset=UTF-8}, the pages'
 * own {@code charset=utf-8}: one label now.)
 */
@Filter("/**")
@Replaces(ViewsFilter.class)
@Requires(beans = ViewsResolver.class)
public class PagesAreHtml extends ViewsFilter {

    @Inject
    public PagesAreHtml(ViewsResolver viewsResolver, ViewsRendererLocator viewsRendererLocator,
                        ViewsModelDecorator viewsModelDecorator, TurboFrameRenderer turboFrameRenderer) {
        super(viewsResolver, viewsRendererLocator, viewsModelDecorator, turboFrameRenderer);
    }

    /** Asked only for a reply that is rendered from a view: the one HTML type every page says ({@link HtmlSaysUtf8}). */
    @Override
    protected MediaType resolveMediaType(HttpRequest<?> request, HttpResponse<?> response, Object body) {
        return HtmlSaysUtf8.HTML;
    }
}
