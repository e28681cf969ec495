package nl.samenspraak.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.Map;
import java.util.TreeMap;

/**
 * Starts the service of {@link SharedService} once per configuration and test JVM, and fills each test instance's
 * {@code @Inject} fields from it. The services live in JUnit's root store, which closes them when the test run of
 * this JVM ends.
 */
public final class SharedServiceExtension implements TestInstancePostProcessor {
    /** Set only in a shared service: the test classes are beans there and nowhere else. */
    static final String ACTIVE = "samenspraak.test.shared-service";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedServiceExtension.class);

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        Class<?> testClass = testInstance.getClass();
        Map<String, Object> properties = new TreeMap<>();
        for (Property p : AnnotationSupport.findRepeatableAnnotations(testClass, Property.class)) {
            properties.put(p.name(), p.value());
        }
        properties.put(ACTIVE, "true");
        // a shared service lives as long as the test run, a @MicronautTest one less than a minute: the daily
        // retention job (first look after 10 minutes) would otherwise run in the middle of other classes' tests
        properties.putIfAbsent("samenspraak.retention.first-run", "1d");
        Running running = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(properties, p -> new Running(properties), Running.class);
        if (running.context.findBeanDefinition(testClass).isEmpty()) {
            throw new IllegalStateException(testClass.getName() + " has no bean definition: is the annotation processor on?");
        }
        running.context.inject(testInstance);
    }

    /** One started service: its context and embedded server, stopped at the end of the JVM's test run. */
    static final class Running implements ExtensionContext.Store.CloseableResource {
        final ApplicationContext context;

        Running(Map<String, Object> properties) {
            context = ApplicationContext.builder().environments("test").properties(properties).start();
            context.getBean(EmbeddedServer.class).start();
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
