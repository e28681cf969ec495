package nl.samenspraak.intermediair;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.ApiWalk;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.samenspraak.support.PageHttp.form;
import static nl.samenspraak.web.AnswersInReachBrowserTest.outOfReach;
import static nl.samenspraak.web.AnswersInReachBrowserTest.typedInView;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An intermediair's open question on a phone: the neighbourhood analysis's first one ("Wat gaat goed in uw wijk ...?
 * Noem geen namen van mensen."), in the resident's language with the intermediair's beneath it, the longest typed
 * question of the flows in two languages (up to 330 px at 360 px wide). At 390x844 and 360x640 it shows whole, both
 * its lines, above the box; at 320x568 too, or where it cannot (a Polish resident's), from its start, the resident's
 * line whole and the intermediair's begun; on its side at 640x360 from its start, three lines at least; scrolled to
 * its end, the chat shows the question's end. The box, "Getypt in", "Verstuur", "Vorige", "Overslaan" and "Pauzeren"
 * are on the screen at every size, and with the keyboard open (360x360) the question's end shows just above the box.
 * The phone probe found at 360x640, on Dutch pages with an Arabic resident, the last Dutch sentence ("name no people")
 * under the box, and at 320x568, on Arabic pages with a Turkish resident, the intermediair's Arabic line out of sight:
 * the box three lines high, "Getypt in" and "Verstuur", "Vorige" and "Overslaan", and "Pauzeren" each on a row of
 * their own took 280 px of the screen.
 */
@MicronautTest(transactional = false)
class AssistedOpenQuestionInViewBrowserTest {
    private static final String PASSWORD = "een lang genoeg wachtwoord";
    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;

    @ParameterizedTest
    @CsvSource({"nl, ar", "ar, tr", "ar, pl"})
    void theOpenQuestionShowsWholeAboveTheBoxWhereItFitsAndFromItsStartWhereNot(String page, String resident) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Team team = teams.create("Wijkteam Zuidwest " + suffix, List.of("Kanaleneiland"));
        Account intermediair = accounts.create("open-" + suffix, PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(team.id(), intermediair.id());
        PageHttp http = new PageHttp(server.getURL().toString());
        String login = http.login(intermediair.username(), PASSWORD);
        PageHttp.Reply started = http.post("/intermediair/start", form("flow", "wijkanalyse", "language", resident,
                "place", team.id() + "|Kanaleneiland", "lang", page), login);
        assertEquals(303, started.status(), started.body());
        String id = started.location().replaceAll("^/intermediair/c/([^?]+).*$", "$1");
        // answered over the page's own address, as the walk answers, up to the first open question
        ApiWalk.answerAssistedUntil(http, login, id, page, "goed_in_wijk");

        List<String> problems = new ArrayList<>();
        try (Browser b = new Browser(page)) {
            b.phone(360, 640);
            b.logIn(server.getURL() + started.location(), intermediair.username(), PASSWORD);
            b.waitFor(By.cssSelector("#answer textarea"));
            for (int[] s : List.of(new int[]{390, 844}, new int[]{360, 640}, new int[]{320, 568}, new int[]{640, 360})) {
                b.resize(s[0], s[1]);
                String where = "wijkanalyse " + page + "/" + resident + " at " + s[0] + "x" + s[1];
                b.screenshot("open-question-" + page + "-" + resident + "-" + s[0] + "x" + s[1]);
                outOfReach(b).forEach(o -> problems.add(where + ": " + o));
                Map<String, Object> seen = typedInView(b);
                if (!Boolean.TRUE.equals(seen.get("controls"))) {
                    problems.add(where + ": the box or Verstuur is not on the screen");
                }
                // at 390x844 and 360x640 it shows whole; on the smallest phone whole, or where it cannot (a Polish
                // resident's) from its start, the resident's line whole and the intermediair's begun, two lines of it at
                // least; on its side, from its start, three lines of it at least
                boolean whole = Boolean.TRUE.equals(seen.get("whole")), start = Boolean.TRUE.equals(seen.get("start"));
                Map<?, ?> lines = (Map<?, ?>) b.driver().executeScript(LINES_SHOWN);
                String shows = "the question shows " + seen.get("shown") + " of its " + seen.get("height") + " px, "
                        + seen.get("lines") + " lines" + (start ? "" : ", not from its start") + " " + lines;
                if (s[1] >= 640 && !whole) {
                    problems.add(where + ": " + shows);
                } else if (s[1] == 568 && !whole && !(start && Boolean.TRUE.equals(lines.get("original"))
                        && ((Number) lines.get("translation")).intValue() >= Math.min(2, ((Number) lines.get("translationLines")).intValue()))) {
                    problems.add(where + ": " + shows);
                } else if (s[1] < s[0] && (!start || ((Number) seen.get("lines")).intValue() < 3)) {
                    problems.add(where + ": " + shows);
                }
                // the rest of the question is there to scroll to: at the chat's end, the question's end
                b.driver().executeScript("const chat = document.getElementById('chat'); chat.scrollTop = chat.scrollHeight;");
                if (!Boolean.TRUE.equals(b.driver().executeScript(END_IN_VIEW))) {
                    problems.add(where + ": scrolled to the chat's end, the question's end does not show");
                }
            }
            // the keyboard opens on a 360x640 phone: the question's end just above the box, every control on the screen
            b.resize(360, 640);
            b.driver().findElement(By.cssSelector("#answer textarea")).click();
            b.resize(360, 360);
            b.driver().executeAsyncScript("const done = arguments[0]; setTimeout(() => done(true), 400)");
            b.screenshot("open-question-" + page + "-" + resident + "-360x360-keyboard");
            String where = "wijkanalyse " + page + "/" + resident + " at 360x360 with the keyboard open";
            outOfReach(b).forEach(o -> problems.add(where + ": " + o));
            Map<String, Object> typing = typedInView(b);
            if (((Number) typing.get("lines")).intValue() <= 2 || !Boolean.TRUE.equals(typing.get("controls"))) {
                problems.add(where + ": " + typing);
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * Of the question's two lines as the chat is scrolled now: whether the resident's shows whole ({@code original}),
     * how many lines of the intermediair's show whole ({@code translation}) and how many it has ({@code translationLines}).
     */
    private static final String LINES_SHOWN = """
            const bots = document.querySelectorAll('.bubble.bot'), q = bots[bots.length - 1];
            const chat = document.getElementById('chat').getBoundingClientRect();
            const original = q.querySelector('.original').getBoundingClientRect(), translation = q.querySelector('.translation');
            const lineTops = (node, inView) => {
              const tops = [], range = document.createRange(), texts = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
              for (let t = texts.nextNode(); t; t = texts.nextNode()) {
                range.selectNodeContents(t);
                for (const x of range.getClientRects()) if (x.height > 0 && (!inView || x.top >= chat.top - 0.5 && x.bottom <= chat.bottom + 0.5)) tops.push(x.top);
              }
              tops.sort((a, b) => a - b);
              return tops.filter((t, i) => i === 0 || t > tops[i - 1] + 4).length;
            };
            return { original: original.top >= chat.top - 0.5 && original.bottom <= chat.bottom + 0.5,
              translation: lineTops(translation, true), translationLines: lineTops(translation, false) };""";

    /** Whether the question's last line shows in the chat as it is scrolled now. */
    private static final String END_IN_VIEW = """
            const bots = document.querySelectorAll('.bubble.bot'), q = bots[bots.length - 1].getBoundingClientRect();
            const chat = document.getElementById('chat').getBoundingClientRect();
            return q.bottom <= chat.bottom + 0.5 && q.bottom - 24 >= chat.top;""";
}
