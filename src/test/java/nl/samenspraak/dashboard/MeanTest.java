package nl.samenspraak.dashboard;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A mean as the tables print it and as the charts take it, from one value: the two cannot disagree. */
class MeanTest {

    @Test
    void aMeanIsRoundedToAWholeNumberForTheTableAndTheChartAlike() {
        Mean mean = Mean.of(66.5);
        assertEquals(67L, mean.rounded());
        assertEquals("67", mean.toString());
        assertEquals("0", Mean.of(0.4).toString());
    }

    @Test
    void noMeanIsADashInTheTableAndAGapInTheChart() throws Exception {
        Mean none = Mean.of(null);
        assertNull(none.rounded());
        assertEquals("–", none.toString());

        String chart = new ChartJson(JsonMapper.createDefault()).chart("grouped", List.of("Netwerk", "Taal"),
                List.of(Map.of("label", "Wijk A", "data", Arrays.asList(Mean.of(71.0).rounded(), none.rounded()))));
        assertTrue(chart.startsWith("{\"kind\":\"grouped\",\"labels\":[\"Netwerk\",\"Taal\"],\"series\":[{"), chart);
        assertTrue(chart.contains("\"data\":[71,null]"), chart);
    }
}
