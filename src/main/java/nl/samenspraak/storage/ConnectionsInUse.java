package nl.samenspraak.storage;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pool's connections that are out now, and since when, so that those stuck on a network that swallows packets can
 * be aborted ({@link StuckConnections}). The driver reads without a time-out (a long query must not be cut off), so a
 * query on such a connection would otherwise wait until the operating system gives the connection up, many minutes
 * later. A connection handed out is wrapped, and leaves this list when it is handed back.
 */
final class ConnectionsInUse {
    private final Map<Connection, Long> since = new ConcurrentHashMap<>();

    /** The connection as handed to the application: the same, but noted while it is out. */
    Connection track(Connection connection) {
        since.put(connection, System.nanoTime());
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Tracked(connection));
    }

    /** The connections out for longer than {@code millis}. */
    List<Connection> outLongerThan(long millis) {
        long now = System.nanoTime();
        return since.entrySet().stream().filter(e -> now - e.getValue() > millis * 1_000_000L).map(Map.Entry::getKey).toList();
    }

    /** Closes the connection's socket at once (the driver's abort): a read waiting on it fails, the pool drops it. */
    void abort(Connection connection) {
        since.remove(connection);
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            // closed already
        }
    }

    private final class Tracked implements InvocationHandler {
        private final Connection connection;

        Tracked(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> since.remove(connection);
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                default -> {
                }
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
