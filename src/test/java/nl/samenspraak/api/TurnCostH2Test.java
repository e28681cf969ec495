package nl.samenspraak.api;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** {@link TurnCostContract} on embedded H2. */
@MicronautTest
@Property(name = "samenspraak.test.count-statements", value = "true")
class TurnCostH2Test extends TurnCostContract {
    @Override
    String database() {
        return "H2";
    }

    @Override
    int statementsToStart() {
        return 4;
    }

    @Override
    int statementsToKeepAnAnswer() {
        return 2;
    }
}
