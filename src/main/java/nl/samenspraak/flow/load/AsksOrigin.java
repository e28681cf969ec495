package nl.samenspraak.flow.load;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a question asks where a person or their family comes from: a country of birth, an ethnicity, a
 * nationality. Samenspraak asks and keeps none of that (README "Privacy"), and a questionnaire brought as a
 * spreadsheet was published with "In welk land bent u geboren?" and "Wat is uw etnische achtergrond?", its answers
 * kept and counted. How long someone has lived here, the languages spoken at home and whether someone fled are
 * asked (they are what the research needs) and are not origin.
 *
 * <p>Read from a question's words, in each language the flow speaks, by phrases that only such a question uses
 * (a single word like "afkomst" also stands in a welcome that says origin is never asked, and "pochodzenie" in a
 * Polish question about curiosity): an origin word, or "which country" with "born". Plain Java.
 */
public final class AsksOrigin {
    private AsksOrigin() {
    }

    private static final java.util.regex.Pattern FORMAT = java.util.regex.Pattern.compile("\\p{Cf}");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("[\\p{Z}\\s]+");
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");

    /** Phrases that name origin, per language; each a question's words in lower case, without accents. */
    private static final Map<String, List<String>> ORIGIN = Map.of(
            "nl", List.of("geboorteland", "land van herkomst", "land van afkomst", "etnische achtergrond", "etniciteit",
                    "nationaliteit", "etnische afkomst", "etnische groep", "wat is uw afkomst", "wat is je afkomst",
                    "wat is uw herkomst", "wat is je herkomst", "uit welk land", "welke afkomst", "welke herkomst",
                    "se afkomst", "che afkomst", "se herkomst", "che herkomst", "waar bent u geboren",
                    "waar ben je geboren", "welk paspoort", "bevolkingsgroep", "bent u in nederland geboren",
                    "ben je in nederland geboren", "bent u hier geboren", "ben je hier geboren"),
            "en", List.of("country of birth", "country of origin", "ethnicity", "ethnic background", "ethnic origin",
                    "ethnic group", "nationality", "what is your origin", "where are you from", "where do you come from",
                    "your race", "racial", "where were you born", "which passport", "what passport",
                    "were you born in the netherlands", "were you born here"),
            "pl", List.of("kraj urodzenia", "kraj pochodzenia", "pochodzenie etniczne", "grupa etniczna", "grupy etnicznej",
                    "narodowosc", "obywatelstwo", "skad pochodzisz", "skad pan pochodzi", "skad pani pochodzi",
                    "skad panstwo pochodza", "jaki paszport"),
            "tr", List.of("dogum yeri", "dogdugunuz ulke", "dogdugun ulke", "etnik koken", "etnik kimlik", "etnik grup",
                    "uyruk", "hangi ulkeden geldiniz", "kokeniniz", "nerelisiniz", "nerelisin", "memleketiniz",
                    "nerede dogdu", "hangi pasaport"),
            "ar", List.of("بلد الميلاد", "بلد المنشأ", "الأصل العرقي", "العرق", "المجموعة العرقية", "الجنسية", "جنسيتك",
                    "جنسيتكم", "أصلك", "أصلكم", "من أين أنت", "من أين أنتم", "أين ولدت", "أين ولدتم"));

    /**
     * Words that name a background a research text talks about ("gezinnen met een migratieachtergrond", "a family with
     * a migration background": the bundled flows' welcomes and questions say them) and a question asks of the person
     * themselves only with "your" before them: "Wat is uw migratieachtergrond?", "Heeft u een migratieachtergrond?".
     */
    private static final Map<String, List<List<String>>> YOURS = Map.of(
            "nl", List.of(List.of("uw ", "je ", "jouw ", "u een ", "je een ", "jij een "),
                    List.of("migratieachtergrond", "migratie-achtergrond", "migratie achtergrond", "culturele achtergrond",
                            "culturele afkomst", "culturele herkomst", "afkomst", "herkomst")),
            "en", List.of(List.of("your ", "you have a ", "you have an "),
                    List.of("migration background", "migrant background", "cultural background", "ethnic", "origin",
                            "heritage")),
            "pl", List.of(List.of("twoje ", "pana ", "pani ", "panstwa "),
                    List.of("pochodzenie", "tlo migracyjne", "tlo kulturowe")),
            "tr", List.of(List.of("sizin ", "senin "), List.of("koken", "gocmen gecmis", "kulturel gecmis")),
            "ar", List.of(List.of(), List.of()));

