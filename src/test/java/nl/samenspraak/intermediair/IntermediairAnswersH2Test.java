package nl.samenspraak.intermediair;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** Intermediair answers on embedded H2, the default database. */
@MicronautTest(transactional = false)
class IntermediairAnswersH2Test extends IntermediairAnswersContract {
}
