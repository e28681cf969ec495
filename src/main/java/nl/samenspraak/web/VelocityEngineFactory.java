package nl.samenspraak.web;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.views.velocity.VelocityFactory;
import jakarta.inject.Singleton;
import nl.samenspraak.i18n.HtmlEscaping;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.runtime.RuntimeConstants;

import java.util.Properties;

/**
 * The Velocity engine for pages: templates from the class path, strict (a mistyped reference fails
 * instead of printing itself), every inserted value HTML-escaped, and records readable as view models.
 */
@Factory
public class VelocityEngineFactory {

    @Singleton
    @Replaces(factory = VelocityFactory.class, bean = VelocityEngine.class)
    VelocityEngine velocityEngine() {
        Properties p = new Properties();
        p.setProperty(RuntimeConstants.RESOURCE_LOADERS, "class");
        p.setProperty("resource.loader.class.class", "org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader");
        p.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
        p.setProperty(RuntimeConstants.EVENTHANDLER_REFERENCEINSERTION, HtmlEscaping.class.getName());
        p.setProperty(RuntimeConstants.SPACE_GOBBLING, "lines");
        p.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, RecordProperties.class.getName());
        return new VelocityEngine(p);
    }
}