    /**
     * Words that, together in one question, ask origin: "which country ... born", "where ... from" about the person,
     * their parents or family, origin ("afkomst") of the parents. Each alone stands in other questions ("Waar haalt u
     * informatie vandaan?", "Hoe vaak komen ouders bij u?").
     */
    private static final Map<String, List<List<String>>> TOGETHER = Map.of(
            "nl", List.of(List.of("welk land", "geboren"), List.of("welk land", "vandaan"),
                    List.of("waar kom je", "vandaan"), List.of("waar komt u", "vandaan"),
                    List.of("waar komen je ouders", "vandaan"), List.of("waar komen uw ouders", "vandaan"),
                    List.of("waar komt je familie", "vandaan"), List.of("waar komt uw familie", "vandaan"),
                    List.of("afkomst", "ouders"), List.of("herkomst", "ouders"), List.of("afkomst", "familie"),
                    List.of("herkomst", "familie"), List.of("waar", "ouders", "geboren"),
                    List.of("waar", "moeder", "geboren"), List.of("waar", "vader", "geboren"),
                    List.of("tot welke", "rekent u zich"), List.of("tot welke", "reken je jezelf")),
            "en", List.of(List.of("which country", "born"), List.of("what country", "born"),
                    List.of("which country", "from"), List.of("what country", "from"),
                    List.of("where are your parents", "from"), List.of("where do your parents", "come from"),
                    List.of("where is your family", "from"), List.of("where does your family", "come from"),
                    List.of("origin", "parents"), List.of("origin", "family"), List.of("where", "parents", "born")),
            "pl", List.of(List.of("w jakim kraju", "urodzi"), List.of("gdzie", "urodzi"), List.of("z jakiego kraju", "pochodz"),
                    List.of("skad", "rodzice", "pochodz"), List.of("skad", "rodzina", "pochodz"),
                    List.of("pochodzenie", "rodzicow"), List.of("pochodzenie", "rodziny")),
            "tr", List.of(List.of("hangi ulke", "dog"), List.of("hangi ulke", "geld"),
                    List.of("anne", "baba", "nereli"), List.of("aileniz", "nereli"), List.of("koken", "anne"),
                    List.of("koken", "aile")),
            "ar", List.of(List.of("أي بلد", "ولد"), List.of("في أي دولة", "ولد"), List.of("من أي بلد", "أنت"),
                    List.of("من أين", "والداك"), List.of("من أين", "والدك"), List.of("من أين", "عائلتك"),
                    List.of("أصل والدي"), List.of("أصل عائلت")));

    /** The phrase by which {@code question} (in {@code language}) asks origin, if it does. */
    public static Optional<String> in(String language, String question) {
        String words = plain(question);
        for (Phrase phrase : PHRASES.getOrDefault(language, List.of())) {
            if (phrase.in(words)) {
                return Optional.of(phrase.said());
            }
        }
        return Optional.empty();
    }

    /**
     * One way a text asks origin, as said back to the author ({@code said}) and as matched: its parts plain, each
     * contained in the text (all of them, anywhere), or one part that starts a word ({@code wordStart}: "uw afkomst",
     * not the end of "kimsenin kökeni").
     */
    private record Phrase(String said, List<String> parts, boolean wordStart) {
        boolean in(String words) {
            return wordStart ? startsAWord(words, parts.get(0)) : parts.stream().allMatch(words::contains);
        }
    }

    /**
     * Every phrase per language, made plain once (the loader reads every text of every flow at start, and each was
     * made plain for every phrase): the origin words, "your" before a background, then the words together.
     */
    private static final Map<String, List<Phrase>> PHRASES = phrases();

