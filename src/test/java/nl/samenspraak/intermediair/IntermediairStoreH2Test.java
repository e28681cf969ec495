package nl.samenspraak.intermediair;

import nl.samenspraak.support.SharedService;

/** Intermediair answers and resident links on embedded H2, the default database. */
@SharedService
class IntermediairStoreH2Test extends IntermediairStoreContract {
}
