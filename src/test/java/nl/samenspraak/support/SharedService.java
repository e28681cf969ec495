package nl.samenspraak.support;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * In place of {@code @MicronautTest(transactional = false)} for a test class that needs the service with the test
 * configuration (application-test.yml plus the class's own {@code @Property} annotations) and nothing of its own:
 * the service is started once per test JVM for each such configuration and shared by every class that asks for
 * it, instead of starting a context, embedded server and connection pool per class. The class's {@code @Inject}
 * fields are filled from that service. A class that needs a fresh service (a property provider, a database of its
 * own, per-test rollback, a mock bean) stays on {@code @MicronautTest}.
 *
 * <p>What one class leaves behind (rows in the embedded database) another sees; that was so before, as every
 * {@code @MicronautTest} class shares the same named in-memory database (application-test.yml), so a class
 * asserts on what it made itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(SharedServiceExtension.class)
// a bean definition for the test class, so its @Inject fields can be filled; active in the shared service only
@Factory
@Requires(property = SharedServiceExtension.ACTIVE, value = "true")
public @interface SharedService {
}
