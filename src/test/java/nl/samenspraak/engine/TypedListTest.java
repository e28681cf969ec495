package nl.samenspraak.engine;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lists typed at the cultural interview's questions with several answers, with the labels it really has: a part that
 * names one option by the first words of its label ("Berbers" for "Berbers (Tamazight)"), labels with commas and an
 * "and" of their own ("Brieven en formulieren en Geld en schulden"), and Arabic's و written joined to the next word
 * ("العربية والتركية"). Each was refused, or cut into parts that named nothing.
 */
class TypedListTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final FlowLibrary LIBRARY = FlowWalk.library();
    private static final Flow INTERVIEW = LIBRARY.flow("cultureel-interview").orElseThrow();

    private final AnswerValidator validator = new AnswerValidator();

    private AnswerCheck check(String step, String typed, String language) {
        return validator.check(INTERVIEW.requireStep(step), typed,
                AnswerWords.of(LIBRARY.translations(), INTERVIEW.id(), language), TODAY);
    }

    private static List<String> values(String spaceSeparated) {
        return Arrays.stream(spaceSeparated.split(" ")).toList();
    }

    /** A part that is the first words of one option's label, or the label without its part in brackets. */
    @ParameterizedTest(name = "{0} at {1}: \"{2}\" is {3}")
    @CsvSource(delimiter = ';', value = {
            "nl; talen; Berbers; berbers",
            "nl; talen; Berbers, Turks; turks berbers",
            "nl; talen; Nederlands en Berbers; nederlands berbers",
            "en; talen; Dutch and Berber; nederlands berbers",
            "tr; talen; Türkçe ve Berberice; turks berbers",
            "pl; talen; Polski i Berberyjski; berbers pools",
            "nl; wie_beslist; Ikzelf, Mijn ouders; ikzelf ouders",
            "nl; wie_beslist; Andere familie en Mijn partner; partner andere_familie",
            "nl; praktische_zorgen; Brieven, Geld; formulieren schulden",
            "tr; vertrouwde_plekken; Aile hekimi, Mahalle merkezi; huisarts buurthuis",
            "ar; praktische_zorgen; الإعانة الاجتماعية، الرسائل; formulieren uitkering"})
    void aPartMayNameAnOptionByTheFirstWordsOfItsLabel(String language, String step, String typed, String expected) {
        AnswerCheck check = check(step, typed, language);
        assertTrue(check.valid(), typed + ": " + check.error() + " " + check.parameters());
        assertEquals(values(expected), check.value(), typed);
    }

    private static final Flow WERK_JIJ = LIBRARY.flow("werk-jij-diversiteitsproof").orElseThrow();

    private static AnswerCheck checkWerkJij(String typed, String language) {
        return new AnswerValidator().check(WERK_JIJ.requireStep("werkwijze_achtergrond"), typed,
                AnswerWords.of(LIBRARY.translations(), WERK_JIJ.id(), language), TODAY);
    }

    /**
     * A label's beginning names it only where the label pauses (a comma, a bracket, a word for "and" or "or"): "Of" was
     * the option "Of ze hebben moeten vluchten", so a question word stored that a family fled (the probe of December
     * 2026), in every language ("Czy", "هل", "Whether").
     */
    @ParameterizedTest(name = "{0}: \"{1}\" names nothing")
    @CsvSource(delimiter = '|', value = {
            "nl| Of", "nl| Uit", "nl| Welke", "en| Whether", "pl| Czy", "pl| Z", "ar| هل", "ar| من", "ar| كيف",
            "nl| Iets"})
    void aFirstWordWhereTheLabelGoesOnNamesNothing(String language, String typed) {
        AnswerCheck check = checkWerkJij(typed, language);
        assertEquals("error.multi_choice", check.error(), typed + " " + check.value());
    }

    @Test
    void aBeginningBeforeTheLabelsOwnPauseStillNamesIt() {
        assertEquals(List.of("streek", "jaren"), checkWerkJij("Uit welke streek ze komen en Hoe lang ze al in Nederland wonen", "nl").value());
        assertEquals(List.of("familie"), checkWerkJij("Którzy krewni", "pl").value(), "before its comma");
        assertEquals(values("ikzelf ouders"), check("wie_beslist", "Ikzelf, Mijn ouders", "nl").value(), "before its \"of\"");
        assertEquals(Map.of("answer", "Iemand"), check("wie_beslist", "Ikzelf, Iemand", "nl").parameters(),
                "\"Iemand anders\" goes on after it");
    }

    /**
     * A one-letter "and" is read joined to the next word only in a script that writes it so, and never before the first
     * part: Polish "i" read "iczy" as "czy", "&" joined anything, and "وكيف" alone named the option on upbringing.
     */
    @Test
    void onlyArabicsAndIsJoinedAndNeverBeforeTheFirstPart() {
        assertEquals("error.multi_choice", checkWerkJij("وكيف يفكر الوالدان أنفسهما في التربية", "ar").error());
        assertEquals(Map.of("answer", "iCzy musieli uciekać ze swojego kraju"),
                checkWerkJij("Jak długo mieszkają w Holandii, iCzy musieli uciekać ze swojego kraju", "pl").parameters());
        assertEquals(Map.of("answer", "&Turks"), check("talen", "Nederlands, &Turks", "nl").parameters());
        assertEquals(List.of("jaren", "opvoeding"), checkWerkJij("منذ متى يعيشون في هولندا وكيف يفكر الوالدان أنفسهما في التربية", "ar").value());
    }

    /** Strict: a part two labels begin with is not guessed, nor a word from the middle of a label. */
    @Test
    void aPartTwoLabelsBeginWithIsNotGuessed() {
        AnswerCheck two = check("wie_beslist", "Ikzelf, Mijn", "nl");
        assertEquals("error.multi_unknown", two.error(), "Mijn partner or Mijn ouders: not guessed");
        assertEquals(Map.of("answer", "Mijn"), two.parameters());
        assertEquals(Map.of("answer", "Tamazight"), check("talen", "Turks, Tamazight", "nl").parameters(),
                "the part in brackets alone is not the label's beginning");
        assertEquals(Map.of("answer", "Berb"), check("talen", "Turks, Berb", "nl").parameters(), "whole words only");
        assertEquals(Map.of("answer", "moskee"), check("vertrouwde_plekken", "De huisarts, moskee", "nl").parameters(),
                "\"De moskee, de kerk of een ander gebedshuis\" does not begin with it");
        assertEquals("error.multi_choice", check("talen", "Berb", "nl").error(), "one text that names nothing, as before");
        assertEquals("error.multi_choice", check("talen", "en Engels", "nl").error(),
                "a text that begins with \"and\" adds to an answer not typed here: never Engels alone");
    }

    /**
     * A label with commas or an "and" of its own, typed whole beside another: the longest whole label is read first, so
     * it stays one part ("Brieven en formulieren en Geld en schulden" was cut at every "en", and "Brieven" was no answer).
     */
    @ParameterizedTest(name = "{0} at {1}: \"{2}\" is {3}")
    @CsvSource(delimiter = '|', value = {
            "nl| praktische_zorgen| Brieven en formulieren en Geld en schulden| formulieren schulden",
            "nl| praktische_zorgen| Wonen en huisvesting en Brieven en formulieren, Iets anders| formulieren wonen anders",
            "nl| wie_beslist| Ikzelf en Andere familie, zoals broers, zussen, ooms of tantes| ikzelf andere_familie",
            "nl| wie_beslist| Andere familie, zoals broers, zussen, ooms of tantes en Mijn partner| partner andere_familie",
            "nl| vertrouwde_plekken| De huisarts en De moskee, de kerk of een ander gebedshuis| huisarts gebedshuis",
            "en| praktische_zorgen| Letters and forms and Money and debts| formulieren schulden",
            "tr| vertrouwde_plekken| Bebek ve çocuk sağlığı merkezi ve Cami, kilise veya başka bir ibadet yeri| consultatiebureau gebedshuis",
            "ar| wie_beslist| أنا و أقارب آخرون، مثل الإخوة والأخوات والأعمام والأخوال والعمات والخالات| ikzelf andere_familie"})
    void aLabelWithCommasOrAnAndOfItsOwnStaysOnePart(String language, String step, String typed, String expected) {
        AnswerCheck check = check(step, typed, language);
        assertTrue(check.valid(), typed + ": " + check.error() + " " + check.parameters());
        assertEquals(values(expected), check.value(), typed);
    }

    /** A part after a label is still said by name when it names nothing, and nothing is taken. */
    @Test
    void aPartAfterALabelWithAnAndThatNamesNothingIsSaid() {
        AnswerCheck check = check("praktische_zorgen", "Geld en schulden en Werk", "nl");
        assertEquals("error.multi_unknown", check.error());
        assertEquals(Map.of("answer", "Werk"), check.parameters());
    }

    /**
     * Arabic writes و ("and") joined to the word after it: "العربية والتركية" is Arabic and Turkish. A word is read
     * without its و only when it names no option itself and what follows the و does, so a label with a joined و of its
     * own ("المال والديون", "مركز رعاية الرضّع والأطفال") is never cut.
     */
    @ParameterizedTest(name = "{1}: \"{2}\" is {3}")
    @CsvSource(delimiter = '|', value = {
            "talen| العربية والتركية| turks arabisch",
            "talen| الهولندية والعربية والأمازيغية| nederlands arabisch berbers",
            "talen| العربية وَالتركية| turks arabisch",
            "talen| الهولندية، والإنجليزية| nederlands engels",
            "praktische_zorgen| الرسائل والاستمارات والمال والديون| formulieren schulden",
            "praktische_zorgen| المال والديون| schulden",
            "wie_beslist| أنا ووالداي| ikzelf ouders",
            "wie_beslist| والداي| ouders",
            "vertrouwde_plekken| طبيب العائلة ومركز رعاية الرضّع والأطفال| huisarts consultatiebureau"})
    void arabicAndIsJoinedToTheWordAfterIt(String step, String typed, String expected) {
        AnswerCheck check = check(step, typed, "ar");
        assertTrue(check.valid(), typed + ": " + check.error() + " " + check.parameters());
        assertEquals(values(expected), check.value(), typed);
    }

    @Test
    void anArabicPartThatNamesNothingIsSaidWholeAndNothingIsTaken() {
        AnswerCheck french = check("talen", "العربية والفرنسية", "ar");
        assertEquals("error.multi_unknown", french.error());
        assertEquals(Map.of("answer", "والفرنسية"), french.parameters(), "the word as typed, never cut");
        assertEquals("error.multi_choice", check("talen", "الفرنسية", "ar").error());
    }

    /** The caps stay: a long list of words that names nothing is refused, however it is typed. */
    @Test
    void aLongTypedTextIsRefusedWhole() {
        // how long the longest of these takes is for the turn benchmark, not a timed test; here: each is refused
        for (String typed : List.of("en ".repeat(1300), "Mijn kind ".repeat(390), "و".repeat(3900), "a".repeat(3999),
                "Brieven en formulieren en ".repeat(150))) {
            AnswerCheck check = check("sterke_kanten", typed, "nl");
            assertTrue(!check.valid(), typed.substring(0, 20));
            check = check("praktische_zorgen", typed, "ar");
            assertTrue(!check.valid(), typed.substring(0, 20));
        }
    }
}
