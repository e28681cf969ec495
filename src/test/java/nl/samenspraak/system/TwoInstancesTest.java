package nl.samenspraak.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.samenspraak.conversation.Caller;
import nl.samenspraak.conversation.ResultHandOvers;
import nl.samenspraak.questionnaire.PublishedRows;
import nl.samenspraak.questionnaire.Questionnaires;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.InstancesOnOneDatabase;
import nl.samenspraak.support.JsonHttp;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the service on one PostgreSQL database, as production runs behind a load balancer: any
 * instance may serve any request of a conversation, and what a reply says is what the database holds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {
    private static final String[][] SCRIPT = {
            {"welkom", "null"}, {"rol", "\"professional\""}, {"ervaring_jaren", "12"},
            {"talen", "[\"turks\",\"nederlands\"]"}, {"tolk", "\"ja\""}, {"tolk_taal", "\"Tarifit\""},
            {"houding", "4"}, {"kennis", "\"iets\""}, {"laatste_gesprek", "\"2024-03-01\""},
            {"opmerking", "\"Dank je\""}};

    private InstancesOnOneDatabase instances;
    private PostgresDatabase database;
    private EmbeddedServer a;
    private EmbeddedServer b;
    private JsonHttp onA;
    private JsonHttp onB;

    @BeforeAll
    void startTwoInstances() {
        instances = new InstancesOnOneDatabase();
        database = instances.database();
        a = start();
        b = start();
        onA = new JsonHttp(a.getURL().toString());
        onB = new JsonHttp(b.getURL().toString());
    }

    private EmbeddedServer start() {
        return instances.start(Map.of(
                // no look of its own for published questionnaires during the tests: each test says which instance looks
                "samenspraak.questionnaires.refresh", "1h",
                "samenspraak.jwt-secret", "two instances share one secret, as README says they must"));
    }

    @AfterAll
    void stop() {
        if (instances != null) {
            instances.close();
        }
    }

    @Test
    void answersAlternatingBetweenInstancesAreNeverTurnedAway() {
        List<String> refused = new ArrayList<>();
        for (int conversation = 0; conversation < 15; conversation++) {
            String id = start(conversation % 2 == 0 ? onA : onB);
            for (int i = 0; i < SCRIPT.length; i++) {
                JsonHttp http = (i + conversation) % 2 == 0 ? onA : onB;
                JsonHttp.Reply reply = answer(http, id, SCRIPT[i][0], SCRIPT[i][1]);
                if (reply.status() != 200) {
                    refused.add(SCRIPT[i][0] + ": " + reply.status() + " " + reply.body());
                }
            }
            JsonNode end = onA.get("/api/conversations/" + id).json();
            assertTrue(end.get("done").asBoolean(), "every answer moved the conversation on: " + end);
        }
        assertEquals(List.of(), refused, "no answer was turned away because an instance had an old copy");
    }

    @Test
    void anAnswerChangedOnTheOtherInstanceIsNotTakenForARepeat() throws SQLException {
        for (int run = 0; run < 20; run++) {
            String id = start(onA);
            assertEquals(200, answer(onA, id, "welkom", "null").status());
            assertEquals(200, answer(onA, id, "rol", "\"professional\"").status());

            assertEquals("rol", onB.post("/api/conversations/" + id + "/back", "").json().at("/step/id").asText());
            assertEquals(200, answer(onB, id, "rol", "\"vrijwilliger\"").status());

            JsonHttp.Reply again = answer(onA, id, "rol", "\"professional\"");
            assertEquals("\"vrijwilliger\"", storedAnswer(id, "rol"));
            assertEquals(409, again.status(), "the database holds vrijwilliger, so professional is no repeat of it: "
                    + again.body());
            assertEquals("ervaring_jaren", again.json().at("/state/step/id").asText(),
                    "the reply shows where the conversation really stands");
        }
    }

    @Test
    void aConversationDeletedOnOneInstanceIsGoneOnTheOther() {
        String id = start(onA);
        assertEquals(200, answer(onA, id, "welkom", "null").status());
        assertEquals(204, onB.delete("/api/conversations/" + id).status());
        assertEquals(404, answer(onA, id, "rol", "\"professional\"").status());
        assertEquals(404, onA.get("/api/conversations/" + id).status());
    }

    /**
     * The instance that wrote a conversation last keeps a copy of it (storage.RecentConversations). Forgotten through the
     * other instance by its code, as the resident does, it is gone on the first for every way of reading or going on
     * with it: nothing of it is shown or taken from that copy.
     */
    @Test
    void aConversationForgottenOnOneInstanceShowsNothingOnTheOther() {
        JsonHttp.Reply started = onA.post("/api/conversations", "{\"flow\":\"voorbeeld\",\"language\":\"nl\"}");
        String id = started.json().get("id").asText();
        String code = started.json().get("resumeCode").asText();
        assertEquals(200, answer(onA, id, "welkom", "null").status());
        assertEquals(200, answer(onA, id, "rol", "\"professional\"").status());
        assertEquals(204, onB.delete("/api/resume/" + code).status());

        Map<String, JsonHttp.Reply> onFirst = new java.util.LinkedHashMap<>();
        onFirst.put("state", onA.get("/api/conversations/" + id));
        onFirst.put("transcript", onA.get("/api/conversations/" + id + "/transcript"));
        onFirst.put("resume", onA.get("/api/resume/" + code));
        onFirst.put("back", onA.post("/api/conversations/" + id + "/back", ""));
        onFirst.put("late answer", answer(onA, id, "ervaring_jaren", "12"));
        onFirst.forEach((what, reply) -> {
            assertEquals(404, reply.status(), what + ": " + reply.body());
            assertTrue(!reply.body().contains("professional") && !reply.body().contains("ervaring"), what + ": " + reply.body());
        });
        PageHttp pages = new PageHttp(a.getURL().toString());
        assertEquals(404, pages.get("/c/" + id, null, PageHttp.HTML).status(), "the web chat's page");
        assertEquals(404, pages.get("/c/" + id + "/result.pdf", null, PageHttp.HTML).status(), "the result's PDF");
        assertEquals(404, onB.get("/api/conversations/" + id).status(), "nor on the instance that forgot it");
    }

    @Test
    void aQuestionnaireJustPublishedOnOneInstanceIsServedByTheOther() throws Exception {
        PublishedRows.publish(database, "nieuw", "c".repeat(64), flow -> flow);
        a.getApplicationContext().getBean(Questionnaires.class).refresh(); // as a publish on A's admin page does

        String id = start(onA, "nieuw");
        JsonHttp.Reply onTheOther = onB.get("/api/conversations/" + id);
        assertEquals(200, onTheOther.status(), "B has not looked for published flows yet, but the conversation is there: "
                + onTheOther.body());
        assertEquals(200, answer(onB, id, "welkom", "null").status());
        assertEquals("rol", onA.get("/api/conversations/" + id).json().at("/step/id").asText());
        assertEquals(201, onB.post("/api/conversations", "{\"flow\":\"nieuw\",\"language\":\"nl\"}").status(),
                "a start of the published flow on B");
    }

    @Test
    void aConversationOnAVersionJustPublishedGoesOnWithThatVersionOnTheOtherInstance() throws Exception {
        PublishedRows.publish(database, "versies", "d".repeat(64), flow -> flow);
        for (EmbeddedServer server : new EmbeddedServer[]{a, b}) {
            server.getApplicationContext().getBean(Questionnaires.class).refresh();
        }
        // the next version asks 'rol' first, then welcomes
        PublishedRows.publish(database, "versies", "e".repeat(64), flow -> flow.replaceFirst(
                "(  - id: welkom\n(?:    [^\n]*\n)+\n)(  - id: rol\n(?:    [^\n]*\n)+\n)", "$2$1"));
        a.getApplicationContext().getBean(Questionnaires.class).refresh();

        String id = start(onA, "versies");
        assertEquals("rol", onA.get("/api/conversations/" + id).json().at("/step/id").asText(), "A serves the new version");
        JsonHttp.Reply reply = answer(onB, id, "rol", "\"professional\"");
        assertEquals(200, reply.status(), "the question the person was shown, answered on B: " + reply.body());
        assertEquals("welkom", reply.json().at("/step/id").asText(), "then the welcome, as A would have shown");
        assertEquals("\"professional\"", storedAnswer(id, "rol"));
    }

    @Test
    void theAdminsListOnTheOtherInstanceShowsAQuestionnaireJustPublished() throws Exception {
        String name = "beheer-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        a.getApplicationContext().getBean(Accounts.class).create(name, "a long enough password", Role.ADMIN);
        String admin = new PageHttp(a.getURL().toString()).login(name, "a long enough password");
        PublishedRows.publish(database, "lijst", "f".repeat(64), flow -> flow);
        a.getApplicationContext().getBean(Questionnaires.class).refresh(); // as a publish on A's admin page does

        // the page the publish redirects to, reached on B: it says "published", so it lists the flow as served
        PageHttp.Reply list = new PageHttp(b.getURL().toString()).get("/admin/questionnaires?lang=nl&done=questionnaire_published", admin);
        assertEquals(200, list.status());
        assertTrue(list.body().contains("<code dir=\"ltr\">lijst</code> · "), "among the flows B serves: " + list.body());
    }

    /**
     * A person sees a questionnaire listed on A, which published it, and starts it; the load balancer sends the start
     * to B, whose start page had looked at what is published a moment before the publish. Lists and flow ids share
     * no look (each at most once a second here, as by default), so the start finds the flow.
     */
    @Test
    void aStartOnTheOtherInstanceRightAfterItsListLookedFindsAQuestionnaireJustPublished() throws Exception {
        assertFalse(onB.get("/api/flows?lang=nl").body().contains("\"id\":\"meteen\""), "B's list looks: not there yet");
        PublishedRows.publish(database, "meteen", "9".repeat(64), flow -> flow);
        a.getApplicationContext().getBean(Questionnaires.class).refresh(); // as a publish on A's admin page does
        assertTrue(onA.get("/api/flows?lang=nl").body().contains("\"id\":\"meteen\""), "listed on A");

        JsonHttp.Reply start = onB.post("/api/conversations", "{\"flow\":\"meteen\",\"language\":\"nl\"}");
        assertEquals(201, start.status(), "started on B, within the second of its list's look: " + start.body());
    }

    /**
     * A result link made on both instances at the same moment (a double tap behind a load balancer without sticky
     * sessions): one link per conversation, held by a unique key, so exactly one of those made opens the result. With a
     * delete and an insert each, both used to find nothing to delete and both went on working.
     */
    @Test
    void resultLinksMadeOnBothInstancesAtOnceLeaveOneThatOpens() throws Exception {
        String id = start(onA);
        for (int i = 0; i < SCRIPT.length; i++) {
            assertEquals(200, answer(i % 2 == 0 ? onA : onB, id, SCRIPT[i][0], SCRIPT[i][1]).status());
        }
        ResultHandOvers[] on = {a.getApplicationContext().getBean(ResultHandOvers.class),
                b.getApplicationContext().getBean(ResultHandOvers.class)};
        for (int round = 0; round < 10; round++) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Optional<ResultHandOvers.HandOver>>> made = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                ResultHandOvers instance = on[i % 2];
                made.add(pool.submit(() -> {
                    go.await();
                    return instance.create(id, Caller.PUBLIC);
                }));
            }
            go.countDown();
            List<String> tokens = new ArrayList<>();
            for (Future<Optional<ResultHandOvers.HandOver>> f : made) {
                f.get(30, TimeUnit.SECONDS).ifPresent(h -> tokens.add(h.token()));
            }
            pool.shutdown();
            assertFalse(tokens.isEmpty(), "one of them made the link");
            assertEquals(1, tokens.stream().filter(t -> on[0].open(t).isPresent()).count(),
                    "one of " + tokens.size() + " links opens, on A");
            assertEquals(1, tokens.stream().filter(t -> on[1].open(t).isPresent()).count(), "and the same on B");
        }
    }

    private static String start(JsonHttp http) {
        return start(http, "voorbeeld");
    }

    private static String start(JsonHttp http, String flow) {
        JsonHttp.Reply r = http.post("/api/conversations", "{\"flow\":\"" + flow + "\",\"language\":\"nl\"}");
        assertEquals(201, r.status(), r.body());
        return r.json().get("id").asText();
    }

    private static JsonHttp.Reply answer(JsonHttp http, String id, String step, String value) {
        return http.post("/api/conversations/" + id + "/answers", "{\"step\":\"" + step + "\",\"value\":" + value + "}");
    }

    private String storedAnswer(String conversation, String step) throws SQLException {
        Map<String, String> p = database.properties();
        try (Connection c = DriverManager.getConnection(p.get("datasources.default.url"),
                p.get("datasources.default.username"), p.get("datasources.default.password"));
             PreparedStatement s = c.prepareStatement("SELECT answer_value FROM answer WHERE conversation_id = ? AND step_id = ?")) {
            s.setString(1, conversation);
            s.setString(2, step);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}
