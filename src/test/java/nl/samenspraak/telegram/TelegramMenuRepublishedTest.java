package nl.samenspraak.telegram;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.questionnaire.PublishedRows;
import nl.samenspraak.questionnaire.Questionnaires;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A flow whose id is too long for a Telegram button (64 bytes with its kind) is named on the menu's button otherwise.
 * It was named by its place in the menu, so a questionnaire published (or taken away) between the menu and the tap
 * started another flow than the one tapped. Now by a short hash of its id, looked up among the flows offered at the
 * tap; a flow no longer offered starts nothing, and the person is told the list changed, with the list as it is now.
 * Its own database: what it publishes would be served to every other test of the suite.
 */
@MicronautTest(transactional = false)
class TelegramMenuRepublishedTest extends TelegramFixture {
    /** 64 characters: a flow's longest id, which does not fit on a button as {@code f:<id>}. */
    private static final String LONG = "zzz-een-heel-lang-gesprek-over-wijkteams-en-jeugdhulp-in-de-wijk";
    private static final String GOING = "zzx-een-heel-lang-gesprek-over-wijkteams-en-jeugdhulp-in-de-wijk";

    @Inject
    Questionnaires questionnaires;

    private Instant publishedAt = Instant.now().minusSeconds(600);

    TelegramMenuRepublishedTest() {
        super("747474:menu-republished-token", Map.of(
                "datasources.default.url",
                "jdbc:h2:mem:telegram-menu-republished;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                // the example flow, which the questionnaires here are made of, is listed only when it is no example
                "samenspraak.web.show-demo-flows", "false"));
    }

    @Test
    void aButtonForALongIdStartsThatFlowAfterAnotherWasListedBeforeIt() throws Exception {
        assertEquals(64, LONG.length());
        publish(LONG, 1, "Het lange gesprek", true);
        TelegramUser user = user("nl");
        user.say("/start");
        FakeBotApi.Sent menu = user.last();
        String button = buttonFor(menu, "Het lange gesprek");

        publish("zzy-nieuw", 1, "Het nieuwe gesprek", true); // listed just before it: the places below it move
        user.tap(menu, button);
        assertEquals(LONG, state(user).flow(), "the flow tapped is the one started");
    }

    @Test
    void aButtonForALongIdThatIsNoLongerOfferedSaysTheListChanged() throws Exception {
        publish(GOING, 1, "The disappearing conversation", true);
        TelegramUser user = user("en");
        user.say("/start");
        FakeBotApi.Sent menu = user.last();
        String button = buttonFor(menu, "The disappearing conversation");

        publish(GOING, 2, "The disappearing conversation", false); // not offered any more
        user.tap(menu, button);
        assertNull(conversationOf(user), "nothing started");
        FakeBotApi.Sent again = user.last();
        assertTrue(again.text.contains(say("en", "menu_changed")), "said so, in the chat's language: " + again.text);
        assertFalse(again.buttonTexts().isEmpty(), "with the flows offered now: " + again);
        assertTrue(again.buttonTexts().stream().noneMatch(b -> b.contains("disappearing")), again.buttonTexts().toString());
    }

    /** The data of the menu's button whose text has {@code title}. */
    private static String buttonFor(FakeBotApi.Sent menu, String title) {
        List<String> texts = menu.buttonTexts();
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).contains(title)) {
                return menu.buttonData().get(i);
            }
        }
        throw new AssertionError(title + " not on the menu: " + texts);
    }

    /**
     * The example flow as {@code id}, titled {@code title} in Dutch and English, published as its {@code version}th
     * upload; {@code offered}: listed on the menu (else published as an example of the format, which is not).
     */
    private void publish(String id, int version, String title, boolean offered) throws Exception {
        publishedAt = publishedAt.plusSeconds(60);
        try (Connection c = connection()) {
            String upload = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest((id + " " + version).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            PublishedRows.publish(c, id, upload, publishedAt, flow -> offered ? flow : flow.replace("demo: false", "demo: true"),
                    words -> words.replaceFirst("(?m)^title: .*$", "title: " + title));
        }
        questionnaires.refresh();
        assertEquals(!offered, library.flow(id).orElseThrow().demo(), "served");
    }
}
