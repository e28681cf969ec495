package nl.samenspraak.conversation;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** Kept says-something marks on embedded H2, the default database. */
@MicronautTest(transactional = false)
class FinishedMarksH2Test extends FinishedMarksContract {
}
