package nl.samenspraak.support;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what the service asks of its database: statements executed (each a round trip) and commits. Only in a
 * test that sets {@code samenspraak.test.count-statements}: it wraps the data source the way a driver-level spy
 * would, so it sees the framework's statements as well as the service's own.
 */
@Singleton
@Requires(property = "samenspraak.test.count-statements", value = "true")
public class StatementCounter implements BeanCreatedEventListener<DataSource>, io.micronaut.core.order.Ordered {
    private static final Set<String> EXECUTING = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    /** The last statements executed, each with its thread, to say what a count is made of. */
    private final java.util.Deque<String> recent = new java.util.concurrent.ConcurrentLinkedDeque<>();

    /** What was counted so far. */
    public record Counts(long statements, long commits) {
        public Counts minus(Counts earlier) {
            return new Counts(statements - earlier.statements, commits - earlier.commits);
        }
    }

    public Counts counts() {
        return new Counts(statements.get(), commits.get());
    }

    /** The last (at most 200) statements executed and commits, oldest first: "thread: SQL". */
    public java.util.List<String> recent() {
        return java.util.List.copyOf(recent);
    }

    private void note(String what) {
        recent.addLast(Thread.currentThread().getName() + ": " + what);
        while (recent.size() > 200) {
            recent.pollFirst();
        }
    }

    /**
     * Right after the database-outage guard and before the framework's transaction-aware wrapper: wrapped outside
     * that wrapper, the framework could no longer find its own data source (NoConnectionException at start-up).
     */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource real = event.getBean();
        return proxy(DataSource.class, real, (method, args, result) -> method.getName().equals("getConnection")
                ? proxy(Connection.class, result, this::connection) : result);
    }

    private Object connection(Method method, Object[] args, Object result) {
        if (method.getName().equals("commit")) {
            commits.incrementAndGet();
            note("COMMIT");
        }
        if (result instanceof Statement statement) {
            String prepared = args != null && args.length > 0 && args[0] instanceof String sql ? sql : null;
            return proxy(statementType(statement), result, (m, a, r) -> statement(statement, m, a, r, prepared));
        }
        return result;
    }

    /** Counts an executed statement; a write outside a transaction is a commit of its own (auto-commit). */
    private Object statement(Statement real, Method method, Object[] args, Object result, String prepared) throws Exception {
        if (EXECUTING.contains(method.getName())) {
            statements.incrementAndGet();
            String sql = prepared != null ? prepared : args != null && args.length > 0 ? String.valueOf(args[0]) : method.getName();
            note(sql);
            if (!sql.strip().toLowerCase(java.util.Locale.ROOT).startsWith("select") && real.getConnection().getAutoCommit()) {
                commits.incrementAndGet();
                note("COMMIT (auto-commit)");
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Class<Statement> statementType(Statement statement) {
        if (statement instanceof java.sql.CallableStatement) {
            return (Class<Statement>) (Class<?>) java.sql.CallableStatement.class;
        }
        if (statement instanceof java.sql.PreparedStatement) {
            return (Class<Statement>) (Class<?>) java.sql.PreparedStatement.class;
        }
        return Statement.class;
    }

    private interface After {
        Object apply(Method method, Object[] args, Object result) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Object target, After after) {
        InvocationHandler handler = (self, method, args) -> {
            if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> wanted && wanted.isInstance(self)) {
                return self;
            }
            try {
                Object result = method.invoke(target, args);
                return after.apply(method, args, result);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[]{type}, handler));
    }
}
