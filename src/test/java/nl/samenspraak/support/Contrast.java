package nl.samenspraak.support;

import java.util.Arrays;

/** WCAG's contrast ratio of two CSS colours as a browser computes them ("rgb(11, 92, 173)", opaque). */
public final class Contrast {
    private Contrast() {
    }

    public static double ratio(String cssA, String cssB) {
        double a = luminance(cssA);
        double b = luminance(cssB);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String css) {
        double[] c = Arrays.stream(css.replaceAll("[^0-9.,]", "").split(",")).limit(3).mapToDouble(Double::parseDouble)
                .map(v -> v / 255).map(v -> v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)).toArray();
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
