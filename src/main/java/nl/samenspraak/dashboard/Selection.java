package nl.samenspraak.dashboard;

/**
 * What a manager filters on: a period ({@code 2025}, {@code 2025-Q2} or {@code 2025-05}), a wijk and a flow
 * version; null for "all". Blank values (an empty form field) are "all" too.
 */
public record Selection(String period, String wijk, String version) {
    public static final Selection ALL = new Selection(null, null, null);

    public Selection {
        period = blankToNull(period);
        wijk = blankToNull(wijk);
        version = blankToNull(version);
    }

    public boolean filtered() {
        return period != null || wijk != null || version != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
