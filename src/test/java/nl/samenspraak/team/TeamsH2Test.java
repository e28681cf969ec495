package nl.samenspraak.team;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** Teams on embedded H2, the default database. */
@MicronautTest(transactional = false)
class TeamsH2Test extends TeamsContract {
}
