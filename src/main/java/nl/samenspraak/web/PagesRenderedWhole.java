package nl.samenspraak.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.Writable;
import io.micronaut.views.ViewsConfiguration;
import io.micronaut.views.exceptions.ViewRenderingException;
import io.micronaut.views.velocity.VelocityViewsRenderer;
import io.micronaut.views.velocity.VelocityViewsRendererConfiguration;
import jakarta.inject.Singleton;
import org.apache.velocity.app.VelocityEngine;

import java.io.IOException;
import java.io.StringWriter;

/**
 * Renders a page whole before anything of it is sent. The framework's renderer hands back a page that is rendered
 * while it is written to the connection: a template that fails there (strict mode refuses a reference the model
 * lacks) fails after the reply began, and the person's browser waited for a page that never came, with no error and
 * no end (the page after "Wis mijn antwoorden" did so for a while). Rendered first, a failure is an error like any
 * other: the error page in the person's language, with status 500. A page is a few kilobytes; holding it as a string
 * costs nothing a person would notice.
 */
@Singleton
@Replaces(VelocityViewsRenderer.class)
public class PagesRenderedWhole<T, R> extends VelocityViewsRenderer<T, R> {

    public PagesRenderedWhole(ViewsConfiguration viewsConfiguration, VelocityViewsRendererConfiguration velocityConfiguration,
                              VelocityEngine velocityEngine) {
        super(viewsConfiguration, velocityConfiguration, velocityEngine);
    }

    @Override
    public Writable render(String viewName, T data, R request) {
        StringWriter page = new StringWriter(16_384);
        try {
            super.render(viewName, data, request).writeTo(page);
        } catch (IOException e) {
            throw new ViewRenderingException("Error rendering Velocity view [" + viewName + "]: " + e.getMessage(), e);
        }
        String rendered = page.toString();
        return out -> out.write(rendered);
    }
}
