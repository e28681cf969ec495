package nl.samenspraak.round;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.AnswerQuestion;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.support.DashboardTeam;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.support.PdfText;
import nl.samenspraak.support.Respondents;
import nl.samenspraak.support.SharedService;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An intermediair interviews a Turkish resident together on their device, counted in the team's open resident round;
 * the admin closes the round before they are done. The result the intermediair then hands over to the resident's
 * phone ({@code /h/...}) says at its top, in Turkish and in the resident flow's polite register, that these answers
 * are not in the team's figures, and so does the PDF the resident downloads there. The intermediair's own page reads
 * it in both languages, as every other line of the result: they are the one who must tell the resident.
 */
@SharedService
class LateFinishHandOverTest {
    static final String NOTICE_TR = "Bu tur, siz bitirdiğinizde zaten kapanmıştı. Bu yüzden cevaplarınız ekibin "
            + "rakamlarına sayılmıyor. Aşağıda gördükleriniz yine de sizin için.";
    static final String NOTICE_NL = "Deze ronde was al gesloten toen u klaar was. Uw antwoorden tellen daarom niet mee "
            + "in de cijfers van het team. Wat hieronder staat, is wel voor u.";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    Respondents respondents;
    @Inject
    ReadConversation readConversation;
    @Inject
    AnswerQuestion answerQuestion;

    @Test
    void theResultHandedOverToTheResidentsPhoneSaysItDoesNotCount() {
        LateInterview late = LateInterview.finished(server, accounts, teams, respondents, readConversation, answerQuestion, "tr");
        DashboardTeam t = late.team();
        String holder = late.holder();
        String id = late.id();

        PageHttp.Reply own = t.http.get("/intermediair/c/" + id + "?lang=nl", holder);
        assertEquals(200, own.status(), own.body());
        assertTrue(own.body().contains("<p class=\"result-notice\" role=\"note\"><span class=\"original\" lang=\"tr\" dir=\"ltr\">"
                + NOTICE_TR + "</span><span class=\"translation\" lang=\"nl\" dir=\"ltr\">" + NOTICE_NL + "</span></p>"),
                "the intermediair reads the notice in Dutch beneath the resident's Turkish: " + own.body());

        PageHttp.Reply made = t.http.post("/intermediair/c/" + id + "/hand-over?lang=nl", form(), holder);
        assertEquals(200, made.status(), made.body());
        Matcher url = Pattern.compile("id=\"hand-over-url\" class=\"code-field\" readonly value=\"[^\"]*(/h/[A-Za-z0-9_-]+)\"")
                .matcher(made.body());
        assertTrue(url.find(), made.body());
        String link = url.group(1);

        PageHttp.Reply page = t.http.get(link, null);
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("<p class=\"result-notice\" role=\"note\">" + NOTICE_TR + "</p>"), page.body());

        HttpResponse<byte[]> pdf = t.http.download(link + "/result.pdf");
        assertEquals(200, pdf.statusCode());
        String text = PdfText.of(pdf.body());
        assertTrue(text.contains(PdfText.plain(NOTICE_TR)), text);
    }
}
