package nl.samenspraak.storage;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps an embedded H2 database open while the service runs. H2 closes a database when its last connection closes,
 * and a close compacts and writes out the file, after which the next connection opens it all over again. The pool
 * keeps no idle connection (application.yml's {@code minimum-idle: 0}, for PostgreSQL's outages), so it closed the
 * first connection right after checking it at start (every start opened the file, closed it, 0.8 s on a database of a
 * million answers, and opened it again), and after ten quiet minutes it retires its last idle connection (and the
 * next person to answer waited for H2 to open the file). One connection of this service's own, opened before the
 * pool's first ({@link FreshH2FromTemplate} calls {@link #hold}) and closed when the service stops, keeps the
 * database open exactly as long as the service. PostgreSQL and in-memory databases are left alone.
 */
@Singleton
class EmbeddedH2StaysOpen {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedH2StaysOpen.class);
    private final List<Connection> held = new ArrayList<>();

    /** Opens and keeps one connection to {@code config}'s database, if it is an H2 file. */
    synchronized void hold(DatasourceConfiguration config) {
        if (H2Template.databaseFile(config.getUrl()).isEmpty()) {
            return;
        }
        try {
            held.add(DriverManager.getConnection(config.getUrl(), config.getUsername(), config.getPassword()));
        } catch (SQLException e) {
            // the pool meets the same database next and fails with what is wrong
            LOG.debug("could not keep the embedded database open: {}", e.toString());
        }
    }

    /** Lets the database close with the pool's last connection (or now, when the pool has closed already). */
    @PreDestroy
    synchronized void release() {
        for (Connection connection : held) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing the kept connection: {}", e.toString());
            }
        }
        held.clear();
    }
}
