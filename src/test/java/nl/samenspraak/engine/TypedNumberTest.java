package nl.samenspraak.engine;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Numbers as people type them in Dutch, English, Polish, Turkish and Arabic (digits made western first). */
class TypedNumberTest {
    private static void reads(String typed, String number) {
        assertEquals(new BigDecimal(number), TypedNumber.read(typed), typed);
    }

    @Test
    void plainNumbersWithAPointOrCommaForTheFraction() {
        reads("12", "12");
        reads("-3", "-3");
        reads("1,5", "1.5");
        reads("1.5", "1.5");
        reads("0,500", "0.500");
        reads("1234,567", "1234.567");
    }

    @Test
    void thousandsGroupedByPointsCommasOrSpaces() {
        reads("1.000.000", "1000000");
        reads("1,000,000", "1000000");
        reads("1 000", "1000");
        reads("12\u00A0500", "12500");
        reads("1\u202F000\u202F000", "1000000");
        reads("1.000,5", "1000.5");
        reads("1,000.5", "1000.5");
        reads("12.345.678,90", "12345678.90");
    }

    @Test
    void oneMarkBeforeThreeDigitsIsEitherAThousandOrAFraction() {
        for (String either : List.of("1.000", "12,000", "999.999", "+1,500")) {
            assertTrue(TypedNumber.ambiguous(either), either);
            assertNull(TypedNumber.read(either), either);
        }
        for (String clear : List.of("0,500", "1234,567", "1,5", "1.000.000", "1 000", "12,0000")) {
            assertFalse(TypedNumber.ambiguous(clear), clear);
        }
    }

    @Test
    void whatIsNoNumber() {
        for (String no : List.of("twaalf", "1.000.5", "1,000,5", "1.00.000", "1..5", "1 00", "", "1e5", "9".repeat(41))) {
            assertNull(TypedNumber.read(no), no);
        }
    }
}
