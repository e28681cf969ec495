package nl.samenspraak.intermediair;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.ApiWalk;
import nl.samenspraak.support.AssistedStart;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.TeamContacts;
import nl.samenspraak.team.Teams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
    @Inject
    TeamContacts contacts;

    @ParameterizedTest
    @CsvSource({"nl, ar", "ar, tr", "ar, pl"})
    void theOpenQuestionShowsWholeAboveTheBoxWhereItFitsAndFromItsStartWhereNot(String page, String resident) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Team team = teams.create("Wijkteam Zuidwest " + suffix, List.of("Kanaleneiland"));
        Account intermediair = accounts.create("open-" + suffix, PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(team.id(), intermediair.id());
        PageHttp http = new PageHttp(server.getURL().toString());
        String login = http.login(intermediair.username(), PASSWORD);
        AssistedStart started = AssistedStart.start(http, login, "wijkanalyse", resident, team.id() + "|Kanaleneiland", page);
        String id = started.id();
        // answered over the page's own address, as the walk answers, up to the first open question
        ApiWalk.answerAssistedUntil(http, login, id, page, "goed_in_wijk");

        List<String> problems = new ArrayList<>();
        try (Browser b = new Browser(page)) {
            b.phone(360, 640);
            b.logIn(server.getURL() + started.address(), intermediair.username(), PASSWORD);
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
     * What the resident still read in one language only on an intermediair's phone (the probe of their working day),
     * now in both, the resident's first, each with its own language: a multi question's hint ("Kies alles wat past."),
     * and at the end of the cultural interview where to go ("Waar kunt u terecht?" and its lines' labels). And "Getypt
     * in", left on a language written in Latin letters, follows Arabic text typed under it, with a note that says so.
     * At 390x844 and 360x640, on a Dutch page with an Arabic resident and an Arabic page with a Turkish one: the hint and
     * the question above the boxes, the open question whole above the box, the menu and the note on the screen.
     */
    @ParameterizedTest
    @CsvSource({"nl, ar", "ar, tr"})
    void theHintAndWhereToGoStandInBothLanguagesAndTypedInFollowsArabicLetters(String page, String resident) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Team team = teams.create("Wijkteam Zuidwest " + suffix, List.of("Kanaleneiland"));
        contacts.save(team.id(), TeamContacts.WHOLE_TEAM, "nl", Map.of("desk", "Wijkteam Zuidwest, balie", "phone", "030 123 45 67"));
        Account intermediair = accounts.create("beide-" + suffix, PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(team.id(), intermediair.id());
        PageHttp http = new PageHttp(server.getURL().toString());
        String login = http.login(intermediair.username(), PASSWORD);
        AssistedStart started = AssistedStart.start(http, login, "cultureel-interview", resident, Long.toString(team.id()), page);
        String id = started.id();
        String chat = server.getURL() + started.address();
        String[][] both = {{"390", "844"}, {"360", "640"}};
        List<String> problems = new ArrayList<>();
        JsonNode languages = ApiWalk.answerAssistedUntil(http, login, id, page, "talen");
        try (Browser b = new Browser(page)) {
            b.phone(390, 844);
            b.logIn(chat, intermediair.username(), PASSWORD);
            b.waitFor(By.cssSelector("#answer fieldset.multi"));
            for (String[] s : both) {
                b.resize(Integer.parseInt(s[0]), Integer.parseInt(s[1]));
                String where = "the languages' question, " + page + "/" + resident + " at " + s[0] + "x" + s[1];
                b.screenshot("both-languages-hint-" + page + "-" + resident + "-" + s[0] + "x" + s[1]);
                List<WebElement> hint = b.all(By.cssSelector("#answer legend.hint > span"));
                if (hint.size() != 2 || !resident.equals(hint.get(0).getAttribute("lang")) || !page.equals(hint.get(1).getAttribute("lang"))
                        || !("ar".equals(resident) ? "rtl" : "ltr").equals(hint.get(0).getAttribute("dir"))
                        || !("ar".equals(page) ? "rtl" : "ltr").equals(hint.get(1).getAttribute("dir"))) {
                    problems.add(where + ": the hint is not the resident's words above the intermediair's: "
                            + b.driver().findElement(By.cssSelector("#answer legend.hint")).getAttribute("outerHTML"));
                } else if (!b.wholeOnScreen(hint.get(0)) || !b.wholeOnScreen(hint.get(1))) {
                    problems.add(where + ": the hint's two lines are not on the screen");
                }
                if (b.questionShown() < 48) {
                    problems.add(where + ": " + b.questionShown() + " px of the question show above the boxes");
                }
                outOfReach(b).forEach(o -> problems.add(where + ": " + o));
            }

            // an open question, "Getypt in" left on a language written in Latin letters, Arabic words typed under it
            JsonNode lifeWorld = ApiWalk.answerAssistedFrom(http, login, id, page, languages, "leefwereld");
            b.phone(390, 844);
            b.open(chat);
            WebElement menu = b.waitFor(By.cssSelector("#answer .typed-in select"));
            if ("ar".equals(menu.getAttribute("value"))) {
                new org.openqa.selenium.support.ui.Select(menu).selectByValue("nl");
            }
            String latin = menu.getAttribute("value");
            b.driver().executeScript("const box = document.querySelector('#answer textarea');"
                    + "box.value = 'نعيش هنا منذ خمس سنوات مع أطفالنا.'; box.dispatchEvent(new Event('input', {bubbles: true}));");
            for (String[] s : both) {
                b.resize(Integer.parseInt(s[0]), Integer.parseInt(s[1]));
                String where = "the open question, " + page + "/" + resident + " at " + s[0] + "x" + s[1];
                b.screenshot("both-languages-typed-in-" + page + "-" + resident + "-" + s[0] + "x" + s[1]);
                WebElement note = b.driver().findElement(By.cssSelector("#answer .typed-in-note"));
                if (!"ar".equals(menu.getAttribute("value")) || !"ar".equals(b.driver().findElement(By.cssSelector("#answer textarea")).getAttribute("lang"))) {
                    problems.add(where + ": Arabic typed under " + latin + " left the choice on " + menu.getAttribute("value"));
                }
                if (!note.isDisplayed() || !note.getText().contains("العربية") || !b.wholeOnScreen(note) || !b.wholeOnScreen(menu)) {
                    problems.add(where + ": the note is not on the screen beside the menu: '" + note.getText() + "'");
                }
                Map<String, Object> seen = typedInView(b);
                if (!Boolean.TRUE.equals(seen.get("whole")) || !Boolean.TRUE.equals(seen.get("controls"))) {
                    problems.add(where + ": the question or the box is not whole on the screen: " + seen);
                }
                outOfReach(b).forEach(o -> problems.add(where + ": " + o));
            }
            // the Arabic words taken out again: the intermediair's own choice back, no note
            b.driver().executeScript("const box = document.querySelector('#answer textarea');"
                    + "box.value = '5 jaar'; box.dispatchEvent(new Event('input', {bubbles: true}));");
            if (!latin.equals(menu.getAttribute("value")) || b.driver().findElement(By.cssSelector("#answer .typed-in-note")).isDisplayed()) {
                problems.add(page + "/" + resident + ": Latin letters again did not give the choice back to " + latin);
            }

            // the end: where to go, in the resident's words with the intermediair's beneath
            ApiWalk.answerAssistedFrom(http, login, id, page, lifeWorld, null);
            b.open(chat);
            b.waitFor(By.cssSelector("#result .team-contact"));
            for (String[] s : both) {
                b.resize(Integer.parseInt(s[0]), Integer.parseInt(s[1]));
                String where = "the result, " + page + "/" + resident + " at " + s[0] + "x" + s[1];
                WebElement heading = b.driver().findElement(By.cssSelector("#result .team-contact h2"));
                b.driver().executeScript("arguments[0].scrollIntoView({block: 'start'})", heading);
                b.screenshot("both-languages-where-to-go-" + page + "-" + resident + "-" + s[0] + "x" + s[1]);
                List<WebElement> parts = heading.findElements(By.cssSelector(":scope > span"));
                if (parts.size() != 2 || !resident.equals(parts.get(0).getAttribute("lang")) || !page.equals(parts.get(1).getAttribute("lang"))
                        || parts.get(0).getText().isBlank() || parts.get(1).getText().isBlank()) {
                    problems.add(where + ": where to go is not headed in both languages: " + heading.getAttribute("outerHTML"));
                } else if (!b.wholeOnScreen(parts.get(0)) || !b.wholeOnScreen(parts.get(1))) {
                    problems.add(where + ": the heading's two lines are not on the screen");
                }
                for (WebElement label : b.all(By.cssSelector("#result .team-contact dt"))) {
                    if (label.findElements(By.cssSelector(".original[lang='" + resident + "'], .translation[lang='" + page + "']")).size() != 2) {
                        problems.add(where + ": a label in one language: " + label.getAttribute("outerHTML"));
                    }
                }
            }
            if (b.all(By.cssSelector("#result .team-contact")).size() != 1) {
                problems.add(page + "/" + resident + ": where to go stands " + b.all(By.cssSelector("#result .team-contact")).size() + " times");
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
