package nl.samenspraak.storage;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Bounds how long the pool's attempt to open a PostgreSQL connection may take, as long as a request waits for one
 * (the pool's connection time-out, rounded up to whole seconds as the pool itself means to: at least 1 s).
 *
 * <p>The pool opens its connections one at a time, and PostgreSQL's driver does not take the bound the pool sets
 * (it reads its own {@code loginTimeout}, 0 unless set, and then waits 5 s for the server's first answer). One attempt
 * begun while a network swallowed packets therefore held up every later one for 5 s after the network was back: the
 * pool stayed empty, every request got 503 and the outage began again although the database answered
 * (system.PartitionHealsTest). A {@code loginTimeout} given in {@code datasources.default.data-source-properties} wins.
 */
@Singleton
class PostgresLoginTimeout implements BeanCreatedEventListener<DatasourceConfiguration> {
    static final String PROPERTY = "loginTimeout";

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        String url = configuration.getUrl();
        if (url != null && url.startsWith("jdbc:postgresql:")
                && !configuration.getDataSourceProperties().containsKey(PROPERTY)) {
            configuration.addDataSourceProperty(PROPERTY, String.valueOf(seconds(configuration.getConnectionTimeout())));
        }
        return configuration;
    }

    /** The pool's own rounding (HikariCP's PoolBase): its time-out and half a second, in whole seconds, at least one. */
    static long seconds(long connectionTimeoutMillis) {
        return Math.max(1, (connectionTimeoutMillis + 500) / 1000);
    }
}
