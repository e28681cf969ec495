package nl.samenspraak.result;

import nl.samenspraak.flow.AdviceRule;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Step;
import nl.samenspraak.i18n.LanguageTexts;
import nl.samenspraak.support.FlowWalk;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sources a reader can use: a tip names reports and their parts in the reader's language, never a seed file;
 * the line numbers stay in the flow files for auditors; Latin fragments are isolated in right-to-left text.
 */
class ReadableSourcesTest {
    private static final Pattern FILE_NAME = Pattern.compile("\\d{3}_[0-9a-f]{16}|\\.txt\\b");
    private static final List<String> LANGUAGES = List.of("nl", "en", "tr", "ar", "pl");

    /** Every walk the golden tests know is too narrow: walk each flow with its first, then its last options. */
    private static List<FlowWalk> walks(Flow flow, String language) {
        List<FlowWalk> walks = new ArrayList<>();
        for (boolean first : List.of(true, false)) {
            FlowWalk walk = FlowWalk.assisted(flow.id(), language);
            walk.answerAll(step -> {
                Step s = flow.requireStep(step.id());
                if (s.consent()) {
                    return "ja";
                }
                return switch (s.type()) {
                    case INFO -> null;
                    case CHOICE, YESNO, SCALE -> step.options().get(first ? 0 : step.options().size() - 1).value();
                    case MULTI -> List.of(step.options().get(first ? 0 : step.options().size() - 2).value());
                    case TEXT -> "…";
                    case NUMBER -> s.min() == null ? 1 : s.min();
                    case DATE -> "2024-03-01";
                };
            });
            walks.add(walk);
        }
        return walks;
    }

    @Test
    void noTextInAnyLanguageContainsASourceFileName() {
        int tips = 0;
        for (Flow flow : FlowWalk.library().flows()) {
            for (String language : flow.languages()) {
                for (FlowWalk walk : walks(flow, language)) {
                    Result result = walk.result();
                    assertFalse(FILE_NAME.matcher(result.html()).find(), flow.id() + " " + language + ": " + result.html());
                    for (Result.Tip tip : result.tips()) {
                        tips++;
                        assertFalse(FILE_NAME.matcher(tip.source()).find(), tip.id() + " " + language + ": " + tip.source());
                        assertFalse(tip.source().contains("r. "), "line numbers are for auditors: " + tip.source());
                    }
                }
            }
        }
        assertTrue(tips > 100, "walked " + tips + " tips");
    }

