package nl.samenspraak.telegram;

import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.engine.ConversationEngine;
import nl.samenspraak.flow.Step;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.result.Result;
import nl.samenspraak.result.ResultBuilder;
import nl.samenspraak.result.TeamContact;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On Telegram a resident's result says where to go too: the same channel-neutral block as the web chat and the
 * PDF, as Telegram HTML that Telegram accepts, the team's text escaped, Dutch isolated inside Arabic.
 */
class TeamContactTelegramTest {
    private final ConversationView view = new ConversationView(new TelegramWords(FlowWalk.library(), new TextRenderer()));

    private static final TeamContact CONTACT = new TeamContact(List.of(Map.of(
            "nl", Map.of("desk", "Loket Noord <b>", "address", "Kerkstraat 1", "walk_in", "Ma 9-12\nDo 13-16"),
            "ar", Map.of("desk", "مكتب الشمال"))));

    private ConversationState finished(String language, TeamContact contact) throws Exception {
        ConversationEngine engine = new ConversationEngine();
        ResultBuilder results = new ResultBuilder(engine, FlowWalk.library().translations(), new TextRenderer(),
                Files.readString(Path.of("src/main/resources/views/result.vm")));
        FlowWalk walk = FlowWalk.start("wijkanalyse", language);
        walk.answerAll(step -> {
            Step s = walk.flow().requireStep(step.id());
            return s.consent() ? "ja" : switch (s.type()) {
                case INFO -> null;
                case TEXT -> "Meer uitleg op school.";
                case MULTI -> List.of(step.options().get(0).value());
                default -> step.options().get(0).value();
            };
        });
        Result result = results.build(walk.flow(), walk.progress(), language, false, contact);
        return new ConversationState("id", "wijkanalyse", language, "ar".equals(language) ? "rtl" : "ltr", "", true, null,
                new ConversationState.ProgressView(15, 15), result, null);
    }

    @Test
    void aDutchResultOnTelegramNamesTheTeamsDesk() throws Exception {
        String html = view.result(finished("nl", CONTACT), "").html();
        String text = TelegramHtmlCheck.visibleText(html);
        assertTrue(text.contains("Waar kunt u terecht?\nLoket: Loket Noord <b>\nAdres: Kerkstraat 1\n"
                + "Zonder afspraak langskomen: Ma 9-12\nDo 13-16"), text);
        assertFalse(html.contains("<b>\n"), "the team's <b> is text, not markup");
    }

    @Test
    void anArabicResultOnTelegramIsolatesTheDutchAndSaysSo() throws Exception {
        String text = TelegramHtmlCheck.visibleText(view.result(finished("ar", CONTACT), "").html());
        assertTrue(text.contains("أين يمكنكم التوجّه؟\nمكتب الاستقبال: مكتب الشمال\nالعنوان: \u2068Kerkstraat 1\u2069"), text);
        assertTrue(text.contains("كتب الفريق هذه المعلومات باللغة الهولندية."), text);
    }

    @Test
    void withoutDetailsTelegramShowsNoBlock() throws Exception {
        String text = TelegramHtmlCheck.visibleText(view.result(finished("nl", null), "").html());
        assertFalse(text.contains("Waar kunt u terecht?"), text);
    }
}
