package nl.samenspraak.dashboard;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The dashboard's storage on embedded H2, the default database. */
@MicronautTest(transactional = false)
class FlowVersionsH2Test extends FlowVersionsContract {
}
