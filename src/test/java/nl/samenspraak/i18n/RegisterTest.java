package nl.samenspraak.i18n;

import nl.samenspraak.flow.Flow;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Residents and clients are addressed politely in every text they read, the shared messages included: Dutch "u"
 * (never je/jij/jouw), Turkish "siz" (never sen-forms), Arabic the plural of respect (never the singular "you"),
 * Polish impersonal forms or "Pan"/"Pani" without slash forms like "Pan/Pani" (never ty-forms). English has no
 * polite form to check. A flow keeps its register by giving its own words for a shared message (its
 * {@code messages:}).
 *
 * The markers are words that only the informal or singular address uses, chosen so that a match is a real finding:
 * Polish 2nd-person verb forms and ty-pronouns, Turkish sen-pronouns and 2nd-person singular verb endings after a
 * tense or modal suffix, Arabic pronoun suffixes of the singular "you" (لك، عليك، ...تك) and the singular "أنت".
 * Imperatives (Polish "Wybierz", Arabic "اختر") count only in sentences: a one-word button is not an address.
 * While this test was written it failed on the shared messages, before the resident flows had their own words:
 * dozens of Polish ones ("Wpisz odpowiedź jako tekst.", "Twój kod") and Arabic ones ("اكتب إجابتك نصًا.",
 * "مرحبًا بك"), a dozen Dutch ones ("Je antwoorden zijn gewist"), and every Polish slash form ("Pana/Pani"); and
 * again on one Polish message put back to the shared "Twój kod". {@link #theMarkersCatchInformalAddress} keeps
 * showing that the markers catch what they are for and leave polite text alone.
 */
class RegisterTest {
    private static final String LETTER = "[\\p{L}\\p{M}]";

    /** Any of {@code words} as a whole word, case-insensitive. */
    private static Pattern words(String... words) {
        return Pattern.compile("(?<!" + LETTER + ")(?:" + String.join("|", words) + ")(?!" + LETTER + ")",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static final Map<String, Pattern> INFORMAL = Map.of(
            "nl", words("je", "jij", "jou", "jouw", "jezelf", "jullie"),
            "tr", Pattern.compile(words("sen", "seni", "sana", "senin", "sende", "senden", "seninle").pattern()
                    + "|(?<!" + LETTER + ")\\p{L}+(?:yor|ebilir|abilir|malı|meli|acak|ecek)s[ıiuü]n(?!" + LETTER + ")"
                    + "|(?<!" + LETTER + ")m[ıiuü]s[ıiuü]n(?!" + LETTER + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
            "pl", Pattern.compile(words("ty", "ciebie", "cię", "tobie", "tobą", "twój", "twoja", "twoje", "twojego",
                    "twojej", "twojemu", "twoim", "twoją", "twoich", "twoimi", "możesz", "chcesz", "masz", "jesteś",
                    "wiesz", "kontynuujesz", "zrobisz", "zobaczysz", "widzisz", "powiesz", "potrzebujesz", "pracujesz",
                    "robisz", "zapisujesz", "postępujesz", "musisz", "mógłbyś", "mogłabyś", "byłeś", "byłaś",
                    "powinieneś", "powinnaś", "witaj", "skończyłeś", "poprawiłeś", "ukończyłeś").pattern()
                    // a slash form: "Pana/Pani", "korzystał Pan / korzystała Pani", "Urodziłem/urodziłam", "odpowiedziałeś/-aś"
                    // (a command after a space, "poleceniem /hervat", is not one)
                    + "|\\p{L}/\\s?-?\\p{L}|\\p{L}\\s/\\s-?\\p{L}", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
            "ar", Pattern.compile(words("أنت", "لك", "بك", "عليك", "إليك", "منك", "معك", "عنك", "لديك", "بإمكانك",
                    "يمكنك", "رمزك",
                    // the singular "you" of the past tense in the bot's words: "you went back", "you stopped", "you edited"
                    "رجعت", "توقفت", "عدلت", "أعطيتها", "أجبت", "لست").pattern() + "|(?<!" + LETTER + ")\\p{L}+تك(?!" + LETTER + ")"));

    private static final Map<String, Pattern> INFORMAL_IMPERATIVE = Map.of(
            "pl", words("wybierz", "wybieraj", "wpisz", "spróbuj", "sprawdź", "użyj", "włącz", "zachowaj", "zapytaj", "poproś",
                    "zadzwoń", "powiedz", "zrób", "kliknij", "zacznij", "dotknij", "stuknij", "popraw", "napisz", "pisz",
                    "porozmawiaj", "wróć", "cofnij", "wstrzymaj", "kontynuuj", "zobacz", "usuń"),
            "ar", words("اختر", "اكتب", "حاول", "أرسل", "استخدم", "شغل", "احفظ", "احذف", "قارن", "انسخ", "ابدأ",
                    "تخط", "اطبع", "اضغط", "امسح", "ارجع", "اعرض", "اطلب"),
            // the sen-imperative is the bare stem ("ver", "sağla"); the siz one ends in -in ("verin", "sağlayın")
            "tr", words("ver", "sağla", "seç", "yaz", "gir", "dokun", "tara", "dene", "sor", "iste", "gönder", "kaydet",
                    "bekle"));

    /**
     * What a resident reads on the pages an intermediair sends them to, in shared words that no flow words (the page a
     * resident link or its QR code opens, /r/; a result handed over to their phone, /h/; the code to have a
     * conversation deleted, shown to them in the intermediair's chat). The rest of {@code intermediair.*} and
     * {@code assisted.*} is the intermediair's own.
     */
    static final List<String> RESIDENT_PAGES = List.of("intermediair.resident_intro", "intermediair.resident_start",
            "intermediair.resident_gone_title", "intermediair.resident_gone", "assisted.resident_code_title",
            "assisted.resident_code_text", "handover.title", "handover.valid_until", "handover.gone_title", "handover.gone");

    /**
     * Languages that address professionals politely too: Turkish staff pages say "siz" (as the Turkish professional
     * flows do), where Dutch, Arabic and Polish ones use the familiar "je", the singular and "Ty".
     */
    static final java.util.Set<String> PROFESSIONALS_ADDRESSED_POLITELY = java.util.Set.of("tr");

    /**
     * The one word for "de medewerker" (the intermediair, as a resident is told to ask them) on the resident's pages,
     * as {@code web.resume_held*} have it: the link's page and the handed-over result's page named them differently
     * in Turkish ("Görevliden", "Çalışandan") and English ("staff member", "worker").
     */
    static final Map<String, String> STAFF_MEMBER = Map.of("nl", "medewerker", "en", "worker", "ar", "موظف",
            "pl", "pracowni", "tr", "çalışan");

    /** Languages whose address has no polite and familiar forms to tell apart. */
    private static final java.util.Set<String> ONE_REGISTER = java.util.Set.of("en");

    /** The languages the register is checked in: every language the service speaks that has two. */
    static java.util.stream.Stream<String> politeLanguages() {
        return INFORMAL.keySet().stream().sorted();
    }

    /**
     * A language added to {@code locales/} needs no Java in the service, but its register is checked only once this
     * test knows its informal markers: until then this fails and says so, rather than checking nothing.
     */
    @org.junit.jupiter.api.Test
    void everyLanguageTheServiceSpeaksHasItsRegisterChecked() {
        List<String> unchecked = FlowWalk.library().translations().languages().stream().map(nl.samenspraak.i18n.Language::code)
                .filter(code -> !INFORMAL.containsKey(code) && !ONE_REGISTER.contains(code)).toList();
        assertEquals(List.of(), unchecked, "add their informal markers to RegisterTest.INFORMAL (or the language to ONE_REGISTER)");
    }

    /**
     * Our failure and an outage are told outside any flow's own words (the web's failure page, the outage's 503, the
     * bot's apology when an update fails: none knows the flow), so a resident reads the shared text. It addresses
     * nobody informally ("Je eerdere antwoorden", "إجاباتك ... حاول", "spróbuj" did).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("politeLanguages")
    void theSharedApologyAndOutageKeepThePoliteRegister(String language) {
        List<String> problems = new ArrayList<>();
        for (String key : List.of("error.internal", "error.unavailable")) {
            String text = FlowWalk.library().translations().message(language, key);
            List<String> markers = informal(language, text);
            if (!markers.isEmpty()) {
                problems.add(key + " " + markers + ": " + text);
            }
        }
        assertEquals(List.of(), problems, problems.size() + " shared messages break the register");
    }

    /** The informal markers in {@code text} of {@code language}, empty when it keeps the polite register. */
    static List<String> informal(String language, String text) {
        String plain = ResidentTexts.plain(text);
        List<String> found = new ArrayList<>();
        Matcher m = INFORMAL.get(language).matcher(plain);
        while (m.find()) {
            found.add(m.group());
        }
        Pattern imperative = INFORMAL_IMPERATIVE.get(language);
        if (imperative != null && plain.strip().matches("(?s).*[.?!؟]$")) {
            Matcher i = imperative.matcher(plain);
            while (i.find()) {
                found.add(i.group());
            }
        }
        return found;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("politeLanguages")
    void residentFlowsKeepThePoliteRegisterInEveryTextTheyShow(String language) {
        List<String> problems = new ArrayList<>();
        List<Flow> flows = ResidentTexts.residentFlows(FlowWalk.library());
        assertTrue(flows.stream().map(Flow::id).toList().containsAll(List.of("wijkanalyse", "cultureel-interview")), flows.toString());
        for (Flow flow : flows) {
            if (!flow.speaks(language)) {
                continue;
            }
            ResidentTexts.of(FlowWalk.library(), flow, language).forEach((key, text) -> {
                List<String> markers = informal(language, text);
                if (!markers.isEmpty()) {
                    problems.add(flow.id() + " " + key + " " + markers + ": " + text);
                }
            });
        }
        assertEquals(List.of(), problems, problems.size() + " texts break the register");
    }

    /**
     * Telegram's command menu is set once per language (setMyCommands), not per chat, so a resident reads the shared
     * words there whatever their flow says: they address nobody (infinitives, verbal nouns), informal forms and
     * imperatives alike. It failed before on "Kies je taal", "Wybierz swój język" and "اختر لغتك".
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("politeLanguages")
    void theCommandMenuSharedByEveryFlowAddressesNobodyInformally(String language) {
        Map<String, String> menu = FlowWalk.library().translations().messages(language, "telegram.commands.");
        assertTrue(menu.size() >= 9, menu.toString());
        List<String> problems = new ArrayList<>();
        menu.forEach((key, text) -> {
            List<String> markers = new ArrayList<>(informal(language, text));
            Pattern imperative = INFORMAL_IMPERATIVE.get(language);
            if (imperative != null) {
                Matcher i = imperative.matcher(ResidentTexts.plain(text));
                while (i.find()) {
                    markers.add(i.group());
                }
            }
            if (!markers.isEmpty()) {
                problems.add(key + " " + markers + ": " + text);
            }
        });
        assertEquals(List.of(), problems);
    }

    /**
     * The pages an intermediair sends a resident to keep the resident's register, though no flow words them. It
     * failed on the Arabic singular ("تُحتسب إجاباتك ... يشير إليك", "اطلب من الموظف") beside the plural of the
     * handed-over result ("اطلبوا"), and on the Polish slash form ("Pana/Pani odpowiedzi ... na Pana/Panią").
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("politeLanguages")
    void thePagesAnIntermediairSendsAResidentToKeepThePoliteRegister(String language) {
        List<String> problems = new ArrayList<>();
        for (String key : RESIDENT_PAGES) {
            String text = FlowWalk.library().translations().message(language, key);
            List<String> markers = informal(language, text);
            if (!markers.isEmpty()) {
                problems.add(key + " " + markers + ": " + text);
            }
        }
        assertEquals(List.of(), problems, problems.size() + " texts for a resident break the register");
    }

    /**
     * Where a language addresses professionals politely, an intermediair's own pages do so throughout: the Turkish
     * ones mixed "sağlayın" and "siz görürsünüz" with "sağla ... senin açıklamaların", "Bu kodu sakine ver ... sen
     * ... devam edersin" and "sen silene kadar", and this failed on those.
     */
    @Test
    void anIntermediairsOwnPagesKeepOneRegister() {
        List<String> problems = new ArrayList<>();
        for (String language : PROFESSIONALS_ADDRESSED_POLITELY) {
            for (String prefix : List.of("intermediair.", "assisted.")) {
                FlowWalk.library().translations().messages(language, prefix).forEach((key, text) -> {
                    List<String> markers = informal(language, text);
                    if (!markers.isEmpty()) {
                        problems.add(language + " " + prefix + key + " " + markers + ": " + text);
                    }
                });
            }
        }
        assertEquals(List.of(), problems, problems.size() + " texts for an intermediair break their register");
    }

    /**
     * Where a language addresses professionals politely, so does every shared message of it, whoever reads it: a
     * professional flow speaks the shared words (Turkish {@code result.round_closed} said "sen bitirdiğinde ... senin
     * için" at the top of a professional's result while every other Turkish text said "siz", and this failed on it),
     * and a resident flow words a shared message its own way only where it must.
     */
    @Test
    void everySharedMessageKeepsTheRegisterOfALanguageThatAddressesProfessionalsPolitely() {
        List<String> problems = new ArrayList<>();
        for (String language : PROFESSIONALS_ADDRESSED_POLITELY) {
            FlowWalk.library().translations().messages(language, "").forEach((key, text) -> {
                List<String> markers = informal(language, text);
                if (!markers.isEmpty()) {
                    problems.add(language + " " + key + " " + markers + ": " + text);
                }
            });
        }
        assertEquals(List.of(), problems, problems.size() + " shared messages break the register");
    }

    /** A resident told to ask the medewerker reads the same word for them on each page that says so. */
    @Test
    void theResidentsPagesNameTheMedewerkerOneWay() {
        List<String> problems = new ArrayList<>();
        for (Language l : FlowWalk.library().translations().languages()) {
            String word = STAFF_MEMBER.get(l.code());
            assertTrue(word != null, "add the word for \"medewerker\" in " + l.code() + " to RegisterTest.STAFF_MEMBER");
            for (String key : RESIDENT_PAGES) {
                String dutch = FlowWalk.library().translations().message(Language.SOURCE, key);
                String text = ResidentTexts.plain(FlowWalk.library().translations().message(l.code(), key));
                if (dutch.contains("medewerker") && !text.toLowerCase(java.util.Locale.ROOT).contains(word)) {
                    problems.add(l.code() + " " + key + " lacks \"" + word + "\": " + text);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theMarkersCatchInformalAddress() {
        assertEquals(List.of("je"), informal("nl", "Typ je antwoord als tekst."));
        assertEquals(List.of(), informal("nl", "Typ uw antwoord als tekst. Jeugdhulp en wijkteam."));
        assertEquals(List.of("yazabilirsin"), informal("tr", "Cevabını buraya yazabilirsin."));
        assertEquals(List.of("misin"), informal("tr", "Emin misin?"));
        assertEquals(List.of(), informal("tr", "Cevabınızı buraya yazabilirsiniz. Emin misiniz? Kesin mi?"));
        assertEquals(List.of("إجابتك", "اكتب"), informal("ar", "اكتب إجابتك نصًا."));
        assertEquals(List.of("لك"), informal("ar", "مرحبًا بكم، شكرًا لك."));
        assertEquals(List.of(), informal("ar", "اكتبوا إجابتكم نصًا. ذلك هناك. ابدأ"));
        assertEquals(List.of("Twój"), informal("pl", "Twój kod"));
        assertEquals(List.of("Wpisz"), informal("pl", "Wpisz odpowiedź jako tekst."));
        assertEquals(List.of("n/P", "n / k"), informal("pl", "Czy Pan/Pani wie, gdzie mieszkał Pan / korzystała Pani?"));
        assertEquals(List.of(), informal("pl", "Proszę wpisać odpowiedź. Czy może Pan przyjść? Nasz zespół. Wyślij"));
        // the Telegram bot's own words (issue 10): a slash with a dash, a greeting, a tap, the singular past in Arabic
        assertEquals(List.of("ś/-a"), informal("pl", "Wcześniej odpowiedziałeś/-aś: tak"));
        assertEquals(List.of(), informal("pl", "Można kontynuować poleceniem /hervat K7PM-2QXD."));
        assertEquals(List.of("Witaj", "Stuknij"), informal("pl", "Witaj ponownie! Stuknij Gotowe."));
        assertEquals(List.of(), informal("pl", "Witamy ponownie! Proszę stuknąć Gotowe."));
        assertEquals(List.of("رجعت"), informal("ar", "رجعت سؤالًا واحدًا."));
        assertEquals(List.of("اضغط"), informal("ar", "اضغط على تم."));
        assertEquals(List.of(), informal("ar", "رجعتم سؤالًا واحدًا. اضغطوا على تم."));
        assertEquals(List.of("اطلب"), informal("ar", "اطلب من الموظف رمزًا جديدًا."));
        assertEquals(List.of(), informal("ar", "اطلبوا من الموظف رمزًا جديدًا."));
        assertEquals(List.of("sen", "ver"), informal("tr", "Görüşmeye sen devam et. Bu kodu sakine ver."));
        assertEquals(List.of(), informal("tr", "Görüşmeye siz devam edersiniz. Bu kodu sakine verin. Sil"));
    }
}
