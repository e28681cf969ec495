package nl.samenspraak.xlsform;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Flow conditions written as XLSForm XPath, as a translator sees them in an exported spreadsheet. */
class JexlToXPathTest {
    @Test
    void theSeedFlowsConditionsReadAsXPath() {
        assertEquals("${tolk} = 'ja'", JexlToXPath.xpath("answers.tolk == 'ja'"));
        assertEquals("score('kennis') < 50", JexlToXPath.xpath("scores.kennis < 50"));
        assertEquals("not(((${zorgen}) = '')) and (selected(${zorgen}, 'schaamte'))",
                JexlToXPath.xpath("!empty(answers.zorgen) && ('schaamte' =~ answers.zorgen)"));
        assertEquals("${a} = 'ja' or ${b} <= 2", JexlToXPath.xpath("answers.a == 'ja' || answers.b <= 2"));
        assertEquals("not((score('k') < 50)) and (score('k') < 75 or score('h') < 75)",
                JexlToXPath.xpath("!(scores.k < 50) && (scores.k < 75 || scores.h < 75)"));
    }
}