    @Test
    void noLocaleTextNamesASourceFile() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("locales"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                assertFalse(FILE_NAME.matcher(text).find(), file + " names a seed file");
            }
        }
    }

    @Test
    void everyTipsSourceNamesAReportAndAPartInTheReadersLanguage() {
        for (Flow flow : FlowWalk.library().flows()) {
            for (AdviceRule rule : flow.advice()) {
                List<Citations.Cited> cited = Citations.of(rule.source());
                List<Citations.Cited> reports = cited.stream().filter(c -> !c.legal()).toList();
                assertFalse(reports.isEmpty(), flow.id() + "." + rule.id() + " cites no report: " + rule.source());
                for (Citations.Cited c : reports) {
                    assertFalse(c.sections().isEmpty(), flow.id() + "." + rule.id() + " cites " + c.report()
                            + " without a line in one of its parts: " + rule.source());
                }
                for (String language : LANGUAGES) {
                    String shown = new ResultBuilder(null, FlowWalk.library().translations(), null, "")
                            .readableSource(rule.source(), language);
                    LanguageTexts texts = FlowWalk.library().translations().texts(language).orElseThrow();
                    for (Citations.Cited c : reports) {
                        String titleKey = "sources.reports." + c.report();
                        String partKey = "sources.sections." + c.report() + "." + c.sections().iterator().next();
                        assertNotNull(texts.messages().get(titleKey), language + " has no " + titleKey);
                        assertNotNull(texts.messages().get(partKey), language + " has no " + partKey);
                        String title = FlowWalk.library().translations().message(language, titleKey);
                        String part = FlowWalk.library().translations().message(language, partKey);
                        assertTrue(strip(shown).contains(strip(nl.samenspraak.i18n.TextRenderer.escape(title))),
                                language + " " + rule.id() + ": " + shown);
                        assertTrue(strip(shown).contains(strip(nl.samenspraak.i18n.TextRenderer.escape(part))),
                                language + " " + rule.id() + ": " + shown);
                    }
                }
            }
        }
    }

    private static String strip(String s) {
        return s.replace("\u2068", "").replace("\u2069", "");
    }

    @Test
    void aDutchTitleInArabicKeepsItsOwnDirection() {
        String source = "001_9508d08cb1aaeb2c.txt, Stappenplan, Stap 2 (r. 323-333)";
        String shown = new ResultBuilder(null, FlowWalk.library().translations(), null, "").readableSource(source, "ar");
        assertTrue(shown.contains("\u2068Met één hand kun je niet klappen!\u2069"), shown);
        assertTrue(shown.contains("\u2068FORUM\u2069"), shown);
        String dutch = new ResultBuilder(null, FlowWalk.library().translations(), null, "").readableSource(source, "nl");
        assertFalse(dutch.contains("\u2068"), "left-to-right text needs no isolates: " + dutch);
        assertEquals("FORUM (2011), &quot;Met één hand kun je niet klappen!&quot;: stappenplan voor samenwerking", dutch);
    }

    /** Two parts of one report, in Arabic: Arabic's own semicolon between them (it was ";"), in Dutch the Latin one. */
    @Test
    void thePartsOfOneReportAreSeparatedAsTheLanguageDoes() {
        String source = "000_51ed5890fefdcf04.txt, Bijlage 3, competenties (r. 1241-1243), aanbeveling 12 (r. 1109)";
        ResultBuilder builder = new ResultBuilder(null, FlowWalk.library().translations(), null, "");
        String arabic = builder.readableSource(source, "ar");
        assertTrue(arabic.contains("\u061B ") && !arabic.contains(";"), arabic);
        assertTrue(builder.readableSource(source, "nl").contains("; "), builder.readableSource(source, "nl"));
    }

    /**
     * FORUM 2014 numbers the recommendations of its chapter on new migrants 1-6, and those of chapter 10 1-29: a tip
     * citing chapter 9's 2, 3 and 5 and chapter 10's 29 read "hoofdstuk 10, aanbevelingen (2, 3, 5, 29)", and a reader
     * looking up chapter 10's recommendations 2, 3 and 5 found the Jeugdwet, knowledge of problems and a team's make-up.
     */
    @Test
    void recommendationNumbersStayWithThePartTheyAreNumberedIn() {
        String source = "002_c81065983ea1f61f.txt, 'bereik ik iedereen wel?' (r. 2874-2876); 000_51ed5890fefdcf04.txt, "
                + "hoofdstuk 9, nieuwe migranten (r. 936-938), aanbevelingen 2, 3 en 5 (r. 946-958), aanbeveling 29 (r. 1180-1181)";
        ResultBuilder builder = new ResultBuilder(null, FlowWalk.library().translations(), null, "");
        String dutch = builder.readableSource(source, "nl");
        assertTrue(dutch.contains("hoofdstuk 9, nieuwe migranten (aanbevelingen 2, 3, 5); hoofdstuk 10, aanbevelingen (29)"), dutch);
        String english = builder.readableSource(source, "en");
        assertTrue(english.contains("(recommendations 2, 3, 5); chapter 10, recommendations (29)"), english);
        String arabic = builder.readableSource(source, "ar");
        assertTrue(arabic.contains("(التوصيات 2، 3، 5)"), "Arabic lists with its own comma: " + arabic);
    }

    @Test
    void isolatingLatinLeavesEntitiesWhole() {
        assertEquals("نص \u2068Wijkteams diversiteitsproof\u2069 &quot;", ResultBuilder.isolateLatin("نص Wijkteams diversiteitsproof &quot;"));
    }

    /**
     * On a page each isolated title is one piece with the quotation marks around it (escaped ones too), while other
     * marks (an Arabic comma) stay in the line's own direction; text without isolates is left as it is.
     */
    @Test
    void onAPageATitleIsOnePieceWithItsQuotationMarks() {
        assertEquals("نص <bdi class=\"name\" lang=\"nl\">«\u2068Wijkteams diversiteitsproof\u2069»</bdi> (فرق)",
                Sources.forPage("نص «\u2068Wijkteams diversiteitsproof\u2069» (فرق)"));
        assertEquals("נ <bdi class=\"name\" lang=\"nl\">&quot;\u2068Met één hand kun je niet klappen!\u2069&quot;</bdi>: ש",
                Sources.forPage("נ &quot;\u2068Met één hand kun je niet klappen!\u2069&quot;: ש"));
        assertEquals("منتدى <bdi class=\"name\" lang=\"nl\">\u2068\u2068FORUM\u2069\u2069</bdi>، تقرير",
                Sources.forPage("منتدى \u2068\u2068FORUM\u2069\u2069، تقرير"));
        assertEquals("«<bdi class=\"name\" lang=\"nl\">\u2068FORUM\u2069</bdi>،",
                Sources.forPage("«\u2068FORUM\u2069،"), "an opening mark without a closing one stays outside");
        String dutch = "FORUM (2011), &quot;Met één hand kun je niet klappen!&quot;";
        assertTrue(dutch == Sources.forPage(dutch), "no isolates: the same text");
    }

    @Test
    void linesFallInTheReportsParts() {
        assertEquals("bijlage3", Citations.part("forum2014", 1251));
        assertEquals("bijlage1", Citations.part("forum2014", 1184));
        assertEquals("aanbevelingen", Citations.part("forum2014", 1109));
        assertEquals("stappenplan", Citations.part("forum2011", 453));
        assertEquals("effectief", Citations.part("nji2015", 2127));
        assertEquals("abc", Citations.part("pharos2010", 149));
        List<Citations.Cited> cited = Citations.of("000_51ed5890fefdcf04.txt, aanbevelingen 6 en 8 (r. 1086-1088, 1099-1102); "
                + "grens: Meldcode huiselijk geweld en kindermishandeling (wettelijk kader, geen onderzoeksbron)");
        assertEquals("forum2014", cited.get(0).report());
        assertEquals(List.of("6", "8"), List.copyOf(cited.get(0).recommendations().get("aanbevelingen")));
        assertEquals("meldcode", cited.get(1).report());
    }
}
