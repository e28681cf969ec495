package nl.samenspraak.team;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.samenspraak.support.OnPostgres;
import org.junit.jupiter.api.TestInstance;

/** Teams on a real PostgreSQL server, in a database made for this run and dropped afterwards. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamsPostgresTest extends TeamsContract implements OnPostgres {
}
