package nl.samenspraak.i18n;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In Arabic the noun after a number takes its form from the number: 3 to 10 a plural (٥ أحرف، ٣ نصائح), 11 to 99 a
 * singular with tanwin (٢٠ حرفًا), 100 and more a plain singular (٢٠٠٠ حرف). A text that puts a counted noun right
 * after a number the service fills in ("$max حرفًا", "$count نصائح") is wrong for most numbers: a resident read
 * "٢٠٠٠ حرفًا" for a text answer and "١ نصائح" above a single tip. The resident flows say such a number after the
 * noun instead ("عدد الأحرف: $length"). While this test was written it failed on the Arabic text_too_long,
 * type_text_max, draft_so_far and draft_too_long of both resident flows and on the shared result_summary_tips,
 * counter and counter_over (22 texts in all).
 */
class ArabicCountedNounsTest {
    /** A filled-in number (a {@code $name} or {@code ${name}}) followed by a noun whose form depends on it. */
    static final Pattern NUMBER_THEN_NOUN = Pattern.compile(
            "\\$\\{?(?:max|min|length|count|over)\\}?\\s+(?:حرف\\S*|أحرف|نصائح|نصيحة\\S*)");

    @Test
    void theCheckFindsACountedNounAfterAFilledInNumber() {
        assertTrue(NUMBER_THEN_NOUN.matcher(ResidentTexts.plain("استخدموا $max حرفًا على الأكثر")).find());
        assertTrue(NUMBER_THEN_NOUN.matcher("فيما يلي $count نصائح").find());
        assertTrue(!NUMBER_THEN_NOUN.matcher("الحد الأقصى لعدد الأحرف: $max (الآن: $length).").find());
    }

    @Test
    void residentTextsPutNoCountedNounRightAfterAFilledInNumber() {
        List<String> problems = ResidentTexts.found("ar", key -> true, NUMBER_THEN_NOUN);
        assertEquals(List.of(), problems, problems.size() + " Arabic resident texts put a counted noun after a number");
    }
}
