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
import nl.samenspraak.team.Teams;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static nl.samenspraak.support.PageHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An intermediair's working day on a phone, with the names of a real team ("Buurtteam Jeugd en Gezin Overvecht-Noord
 * en Zuilen") and its wijken ("Tuinwijk-Oost en Zeeheldenbuurt"), on Dutch and Arabic pages, as the phone probe found
 * it: at 320x568 the start card's first button lay just below the first screen, under the page's introduction; the
 * chat menu's box to change the wijk showed the start of a long wijk's name only; and a three-option question in the
 * resident's language and the intermediair's showed at 360x640 one option whole and a glimpse of the next (after
 * "Vorige" the chosen one's tick made it taller still). One browser for the class: each test jumps to its step over
 * the page's own address.
 */
@MicronautTest(transactional = false)
class WorkingDayOnAPhoneBrowserTest {
    private static final String PASSWORD = "een lang genoeg wachtwoord";
    private static final String TEAM = "Buurtteam Jeugd en Gezin Overvecht-Noord en Zuilen";
    private static final List<String> WIJKEN = List.of("Tuinwijk-Oost en Zeeheldenbuurt",
            "Overvecht-Noord Zambesidreef en omgeving", "Overvecht-Noord Tigris- en Vechtzoomkwartier");
    private static final int[][] UPRIGHT = {{390, 844}, {360, 640}, {320, 568}};

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;

    private Team team;
    private Account me;
    private PageHttp http;
    private String login;

    private void newIntermediair() {
        String suffix = UUID.randomUUID().toString().substring(0, 4);
        team = teams.create(TEAM + " " + suffix, WIJKEN);
        me = accounts.create("dag-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(team.id(), me.id());
        http = new PageHttp(server.getURL().toString());
        login = http.login(me.username(), PASSWORD);
    }

    /** An assisted conversation started in {@code wijk}, its page in {@code page}: the address of its chat page. */
    private String start(String flow, String resident, String wijk, String page) {
        String place = "wijkanalyse".equals(flow) ? team.id() + "|" + wijk : Long.toString(team.id());
        return AssistedStart.start(http, login, flow, resident, place, page).address();
    }

    /**
     * What of the first start card is not wholly on the first screen, nothing scrolled: its conversation's title, the
     * boxes for the resident's language and the team or wijk (and the chosen name shown whole under a box that cuts
     * it), and its first button.
     */
    @SuppressWarnings("unchecked")
    private static List<String> startCardOffScreen(Browser b) {
        return (List<String>) b.driver().executeScript("""
                const card = document.querySelector('form:has(input[name="flow"])'), out = [];
                const vw = document.documentElement.clientWidth, vh = window.innerHeight;
                if (window.scrollY !== 0) out.push('the page is scrolled: ' + window.scrollY);
                const parts = [card.querySelector('h2'), ...card.querySelectorAll('select, .place-only, .chosen-whole:not([hidden])'),
                  card.querySelector('button:not(.secondary)')];
                for (const e of parts) {
                  const r = e.getBoundingClientRect();
                  if (!(r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= vh && r.right <= vw))
                    out.push((e.id || e.tagName) + ' "' + e.textContent.trim().slice(0, 30) + '" at ' + Math.round(r.top) + '-' + Math.round(r.bottom) + ' of ' + vh);
                }
                return out;""");
    }

    /** The first start button on the first screen of each phone, the choices above it whole, in Dutch and Arabic. */
    @Test
    void theFirstStartButtonIsOnTheFirstScreen() {
        newIntermediair();
        List<String> problems = new ArrayList<>();
        try (Browser b = new Browser("nl")) {
            b.logIn(server.getURL() + "/intermediair?lang=nl", me.username(), PASSWORD);
            for (String language : List.of("nl", "ar")) {
                for (int[] s : UPRIGHT) {
                    b.phone(s[0], s[1]);
                    b.open(server.getURL() + "/intermediair?lang=" + language);
                    b.waitFor(By.cssSelector("form:has(input[name='flow']) button"));
                    // the longest wijk chosen: its name shows whole under the box, a line or two more above the button
                    b.driver().executeScript("""
                            const box = document.querySelector('form:has(input[name="flow"]) select[name="place"]');
                            if (box) { box.value = [...box.options].map(o => o.value).find(v => v.endsWith(arguments[0]));
                              box.dispatchEvent(new Event('change')); }""", WIJKEN.get(1));
                    String where = language + " " + s[0] + "x" + s[1];
                    b.screenshot("working-day-start-" + language + "-" + s[0] + "x" + s[1]);
                    startCardOffScreen(b).forEach(p -> problems.add(where + ": " + p));
                    if (s[1] >= 844) {
                        // every talk on offer is seen on a tall phone's first screen: the residents' own first, the
                        // client's interview's title below it (in the service's order the interview's card filled it)
                        @SuppressWarnings("unchecked")
                        List<String> titles = (List<String>) b.driver().executeScript("""
                                return [...document.querySelectorAll('form:has(input[name="flow"]) h2')].map(h =>
                                  h.id + (h.getBoundingClientRect().bottom <= window.innerHeight ? '' : ' below the first screen'));""");
                        if (!titles.equals(List.of("flow-wijkanalyse", "flow-cultureel-interview"))) {
                            problems.add(where + ": the talks on offer, in order: " + titles);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The chat menu's box to change the wijk: the chosen wijk's name readable whole at 320 px, Dutch and Arabic. */
    @Test
    void theChatMenuShowsTheChosenWijkWhole() {
        newIntermediair();
        List<String> problems = new ArrayList<>();
        try (Browser b = new Browser("nl")) {
            b.phone(320, 568);
            b.logIn(server.getURL() + "/intermediair?lang=nl", me.username(), PASSWORD);
            for (String language : List.of("nl", "ar")) {
                for (String wijk : WIJKEN.subList(1, 3)) {
                    b.open(server.getURL() + start("wijkanalyse", "tr", wijk, language));
                    b.waitFor(By.cssSelector(".bubble.bot"));
                    b.driver().findElement(By.cssSelector("#menu > summary")).click();
                    WebElement field = b.waitFor(By.id("context-wijk-select"));
                    b.driver().executeScript("arguments[0].scrollIntoView({block: 'start'})", field);
                    String where = language + " 320x568, " + wijk;
                    b.screenshot("working-day-menu-" + language + "-" + WIJKEN.indexOf(wijk));
                    String wrong = LongNamesOnAPhoneBrowserTest.notWhole(b, b.driver().findElement(By.cssSelector("form.switch-context")));
                    if (!wrong.isEmpty()) {
                        problems.add(where + ": " + wrong);
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * What of a choice question does not show without scrolling: the question whole in the chat and each option whole
     * on the screen and in its list (or, {@code firstOnly}, the question's start and the first option), an option
     * lower than a finger's 44 px or its second line smaller than the chat's other secondary lines (13.6 px).
     */
    @SuppressWarnings("unchecked")
    private static List<String> choiceNotShown(Browser b, boolean firstOnly) {
        return (List<String>) b.driver().executeScript("""
                const firstOnly = arguments[0], out = [], vh = window.innerHeight, vw = document.documentElement.clientWidth;
                const bots = document.querySelectorAll('.bubble.bot'), q = bots[bots.length - 1].getBoundingClientRect();
                const chat = document.getElementById('chat').getBoundingClientRect();
                const choices = document.querySelector('#answer .choices'), list = choices.getBoundingClientRect();
                const options = [...document.querySelectorAll('#answer .option')];
                if (q.top < chat.top - 0.5) out.push('the question begins ' + Math.round(chat.top - q.top) + ' px above the chat');
                if (!firstOnly && q.bottom > chat.bottom + 0.5) out.push('the question ends ' + Math.round(q.bottom - chat.bottom) + ' px below the chat');
                if (firstOnly && q.top > chat.bottom - 40) out.push('the question\\'s start is not in the chat');
                (firstOnly ? options.slice(0, 1) : options).forEach((o, i) => {
                  const r = o.getBoundingClientRect();
                  if (r.top < Math.max(0, list.top) - 0.5 || r.bottom > Math.min(vh, list.bottom) + 0.5 || r.left < 0 || r.right > vw)
                    out.push('option ' + (i + 1) + ' "' + o.innerText.replace(/\\s+/g, ' ').slice(0, 30) + '" at ' + Math.round(r.top) + '-' + Math.round(r.bottom)
                      + ', its list ' + Math.round(list.top) + '-' + Math.round(list.bottom));
                });
                // all three in view, none faded at the list's edge as if more followed
                if (!firstOnly && choices.scrollHeight > choices.clientHeight + 1)
                  out.push('the options scroll in their list: ' + choices.scrollHeight + ' px in ' + choices.clientHeight);
                for (const o of options) {
                  if (o.getBoundingClientRect().height < 43.5) out.push('an option is ' + o.getBoundingClientRect().height + ' px high');
                  const t = o.querySelector('.translation');
                  if (t && parseFloat(getComputedStyle(t).fontSize) < 13.5) out.push('an option\\'s second line is ' + getComputedStyle(t).fontSize);
                }
                return out;""", firstOnly);
    }

    private static void checkChoice(Browser b, String where, List<String> problems) {
        b.waitUntil(d -> d.findElement(By.id("answer")).getAttribute("aria-busy") == null
                && d.findElements(By.cssSelector("#answer .option")).size() == 3);
        for (int[] s : UPRIGHT) {
            b.resize(s[0], s[1]);
            String at = where + " at " + s[0] + "x" + s[1];
            b.screenshot("working-day-choice-" + where.replaceAll("[^a-z0-9]+", "-") + "-" + s[0] + "x" + s[1]);
            choiceNotShown(b, s[1] < 640).forEach(p -> problems.add(at + ": " + p));
            nl.samenspraak.web.AnswersInReachBrowserTest.outOfReach(b).forEach(p -> problems.add(at + ": " + p));
        }
    }

    /**
     * The neighbourhood analysis's two longest three-option questions (the fear of what asking for help brings, and
     * the shame) in the resident's language with the intermediair's beneath it, and the first again after "Vorige",
     * its answer ticked: at 390x844 and 360x640 the question and its three options whole, at 320x568 the question's
     * start and the first option; every option 44 px high at least.
     */
    @Test
    void aThreeOptionQuestionInTwoLanguagesShowsEveryOption() {
        newIntermediair();
        List<String> problems = new ArrayList<>();
        try (Browser b = new Browser("nl")) {
            b.phone(360, 640);
            b.logIn(server.getURL() + "/intermediair?lang=nl", me.username(), PASSWORD);
            for (String[] pair : new String[][] {{"nl", "ar"}, {"nl", "tr"}, {"ar", "nl"}}) {
                String page = pair[0], resident = pair[1];
                String chat = start("wijkanalyse", resident, WIJKEN.get(0), page);
                ApiWalk.answerAssistedUntil(http, login, chat.replaceAll("^/intermediair/c/([^?]+).*$", "$1"), page, "bang_gevolgen");
                b.phone(360, 640);
                b.open(server.getURL() + chat);
                checkChoice(b, page + "-" + resident + " bang_gevolgen", problems);
                b.phone(360, 640);
                int asked = b.all(By.cssSelector(".bubble.bot")).size();
                b.driver().findElement(By.cssSelector("#answer .option")).click();
                b.waitUntil(d -> d.findElements(By.cssSelector(".bubble.bot")).size() > asked);
                checkChoice(b, page + "-" + resident + " schaamte", problems);
                b.phone(360, 640);
                b.driver().findElement(By.id("back")).click();
                b.waitFor(By.cssSelector("#answer .option.previous"));
                checkChoice(b, page + "-" + resident + " bang_gevolgen after back", problems);
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * "Weet ik niet" in the resident's words and the intermediair's, tapped and then gone back to with "Vorige": its
     * tick beside its words, as an option's is, where it stood on a line of its own under them (the button a line
     * taller than it needs), on a phone upright (390x844, 360x640) in both directions.
     */
    @Test
    void aTickedDontKnowKeepsItsTickBesideItsWords() {
        newIntermediair();
        List<String> problems = new ArrayList<>();
        try (Browser b = new Browser("nl")) {
            b.phone(390, 844);
            b.logIn(server.getURL() + "/intermediair?lang=nl", me.username(), PASSWORD);
            for (String[] pair : new String[][] {{"nl", "tr"}, {"ar", "nl"}}) {
                String page = pair[0], resident = pair[1];
                String chat = start("wijkanalyse", resident, WIJKEN.get(0), page);
                ApiWalk.answerAssistedUntil(http, login, chat.replaceAll("^/intermediair/c/([^?]+).*$", "$1"), page, "netwerk_helpt");
                b.phone(390, 844);
                b.open(server.getURL() + chat);
                int asked = b.all(By.cssSelector(".bubble.bot")).size();
                b.waitFor(By.cssSelector("#secondary button.quiet[data-value]")).click();
                b.waitUntil(d -> d.findElements(By.cssSelector(".bubble.bot")).size() > asked);
                b.driver().findElement(By.id("back")).click();
                WebElement dontKnow = b.waitFor(By.cssSelector("#secondary button.quiet.previous"));
                for (int[] s : new int[][] {{390, 844}, {360, 640}}) {
                    b.resize(s[0], s[1]);
                    String at = page + "-" + resident + " at " + s[0] + "x" + s[1];
                    b.screenshot("working-day-dont-know-ticked-" + page + "-" + resident + "-" + s[0] + "x" + s[1]);
                    Object where = b.driver().executeScript("""
                            const b = arguments[0], mark = b.querySelector('.previous-mark').getBoundingClientRect();
                            const words = [...b.querySelectorAll('.original, .translation')].map(e => e.getBoundingClientRect());
                            const top = Math.min(...words.map(r => r.top)), bottom = Math.max(...words.map(r => r.bottom));
                            return mark.top >= bottom - 1 ? 'its tick under its words (' + Math.round(mark.top) + ' below '
                              + Math.round(bottom) + ')' : mark.bottom <= top + 1 ? 'its tick above its words' : '';""", dontKnow);
                    if (!"".equals(where)) {
                        problems.add(at + ": " + where);
                    }
                    if (!b.wholeOnScreen(dontKnow)) {
                        problems.add(at + ": \"Weet ik niet\" not whole on the screen");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
