package nl.samenspraak.conversation;

import nl.samenspraak.i18n.Language;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An intermediair's typed answer is stored under a language whose script its letters are written in: the "Getypt in"
 * menu keeps its choice from one open question to the next, and an Arabic text was stored as Dutch (the probe of an
 * intermediair's working day). Plain Java, the service's own five languages as their files describe them.
 */
class TypedLanguageTest {
    private final TypedLanguage rule = new TypedLanguage(FlowWalk.library().translations().languages());

    @Test
    void everyLanguageOfTheServiceSaysItsScript() {
        Map<String, String> scripts = FlowWalk.library().translations().languages().stream()
                .collect(Collectors.toMap(Language::code, l -> String.valueOf(l.script())));
        assertEquals(Map.of("nl", "Latin", "en", "Latin", "tr", "Latin", "pl", "Latin", "ar", "Arabic"), scripts);
    }

    @Test
    void arabicLettersUnderALanguageWrittenInLatinAreStoredAsArabic() {
        String text = "الحديقة جميلة، والجيران طيبون.";
        assertEquals("ar", rule.of(text, "nl", "tr", "nl"), "Dutch left on from the last question, a Turkish resident");
        assertEquals("ar", rule.of(text, "tr", "tr", "nl"));
        assertEquals("ar", rule.of(text, "pl", "ar", "nl"), "the resident's language is Arabic");
        assertEquals("ar", rule.of(text, "en", "pl", "ar"), "the page's is");
        assertEquals("ar", rule.of("٣ أطفال في البيت (2024)", "nl", "tr", "nl"), "digits and brackets are no letters");
        assertEquals("ar", rule.of("جـــميل", "nl", "tr", "nl"), "nor is the tatweel that stretches a word");
    }

    @Test
    void latinLettersUnderArabicFollowTheResidentsLanguageElseThePagesElseDutch() {
        String text = "Het park is mooi.";
        assertEquals("tr", rule.of(text, "ar", "tr", "ar"), "a Turkish resident, an Arabic page: the resident's");
        assertEquals("nl", rule.of(text, "ar", "ar", "nl"), "an Arabic resident, a Dutch page: the page's");
        assertEquals("en", rule.of(text, "ar", "ar", "en"));
        assertEquals("nl", rule.of(text, "ar", "ar", "ar"), "both Arabic: the service's first language written in Latin");
        assertEquals("nl", rule.of(text, "ar", "ar", null), "no page language said");
    }

    @Test
    void mixedOrScriptlessTextAndTextInTheChosensScriptKeepTheChoice() {
        assertEquals("nl", rule.of("Het park in Kanaleneiland", "nl", "tr", "nl"));
        assertEquals("nl", rule.of("Parkta oturmak güzel", "nl", "tr", "nl"), "Turkish under Dutch: the same letters, nothing to tell");
        assertEquals("ar", rule.of("الحديقة في Kanaleneiland", "ar", "tr", "nl"), "mixed");
        assertEquals("nl", rule.of("الحديقة في Kanaleneiland", "nl", "tr", "nl"), "mixed");
        assertEquals("nl", rule.of("12 345 👍🏽 !?", "nl", "ar", "nl"), "digits and emoji");
        assertEquals("ar", rule.of("", "ar", "ar", "nl"));
        assertEquals("nl", rule.of("Привет соседи", "nl", "tr", "nl"), "no language here is written in Cyrillic");
        assertEquals("xx", rule.of("الحديقة", "xx", "tr", "nl"), "a language the service does not know: not judged");
    }

    @Test
    void aLanguageWhoseFileSaysNoScriptIsNotJudged() {
        TypedLanguage without = new TypedLanguage(List.of(new Language("nl", "Nederlands", "ltr", "Latin"),
                new Language("fy", "Frysk", "ltr"), new Language("ar", "العربية", "rtl", "Arabic")));
        assertEquals("fy", without.of("الحديقة", "fy", "nl", "nl"));
        assertEquals("ar", without.of("الحديقة", "nl", "fy", "nl"));
        assertEquals("nl", without.of("Het park", "ar", "fy", "ar"), "Frysk says no script, so it is never the one followed");
    }

    @Test
    void theTextsScriptIsTheOneOfAllItsLetters() {
        assertEquals(Optional.of(Character.UnicodeScript.ARABIC), TypedLanguage.scriptOf("نعم، ٢٠٢٤!"));
        assertEquals(Optional.of(Character.UnicodeScript.LATIN), TypedLanguage.scriptOf("Łódź, çok güzel"));
        assertEquals(Optional.empty(), TypedLanguage.scriptOf("نعم yes"));
        assertEquals(Optional.empty(), TypedLanguage.scriptOf("2024 – 👍"));
    }
}
