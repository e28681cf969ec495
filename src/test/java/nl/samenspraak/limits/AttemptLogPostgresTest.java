package nl.samenspraak.limits;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.samenspraak.support.OnPostgres;
import org.junit.jupiter.api.TestInstance;

/** The limits' counts on a real PostgreSQL server, in a database made for this run and dropped afterwards. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttemptLogPostgresTest extends AttemptLogContract implements OnPostgres {
}
