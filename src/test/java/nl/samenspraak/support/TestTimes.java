package nl.samenspraak.support;

import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Printed at the end of {@code ./mvnw verify} (pom.xml, execution "test-times"): the time each test class took,
 * slowest first, from the surefire and failsafe reports. A suite gets slow one class at a time; this keeps the slow
 * ones in sight.
 */
public final class TestTimes {
    private TestTimes() {
    }

    record ClassTime(String name, double seconds, int tests) {
    }

    public static void main(String[] args) throws Exception {
        String target = System.getProperty("samenspraak.target", "target");
        List<ClassTime> times = new ArrayList<>();
        for (String folder : List.of("surefire-reports", "failsafe-reports")) {
            File[] reports = new File(target, folder).listFiles((dir, name) -> name.startsWith("TEST-") && name.endsWith(".xml"));
            if (reports == null) {
                continue;
            }
            for (File report : reports) {
                Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report).getDocumentElement();
                times.add(new ClassTime(suite.getAttribute("name").replace("nl.samenspraak.", ""),
                        Double.parseDouble(suite.getAttribute("time").replace(",", "")),
                        // the cases, not the suite's "tests": that says 0 for a class whose tests are all in @Nested classes
                        suite.getElementsByTagName("testcase").getLength()));
            }
        }
        times.sort(Comparator.comparingDouble(ClassTime::seconds).reversed());
        double total = times.stream().mapToDouble(ClassTime::seconds).sum();
        System.out.printf(Locale.ROOT, "%nTime per test class (%d classes, %d tests, %.0f s in all), slowest first:%n",
                times.size(), times.stream().mapToInt(ClassTime::tests).sum(), total);
        for (ClassTime t : times) {
            System.out.printf(Locale.ROOT, "%8.1f s  %4d  %s%n", t.seconds(), t.tests(), t.name());
        }
    }
}
