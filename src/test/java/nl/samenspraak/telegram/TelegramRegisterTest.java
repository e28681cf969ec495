package nl.samenspraak.telegram;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bot's own words keep the register of the flow a person is in (issue 10): a resident in {@code wijkanalyse}
 * reads "u" in Dutch and impersonal forms in Polish in the bot's echo, hints, help and code message, through the real
 * library and a fake Bot API on loopback; the same words in a professional's flow stay informal, as that flow is.
 */
@MicronautTest(transactional = false)
class TelegramRegisterTest extends TelegramFixture {
    private static final Pattern DUTCH_INFORMAL = Pattern.compile("(?iu)(?<!\\p{L})(je|jij|jou|jouw)(?!\\p{L})");
    private static final Pattern POLISH_INFORMAL = Pattern.compile("(?iu)(?<!\\p{L})(ty|twój|twoja|twoje|możesz|wpisz|stuknij|witaj)(?!\\p{L})|\\p{L}/-?\\p{L}");

    TelegramRegisterTest() {
        super("727273:register-test-token");
    }

    /** Starts the resident's flow and says yes to its consent question. */
    private static void consentAsResident(TelegramUser user) {
        user.say("/start wijkanalyse");
        user.tap("n");
        user.tap("a:0"); // consent: ja
    }

    @Test
    void aDutchResidentReadsUInTheBotsOwnWords() {
        TelegramUser user = user("nl");
        int mark = user.mark();
        consentAsResident(user);
        user.say("/help");
        user.say("/stop");
        String read = user.textSince(mark);
        assertTrue(read.contains("Uw antwoord: "), "the echo of the consent says \"uw\": " + read);
        assertTrue(read.contains("Wat u hier kunt doen"), "the help in the flow's words: " + read);
        assertTrue(read.contains("Uw antwoorden zijn bewaard.") && read.contains("Uw code is "), "pause and code: " + read);
        assertFalse(DUTCH_INFORMAL.matcher(withoutCodes(read)).find(), "no je/jij/jouw anywhere the resident reads: " + read);
        assertEquals(List.of(), fake.problems());
    }

    @Test
    void aPolishResidentReadsImpersonalFormsInTheBotsOwnWords() {
        TelegramUser user = user("pl");
        int mark = user.mark();
        consentAsResident(user);
        user.send("sticker");
        user.say("/stop");
        String read = user.textSince(mark);
        assertTrue(read.contains("Odpowiedź: "), "the echo without \"Twoja\": " + read);
        assertTrue(read.contains("proszę wpisać odpowiedź"), "the sticker note asks politely: " + read);
        assertTrue(read.contains("Kod rozmowy to "), "the code message without \"Twój kod\": " + read);
        assertFalse(POLISH_INFORMAL.matcher(withoutCodes(read)).find(), "no ty-forms or slash forms anywhere the resident reads: " + read);
        assertEquals(List.of(), fake.problems());
    }

    @Test
    void aProfessionalsFlowKeepsItsOwnInformalWords() {
        TelegramUser user = user("nl");
        int mark = user.mark();
        user.say("/start werk-jij-diversiteitsproof");
        user.say("/stop");
        String read = user.textSince(mark);
        assertTrue(read.contains("Je antwoorden zijn bewaard.") && read.contains("Je code is "), read);
    }

    /** The words without the resume code they show: its random letters are no word ("FQTM-JE7A" is not "je"). */
    private static String withoutCodes(String read) {
        return read.replaceAll("\\b[A-Z0-9]{4}-[A-Z0-9]{4}\\b", "CODE");
    }
}
