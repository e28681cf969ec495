package nl.samenspraak.questionnaire;

import io.micronaut.context.ApplicationContext;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.support.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A questionnaire published before an upgrade that made a rule stricter (here: a text answer of at most 20,000
 * characters, where it allowed 300,000) no longer loads. It alone is not served: every other published questionnaire
 * still is, where all of them went, the whole set refused at every look, until an admin noticed; the admin page
 * "Vragenlijsten" marks the one left out.
 */
class PublishedFlowThatNoLongerLoadsTest {
    private final PostgresDatabase database = PostgresDatabase.create();

    @AfterEach
    void drop() {
        database.drop();
    }

    @Test
    void onePublishedFlowThatNoLongerLoadsLeavesTheOthersServed() throws Exception {
        try (ApplicationContext first = ApplicationContext.run(new HashMap<String, Object>(database.properties()), "test")) {
            assertTrue(first.getBean(FlowLibrary.class).flow("voorbeeld").isPresent(), "migrated");
        }
        PublishedRows.publish(database, "proef", "a".repeat(64), flow -> flow);
        PublishedRows.publish(database, "kapot", "b".repeat(64), flow -> flow.replace("maxLength: 1000", "maxLength: 300000"));

        try (ApplicationContext service = ApplicationContext.run(new HashMap<String, Object>(database.properties()), "test")) {
            FlowLibrary library = service.getBean(FlowLibrary.class);
            assertTrue(library.flow("proef").isPresent(), "the questionnaire that loads is served");
            assertFalse(library.flow("kapot").isPresent(), "the one that no longer loads is not");
            assertTrue(library.flow("voorbeeld").isPresent(), "nor does it take the bundled flows with it");
            Questionnaires questionnaires = service.getBean(Questionnaires.class);
            assertTrue(questionnaires.leftOut("b".repeat(64)), "the admin page says which upload is not served");
            assertFalse(questionnaires.leftOut("a".repeat(64)));
        }
    }
}
