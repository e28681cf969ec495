package nl.samenspraak.team;

import nl.samenspraak.support.SharedService;

/** Teams on embedded H2, the default database. */
@SharedService
class TeamsH2Test extends TeamsContract {
}
