package nl.samenspraak.xlsform;

import static nl.samenspraak.xlsform.XlsFormBuilder.row;

/**
 * A neighbourhood survey in Dutch, English and Arabic (right to left) that uses every construct Samenspraak
 * maps, built in code. Its meaning, as Kobo or ODK would ask it:
 * age 16-120 (required), children yes/no, how many only with children (1-15), at most two topics with
 * "something else" to specify, a wish only with three or more children or the topic school, a 1-5 satisfaction
 * range, a move-in date not in the future, a rent of at least 0, an acknowledgement, and an optional remark.
 */
final class SampleForms {
    static final String[] SURVEY_HEADER = {"type", "name", "label::Nederlands (nl)", "label::English (en)",
            "label::العربية (ar)", "hint::Nederlands (nl)", "hint::English (en)", "hint::العربية (ar)", "required",
            "relevant", "constraint", "constraint_message::Nederlands (nl)", "constraint_message::English (en)",
            "constraint_message::العربية (ar)", "parameters", "calculation", "appearance"};

    static final String[][] SURVEY = {
            row("note", "welkom", "Welkom bij de buurtpeiling.", "Welcome to the neighbourhood survey.", "مرحبا بكم في استطلاع الحي.",
                    "", "", "", "", "", "", "", "", "", "", "", ""),
            row("begin_group", "huishouden", "Over je huishouden", "About your household", "عن أسرتك",
                    "", "", "", "", "", "", "", "", "", "", "", "field-list"),
            row("integer", "leeftijd", "Hoe oud ben je?", "How old are you?", "كم عمرك؟",
                    "In jaren", "In years", "بالسنوات", "yes", "", ". >= 16 and . <= 120",
                    "Je bent tussen 16 en 120.", "You are between 16 and 120.", "عمرك بين 16 و120.", "", "", ""),
            row("select_one janee", "kinderen", "Heb je kinderen?", "Do you have children?", "هل لديك أطفال؟",
                    "", "", "", "yes", "", "", "", "", "", "", "", ""),
            row("integer", "aantal_kinderen", "Hoeveel kinderen?", "How many children?", "كم عدد أطفالك؟",
                    "", "", "", "yes", "${kinderen} = 'ja'", ". >= 1 and . <= 15", "", "", "", "", "", ""),
            row("end_group", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""),
            row("select_multiple onderwerpen or_other", "onderwerpen", "Waar wil je over praten?", "What would you like to talk about?",
                    "عن ماذا تريد أن تتحدث؟", "", "", "", "yes", "", "count-selected(.) <= 2", "", "", "", "", "", ""),
            row("calculate", "groot_gezin", "", "", "", "", "", "", "", "", "", "", "", "", "", "${aantal_kinderen} >= 3", ""),
            row("text", "wens", "Wat wens je voor ${kinderen}?", "What do you wish for?", "ماذا تتمنى؟",
                    "", "", "", "yes", "${groot_gezin} or selected(${onderwerpen}, 'school')", "string-length(.) <= 200",
                    "", "", "", "", "", ""),
            row("range", "tevreden", "Hoe tevreden ben je over de buurt?", "How satisfied are you with the neighbourhood?",
                    "ما مدى رضاك عن الحي؟", "", "", "", "yes", "", "", "", "", "", "start=1 end=5 step=1", "", ""),
            row("date", "verhuisd", "Wanneer ben je hier komen wonen?", "When did you move here?", "متى انتقلت إلى هنا؟",
                    "", "", "", "", "", ". <= today()", "", "", "", "", "", ""),
            row("decimal", "huur", "Hoeveel huur betaal je per maand?", "How much rent do you pay a month?", "كم تدفع إيجارا شهريا؟",
                    "", "", "", "", "not(${kinderen} = 'nee') and ${leeftijd} > 17", ". >= 0", "", "", "", "", "", ""),
            row("acknowledge", "akkoord", "Mogen we je antwoorden gebruiken?", "May we use your answers?", "هل يمكننا استخدام إجاباتك؟",
                    "", "", "", "yes", "", "", "", "", "", "", "", ""),
            row("text", "opmerking", "Nog iets?", "Anything else?", "أي شيء آخر؟",
                    "", "", "", "", "", "", "", "", "", "", "", ""),
    };

    static final String[] CHOICES_HEADER = {"list_name", "name", "label::Nederlands (nl)", "label::English (en)", "label::العربية (ar)"};
    static final String[][] CHOICES = {
            row("janee", "ja", "Ja", "Yes", "نعم"),
            row("janee", "nee", "Nee", "No", "لا"),
            row("onderwerpen", "school", "School", "School", "المدرسة"),
            row("onderwerpen", "zorg", "Zorg", "Care", "الرعاية"),
            row("onderwerpen", "werk", "Werk", "Work", "العمل"),
    };

    static final String[] SETTINGS_HEADER = {"form_id", "form_title", "version", "default_language"};
    static final String[][] SETTINGS = {row("buurt_peiling", "Buurtpeiling", "2026120101", "Nederlands (nl)")};

    private SampleForms() {
    }

    static XlsFormBuilder buurtpeiling() {
        return new XlsFormBuilder().sheet("survey", SURVEY_HEADER, SURVEY).sheet("choices", CHOICES_HEADER, CHOICES)
                .sheet("settings", SETTINGS_HEADER, SETTINGS);
    }

    /** The sample survey with one cell changed (row counted as in the spreadsheet: the header is row 1). */
    static XlsFormBuilder buurtpeilingWith(int surveyRow, String column, String value) {
        String[][] rows = new String[SURVEY.length][];
        for (int i = 0; i < SURVEY.length; i++) {
            rows[i] = SURVEY[i].clone();
        }
        int c = java.util.Arrays.asList(SURVEY_HEADER).indexOf(column);
        rows[surveyRow - 2][c] = value;
        return new XlsFormBuilder().sheet("survey", SURVEY_HEADER, rows).sheet("choices", CHOICES_HEADER, CHOICES)
                .sheet("settings", SETTINGS_HEADER, SETTINGS);
    }

    /** The sample with one more survey column (R), holding {@code value} in one row. */
    static XlsFormBuilder buurtpeilingWithColumn(String header, int surveyRow, String value) {
        String[] headers = java.util.Arrays.copyOf(SURVEY_HEADER, SURVEY_HEADER.length + 1);
        headers[SURVEY_HEADER.length] = header;
        String[][] rows = new String[SURVEY.length][];
        for (int i = 0; i < SURVEY.length; i++) {
            rows[i] = java.util.Arrays.copyOf(SURVEY[i], SURVEY[i].length + 1);
            rows[i][SURVEY[i].length] = i == surveyRow - 2 ? value : "";
        }
        return new XlsFormBuilder().sheet("survey", headers, rows).sheet("choices", CHOICES_HEADER, CHOICES)
                .sheet("settings", SETTINGS_HEADER, SETTINGS);
    }
}
