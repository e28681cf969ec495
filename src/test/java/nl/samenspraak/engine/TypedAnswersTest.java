package nl.samenspraak.engine;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.TestFlows;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What people type, read in the conversation's language as the engine does for every channel: dates as they
 * write them with their month names, Arabic-Indic and Persian digits and a decimal comma, yes and no and the
 * words of a scale's ends, and options that go with no other option.
 */
class TypedAnswersTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final FlowLibrary LIBRARY = FlowWalk.library();
    private static final Flow NUMBERS = TestFlows.parse("""
            id: numbers
            languages: [nl]
            steps:
              - id: n
                type: number
                source: s
            """);
    private static final Flow DATES = TestFlows.parse("""
            id: dates
            languages: [nl]
            steps:
              - id: any
                type: date
                source: s
              - id: past
                type: date
                optional: true
                notAfter: today
                source: s
              - id: future
                type: date
                notBefore: today
                source: s
              - id: window
                type: date
                notBefore: 2020-01-01
                notAfter: 2030-12-31
                source: s
              - id: next_year
                type: date
                notBefore: 2027-01-01
                notAfter: 2027-12-31
                source: s
              - id: last_year
                type: date
                notBefore: 2025-01-01
                notAfter: 2025-12-31
                source: s
            """);

    private final AnswerValidator validator = new AnswerValidator();

    private AnswerCheck check(Flow flow, String step, Object raw, String language) {
        return validator.check(flow.requireStep(step), raw, AnswerWords.of(LIBRARY.translations(), flow.id(), language), TODAY);
    }

    private static Flow flow(String id) {
        return LIBRARY.flow(id).orElseThrow();
    }

    @ParameterizedTest(name = "{0}: \"{1}\" is {2}")
    @CsvSource(delimiter = ';', value = {
            "nl; 1-12-2026; 2026-12-01", "nl; 01/12/2026; 2026-12-01", "nl; 1.12.26; 2026-12-01",
            "nl; 1 december 2026; 2026-12-01", "nl; 1 dec. 2026; 2026-12-01", "nl; 2026-12-01; 2026-12-01",
            "nl; 3 mrt 2025; 2025-03-03", "nl; 31 mei 1990; 1990-05-31",
            "en; 1 December 2026; 2026-12-01", "en; December 1st, 2026; 2026-12-01", "en; 1/12/2026; 2026-12-01",
            "en; 4 Jul 2025; 2025-07-04",
            "tr; 1 Aralık 2026; 2026-12-01", "tr; 1 aralik 2026; 2026-12-01", "tr; 15 Şubat 2024; 2024-02-15",
            "tr; 1.12.2026; 2026-12-01",
            "ar; ١ ديسمبر ٢٠٢٦; 2026-12-01", "ar; 1 كانون الأول 2026; 2026-12-01", "ar; ١/١٢/٢٠٢٦; 2026-12-01",
            "ar; ۱ دسامبر; ", "ar; 5 أيار 2025; 2025-05-05", "ar; ٥ ايار ٢٠٢٥; 2025-05-05",
            "pl; 1 grudnia 2026; 2026-12-01", "pl; 1 grudzień 2026; 2026-12-01", "pl; 1.12.2026; 2026-12-01",
            "pl; 3 września 2025; 2025-09-03"})
    void datesAsPeopleWriteThemInTheirLanguage(String language, String typed, String expected) {
        AnswerCheck check = check(DATES, "any", typed, language);
        if (expected == null) {
            assertEquals("error.date", check.error(), typed + " is no date in " + language);
        } else {
            assertTrue(check.valid(), typed + ": " + check.error());
            assertEquals(expected, check.value());
        }
    }

    /**
     * Dates as a phone or a copied message makes them: Arabic-Indic digits between the isolates an Arabic text puts
     * around numbers (U+2066-U+2069), with right-to-left and Arabic letter marks (U+200F, U+061C, U+200E) or the Arabic
     * date separator (U+060D); full-width digits; a non-breaking hyphen (U+2011) or an en dash between day and month.
     * The isolates, the separator, the full-width digits and the dashes were "not a date".
     */
    @ParameterizedTest(name = "{0}: \"{1}\" is {2}")
    @CsvSource(delimiter = ';', value = {
            "ar; \u2067\u0661/\u0661\u0662/\u0662\u0660\u0662\u0666\u2069; 2026-12-01",
            "ar; \u2066\u0661\u2011\u0661\u0662\u2011\u0662\u0660\u0662\u0666\u2069; 2026-12-01",
            "ar; \u200F\u0661\u200F/\u061C\u0661\u0662/\u200E\u0662\u0660\u0662\u0666\u200F; 2026-12-01",
            "ar; \u0661\u060D\u0661\u0662\u060D\u0662\u0660\u0662\u0666; 2026-12-01",
            "ar; \u2067\u0661 \u062F\u064A\u0633\u0645\u0628\u0631 \u0662\u0660\u0662\u0666\u2069; 2026-12-01",
            "nl; \uFF11-\uFF11\uFF12-\uFF12\uFF10\uFF12\uFF16; 2026-12-01",
            "nl; 1\u201112\u20112026; 2026-12-01", "nl; 1\u201312\u20132026; 2026-12-01",
            "nl; 1\u00A0december\u00A02026; 2026-12-01", "tr; \u200B1.12.2026; 2026-12-01"})
    void datesAsAPhoneOrACopyMakesThem(String language, String typed, String expected) {
        AnswerCheck check = check(DATES, "any", typed, language);
        assertTrue(check.valid(), typed + ": " + check.error());
        assertEquals(expected, check.value());
    }

    @Test
    void monthNamesAreTheLanguagesOwn() {
        assertEquals("error.date", check(DATES, "any", "1 december 2026", "ar").error(), "a Dutch month name in Arabic");
        assertEquals("error.date", check(DATES, "any", "1 grudnia 2026", "nl").error(), "a Polish month name in Dutch");
        for (String impossible : List.of("31-02-2026", "13/13/2026", "morgen", "1 december 20260", "32 december", "december"))
            assertEquals("error.date", check(DATES, "any", impossible, "nl").error(), impossible);
    }

    @Test
    void aDateWithoutYearIsTheNearestTheStepAllows() {
        assertEquals("2026-12-01", check(DATES, "any", "1 december", "nl").value(), "no bound: this year");
        assertEquals("2025-12-01", check(DATES, "past", "1 december", "nl").value(), "not in the future: last year");
        assertEquals("2026-11-01", check(DATES, "past", "1 november", "nl").value());
        assertEquals("2027-03-01", check(DATES, "future", "1 maart", "nl").value(), "not in the past: next year");
        assertEquals("1999-01-01", check(DATES, "past", "1-1-99", "nl").value(), "a two-digit year not in the future");
    }

    /**
     * The Telegram probe of 6 December 2026: a date typed without its year is that day in the year nearest to today,
     * as far as the question's bounds allow. "5 januari" typed in December was last January, eleven months back, where
     * the person meant next month; a question about next year (or last year) refused the day its bounds name.
     */
    @Test
    void aDateWithoutYearIsThatDayNearestToTodayThatTheQuestionAllows() {
        ConversationEngine engine = new ConversationEngine(java.time.Clock.fixed(
                java.time.Instant.parse("2026-12-06T22:30:00Z"), java.time.ZoneId.of("Europe/Amsterdam")));
        AnswerWords dutch = AnswerWords.of(LIBRARY.translations(), DATES.id(), "nl");
        java.util.function.BiFunction<String, String, Object> typed = (step, text) -> {
            Outcome outcome = engine.answer(DATES, new Progress(List.of(), Map.of(), step, Status.ACTIVE), step, text, dutch);
            return outcome instanceof Outcome.Accepted a ? a.value() : ((Outcome.Invalid) outcome).message();
        };
        assertEquals("2026-12-07", typed.apply("any", "7 december"), "tomorrow");
        assertEquals("2026-12-01", typed.apply("any", "1 december"), "last week");
        assertEquals("2027-01-05", typed.apply("any", "5 januari"), "next month, not eleven months ago");
        assertEquals("2026-06-30", typed.apply("any", "30 juni"), "the nearer of two half years");
        assertEquals("2027-01-05", typed.apply("window", "5 januari"), "bounds years apart: the nearest still");
        assertEquals("2027-12-07", typed.apply("next_year", "7 december"), "the year the question's bounds name");
        assertEquals("2025-12-01", typed.apply("last_year", "1 december"), "the year the question's bounds name");
        assertEquals("2025-12-07", typed.apply("past", "7 december"), "not after today: the last 7 December that was");
        assertEquals("2027-12-01", typed.apply("future", "1 december"), "not before today: the next 1 December to come");
        assertEquals("error.date", typed.apply("any", "29 februari"), "no 29 February in 2025, 2026 or 2027");
    }

    @Test
    void aDateOutsideItsBoundsGetsItsOwnMessage() {
        assertEquals("error.date_not_after_today", check(DATES, "past", "1-12-2026", "nl").error());
        assertTrue(check(DATES, "past", "20-11-2026", "nl").valid(), "today itself is allowed");
        assertEquals("error.date_not_before_today", check(DATES, "future", "19-11-2026", "nl").error());
        AnswerCheck early = check(DATES, "window", "31-12-2019", "nl");
        assertEquals("error.date_not_before", early.error());
        assertEquals(Map.of("date", "1 januari 2020"), early.parameters(), "the bound as people write it");
        assertEquals(Map.of("date", "31 grudnia 2030"), check(DATES, "window", "2031-01-01", "pl").parameters());
    }

    @Test
    void anInvalidAnswerToAnOptionalQuestionGetsTheMessageNotASkip() {
        assertEquals("error.date", check(DATES, "past", "gisteren ofzo", "nl").error());
        AnswerCheck skip = check(DATES, "past", null, "nl");
        assertTrue(skip.valid());
        assertNull(skip.value());
    }

    /**
     * A number is repeated (the echo, the transcript) as the person's language writes it, the stored value staying
     * 5.5: "5,5" typed in Dutch came back as "5.5". A decimal comma in Dutch, Turkish, Polish and Arabic (whose own
     * messages write "1,5"), a point in English; a whole number as it is.
     */
    @ParameterizedTest(name = "{0}: {1} is written {2}")
    @CsvSource(delimiter = ';', value = {"nl; 5.5; 5,5", "tr; 5.5; 5,5", "pl; 7.25; 7,25", "ar; 12.5; 12,5", "en; 5.5; 5.5",
            "nl; 12; 12", "nl; -3.5; -3,5", "nl; 1000000; 1000000", "nl; 0.000015; 0,000015"})
    void aNumberIsWrittenAsItsLanguageWritesIt(String language, String stored, String written) {
        Object value = stored.contains(".") ? (Object) Double.parseDouble(stored) : (Object) Long.parseLong(stored);
        assertEquals(written, AnswerWords.of(LIBRARY.translations(), "voorbeeld", language).number(value));
        assertEquals(stored, AnswerWords.none().number(value), "without words: with a point");
    }

    @ParameterizedTest(name = "{0}: \"{1}\" is {2}")
    @CsvSource(delimiter = ';', value = {"nl; ١٢; 12", "ar; ١٢; 12", "ar; ۱۲; 12", "ar; ١٢٫٥; 12.5", "nl; 12,5; 12.5",
            "pl; 7,25; 7.25", "ar; −٣; -3", "ar; \u2067\u0661\u0662\u2069; 12", "ar; \u200F\u0661\u0662\u061C; 12",
            "nl; \uFF11\uFF12; 12", "nl; \uFF11\uFF12\uFF0C\uFF15; 12.5", "nl; \u20133; -3", "tr; \u200B7; 7"})
    void numbersInArabicIndicAndPersianDigitsAndWithADecimalComma(String language, String typed, String expected) {
        AnswerCheck check = check(NUMBERS, "n", typed, language);
        assertTrue(check.valid(), typed + ": " + check.error());
        assertEquals(Double.parseDouble(expected), ((Number) check.value()).doubleValue());
    }

    /** A superscript, a fraction or a circled digit is not a digit the person typed: "10²" is not 102. */
    @ParameterizedTest(name = "\"{0}\" is refused")
    @CsvSource(delimiter = ';', value = {"10\u00B2", "1\u00BD", "\u2460\u2461", "3\u2082"})
    void anotherKindOfNumberIsRefusedNotReadAsDigits(String typed) {
        AnswerCheck check = check(NUMBERS, "n", typed, "nl");
        assertFalse(check.valid(), typed + " was read as " + check.value());
        assertEquals("error.number", check.error());
    }

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource(delimiter = ';', value = {"nl; Ja; nee", "nl; j; Neen", "en; Yes; no", "en; yes!; No.", "tr; Evet; hayır",
            "tr; EVET; HAYIR", "ar; نعم; لا", "ar; نَعَم; كلا", "pl; Tak; nie"})
    void typedYesAndNoInTheConversationsLanguage(String language, String yes, String no) {
        Flow wijkanalyse = flow("wijkanalyse");
        assertEquals(Step.YES, check(wijkanalyse, "kinderen_thuis", yes, language).value());
        assertEquals(Step.NO, check(wijkanalyse, "kinderen_thuis", no, language).value());
        assertEquals(Step.YES, check(wijkanalyse, "kinderen_thuis", "ja", language).value(), "the value itself, as the API sends it");
    }

    @Test
    void yesInAnotherLanguageIsNotGuessed() {
        assertEquals("error.choice", check(flow("wijkanalyse"), "kinderen_thuis", "yes", "nl").error());
        assertEquals("error.choice", check(flow("wijkanalyse"), "kinderen_thuis", "evet", "pl").error());
    }

    @ParameterizedTest(name = "{0}: {1} / {2} / {3}")
    @CsvSource(delimiter = ';', value = {"nl; nooit; Altijd; weet ik niet", "en; never; always; I don't know",
            "tr; hiçbir zaman; her zaman; bilmiyorum", "ar; أبدا; دائماً; لا أعرف", "pl; nigdy; zawsze; nie wiem"})
    void aScaleTakesTheWordsOfItsEndsAndDontKnow(String language, String low, String high, String dontKnow) {
        Flow selfReflection = flow("werk-jij-diversiteitsproof");
        assertEquals(1L, check(selfReflection, "houding_nieuwsgierig", low, language).value());
        assertEquals(5L, check(selfReflection, "houding_nieuwsgierig", high, language).value());
        assertEquals(Step.DONT_KNOW, check(selfReflection, "houding_nieuwsgierig", dontKnow, language).value());
        assertEquals(4L, check(selfReflection, "houding_nieuwsgierig", "٤", language).value());
        assertEquals("error.scale", check(selfReflection, "houding_nieuwsgierig", "soms", language).error(),
                "a middle point has no words of its own");
    }

    /**
     * A point of a scale, or a number, typed as a word ("drie"): read as the number in the conversation's language,
     * as a chat in words or a phone's keyboard completing one writes it. It was "Kies een getal van 1 tot 5".
     */
    @ParameterizedTest(name = "{0}: {1} is 3, {2} is 10")
    @CsvSource(delimiter = ';', value = {"nl; Drie; tien", "en; three; Ten", "tr; üç; on", "ar; ثلاثة; عشرة", "pl; trzy; dziesięć"})
    void aNumberTypedAsAWordIsThatNumberInTheConversationsLanguage(String language, String three, String ten) {
        Flow selfReflection = flow("werk-jij-diversiteitsproof");
        assertEquals(3L, check(selfReflection, "houding_nieuwsgierig", three, language).value());
        assertEquals("error.scale", check(selfReflection, "houding_nieuwsgierig", ten, language).error(), "beyond the scale as 10 is");
        assertEquals(3L, check(NUMBERS, "n", three, language).value(), "a number question");
        assertEquals(10L, check(NUMBERS, "n", ten, language).value());
    }

    @Test
    void aNumberWordIsReadInItsOwnLanguageAndAsAWholeAnswerOnly() {
        assertEquals(1L, check(NUMBERS, "n", "één", "nl").value(), "with its accents");
        assertEquals(1L, check(NUMBERS, "n", "een", "nl").value(), "and without");
        assertEquals(3L, check(NUMBERS, "n", "ثلاث", "ar").value(), "the form before a feminine noun");
        assertEquals(3L, check(NUMBERS, "n", "ثلاثه", "ar").value(), "teh marbuta written as heh");
        assertEquals("error.number", check(NUMBERS, "n", "three", "nl").error(), "an English word in a Dutch conversation");
        assertEquals("error.number", check(NUMBERS, "n", "drie kinderen", "nl").error(), "a word among others");
        assertEquals("error.number", check(NUMBERS, "n", "dertien", "nl").error(), "beyond ten");
        assertEquals("error.number", check(NUMBERS, "n", "drie" + " ".repeat(100_000), "nl").error(), "a long text is no word");
        assertEquals("error.number", validator.check(NUMBERS.requireStep("n"), "drie").error(), "without words, digits only");
    }

    @Test
    void aChoiceTakesItsOptionsLabel() {
        assertEquals("soms", check(flow("wijkanalyse"), "informatie_krijgen", "Soms", "nl").value());
        assertEquals("vaak", check(flow("wijkanalyse"), "informatie_krijgen", "كثيرا", "ar").value());
        assertEquals("error.choice", check(flow("wijkanalyse"), "informatie_krijgen", "misschien", "nl").error());
    }

    @Test
    void anExclusiveOptionGoesWithNoOther() {
        Flow selfReflection = flow("werk-jij-diversiteitsproof");
        AnswerCheck both = check(selfReflection, "werkwijze_achtergrond", List.of("streek", "geen"), "nl");
        assertEquals("error.multi_exclusive", both.error());
        assertEquals(Map.of("answer", "Geen van deze"), both.parameters(), "the message names the option");
        assertEquals(Map.of("answer", "لا شيء مما سبق"),
                check(selfReflection, "werkwijze_achtergrond", List.of("geen", "jaren"), "ar").parameters());
        assertEquals("error.multi_exclusive",
                check(selfReflection, "werkwijze_achtergrond", List.of("streek", "weet-niet"), "nl").error(), "don't know neither");
        assertEquals(List.of("geen"), check(selfReflection, "werkwijze_achtergrond", List.of("geen"), "nl").value());
        assertEquals(List.of("streek", "jaren"),
                check(selfReflection, "werkwijze_achtergrond", List.of("jaren", "streek"), "nl").value());
        assertTrue(selfReflection.requireStep("werkwijze_achtergrond").option("geen").orElseThrow().exclusive());
        assertFalse(selfReflection.requireStep("werkwijze_achtergrond").option("streek").orElseThrow().exclusive());
    }

    /**
     * A list typed for a question with several answers, as people type one: "Nederlands, Turks" was read as one
     * answer and refused. Each part is an option now (commas, semicolons, lines, the language's "and", Arabic's
     * comma); a part that names no option is named in the refusal and nothing is taken, never the parts that did.
     */
    @Test
    void aTypedListAnswersAQuestionWithSeveralAnswers() {
        Flow voorbeeld = flow("voorbeeld");
        assertEquals(List.of("nederlands", "turks"), check(voorbeeld, "talen", "Nederlands, Turks", "nl").value());
        assertEquals(List.of("nederlands", "turks", "pools"), check(voorbeeld, "talen", "turks; Pools\nnederlands", "nl").value());
        assertEquals(List.of("nederlands", "turks"), check(voorbeeld, "talen", "Nederlands en Turks", "nl").value());
        assertEquals(List.of("turks", "engels"), check(voorbeeld, "talen", "Turkish and English", "en").value());
        assertEquals(List.of("nederlands", "turks", "arabisch"), check(voorbeeld, "talen", "Nederlands, Turks en Arabisch", "nl").value());
        assertEquals(List.of("turks"), check(voorbeeld, "talen", "Turks", "nl").value(), "one option as before");

        AnswerCheck unknown = check(voorbeeld, "talen", "Nederlands, Frans", "nl");
        assertEquals("error.multi_unknown", unknown.error(), "never Nederlands alone, silently");
        assertEquals(Map.of("answer", "Frans"), unknown.parameters(), "the part is named");
        assertEquals(Map.of("answer", "Frans"), check(voorbeeld, "talen", "Nederlands en Frans", "nl").parameters());
        assertEquals("error.multi_choice", check(voorbeeld, "talen", "Frans", "nl").error(), "one word, as before");
        assertEquals("error.multi_max", check(voorbeeld, "talen", "Nederlands, Turks, Pools, Engels", "nl").error());
        assertEquals(Map.of("answer", "x".repeat(59) + "\u2026"), check(voorbeeld, "talen", "Turks, " + "x".repeat(500), "nl").parameters(),
                "a long part is named by its beginning");
        assertEquals(List.of("streek", "jaren"), check(flow("werk-jij-diversiteitsproof"), "werkwijze_achtergrond",
                        "streek ,\u00a0jaren\u202f", "nl").value(),
                "a no-break space after the comma is a space: \"\u00a0jaren\" was named as no answer");
        // longer than forty options could be: refused as a whole at once, not read part by part (a quarter megabyte of
        // it took seconds of CPU per request)
        assertEquals("error.multi_choice", check(voorbeeld, "talen", ("\uFDFA".repeat(2090) + ",").repeat(40), "nl").error());

        Flow wijk = flow("werk-jij-diversiteitsproof");
        Step multi = wijk.steps().stream().filter(s -> s.type() == nl.samenspraak.flow.StepType.MULTI)
                .filter(s -> s.options().stream().filter(o -> !o.standsAlone()).count() >= 2).findFirst().orElseThrow();
        List<nl.samenspraak.flow.Option> two = multi.options().stream().filter(o -> !o.standsAlone()).limit(2).toList();
        AnswerWords arabic = AnswerWords.of(LIBRARY.translations(), wijk.id(), "ar");
        String typed = arabic.label(multi, two.get(0)).orElseThrow() + "، " + arabic.label(multi, two.get(1)).orElseThrow();
        assertEquals(List.of(two.get(0).value(), two.get(1).value()),
                check(wijk, multi.id(), typed, "ar").value(), "Arabic's comma: " + typed);
    }

    @Test
    void theEngineReadsTypedWordsWithTheConversationsLanguageAndItsClock() {
        Flow voorbeeld = flow("voorbeeld");
        ConversationEngine engine = new ConversationEngine(java.time.Clock.fixed(
                TODAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), java.time.ZoneOffset.UTC));
        Progress at = new Progress(List.of(), Map.of(), "laatste_gesprek", Status.ACTIVE);
        Outcome future = engine.answer(voorbeeld, at, "laatste_gesprek", "1 december 2026", AnswerWords.of(LIBRARY.translations(), "voorbeeld", "nl"));
        assertEquals("error.date_not_after_today", ((Outcome.Invalid) future).message());
        Outcome past = engine.answer(voorbeeld, at, "laatste_gesprek", "1 december", AnswerWords.of(LIBRARY.translations(), "voorbeeld", "nl"));
        assertEquals("2025-12-01", ((Outcome.Accepted) past).value());
    }
}
