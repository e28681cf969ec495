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

    /** Phrases that name origin, per language; each a question's words in lower case, without accents. */
    private static final Map<String, List<String>> ORIGIN = Map.of(
            "nl", List.of("geboorteland", "land van herkomst", "land van afkomst", "etnische achtergrond", "etniciteit",
                    "nationaliteit", "etnische afkomst", "etnische groep", "wat is uw afkomst", "wat is je afkomst",
                    "wat is uw herkomst", "wat is je herkomst", "uit welk land", "welke afkomst", "welke herkomst"),
            "en", List.of("country of birth", "country of origin", "ethnicity", "ethnic background", "ethnic origin",
                    "ethnic group", "nationality", "what is your origin", "where are you from", "where do you come from",
                    "your race", "racial"),
            "pl", List.of("kraj urodzenia", "kraj pochodzenia", "pochodzenie etniczne", "grupa etniczna", "grupy etnicznej",
                    "narodowosc", "obywatelstwo", "skad pochodzisz", "skad pan pochodzi", "skad pani pochodzi",
                    "skad panstwo pochodza"),
            "tr", List.of("dogum yeri", "dogdugunuz ulke", "dogdugun ulke", "etnik koken", "etnik kimlik", "etnik grup",
                    "uyruk", "hangi ulkeden geldiniz", "kokeniniz", "nerelisiniz", "nerelisin", "memleketiniz"),
            "ar", List.of("بلد الميلاد", "بلد المنشأ", "الأصل العرقي", "العرق", "المجموعة العرقية", "الجنسية", "جنسيتك",
                    "جنسيتكم", "أصلك", "أصلكم", "من أين أنت", "من أين أنتم"));

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
                    List.of("herkomst", "familie")),
            "en", List.of(List.of("which country", "born"), List.of("what country", "born"),
                    List.of("which country", "from"), List.of("what country", "from"),
                    List.of("where are your parents", "from"), List.of("where do your parents", "come from"),
                    List.of("where is your family", "from"), List.of("where does your family", "come from"),
                    List.of("origin", "parents"), List.of("origin", "family")),
            "pl", List.of(List.of("w jakim kraju", "urodzi"), List.of("z jakiego kraju", "pochodz"),
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
        for (String phrase : ORIGIN.getOrDefault(language, List.of())) {
            if (words.contains(plain(phrase))) {
                return Optional.of(phrase);
            }
        }
        for (List<String> together : TOGETHER.getOrDefault(language, List.of())) {
            if (together.stream().allMatch(w -> words.contains(plain(w)))) {
                return Optional.of(String.join(" … ", together));
            }
        }
        return Optional.empty();
    }

    /** Lower case, accents and Arabic vowel marks off, Turkish and Polish letters as their plain Latin ones. */
    static String plain(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('ı', 'i').replace('ł', 'l');
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('إ', 'ا').replace('أ', 'ا').replace('آ', 'ا');
    }
}
