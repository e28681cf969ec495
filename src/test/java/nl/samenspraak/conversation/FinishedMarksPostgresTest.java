package nl.samenspraak.conversation;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.samenspraak.support.OnPostgres;
import org.junit.jupiter.api.TestInstance;

/** Kept says-something marks on a real PostgreSQL server, in a database made for this class (see {@link OnPostgres}). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinishedMarksPostgresTest extends FinishedMarksContract implements OnPostgres {
}
