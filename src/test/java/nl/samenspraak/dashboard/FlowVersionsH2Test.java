package nl.samenspraak.dashboard;

import nl.samenspraak.support.SharedService;

/** The dashboard's storage on embedded H2, the default database. */
@SharedService
class FlowVersionsH2Test extends FlowVersionsContract {
}
