package nl.samenspraak.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.support.PageHttp;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page whose template fails (a word its model lacks, which strict Velocity refuses) answers with the error page in
 * the person's language and 500, at once. It hung: the page was rendered while it was written, the failure came after
 * the reply began, and the browser waited with no page, no error and no end (the page after "Wis mijn antwoorden"
 * did so after a shared template changed).
 */
@MicronautTest
@Property(name = "samenspraak.broken-page-fixture", value = "true")
class BrokenPageTest {
    @Inject
    EmbeddedServer server;

    @Test
    void aTemplateThatFailsGivesTheErrorPageNotAReplyThatNeverEnds() {
        PageHttp http = new PageHttp(server.getURL().toString());
        PageHttp.Reply reply = http.send(http.request("/fixture-broken-page").header("Accept", PageHttp.HTML)
                .header("Accept-Language", "ar").GET());
        assertEquals(500, reply.status());
        assertTrue(reply.header("Content-Type").startsWith("text/html"), reply.header("Content-Type"));
        assertTrue(reply.body().contains("dir=\"rtl\""), "the error page, in the reader's language: " + reply.body());
        assertFalse(reply.body().contains("Dit deel komt er nog"), "nothing of the failed page: " + reply.body());
    }
}
