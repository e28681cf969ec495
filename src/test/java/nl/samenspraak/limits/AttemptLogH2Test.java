package nl.samenspraak.limits;

import nl.samenspraak.support.SharedService;

/** The limits' counts on embedded H2, the default database. */
@SharedService
class AttemptLogH2Test extends AttemptLogContract {
}
