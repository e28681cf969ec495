package nl.samenspraak.telegram;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelegramHtmlTest {

    @Test
    void webHtmlBecomesWhatTelegramParses() {
        String web = "<p>Je antwoordde &quot;&lt;b&gt;&quot; &amp; meer</p><h2>Kop</h2><strong>vet</strong> R&D &#233; a < b<br>x";
        String telegram = TelegramHtml.forTelegram(web);
        assertEquals("Je antwoordde \"<b>\" & meer\n\nKop\nvet R&D é a < b\nx", TelegramHtmlCheck.visibleText(telegram));
        assertTrue(telegram.contains("<strong>vet</strong>"), telegram);
    }

    @Test
    void buttonsAndNoticesGetPlainText() {
        assertEquals("Ouder & kind <samen>", TelegramHtml.toPlain("Ouder &amp; kind &lt;samen&gt;"));
        assertEquals("'s avonds", TelegramHtml.toPlain("&#39;s avonds"));
    }

    /**
     * A team's name with "&" in it stays one left-to-right isolate in Arabic text: it was two, with the "&" between them
     * in the Arabic order, and read "Wijkteam Oost & CJG" (the Telegram probe of December 2026).
     */
    @Test
    void aLatinNameWithAnAmpersandIsOneIsolate() {
        String lri = String.valueOf(TelegramHtml.LRI);
        String pdi = String.valueOf(TelegramHtml.PDI);
        assertEquals("لصالح " + lri + "CJG &amp; Wijkteam Oost" + pdi + ".", TelegramHtml.isolateLeftToRight("لصالح CJG &amp; Wijkteam Oost."));
        assertEquals("لصالح " + lri + "Jeugd + Gezin" + pdi, TelegramHtml.isolateLeftToRight("لصالح Jeugd + Gezin"));
        assertEquals("<b>" + lri + "Noord" + pdi + "</b> &amp; " + lri + "Zuid" + pdi,
                TelegramHtml.isolateLeftToRight("<b>Noord</b> &amp; Zuid"), "a tag still ends a run");
    }

    @Test
    void rightToLeftMarksStartEveryLine() {
        String marked = TelegramHtml.rightToLeft("سؤال\n3 · نعم\n\nA");
        assertEquals("\u200Fسؤال\n\u200F3 · نعم\n\n\u200FA", marked);
        assertEquals(marked, TelegramHtml.rightToLeft(marked), "marking twice changes nothing");
    }

    @Test
    void aShortMessageStaysWhole() {
        assertEquals(List.of("<b>Tips</b>\n\nTekst"), TelegramHtml.split("<b>Tips</b>\n\nTekst", 4095));
    }

    @Test
    void aLongMessageIsCutBetweenParagraphsBelowTheLimit() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            b.append("<b>Tip ").append(i).append("</b>\n").append("Vraag door &amp; luister. ".repeat(8)).append("\n\n");
        }
        String html = b.toString().strip();
        List<String> parts = TelegramHtml.split(html, 4095);
        assertTrue(parts.size() > 2, "cut: " + parts.size());
        for (String part : parts) {
            assertTrue(part.length() <= 4095, "below the limit: " + part.length());
            TelegramHtmlCheck.visibleText(part);
            assertTrue(part.startsWith("<b>Tip "), "each part starts at a paragraph: " + part.substring(0, 20));
        }
        assertEquals(html, String.join("\n\n", parts), "nothing lost");
    }

    @Test
    void aSingleHugeLineIsCutBetweenWordsWithoutBreakingAnEntityOrACharacter() {
        String word = "\uD83D\uDE00&amp;\u0627\u0644\u0646\u0635 ";
        String line = "<i>" + word.repeat(1500) + "</i>";
        List<String> parts = TelegramHtml.split(line, 4095);
        assertTrue(parts.size() >= 2);
        StringBuilder visible = new StringBuilder();
        for (String part : parts) {
            assertTrue(part.length() <= 4095);
            assertTrue(!Character.isLowSurrogate(part.charAt(0)), "no character cut in half");
            visible.append(TelegramHtmlCheck.visibleText(part)).append(' ');
        }
        assertEquals(TelegramHtmlCheck.visibleText(line).replace(" ", ""), visible.toString().replace(" ", ""));
    }
}
