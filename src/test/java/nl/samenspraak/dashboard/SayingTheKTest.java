package nl.samenspraak.dashboard;

import io.micronaut.context.ApplicationContext;
import nl.samenspraak.security.CreateAdminCommand;
import nl.samenspraak.support.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who says a k in the database: an instance on PostgreSQL at its start, before it serves a page; not the create-admin
 * command, whose k (often left unset there) is no serving instance's and would have the instances warn about a k
 * nobody applies; nothing on the embedded H2 database, whose one instance needs nobody's word.
 */
class SayingTheKTest {
    private final PostgresDatabase database = PostgresDatabase.create();

    @AfterEach
    void drop() {
        database.drop();
    }

    private static List<Integer> said(Connection c) throws SQLException {
        List<Integer> ks = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT k FROM minimum_group_size_heard ORDER BY k")) {
            while (r.next()) {
                ks.add(r.getInt(1));
            }
        }
        return ks;
    }

    private ApplicationContext onPostgres(int k, String... environments) {
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("samenspraak.dashboard.minimum-group-size", k);
        return ApplicationContext.run(properties, environments);
    }

    @Test
    void anInstanceSaysItsKAtStartACommandDoesNot() throws SQLException {
        try (ApplicationContext instance = onPostgres(7, "test")) {
            try (Connection c = database.connect()) {
                assertEquals(List.of(7), said(c), "said at start, before any page asked");
            }
            try (ApplicationContext command = onPostgres(3, "test", CreateAdminCommand.ENVIRONMENT)) {
                try (Connection c = database.connect()) {
                    assertEquals(List.of(7), said(c), "create-admin said nothing");
                }
                assertEquals(7, instance.getBean(StrictestMinimumGroupSize.class).k());
            }
        }
    }

    @Test
    void onTheEmbeddedDatabaseNothingIsSaid() throws SQLException {
        String h2 = "jdbc:h2:mem:saying-k-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        try (ApplicationContext instance = ApplicationContext.run(Map.of("datasources.default.url", h2,
                "samenspraak.dashboard.minimum-group-size", 6), "test")) {
            assertEquals(6, instance.getBean(StrictestMinimumGroupSize.class).k());
            try (Connection c = DriverManager.getConnection(h2, "sa", "")) {
                assertEquals(List.of(), said(c));
            }
        }
    }
}
