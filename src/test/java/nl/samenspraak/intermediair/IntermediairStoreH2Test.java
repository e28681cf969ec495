package nl.samenspraak.intermediair;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** Intermediair answers and resident links on embedded H2, the default database. */
@MicronautTest(transactional = false)
class IntermediairStoreH2Test extends IntermediairStoreContract {
}
