package nl.samenspraak.storage;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;

/**
 * The application's data source, refusing at once while the database is known to be unreachable (see
 * {@link DatabaseAvailability}), so a request fails in milliseconds instead of waiting for the pool's timeout.
 * A connection the pool cannot give marks the database unreachable. On PostgreSQL the connections handed out are
 * tracked ({@link ConnectionsInUse}), so that one stuck on a network that swallows packets is aborted.
 */
final class GuardedDataSource implements DataSource {
    private final DataSource pool;
    private final DatabaseAvailability availability;
    /** Null where a connection cannot get stuck on a network (the embedded H2 database). */
    private final ConnectionsInUse inUse;

    GuardedDataSource(DataSource pool, DatabaseAvailability availability, ConnectionsInUse inUse) {
        this.pool = pool;
        this.availability = availability;
        this.inUse = inUse;
    }

    private Connection tracked(Connection connection) {
        return inUse == null ? connection : inUse.track(connection);
    }

    @Override
    public Connection getConnection() throws SQLException {
        refuseWhileUnreachable();
        try {
            return tracked(pool.getConnection());
        } catch (SQLException e) {
            availability.noteFailure(e);
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        refuseWhileUnreachable();
        try {
            return tracked(pool.getConnection(username, password));
        } catch (SQLException e) {
            availability.noteFailure(e);
            throw e;
        }
    }

    private void refuseWhileUnreachable() throws SQLTransientConnectionException {
        if (!availability.reachable()) {
            throw new DatabaseAvailability.KnownOutage();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
