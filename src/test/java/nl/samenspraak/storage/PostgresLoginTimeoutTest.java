package nl.samenspraak.storage;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** What bounds the pool's attempts to open a connection (the partition itself: system.PartitionHealsTest). */
class PostgresLoginTimeoutTest {

    @Test
    void aPostgresPoolGivesUpOpeningAConnectionWhenARequestWouldStopWaitingForIt() {
        DatasourceConfiguration pool = configured("jdbc:postgresql://db.example:5432/samenspraak", 1000);
        assertEquals("1", pool.getDataSourceProperties().getProperty("loginTimeout"));
        assertEquals("3", configured("jdbc:postgresql://db.example:5432/samenspraak", 2600).getDataSourceProperties()
                .getProperty("loginTimeout"), "rounded up as the pool means to");
    }

    @Test
    void aLoginTimeoutTheOperatorGaveWins() {
        DatasourceConfiguration configuration = new DatasourceConfiguration("default");
        configuration.setUrl("jdbc:postgresql://db.example:5432/samenspraak");
        configuration.addDataSourceProperty("loginTimeout", "7");
        new PostgresLoginTimeout().onCreated(event(configuration));
        assertEquals("7", configuration.getDataSourceProperties().getProperty("loginTimeout"));
    }

    @Test
    void theEmbeddedDatabaseIsLeftAlone() {
        // no network can swallow an embedded database's connections
        assertFalse(configured("jdbc:h2:file:./data/samenspraak", 1000).getDataSourceProperties().containsKey("loginTimeout"));
    }

    private static DatasourceConfiguration configured(String url, long connectionTimeout) {
        DatasourceConfiguration configuration = new DatasourceConfiguration("default");
        configuration.setUrl(url);
        configuration.setConnectionTimeout(connectionTimeout);
        return new PostgresLoginTimeout().onCreated(event(configuration));
    }

    @SuppressWarnings("unchecked")
    private static BeanCreatedEvent<DatasourceConfiguration> event(DatasourceConfiguration configuration) {
        BeanCreatedEvent<DatasourceConfiguration> event = mock(BeanCreatedEvent.class);
        when(event.getBean()).thenReturn(configuration);
        return event;
    }
}