    private static Map<String, List<Phrase>> phrases() {
        Map<String, List<Phrase>> all = new java.util.HashMap<>();
        for (String language : ORIGIN.keySet()) {
            List<Phrase> phrases = new java.util.ArrayList<>();
            ORIGIN.get(language).forEach(p -> phrases.add(new Phrase(p, List.of(plain(p)), false)));
            List<List<String>> yours = YOURS.getOrDefault(language, List.of(List.of(), List.of()));
            for (String your : yours.get(0)) {
                for (String background : yours.get(1)) {
                    phrases.add(new Phrase(your + background, List.of(plain(your + background)), true));
                }
            }
            for (List<String> together : TOGETHER.getOrDefault(language, List.of())) {
                phrases.add(new Phrase(String.join(" … ", together), together.stream().map(AsksOrigin::plain).toList(), false));
            }
            all.put(language, List.copyOf(phrases));
        }
        return Map.copyOf(all);
    }

    /**
     * The phrase by which a text that tells rather than asks (a welcome, a note, a group's title) asks origin in one
     * of its questions, if it does: only its sentences that end in a question mark are read, because a welcome says
     * "Nie pytamy ... skąd Państwo pochodzą." (we do not ask where you come from), and a group's title "In welk land
     * bent u geboren?" above a bare "Antwoord:" asks it.
     */
    public static Optional<String> inQuestionsOf(String language, String text) {
        java.util.regex.Matcher sentence = QUESTION.matcher(text);
        while (sentence.find()) {
            Optional<String> phrase = in(language, sentence.group());
            if (phrase.isPresent()) {
                return phrase;
            }
        }
        return Optional.empty();
    }

    /** A sentence that ends in a question mark (Arabic's too). */
    private static final java.util.regex.Pattern QUESTION = java.util.regex.Pattern.compile("[^.!?\u061F\n]*[?\u061F]");

    /** Whether {@code phrase} stands in {@code words} at the start of a word ("kimsenin kökeni" is not "senin köken"). */
    private static boolean startsAWord(String words, String phrase) {
        for (int at = words.indexOf(phrase); at >= 0; at = words.indexOf(phrase, at + 1)) {
            if (at == 0 || !Character.isLetterOrDigit(words.charAt(at - 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Lower case, accents and Arabic vowel marks off, Turkish and Polish letters as their plain Latin ones; and the
     * text as a reader sees it rather than as it is coded: compatibility forms (a no-break space, full-width or
     * bold letters) as their plain ones, invisible format characters (a soft hyphen from a word processor's
     * hyphenation, a zero-width space) gone, runs of spaces and line breaks as one space, and in a text written in
     * the Latin alphabet the Cyrillic and Greek letters that look like Latin ones as those (an uploaded form's "In
     * welk land bent u geboren?" passed with a no-break space, a soft hyphen, a zero-width space or a Cyrillic "е").
     * Persian's yeh and kaf as Arabic's, which they look like.
     */
    static String plain(String text) {
        String seen = SPACES.matcher(FORMAT.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("")).replaceAll(" ");
        String latin = mostlyLatin(seen) ? lookingLatin(seen) : seen;
        String lower = latin.toLowerCase(Locale.ROOT).replace('ı', 'i').replace('ł', 'l');
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("")
                .replace('إ', 'ا').replace('أ', 'ا').replace('آ', 'ا').replace('ی', 'ي').replace('ک', 'ك');
    }

    /** Cyrillic and Greek letters, each followed by the Latin letter it looks like. */
    private static final String LOOK_ALIKES = "АAВBЕEЁEІIЈJКKМMНHОOРPСCЅSТTХXУYаaеeёeіiїiјjоoрpсcѕsуyхxһhԁdԛqԝw"
            + "ΑAΒBΕEΖZΗHΙIΚKΜMΝNΟOΡPΤTΥYΧXοoαaιiκkνvρpυuχx";

    private static boolean mostlyLatin(String text) {
        int latin = 0;
        int other = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetter(c)) {
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                if (script == Character.UnicodeScript.LATIN) {
                    latin++;
                } else if (script == Character.UnicodeScript.CYRILLIC || script == Character.UnicodeScript.GREEK) {
                    other++;
                }
            }
        }
        return latin > other;
    }

    private static String lookingLatin(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int at = LOOK_ALIKES.indexOf(c);
            out.append(at >= 0 && at % 2 == 0 ? LOOK_ALIKES.charAt(at + 1) : c);
        }
        return out.toString();
    }
}
