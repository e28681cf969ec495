package nl.samenspraak.admin;

import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.dashboard.FreeTextTags;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.Step;
import nl.samenspraak.support.InstancesOnOneDatabase;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import nl.samenspraak.support.PageHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two admins, on two instances, make an account (or a team) of the same name at the same moment: both find the name
 * free, and the later insert meets the unique key. It is refused as a name taken, at its field, as when the name was
 * taken before; before, it was a 500 "something went wrong" (the probe of two instances, December 2026: one of two
 * such forms sent together on PostgreSQL). The other admin's insert is held uncommitted by the test's own connection,
 * as the other instance's commit in flight, so that this instance's insert waits for it and then meets the key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SameMomentAdminFormsTest {
    private InstancesOnOneDatabase instances;
    private EmbeddedServer b;
    private PageHttp pages;
    private String admin;

    @BeforeAll
    void start() {
        instances = new InstancesOnOneDatabase();
        b = instances.start(Map.of(
                "samenspraak.admin.username", "beheer",
                "samenspraak.admin.password", "een lang wachtwoord"));
        pages = new PageHttp(b.getURL().toString());
        admin = pages.login("beheer", "een lang wachtwoord");
    }

    @AfterAll
    void stop() {
        if (instances != null) {
            instances.close();
        }
    }

    @Test
    void anAccountMadeOnAnotherInstanceAtTheSameMomentIsANameTaken() throws Exception {
        PageHttp.Reply reply = whileAnotherInsertIsInFlight(
                "INSERT INTO account (username, password_hash, role, enabled, session_version, created_at, updated_at)"
                        + " VALUES ('tegelijk', 'x', 'manager', true, 0, now(), now())",
                () -> pages.post("/admin/accounts", PageHttp.form("username", "tegelijk", "role", "manager",
                        "password", "een lang wachtwoord", "lang", "nl"), admin));
        assertEquals(422, reply.status(), reply.body());
        assertTrue(reply.body().contains("De gebruikersnaam tegelijk bestaat al."), reply.body());
        assertEquals(1, count("SELECT count(*) FROM account WHERE username = 'tegelijk'"));
    }

    @Test
    void aTeamMadeOnAnotherInstanceAtTheSameMomentIsANameTaken() throws Exception {
        PageHttp.Reply reply = whileAnotherInsertIsInFlight(
                "INSERT INTO team (name, join_code, created_at) VALUES ('Team Tegelijk', 'ABCDEFGHJKMNPQRS', now())",
                () -> pages.post("/admin/teams", PageHttp.form("name", "Team Tegelijk", "wijken", "Noord", "lang", "nl"), admin));
        assertEquals(422, reply.status(), reply.body());
        assertTrue(reply.body().contains("Er is al een team met de naam Team Tegelijk."), reply.body());
        assertEquals(1, count("SELECT count(*) FROM team WHERE name = 'Team Tegelijk'"));
        assertEquals(0, count("SELECT count(*) FROM team_wijk w JOIN team t ON t.id = w.team_id WHERE t.name = 'Team Tegelijk'"),
                "nothing of the refused team stays");
    }

    /**
     * Two admins save a team's contact details for the same place and language at the same moment: both find none, and
     * the later insert meets the other's row. It is saved as one a moment later would be, over the other (before: a
     * 500, in the probe on one of two such forms sent together).
     */
    @Test
    void contactDetailsSavedOnAnotherInstanceAtTheSameMomentAreSavedOver() throws Exception {
        PageHttp.Reply made = pages.post("/admin/teams", PageHttp.form("name", "Team Contact", "wijken", "Noord", "lang", "nl"), admin);
        assertEquals(303, made.status(), made.body());
        long team = count("SELECT id FROM team WHERE name = 'Team Contact'");
        PageHttp.Reply reply = whileAnotherInsertIsInFlight(
                "INSERT INTO team_contact (team_id, wijk, language, desk, updated_at) VALUES (" + team + ", '', 'nl', 'Hun loket', now())",
                () -> pages.post("/admin/teams/" + team + "/contact", PageHttp.form("place", "", "in", "nl",
                        "desk", "Ons loket", "address", "", "walk_in", "", "phone", "", "email", "", "interpreter", "",
                        "lang", "nl"), admin));
        assertEquals(303, reply.status(), reply.body());
        assertEquals(1, count("SELECT count(*) FROM team_contact WHERE team_id = " + team + " AND desk = 'Ons loket'"),
                "the later save is what stays");
        assertEquals(1, count("SELECT count(*) FROM team_contact WHERE team_id = " + team));
    }

    /** Two admins put one account in one team at the same moment: it is a member, once, and neither is told otherwise. */
    @Test
    void anAccountPutInATeamOnAnotherInstanceAtTheSameMomentIsAMember() throws Exception {
        assertEquals(303, pages.post("/admin/teams", PageHttp.form("name", "Team Lid", "wijken", "Noord", "lang", "nl"), admin).status());
        assertEquals(303, pages.post("/admin/accounts", PageHttp.form("username", "lid", "role", "manager",
                "password", "een lang wachtwoord", "lang", "nl"), admin).status());
        long team = count("SELECT id FROM team WHERE name = 'Team Lid'");
        long account = count("SELECT id FROM account WHERE username = 'lid'");
        PageHttp.Reply reply = whileAnotherInsertIsInFlight(
                "INSERT INTO account_team (account_id, team_id) VALUES (" + account + ", " + team + ")",
                () -> pages.post("/admin/teams/" + team + "/members", PageHttp.form("account", Long.toString(account), "lang", "nl"), admin));
        assertEquals(303, reply.status(), reply.body());
        assertEquals(1, count("SELECT count(*) FROM account_team WHERE account_id = " + account + " AND team_id = " + team));
    }

    /**
     * Two managers of a team give one free text the same theme at the same moment (or one form is sent twice, or
     * reaches two instances): both find the text without it, and the later insert meets the other's. The text has the
     * theme, once, and the later manager is not told otherwise (before: a 500 "something went wrong").
     */
    @Test
    void aThemeGivenToATextOnAnotherInstanceAtTheSameMomentIsThere() throws Exception {
        assertEquals(303, pages.post("/admin/teams", PageHttp.form("name", "Team Thema", "wijken", "Noord", "lang", "nl"), admin).status());
        long teamId = count("SELECT id FROM team WHERE name = 'Team Thema'");
        FreeTextTags tags = b.getApplicationContext().getBean(FreeTextTags.class);
        Team team = b.getApplicationContext().getBean(Teams.class).find(teamId).orElseThrow();
        Flow flow = b.getApplicationContext().getBean(FlowLibrary.class).flow("cultureel-interview").orElseThrow();
        Step step = flow.step("leefwereld").orElseThrow();
        String text = "De wachttijd voor een tolk was lang.";
        String hash = tags.hash(text);
        whileAnotherInsertIsInFlight(instances, "INSERT INTO free_text_tag (team_id, flow_id, step_id, text_hash, theme, created_at, keyed)"
                        + " VALUES (" + teamId + ", 'cultureel-interview', 'leefwereld', '" + hash + "', 'tolk', now(), true)",
                () -> {
                    tags.tag(team, flow, step, List.of(text), hash, "tolk");
                    return "tagged";
                });
        assertEquals(List.of("tolk"), tags.of(team, flow, step).get(hash));
    }

    /**
     * An intermediair starts a flow they never started before twice at the same moment (a second tap, or the same
     * start reaching two instances): both find no last choice of theirs for it, and the later insert meets the other's.
     * The start goes on, its choice kept as the last (before: a 500, and no conversation).
     */
    @Test
    void anIntermediairsFirstStartOfAFlowSentTwiceAtOnceStarts() throws Exception {
        assertEquals(303, pages.post("/admin/teams", PageHttp.form("name", "Team Start", "wijken", "Noord", "lang", "nl"), admin).status());
        assertEquals(303, pages.post("/admin/accounts", PageHttp.form("username", "sleutel", "role", "intermediair",
                "password", "een lang wachtwoord", "lang", "nl"), admin).status());
        long team = count("SELECT id FROM team WHERE name = 'Team Start'");
        long account = count("SELECT id FROM account WHERE username = 'sleutel'");
        assertEquals(303, pages.post("/admin/teams/" + team + "/members", PageHttp.form("account", Long.toString(account), "lang", "nl"), admin).status());
        String intermediair = pages.login("sleutel", "een lang wachtwoord");
        PageHttp.Reply reply = whileAnotherInsertIsInFlight(
                "INSERT INTO intermediair_choice (account_id, flow_id, language, place, updated_at)"
                        + " VALUES (" + account + ", 'wijkanalyse', 'tr', '" + team + "|Noord', now())",
                () -> pages.post("/intermediair/start?lang=nl", PageHttp.form("flow", "wijkanalyse", "language", "nl",
                        "place", team + "|Noord"), intermediair));
        assertEquals(303, reply.status(), reply.body());
        assertTrue(reply.location().contains("/intermediair/c/"), reply.location());
        assertEquals(1, count("SELECT count(*) FROM intermediair_choice WHERE account_id = " + account + " AND language = 'nl'"),
                "the later start's choice is the last");
    }

    /**
     * Two instances started together on a new database, both with {@code SAMENSPRAAK_ADMIN_*}, as a first deploy does:
     * both find no admin, and the later one's insert meets the other's. It starts all the same (before, its start
     * failed on the unique key), and the admin made by the other logs in on it.
     */
    @Test
    void anInstanceStartingWhileAnotherMakesTheFirstAdminStarts() throws Exception {
        try (InstancesOnOneDatabase fresh = new InstancesOnOneDatabase()) {
            fresh.stop(fresh.start(Map.of())); // the schema, and no admin yet
            EmbeddedServer started = whileAnotherInsertIsInFlight(fresh,
                    "INSERT INTO account (username, password_hash, role, enabled, session_version, created_at, updated_at)"
                            + " VALUES ('eerste', '" + bcrypt("een lang wachtwoord") + "', 'admin', true, 0, now(), now())",
                    () -> fresh.start(Map.of("samenspraak.admin.username", "eerste",
                            "samenspraak.admin.password", "een lang wachtwoord")));
            new PageHttp(started.getURL().toString()).login("eerste", "een lang wachtwoord");
        }
    }

    private static String bcrypt(String password) {
        return new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode(password);
    }

    private PageHttp.Reply whileAnotherInsertIsInFlight(String insert, Supplier<PageHttp.Reply> request) throws Exception {
        return whileAnotherInsertIsInFlight(instances, insert, request);
    }

    /** Runs {@code request} while {@code insert} is made and held uncommitted, and commits it once the request waits for it. */
    private static <T> T whileAnotherInsertIsInFlight(InstancesOnOneDatabase instances, String insert, Supplier<T> request)
            throws Exception {
        CompletableFuture<T> reply;
        try (Connection other = instances.database().connect()) {
            other.setAutoCommit(false);
            try (PreparedStatement s = other.prepareStatement(insert)) {
                s.executeUpdate();
            }
            reply = CompletableFuture.supplyAsync(request);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!waitingOnALock(instances)) {
                if (reply.isDone()) {
                    fail("the request did not wait for the other insert: " + reply.get());
                }
                if (System.nanoTime() > until) {
                    fail("the request's insert did not wait for the other within 30 s");
                }
                Thread.sleep(20);
            }
            other.commit();
        }
        return reply.get(20, TimeUnit.SECONDS);
    }

    /**
     * Whether a statement of another session waits for a lock (the insert on the key held). Asked on a connection of
     * its own each time: within a transaction PostgreSQL shows pg_stat_activity as it was at its first look.
     */
    private static boolean waitingOnALock(InstancesOnOneDatabase instances) throws SQLException {
        try (Connection c = instances.database().connect();
             PreparedStatement s = c.prepareStatement(
                     "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
             ResultSet r = s.executeQuery()) {
            return r.next() && r.getInt(1) > 0;
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = instances.database().connect();
             PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
