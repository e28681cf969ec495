package nl.samenspraak.intermediair;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspraak.conversation.AnswerQuestion;
import nl.samenspraak.conversation.Caller;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.Entry;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.conversation.Turn;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.storage.ConversationRepository;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.PageHttp;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, items 4 and 5, on a 390x844 phone, the intermediair's pages in Dutch, a Turkish or Arabic resident in
 * wijkanalyse: the header shows the wijk and both languages without scrolling, next to the answers; the resident's
 * language changes mid-way and the conversation goes on at the same question; the result shows the Dutch lines
 * beneath the resident's; a hand-over link opens the resident's own result on a second phone in their language, and
 * nothing once deleted; the resident's PDF has the title, the team and the date and none of the intermediair's words.
 */
@MicronautTest(transactional = false)
class ResultsForBothReadersBrowserTest {
    static final String PASSWORD = "een lang genoeg wachtwoord";

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    Teams teams;
    @Inject
    ConversationRepository conversations;
    @Inject
    ReadConversation readConversation;
    @Inject
    AnswerQuestion answerQuestion;
    @Inject
    FlowLibrary library;

    static boolean inView(Browser b, WebElement e) {
        return ConsentRefusalBrowserTest.inView(b, e);
    }

    private static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\u064B-\\u065F\\u0670\\u0640\\u2066-\\u2069]", "")
                .replaceAll("\\s+", " ");
    }

    private WebElement lastQuestion(Browser b) {
        List<WebElement> bots = b.driver().findElements(By.cssSelector(".bubble.bot"));
        return bots.get(bots.size() - 1);
    }

    @ParameterizedTest
    @CsvSource({"tr, ar", "ar, tr"})
    void theResidentsContextResultAndHandOver(String resident, String changedTo) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Team team = teams.create("Wijkteam Zuid " + suffix, List.of("Kanaleneiland", "Transwijk"));
        Account intermediair = accounts.create("sleutelpersoon-" + suffix, PASSWORD, Role.INTERMEDIAIR);
        teams.addMember(team.id(), intermediair.id());

        try (Browser b = new Browser("nl")) {
            b.phone(390, 844);
            b.logIn(server.getURL() + "/intermediair?lang=nl", intermediair.username(), PASSWORD);
            new Select(b.waitFor(By.id("language-wijkanalyse"))).selectByValue(resident);
            new Select(b.driver().findElement(By.id("place-wijkanalyse"))).selectByVisibleText("Transwijk");
            b.driver().findElement(By.cssSelector("form:has(input[name='flow'][value='wijkanalyse']) button:not(.secondary)")).click();

            // the header: the wijk and both languages, in view without scrolling, with the answer below in view too
            WebElement verder = b.waitFor(By.xpath("//footer[@id='answer-area']//button[normalize-space(.)='Verder']"));
            WebElement wijk = b.driver().findElement(By.id("context-wijk"));
            assertEquals("Transwijk", wijk.getText());
            String residentName = library.translations().language(resident).orElseThrow().name();
            assertEquals(residentName, b.driver().findElement(By.id("context-resident")).getText());
            assertEquals("Nederlands", b.driver().findElement(By.id("context-reader")).getText());
            assertTrue(b.driver().findElement(By.cssSelector(".flow-title")).isDisplayed(), "the flow in the bar");
            assertTrue(inView(b, wijk) && inView(b, b.driver().findElement(By.id("context-resident"))), "the header in view");
            assertTrue(inView(b, verder), "the answer is not pushed off the screen");
            b.screenshot("intermediair-header-" + resident);
            verder.click();
            WebElement consent = b.waitFor(By.cssSelector("#answer button.option[data-value='ja']"));
            String lastQuestion = "var q = document.querySelectorAll(\".bubble.bot[id^='q-']\"); return q[q.length - 1].id;";
            String consentQuestion = (String) b.driver().executeScript(lastQuestion);
            consent.click();
            // the next question also has a "ja": wait until it is the next question's, not the consent's
            b.waitUntil(d -> !consentQuestion.equals(b.driver().executeScript(lastQuestion)));
            WebElement yes = b.waitFor(By.cssSelector("#answer button.option[data-value='ja']"));
            String url = b.driver().getCurrentUrl();
            String id = url.substring(url.indexOf("/c/") + 3, url.indexOf('?'));
            String step = conversations.findById(id).orElseThrow().currentStep();
            assertEquals("kinderen_thuis", step);
            assertTrue(inView(b, yes));

            // the resident turns out to read the other language better: changed mid-way, same question
            b.driver().findElement(By.cssSelector("#menu summary")).click();
            new Select(b.waitFor(By.id("context-language-select"))).selectByValue(changedTo);
            b.screenshot("intermediair-change-language-" + resident);
            b.driver().findElement(By.id("context-change")).click();
            b.waitUntil(d -> d.findElement(By.id("context-resident")).getAttribute("lang").equals(changedTo));
            b.waitFor(By.cssSelector("#answer button.option[data-value='ja']"));
            assertEquals(changedTo, lastQuestion(b).findElement(By.cssSelector(".original")).getAttribute("lang"),
                    "the question now in the new language");
            assertEquals(plain(library.translations().flowText(changedTo, "wijkanalyse", "steps.kinderen_thuis.text")
                    .replaceAll("<[^>]+>", "")).strip(), plain(lastQuestion(b).findElement(By.cssSelector(".original")).getText()).strip());
            assertEquals("nl", lastQuestion(b).findElement(By.cssSelector(".translation")).getAttribute("lang"));
            assertEquals(List.of(changedTo, "kinderen_thuis", "Transwijk"), List.of(conversations.findById(id).orElseThrow().language(),
                    conversations.findById(id).orElseThrow().currentStep(), conversations.findById(id).orElseThrow().wijk()),
                    "stored, and the same question");

            // the rest of the conversation, quickly, as the intermediair would (skipping everything optional)
            Caller me = Caller.intermediair(intermediair.id());
            ConversationState s = readConversation.state(id, "nl", me).orElseThrow();
            for (int i = 0; i < 100 && !s.done(); i++) {
                Object value = s.step().id().equals("kinderen_thuis") ? "ja" : s.step().id().equals("weet_waar_hulp") ? "1"
                        : s.step().id().equals("eigen_taal") ? "nee" : null;
                Turn turn = answerQuestion.answer(id, s.step().id(), value, Entry.intermediair(null), "nl", me);
                assertEquals(Turn.Kind.OK, turn.kind(), turn.error());
                s = turn.state();
            }
            b.driver().navigate().refresh();
            WebElement tip = b.waitFor(By.cssSelector("#result .tip"));
            assertEquals(changedTo, tip.findElement(By.cssSelector("h3 .original")).getAttribute("lang"));
            WebElement dutchTitle = tip.findElement(By.cssSelector("h3 .translation"));
            assertEquals("nl", dutchTitle.getAttribute("lang"));
            assertFalse(dutchTitle.getText().isBlank(), "the tip's title in Dutch beneath");
            // the tip's text and why in the resident's language are marked so, not as the Dutch page around them: they
            // were read left to right, with a Dutch voice
            for (String part : List.of("p:not(.translation):not(.tip-why):not(.tip-source)", "p.tip-why:not(.translation)")) {
                WebElement original = tip.findElement(By.cssSelector(part));
                assertEquals(changedTo, b.driver().executeScript("return arguments[0].closest('[lang]').lang", original), part);
                assertEquals(library.translations().language(changedTo).orElseThrow().direction(),
                        b.driver().executeScript("return getComputedStyle(arguments[0]).direction", original), part);
            }
            assertFalse(b.driver().findElement(By.id("counter")).isDisplayed(), "no counter on the ended screen");
            // after the reload the way so far still reads in both languages, as it did while answering
            String asked = plain(library.translations().flowText("nl", "wijkanalyse", "steps.kinderen_thuis.text")
                    .replaceAll("<[^>]+>", "")).strip();
            WebElement earlier = b.driver().findElements(By.cssSelector("#messages .bubble.bot")).stream()
                    .filter(q -> !q.findElements(By.cssSelector(".translation")).isEmpty()
                            && plain(q.findElement(By.cssSelector(".translation")).getText()).strip().equals(asked))
                    .findFirst().orElseThrow(() -> new AssertionError("the Dutch of an earlier question beneath it after the reload"));
            assertEquals(changedTo, earlier.findElement(By.cssSelector(".original")).getAttribute("lang"));
            assertEquals("nl", earlier.findElement(By.cssSelector(".translation")).getAttribute("lang"));
            // "Klaar" for the resident in their language, the intermediair's beneath, like every line of the result
            WebElement done = b.driver().findElement(By.id("done-note"));
            assertEquals(changedTo, done.findElement(By.cssSelector(".original")).getAttribute("lang"));
            assertEquals(plain(library.translations().flowMessage(changedTo, "wijkanalyse", "web.done")),
                    plain(done.findElement(By.cssSelector(".original")).getText()));
            assertEquals("nl", done.findElement(By.cssSelector(".translation")).getAttribute("lang"));
            assertTrue(done.findElement(By.cssSelector(".translation")).getText().startsWith("Klaar!"),
                    done.findElement(By.cssSelector(".translation")).getText());
            b.driver().executeScript("arguments[0].scrollIntoView({block: 'start'});", tip);
            b.screenshot("intermediair-result-both-" + resident);

            // at "Klaar" the menu still gives the resident their code to have it deleted later, in their language first
            b.driver().findElement(By.cssSelector("#menu summary")).click();
            WebElement codeTitle = b.waitFor(By.cssSelector("#resume-title .original"));
            assertEquals(changedTo, codeTitle.getAttribute("lang"));
            assertEquals("nl", b.driver().findElement(By.cssSelector("#resume-title .translation")).getAttribute("lang"));
            assertTrue(b.driver().findElement(By.id("resume-code")).isDisplayed(), "the code itself");
            b.screenshot("intermediair-code-at-klaar-" + resident);
            b.driver().findElement(By.cssSelector("#menu summary")).click();

            // the resident's PDF: title, team, date, none of the intermediair's words
            Cookie login = b.driver().manage().getCookieNamed(PageHttp.LOGIN_COOKIE);
            WebElement pdfLink = b.driver().findElement(By.cssSelector("#result a[download][href$='result.pdf']"));
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pdfLink.getAttribute("href")))
                    .header("Cookie", login.getName() + "=" + login.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, pdf.statusCode());
            String text;
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                text = plain(new PDFTextStripper().getText(document));
            }
            String title = library.translations().flowText(changedTo, "wijkanalyse", "title");
            assertTrue(text.contains(plain(title)), "the title in " + text);
            assertTrue(text.contains(team.name()), "the team in " + text);
            // the day it was made, as the resident's language writes a date (either side of midnight in Amsterdam)
            java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));
            nl.samenspraak.engine.AnswerWords dates = nl.samenspraak.engine.AnswerWords.of(library.translations(), "wijkanalyse", changedTo);
            // word by word: text read back from a right-to-left PDF comes in visual order ("2026 ديسمبر 2")
            java.util.function.Predicate<java.time.LocalDate> shown = day -> java.util.Arrays.stream(plain(dates.date(day)).split("\\s+"))
                    .allMatch(text::contains);
            assertTrue(shown.test(today) || shown.test(today.minusDays(1)), "the date " + dates.date(today) + " in " + text);
            String note = library.translations().message("nl", "intermediair.chat_note");
            assertFalse(text.contains("De bewoner antwoordt") || text.contains(plain(note.substring(0, 30))), "no instructions: " + text);
            assertFalse(text.contains("Getypt in") || text.contains("Wijzigen"), "none of the intermediair's page: " + text);

            // the hand-over: a link and QR for the resident's own phone. From "Mijn gesprekken" the finished conversation's
            // "Resultaat" opens it again at "Klaar", where a link on the first screen leads to the hand-over (the phone
            // probe: 15 screens below, no way there but scrolling, and none back to a finished one from the list)
            b.open(server.getURL() + "/intermediair?lang=nl");
            b.waitFor(By.cssSelector("#mine-" + id + " a[href^='/intermediair/c/" + id + "']")).click();
            WebElement jump = b.waitFor(By.id("hand-over-jump"));
            b.waitUntil(d -> b.wholeOnScreen(jump));
            jump.click();
            WebElement make = b.waitFor(By.id("hand-over-make"));
            b.waitUntil(d -> b.wholeOnScreen(make));
            make.click();
            WebElement qr = b.waitFor(By.cssSelector("img.hand-over-qr"));
            b.waitUntil(d -> (Boolean) d.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0;", qr));
            assertTrue(b.wholeOnScreen(qr), "the code on the first screen, to scan off it");
            b.phone(360, 640);
            b.waitUntil(d -> b.wholeOnScreen(qr));
            b.phone(390, 844);
            String handOver = b.driver().findElement(By.id("hand-over-url")).getAttribute("value");
            assertTrue(handOver.matches(".*/h/[A-Za-z0-9_-]{22}"), handOver);
            b.screenshot("intermediair-hand-over-" + resident);

            try (Browser phone = new Browser("nl")) {
                phone.phone(390, 844);
                phone.open(handOver);
                WebElement h1 = phone.waitFor(By.tagName("h1"));
                assertEquals(changedTo, phone.driver().findElement(By.tagName("html")).getAttribute("lang"), "the resident's language");
                assertEquals(library.translations().language(changedTo).orElseThrow().direction(),
                        phone.driver().findElement(By.tagName("html")).getAttribute("dir"));
                assertEquals(plain(title), plain(h1.getText()));
                assertEquals(team.name(), phone.driver().findElement(By.id("handed-over-team")).getText());
                assertTrue(phone.driver().findElement(By.cssSelector("#result .tip")).isDisplayed(), "the result");
                assertTrue(phone.driver().findElements(By.cssSelector(".translation, .assist-note, .context, #answer, .messages")).isEmpty(),
                        "only the result: no Dutch lines, no instructions, no questions or answers");
                assertTrue(phone.driver().findElements(By.cssSelector(".tip-why")).isEmpty(), "no answers quoted");
                phone.screenshot("hand-over-result-" + changedTo);

                b.driver().findElement(By.id("hand-over-delete")).click();
                b.waitFor(By.id("hand-over-deleted"));
                phone.driver().navigate().refresh();
                WebElement gone = phone.waitFor(By.tagName("h1"));
                assertEquals(library.translations().message("nl", "handover.gone_title"), gone.getText(), "refused after deletion");
                assertTrue(phone.driver().findElements(By.cssSelector("#result")).isEmpty());
                phone.screenshot("hand-over-gone");
            }
        }
    }
}
